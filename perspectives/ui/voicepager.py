"""The Matrix's voice pager: a camp filter and a page of voices, shown only when the corpus has
more voices than one page holds (`views.voicepages`). A deep link (`?voice=ID`) opens the page
that shows its voice."""

from __future__ import annotations

import streamlit as st

from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.ui import cache, present, urlstate
from perspectives.views import voicepages as vp

CAMP, PAGE = "matrix-camp", "matrix-page"
ALL = "__all__"  # the camp filter's "every camp" (a camp's id is a slug, never this)


def pager(corpus: Corpus, order: list[str], voice_id: str | None, fresh: bool) -> list[str]:
    """The voices to show (all of them when they fit one page). `voice_id` is the selected
    cell's voice: when the url changed (`fresh`), its page is opened (and the camp filter
    cleared if it hid the voice)."""
    if len(order) <= vp.PAGE_SIZE:
        return list(order)
    urlstate.seed(CAMP, ALL, False)
    urlstate.seed(PAGE, 0, False)
    camps = [ALL, *cache.camp_options(corpus)]
    if st.session_state.get(CAMP) not in camps:
        st.session_state[CAMP] = ALL
    if fresh and voice_id is not None:
        camp = st.session_state[CAMP]
        if vp.page_of(cache.camp_voices(corpus, None if camp == ALL else camp), voice_id) is None:
            st.session_state[CAMP] = ALL
    left, right = present.chrome("matrix-pager").columns(2)
    camp = left.selectbox(
        "Camp",
        camps,
        format_func=lambda c: "Every camp" if c == ALL else corpus.camp(c or None).name,
        key=CAMP,
        help="Show the voices of one school of thought.",
    )
    chosen = cache.camp_voices(corpus, None if camp == ALL else camp)
    pages = vp.page_count(len(chosen))
    found = vp.page_of(chosen, voice_id) if fresh else None
    if found is not None:
        st.session_state[PAGE] = found
    elif not isinstance(st.session_state.get(PAGE), int) or st.session_state[PAGE] >= pages:
        st.session_state[PAGE] = 0
    right.selectbox(
        "Voices shown",
        list(range(pages)),
        format_func=lambda n: vp.range_label(n, len(chosen)),
        key=PAGE,
        help=f"{vp.PAGE_SIZE} voices at a time, in the matrix's order.",
    )
    shown = vp.voice_page(chosen, st.session_state[PAGE])
    urlstate.keep(CAMP, PAGE)
    where = "" if camp == ALL else f" in {st_escape(corpus.camp(camp or None).name)}"
    st.caption(
        f"**{vp.count_line(shown)}**{where}, ordered by mean stance. Choose a camp or another "
        "page of voices above; the download below holds every voice."
    )
    return shown.voices
