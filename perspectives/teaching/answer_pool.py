"""Sharing out a side's positions as answers to the attacks the corpus links to none: each
attack takes the least used position, of its own kind of disagreement first, strongest first.

Asked by scanning the whole side for every attack, a brief on a topic of a 1,000-copy reading
list (thousands of attacks and positions) took seconds to minutes; a heap per (times used, kind)
finds the same position in a logarithm of the side's size.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from perspectives.corpus.entities import Position
from perspectives.teaching.evidence_cards import strength

ANY = object()  # the heap of every kind (a kind may be None, so it cannot be the key)


class LeastUsed:
    """A side's positions by how many attacks each answers already (`used`, updated here)."""

    def __init__(self, ours: Sequence[Position], used: dict[str, int]) -> None:
        self.ours = ours
        self.used = used
        self.keys = [strength(p) for p in ours]  # unique: one position per voice on a topic
        self.heaps: dict[tuple[int, object], list[tuple[tuple, int]]] = {}
        for k in range(len(ours)):
            self._push(k)

    def take(self, kind: str | None, below: int) -> Position | None:
        """The position used fewest times (and fewer than `below`), of `kind` before others,
        then strongest; counted as used once more. None when every position is used up."""
        for level in sorted({level for level, _ in self.heaps}):
            if level >= below:
                break
            k = self._top(level, kind)
            if k is None:
                k = self._top(level, ANY)
            if k is not None:
                position = self.ours[k]
                self.used[position.id] = level + 1
                self._push(k)
                return position
        return None

    def _push(self, k: int) -> None:
        position = self.ours[k]
        level = self.used.get(position.id, 0)
        for group in (ANY, position.disagreement):
            heapq.heappush(self.heaps.setdefault((level, group), []), (self.keys[k], k))

    def _top(self, level: int, group: object) -> int | None:
        """The heap's first entry still used `level` times (entries go stale as use grows)."""
        heap = self.heaps.get((level, group))
        while heap and self.used.get(self.ours[heap[0][1]].id, 0) != level:
            heapq.heappop(heap)
        return heap[0][1] if heap else None


def share_out(
    ours: Sequence[Position],
    kinds: Sequence[str | None],
    unlinked: Sequence[int],
    used: dict[str, int],
    rounds: int,
) -> dict[int, list[Position]]:
    """For each attack `i` in `unlinked` (of kind `kinds[i]`), up to `rounds` answers: the
    first round may reuse a position (at most `len(kinds) - 1` attacks each, so with two or
    more attacks none answers them all), later rounds take only positions not used yet."""
    cap = max(1, len(kinds) - 1)
    pool = LeastUsed(ours, used)
    given: dict[int, list[Position]] = {i: [] for i in unlinked}
    for round_ in range(rounds):
        for i in unlinked:
            best = pool.take(kinds[i], 1 if round_ else cap)
            if best is not None:
                given[i].append(best)
    return given
