"""Widgets for the debate and seminar pages: briefs, handouts and reading guides on screen,
and their downloads (built on click; the views are cached in `perspectives.ui.cache`).

The screen renders the same blocks as the printed files (`exports.layout`), laid out its own
way: a brief's sections as tabs, a handout's topics one under another with a live chart, what
the texts leave out in an expander. Every piece of corpus or user text goes through `st_escape()`;
nothing is rendered as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from perspectives.corpus.model import Corpus
from perspectives.exports import layout
from perspectives.exports.blocks import Layout, Section
from perspectives.exports.printed import FORMATS
from perspectives.teaching.guide import ReadingGuide
from perspectives.ui import paging
from perspectives.ui.blockview import Headings, entries, entry_blocks, show_blocks

FORMAT_LABELS = {"md": "Markdown", "docx": "Word (DOCX)", "pdf": "PDF"}


def _payload(make: Callable[[str], tuple[str, bytes, str]], fmt: str) -> bytes:
    return make(fmt)[1]


def downloads(make, names: dict[str, str], key: str, what: str) -> None:
    """Three download buttons named for `what` they deliver ("Download handout as PDF": a page
    may offer two documents); `make(fmt)` returns (filename, bytes, mime) and runs only when
    a button is clicked (Streamlit's deferred download), then stays cache."""
    for column, fmt in zip(st.columns(len(FORMAT_LABELS)), FORMAT_LABELS, strict=True):
        column.download_button(
            f"Download {what} as {FORMAT_LABELS[fmt]}",
            data=partial(_payload, make, fmt),
            file_name=names[fmt],
            mime=FORMATS[fmt],
            icon=":material/download:",
            key=f"{key}-{fmt}",
            on_click="ignore",
            width="stretch",
        )


# How each document's headings show on screen, by level (see `blockview.show_blocks`).
BRIEF_HEADINGS: Headings = {0: "skip", 1: "skip", 2: "subheader", 3: "bold"}
SHEET_HEADINGS: Headings = {0: "skip", 1: "divided", 2: "bold", 3: "bold"}
GUIDE_HEADINGS: Headings = {0: "skip", 1: "bold", 2: "bold", 3: "bold"}
# A brief's sections as tabs; "about" (title, motion, topic) is what the page's pickers show.
BRIEF_TABS = {
    "case": "Our case",
    "attacks": "Attacks and answers",
    "figures": "Figures and claims",
    "questions": "Questions",
    "common": "Common ground",
    "sources": "Sources",
}
# What a tab's entries are called when a long brief is paged ("Showing 1–12 of 100 ...").
BRIEF_ENTRIES = {
    "case": ("argument", None),
    "attacks": ("attack", None),
    "figures": ("figure", None),
    "questions": ("question", None),
    "common": ("entry", "entries"),
    "sources": ("source", None),
}
BRIEF_PER_PAGE = 12  # entries a tab shows at once (a default-corpus brief has at most 9)


def _show(sections: tuple[Section, ...], headings: Headings, corpus: Corpus | None = None) -> None:
    for section in sections:
        show_blocks(section.blocks, headings, corpus)


def show_brief(printed: Layout, key: str = "brief", context: str = "") -> None:
    """The brief (`layout.brief_layout`): its side line, then its sections as tabs. A long
    tab (a brief of a long reading list) shows `BRIEF_PER_PAGE` entries at a time with a page
    control (`key`, and `context`: the motion and side, so another brief starts at its first
    page); the downloads hold the whole brief."""
    _show(printed.section("side"), BRIEF_HEADINGS)
    for tab, name in zip(st.tabs(list(BRIEF_TABS.values())), BRIEF_TABS, strict=True):
        with tab:
            blocks = [block for section in printed.section(name) for block in section.blocks]
            noun, plural = BRIEF_ENTRIES[name]
            shown = paging.paged(
                entries(blocks),
                f"{key}-{name}",
                noun,
                plural,
                per_page=BRIEF_PER_PAGE,
                context=context,
            )
            show_blocks(entry_blocks(shown), BRIEF_HEADINGS)


def show_handout(corpus: Corpus, printed: Layout) -> None:
    """Each topic of the handout (`layout.handout_layout`), its spectrum drawn live; then, in
    an expander, what the texts leave out and the sources (the printed cover is what the
    page's picker shows)."""
    _show(printed.section("topic"), SHEET_HEADINGS, corpus)
    with st.expander("What these texts leave out, and the sources"):
        closing = printed.section("leaves-out") + printed.section("sources")
        _show(closing, {**GUIDE_HEADINGS, 1: "skip"})


def show_guide(g: ReadingGuide) -> None:
    """The guide's facts and its thesis, structure, evidence and cautions (the page's picker
    names the document)."""
    printed = layout.guide_layout(g)
    _show(printed.section("about") + printed.section("guide"), GUIDE_HEADINGS)
