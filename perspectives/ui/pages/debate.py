"""Debate brief (`/debate?motion=ID&side=proposition|opposition`, or a motion of your own:
`?topic=ID&pole=low|high&text=WORDING&side=...`): the case for one side, the attacks to expect
with answers, figures, questions and common ground, and the brief as Markdown, DOCX or PDF."""

import streamlit as st

from perspectives import stance
from perspectives.exports.printed import brief_name
from perspectives.markup import st_escape
from perspectives.teaching.brief import MOTION_TEXT_LIMIT, SIDES, custom_motion, side_pole
from perspectives.ui import briefview, cache, links, urlstate, widgets
from perspectives.ui.state import corpus_or_stop, require

PAGE, CURATED, OWN = "debate", "A curated motion", "A motion of my own"

corpus = corpus_or_stop()
require(corpus, "topics", title="Debate brief", to="argue")
widgets.sidebar(corpus)
motions = {m.id: m for m in corpus.motions}
topics = {t.id: t for t in corpus.topics}

fresh = urlstate.url_changed(PAGE)
asked_own = links.param("topic") is not None and links.param("motion") is None
first = corpus.topics[0]
motion_id = urlstate.checked(
    links.param("motion"), motions, "motion", next(iter(motions), None), fresh, "the first one"
)
topic_id = urlstate.checked(
    links.param("topic"), topics, "topic", first.id, fresh, f"“{first.label}” instead"
)
pole = urlstate.checked(links.param("pole"), ("low", "high"), "pole", "low", fresh, "the low one")
side = urlstate.checked(links.param("side"), SIDES, "side", "proposition", fresh, "the proposition")
urlstate.seed("debate-mode", OWN if asked_own or not motions else CURATED, fresh)
urlstate.seed("debate-motion", motion_id, fresh)
urlstate.seed("debate-topic", topic_id, fresh)
urlstate.seed("debate-pole", pole, fresh)
wording = links.param("text", "") or ""
if len(wording) > MOTION_TEXT_LIMIT:
    st.warning(
        f"The motion in the link has {len(wording)} characters; only the first "
        f"{MOTION_TEXT_LIMIT} are kept."
    )
    wording = wording[:MOTION_TEXT_LIMIT]
urlstate.seed("debate-text", wording, fresh)
urlstate.seed("debate-side", side, fresh)

st.title("Debate brief", anchor=False)
st.caption(
    "Pick a motion and a side: the brief gathers the strongest positions on your side of the "
    "axis, the attacks to expect and the answers the texts give, all with their sources."
)
modes = [CURATED, OWN] if motions else [OWN]
mode = st.segmented_control(
    "Which motion", modes, key="debate-mode", required=True, label_visibility="collapsed"
)
if mode == CURATED:
    motion_id = st.selectbox(
        "Motion", list(motions), format_func=lambda m: motions[m].text, key="debate-motion"
    )
    motion = motions[motion_id]
else:
    left, right = st.columns(2)
    topic_id = left.selectbox(
        "Topic", list(topics), format_func=lambda t: topics[t].label, key="debate-topic"
    )
    poles = topics[topic_id].poles
    pole = right.radio(
        "The proposition defends",
        ["low", "high"],
        format_func=lambda p: f"{st_escape(getattr(poles, p))} ({stance.end_sign(p)})",
        key="debate-pole",
    )
    text = st.text_input(
        "Wording (optional)",
        key="debate-text",
        max_chars=MOTION_TEXT_LIMIT,
        placeholder="This House believes that …",
    )
    motion = custom_motion(corpus, topic_id, pole, text)

topic = topics[motion.topic]
side = st.radio(
    "Side",
    list(SIDES),
    key="debate-side",
    format_func=lambda s: f"{s.title()}: {st_escape(getattr(topic.poles, side_pole(motion, s)))}",
)
if mode == CURATED:
    params = {"motion": motion.id, "side": side}
else:
    params = {"topic": motion.topic, "pole": motion.proposition, "text": text, "side": side}
links.set_params(**params)
urlstate.remember(PAGE)
urlstate.keep(*(f"debate-{k}" for k in ("mode", "motion", "topic", "pole", "text", "side")))

brief = cache.brief(corpus, motion, side)
st.subheader(st_escape(motion.text), anchor=False, divider="gray")
name = brief_name(motion, side, brief.motion_id is None)
briefview.downloads(
    lambda fmt: cache.brief_file(corpus, motion, side, fmt),
    {fmt: f"{name}.{fmt}" for fmt in briefview.FORMAT_LABELS},
    key="debate-download",
    what="brief",
)
briefview.show_brief(
    cache.brief_layout(corpus, motion, side),
    "debate-page",
    context="|".join(map(str, params.values())),
)
st.divider()
links.copy_link(PAGE, **params)
