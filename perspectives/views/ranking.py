"""Two rankings read from the two ends of one order ("nearest" and "farthest", "closest to
agreement" and "most divided"), kept apart so that they mean what they say.

`split_ends` cuts an ordered list into its low end and its high end:
- the two ends never share an item, nor a tied value: items whose rank value is equal (as
  shown, to two decimals) form one group, and a group goes to one end only;
- the groups are shared out from the two ends inwards, half each; the middle group of an odd
  number goes where `middle_is_low` says (on the scale's own midpoint, say);
- each end is read from its extreme inwards: the low end lowest first, the high end highest
  first; within a tie the given order holds (the caller's tie-break);
- a small list gives short ends rather than the same items twice: two items at two different
  values make one row each, and one item (or one value) appears at one end only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")
PLACES = 2  # values are shown to two decimals: values equal as shown are a tie


def shown(value: float) -> float:
    """The value as the pages show it, for telling ties."""
    return round(value + 0.0, PLACES)


def tie_groups(items: Sequence[T], value: Callable[[T], Hashable]) -> list[list[T]]:
    """Consecutive items of equal `value`, in the given order (which must be sorted by it)."""
    groups: list[list[T]] = []
    last: object = object()
    for item in items:
        key = value(item)
        if groups and key == last:
            groups[-1].append(item)
        else:
            groups.append([item])
        last = key
    return groups


def split_ends(
    items: Sequence[T],
    value: Callable[[T], Hashable],
    limit: int | None,
    middle_is_low: Callable[[T], bool],
) -> tuple[list[T], list[T]]:
    """(low end, high end) of `items` (sorted from low to high, ties already broken), each at
    most `limit` long, disjoint in items and in values; see the module's docstring."""
    groups = tie_groups(items, value)
    half = len(groups) // 2
    low_groups, high_groups = groups[:half], groups[len(groups) - half :]
    if len(groups) % 2:
        middle = groups[half]
        if middle_is_low(middle[0]):
            low_groups = [*low_groups, middle]
        else:
            high_groups = [middle, *high_groups]
    low = [item for group in low_groups for item in group]
    high = [item for group in reversed(high_groups) for item in group]
    if limit is not None:
        low, high = low[:limit], high[:limit]
    return low, high
