"""The landing page's welcome: what the app is and three things to try, in the app's own
words (the corpus' name and counts come from the corpus), shown until dismissed."""

from __future__ import annotations

import streamlit as st

from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.ui import links
from perspectives.wording import counted

DISMISSED = "_welcome_dismissed"
DEBATE = f"{links.PAGES}/debate.py"

WHAT_IT_IS = (
    "**Perspectives** lays out how several authors answer the same contested questions, side "
    "by side, with their own words. Each **voice** is placed on each **topic**'s axis between "
    "two written-out ends, and every placement rests on verbatim quotes that open in their "
    "document."
)


def _dismiss() -> None:
    st.session_state[DISMISSED] = True


def show(corpus: Corpus) -> None:
    """The welcome box, unless dismissed in this session."""
    if st.session_state.get(DISMISSED):
        return
    with st.container(border=True, key="welcome"):
        st.markdown(WHAT_IT_IS)
        st.caption(
            f"Open now: *{st_escape(corpus.name)}*: "
            f"{counted(len(corpus.documents), 'document')}, "
            f"{counted(len(corpus.voices), 'voice')}, {counted(len(corpus.topics), 'topic')}."
        )
        st.markdown("**Three things to try:**")
        st.markdown(
            "1. Pick a topic below and read the voices from one end of its axis to the other.\n"
            "2. See where the voices agree and where they divide most, on the Matrix.\n"
            "3. Prepare a debate brief for a side, with the attacks to expect and the answers."
        )
        with st.container(horizontal=True, gap="small"):
            links.page_link(links.MATRIX, "Open the Matrix", icon=":material/grid_on:")
            links.page_link(DEBATE, "Prepare a debate brief", icon=":material/gavel:")
            st.button("Got it, hide this", key="welcome-hide", on_click=_dismiss, type="tertiary")
