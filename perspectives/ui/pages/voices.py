"""Voices (`/voices?voice=ID`): who a voice is and where its words come from, its position on
every topic it speaks to, the topics it is silent on, and the voices nearest and farthest."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import cache, cards, links, urlstate, widgets
from perspectives.ui.state import corpus_or_stop, require
from perspectives.views import agreement
from perspectives.wording import counted

PAGE = "voices"

corpus = corpus_or_stop()
require(corpus, "voices", title="Voices", to="profile")
widgets.sidebar(corpus)
voices = {v.id: v for v in corpus.voices}

fresh = urlstate.url_changed(PAGE)
first = corpus.voices[0]
voice_id = urlstate.checked(
    links.param("voice"), voices, "voice", first.id, fresh, f"{first.name} instead"
)
urlstate.seed("voices-voice", voice_id, fresh)
voice_id = st.selectbox(
    "Voice", list(voices), format_func=lambda v: voices[v].name, key="voices-voice"
)
links.set_params(voice=voice_id)
urlstate.remember(PAGE, fresh)
urlstate.keep("voices-voice")
voice = voices[voice_id]

cards.voice_profile(corpus, voice)

order = {t.id: i for i, t in enumerate(corpus.topics)}
positions = sorted(corpus.positions_for_voice(voice_id), key=lambda p: order[p.topic])
st.header(f"{st_escape(voice.name)} on {counted(len(positions), 'topic')}", anchor=False)
if positions:
    cards.card_grid(corpus, positions, heading="topic", one_row_up_to=3)
else:
    st.info("This voice has no position on any topic yet.")
spoken = {p.topic for p in positions}
cards.silent_line("Silent on:", [t.label for t in corpus.topics if t.id not in spoken])

st.header("Nearest and farthest voices", anchor=False)
st.caption(
    "Distance is the mean gap between the two voices' stances over the topics both take a "
    "side on (0 = same stance everywhere, 4 = opposite poles)."
)
nearest, farthest = agreement.nearest_and_farthest(corpus, voice_id, limit=3)
if not nearest and not farthest:
    st.info("No other voice takes a side on any topic this voice takes a side on.")
else:
    near, far = st.columns(2)
    for column, title, rows in ((near, "Nearest", nearest), (far, "Farthest", farthest)):
        with column:
            st.subheader(title, anchor=False)
            if not rows:
                st.caption(
                    "None: every voice it can be compared with is listed as nearest "
                    "(a distance is never both nearest and farthest)."
                    if title == "Farthest"
                    else "None: every voice it can be compared with is listed as farthest."
                )
            for row in rows:
                links.page_link(
                    links.VOICES,
                    f"{st_escape(voices[row.voice_b].name)}: distance {row.distance:.2f} "
                    f"over {counted(row.shared, 'shared topic')}",
                    icon=":material/record_voice_over:",
                    voice=row.voice_b,
                )

st.divider()
st.caption(f"{st_escape(voice.name)}'s positions with every quote, and the topics it is silent on:")
widgets.download_table(cache.voice_table(corpus, voice_id), f"voice-{voice_id}")
st.caption("Distances to every other voice it shares a topic with:")
widgets.download_table(cache.neighbours_table(corpus, voice_id), f"neighbours-{voice_id}")
links.copy_link("voices", voice=voice_id)
