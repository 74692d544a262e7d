"""Long lists a page at a time: the top of the list, how many there are, a control to page on.

A page that drew every card of a long reading list grew with the corpus (Compare at 100
copies: some 600 cards per topic, each a dozen widgets, several seconds per run). Lists of up
to `per_page` items are drawn whole, with no control, so a class-sized corpus looks as
before; a longer one shows "Showing 1–24 of 600 positions" and a page number. The list's
downloads are not paged: they keep every row.

The page number is session state only, never the url: a link names a view (a topic, a
voice, a filter), and the list it opens starts at its top. Its key carries the list's own
`context` (the topic, the filter), so choosing another topic starts again at page 1.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

import pandas as pd
import streamlit as st

from perspectives.wording import counted

T = TypeVar("T")
PER_PAGE = 24  # items a page: a class-sized list (the default corpus' five texts) fits whole


def _digest(context: str) -> str:
    """A short key for a list's context (a filter of many voices makes a long one)."""
    return hashlib.sha1(context.encode("utf-8")).hexdigest()[:12]


def page_count(total: int, per_page: int) -> int:
    """How many pages `total` items fill (at least one, so an empty list has page 1)."""
    return max(1, -(-total // per_page))


def page_slice(items: Sequence[T], number: int, per_page: int) -> Sequence[T]:
    """Page `number` (from 1; clamped to the pages there are) of `items`."""
    number = min(max(1, number), page_count(len(items), per_page))
    start = (number - 1) * per_page
    return items[start : start + per_page]


def showing(total: int, number: int, per_page: int, noun: str, plural: str | None = None) -> str:
    """ "Showing 25–48 of 600 positions" (the words for a page of a long list)."""
    number = min(max(1, number), page_count(total, per_page))
    first = (number - 1) * per_page + 1
    last = min(total, number * per_page)
    return f"Showing {first}–{last} of {counted(total, noun, plural)}"


def paged_rows(
    frame: pd.DataFrame, key: str, noun: str, plural: str | None = None, per_page: int = 50
) -> pd.DataFrame:
    """`paged` for the rows of a table shown on screen (its download keeps every row)."""
    rows = paged(range(len(frame)), key, noun, plural, per_page)
    return frame.iloc[rows.start : rows.stop] if isinstance(rows, range) else frame


def paged(
    items: Sequence[T],
    key: str,
    noun: str,
    plural: str | None = None,
    per_page: int = PER_PAGE,
    context: str = "",
) -> Sequence[T]:
    """The items to draw: all of them when they fit on one page; else one page, with a
    caption that counts them all and a page-number control (`key`, plus `context`)."""
    total = len(items)
    if total <= per_page:
        return items
    pages = page_count(total, per_page)
    widget_key = f"{key}-{_digest(context)}" if context else key
    if st.session_state.get(widget_key, 1) > pages:  # the list shrank under a kept page
        st.session_state[widget_key] = pages
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    number = right.number_input(
        f"Page (of {pages})",
        min_value=1,
        max_value=pages,
        step=1,
        key=widget_key,
        help=f"{counted(per_page, noun, plural)} a page; the downloads hold every one.",
    )
    left.caption(
        showing(total, int(number), per_page, noun, plural) + f" · page {number} of {pages}"
    )
    return page_slice(items, int(number), per_page)
