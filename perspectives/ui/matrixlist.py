"""The matrix as a list, for phones: one section per topic, one tappable row per voice.

Streamlit cannot see the viewport's width on the server, so the Matrix page offers a
"Layout: Grid / List" control whose default is "List" when the browser's User-Agent says it is
a phone (`st.context.headers`), else "Grid"; a stylesheet rule (`present.BASE_CSS`, a media
query under 500 px) shows a hint beside the control on a narrow screen in the grid layout.
The choice is a device's, not the view's: it is kept in the session, never in the url, so a
link sent from a phone opens as a grid on a laptop.

Each row is a real link (`/matrix?topic=T&voice=V`, `ws` and `present` kept): the voice's name
and its stance badge. The selected cell's position card opens under its row.
"""

from __future__ import annotations

import re

import streamlit as st

from perspectives import stance
from perspectives.corpus.entities import Position, Voice
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.ui import cards, links

GRID, LIST = "grid", "list"
LAYOUTS = {GRID: "Grid", LIST: "List"}
KEY = "matrix-layout"
# Phones and small tablets name themselves so ("Mobi" is Mozilla's advice for any phone).
MOBILE = re.compile(r"Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini|BlackBerry", re.I)
BADGE_COLOURS = {"silent": "gray", "mentions": "violet"}


def is_mobile(user_agent: str | None) -> bool:
    """Whether a User-Agent header names a phone."""
    return bool(user_agent and MOBILE.search(user_agent))


def user_agent() -> str:
    try:
        return st.context.headers.get("User-Agent", "") or ""
    except Exception:  # no request behind the run (tests, a bare script run)
        return ""


def default_layout() -> str:
    return LIST if is_mobile(user_agent()) else GRID


def layout_control() -> str:
    """The "Layout" control (its default from the User-Agent); the chosen layout."""
    if st.session_state.get(KEY) not in LAYOUTS:
        st.session_state[KEY] = default_layout()
    choice = st.segmented_control(
        "Layout",
        list(LAYOUTS),
        format_func=LAYOUTS.__getitem__,
        key=KEY,
        required=True,
        help="Grid: the whole matrix as a chart. List: one topic at a time, one row per "
        "voice, for a phone.",
    )
    if choice == GRID:
        with st.container(key="phone-hint"):
            st.caption(
                ":material/smartphone: On a narrow screen, the **List** layout has a row "
                "per voice that is easy to tap."
            )
    return choice or GRID


Row = tuple[Voice, Position | None]


def topic_rows(corpus: Corpus, topic_id: str, voice_ids: list[str]) -> list[Row]:
    """Every voice on the topic: placed voices from the low end to the high end, then those
    that only mention it, then the silent ones (each group in `voice_ids`' order)."""
    order = {voice_id: i for i, voice_id in enumerate(voice_ids)}
    rows = [(corpus.voice(v), corpus.find_position(v, topic_id)) for v in voice_ids]

    def rank(row: Row) -> tuple:
        voice, position = row
        if position is None:
            return (2, 0, order[voice.id])
        if position.stance is None:
            return (1, 0, order[voice.id])
        return (0, position.stance, order[voice.id])

    return sorted(rows, key=rank)


def row_label(voice: Voice, position: Position | None) -> str:
    """A row's label: the voice's name (escaped) and its stance as a badge."""
    if position is None:
        text, colour = stance.SILENT, BADGE_COLOURS["silent"]
    elif position.stance is None:
        text, colour = stance.badge(None, position.state), BADGE_COLOURS["mentions"]
    else:
        text, colour = (
            stance.badge(position.stance, position.state),
            cards.stance_colour(position.stance),
        )
    return f"**{st_escape(voice.name)}** :{colour}-badge[{st_escape(text)}]"


def show(corpus: Corpus, voice_ids: list[str], selected: tuple[str | None, str | None]) -> None:
    """Every topic as an expander (the selected cell's topic open) holding a row per voice;
    the selected cell's position (or its silence) under its row."""
    topic_id, voice_id = selected
    for topic in corpus.topics:
        rows = topic_rows(corpus, topic.id, voice_ids)
        placed = sum(1 for _, p in rows if p is not None and p.stance is not None)
        title = f"{st_escape(topic.label)} · {placed} placed"
        with (
            st.expander(title, expanded=topic.id == topic_id),
            st.container(key=f"matrix-list-{topic.id}"),
        ):
            st.caption(st_escape(stance.axis_line(topic)))
            for voice, position in rows:
                links.page_link(
                    links.MATRIX,
                    row_label(voice, position),
                    icon=":material/chevron_right:",
                    topic=topic.id,
                    voice=voice.id,
                )
                if (topic.id, voice.id) != (topic_id, voice_id):
                    continue
                if position is None:
                    st.info(f"{st_escape(voice.name)} is silent on this topic.")
                else:
                    cards.position_card(corpus, position, heading="topic")
