"""Small widgets shared by the pages. Text from documents is always escaped before display."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from perspectives.corpus.document import Document
from perspectives.corpus.entities import BlindSpot
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.wording import counted


def counts(corpus: Corpus) -> None:
    cols = st.columns(4)
    cols[0].metric("Documents", len(corpus.documents))
    cols[1].metric("Voices", len(corpus.voices))
    cols[2].metric("Topics", len(corpus.topics))
    cols[3].metric("Positions", len(corpus.positions))


def sidebar(corpus: Corpus) -> None:
    with st.sidebar:
        st.markdown(f"**{st_escape(corpus.name)}**")
        st.caption(
            f"{counted(len(corpus.documents), 'document')} · "
            f"{counted(len(corpus.voices), 'voice')} · "
            f"{counted(len(corpus.topics), 'topic')} · "
            f"{counted(len(corpus.positions), 'position')}"
        )
        if corpus.blind_spots:
            with st.expander("What the corpus leaves out"):
                # One list, one element: every page's run redraws the sidebar, and the browser's
                # cost of a run grows with the elements drawn (see `cards.paragraphs`).
                st.markdown("\n".join(_blind_spot_item(spot) for spot in corpus.blind_spots))


def _blind_spot_item(spot: BlindSpot) -> str:
    """A Markdown list item; a line break inside the description stays inside the item."""
    text = f"**{st_escape(spot.title)}**: {st_escape(spot.description)}"
    return "- " + text.replace("\n", "\n  ")


def document_byline(document: Document) -> str:
    authors = ", ".join(document.authors) or "unsigned"
    certainty = f"date certainty: {document.date_certainty}"
    return f"{authors} · {document.outlet} · {document.date_label} ({certainty})"


def document_card(corpus: Corpus, document: Document) -> None:
    with st.container(border=True):
        st.subheader(st_escape(document.title), anchor=False)
        st.caption(st_escape(document_byline(document)))
        st.markdown(f"**Genre:** {st_escape(document.genre)}")
        if document.date_note:
            st.markdown(f"**Date:** {st_escape(document.date_note)}")
        if document.notes.outlet:
            st.markdown(f"**About the outlet:** {st_escape(document.notes.outlet)}")
        if document.notes.text:
            st.markdown(f"**About this text:** {st_escape(document.notes.text)}")
        if document.url and document.url.startswith(("https://", "http://")):
            st.page_link(document.url, label="Original publication", icon=":material/open_in_new:")
        elif document.url:
            st.markdown(f"**Source:** {st_escape(document.url)}")
        voices = [v.name for v in corpus.voices_for_document(document.id)]
        st.markdown(f"**Voices:** {st_escape(', '.join(voices)) or 'none recorded'}")


# Tables up to this many rows are written on every run; larger ones when the button is clicked.
EAGER_ROWS = 2_000


def download_table(frame, name: str, key: str | None = None) -> None:
    """CSV and JSON downloads of the table behind what the page shows: `frame`, or a function
    that makes it. A table of a class-sized corpus is written on each run: a file made on click
    (Streamlit's deferred data) can be pruned by another session's run before the browser
    fetches it (seen with three phones on the poll). Only a large table, whose writing would
    dominate the page's run (the Matrix's tables at 100 copies: 79% of it), waits for the
    click."""
    from perspectives.exports.tables import table_to_csv, table_to_json
    from perspectives.ui.cache import table_texts

    built = frame() if callable(frame) else frame
    eager = len(built) <= EAGER_ROWS
    csv: str | Callable[[], str] = partial(table_to_csv, built)
    json: str | Callable[[], str] = partial(table_to_json, built)
    if eager:
        csv, json = table_texts(built)  # kept per content
    _csv_json_buttons(csv, json, name, key or name)


def ranking_caption(count: int, singular: str, plural: str, rest: str = "") -> str:
    """ "The 3 most divided topics: ..." with the real count (a short list on a small corpus
    never claims five); "None: ..." when there is none."""
    if count == 0:
        return f"None: too few voices are placed to name any {plural}." + (
            f" ({rest})" if rest else ""
        )
    head = f"The {singular}" if count == 1 else f"The {count} {plural}"
    return head + (f": {rest}" if rest else ".")


def text_table(frame, columns: dict[str, str]) -> None:
    """A table that wraps its text and never cuts a column (`st.table`, not the scrolling grid):
    `columns` maps the frame's columns to their headers. `st.table` reads Markdown in cells, so
    every cell is escaped."""
    shown = frame[list(columns)].rename(columns=columns).fillna("")
    shown = shown.map(lambda value: st_escape(str(value)))
    st.table(shown, hide_index=True)


def download_deferred(make, rows: int, name: str) -> None:
    """`download_table` of the table `make()` has `rows` rows, not made before a click when it
    is large: every pair of voices (2.4 M at 100 copies of the default corpus) is listed only
    for the download."""
    from perspectives.exports.tables import table_to_csv, table_to_json

    if rows <= EAGER_ROWS:
        download_table(make, name)
        return
    _csv_json_buttons(lambda: table_to_csv(make()), lambda: table_to_json(make()), name, name)


def _csv_json_buttons(csv, json, name: str, key: str) -> None:
    """The CSV and JSON buttons side by side; `csv` / `json`: the text or a function making it."""
    left, right = st.columns(2)
    left.download_button(
        "Download CSV",
        csv,
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"{key}-csv",
    )
    right.download_button(
        "Download JSON",
        json,
        file_name=f"{name}.json",
        mime="application/json",
        icon=":material/download:",
        key=f"{key}-json",
    )
