"""Compare (the default page, `/?topic=ID&voices=ID,ID&camp=ID`, `&view=head-to-head`): how
the voices stand on one topic, side by side with their words; or two to four voices, topic by
topic."""

import streamlit as st

from perspectives import stance
from perspectives.markup import st_escape
from perspectives.ui import (
    cache,
    cards,
    links,
    navigation,
    paging,
    present,
    urlstate,
    welcome,
    widgets,
)
from perspectives.ui.state import corpus_or_stop, require
from perspectives.views import compare
from perspectives.views import tables as views

PAGE, TOPIC_VIEW, HEAD_TO_HEAD = "compare", "Topic view", "Head to head"
VIEWS = {"topic": TOPIC_VIEW, "head-to-head": HEAD_TO_HEAD}

corpus = corpus_or_stop()
require(corpus, "topics", "voices", title="Compare", to="compare")
widgets.sidebar(corpus)
if not present.setup() and navigation.on_home():
    welcome.show(corpus)
topics = {t.id: t for t in corpus.topics}
voices = {v.id: v for v in corpus.voices}
camps = {c.id: c for c in corpus.camps}

# The url wins when it changed (deep link, followed link); otherwise the widgets keep state.
fresh = urlstate.url_changed(PAGE)
first = corpus.topics[0]
view = urlstate.checked(links.param("view"), VIEWS, "view", "topic", fresh, "the topic view")
topic_id = urlstate.checked(
    links.param("topic"), topics, "topic", first.id, fresh, f"“{first.label}” instead"
)
voice_ids = urlstate.checked_list(links.param_list("voices"), voices, "voice", fresh)
camp_id = urlstate.checked(links.param("camp"), camps, "camp", None, fresh, "every camp")
pair = voice_ids[:4] if len(voice_ids) >= 2 else []
if fresh and view == "head-to-head" and len(voice_ids) > 4:
    st.warning("Head to head compares at most four voices: showing the first four.")
if not pair:  # by default, the two voices farthest apart
    farthest = cache.most_distant_pair(corpus)
    pair = [farthest.voice_a, farthest.voice_b] if farthest else voice_ids[:1]
urlstate.seed("compare-view", VIEWS[view], fresh)
urlstate.seed("compare-topic", topic_id, fresh)
urlstate.seed("compare-voices", voice_ids, fresh)
urlstate.seed("compare-camp", camp_id, fresh)
urlstate.seed("compare-h2h", pair, fresh)

view_column, pick_column = present.chrome("compare-pick").columns(
    [1, 2], vertical_alignment="bottom"
)
mode = view_column.segmented_control(
    "View",
    [TOPIC_VIEW, HEAD_TO_HEAD],
    key="compare-view",
    required=True,
    width="stretch",
    label_visibility="collapsed",
)

if mode == HEAD_TO_HEAD:
    chosen = pick_column.multiselect(
        "Voices (two to four)",
        list(voices),
        format_func=lambda v: voices[v].name,
        max_selections=4,
        key="compare-h2h",
    )
    links.set_params(view="head-to-head", voices=chosen)
    urlstate.remember(PAGE, fresh)
    urlstate.keep("compare-view", "compare-h2h")
    st.header("Head to head", anchor=False)
    if len(chosen) < 2:
        st.info("Choose two to four voices to compare them topic by topic.")
        st.stop()
    rows = compare.head_to_head(corpus, chosen)
    st.caption(
        f"{len(rows)} topics on which at least one of them speaks; cells read "
        "stance, summary and first quote, or “silent”."
    )
    for column, voice_id in zip(st.columns(len(chosen)), chosen, strict=True):
        camp = cards.camp_marker(corpus.camp(voices[voice_id].camp))
        column.markdown(f"**{st_escape(voices[voice_id].name)}**  \n{camp}")
    for topic_id, cells in rows:
        topic = topics[topic_id]
        st.subheader(st_escape(topic.label), anchor=False, divider="gray")
        for column, voice_id, position in zip(st.columns(len(chosen)), chosen, cells, strict=True):
            with column, st.container(border=True):
                cards.head_to_head_cell(corpus, voices[voice_id], topic, position)
    with present.chrome("compare-share"):
        st.divider()
        widgets.download_table(
            cache.head_to_head_table(corpus, tuple(chosen)),
            "head-to-head-" + "-".join(chosen),
            key="compare-h2h-download",
        )
        links.copy_link("compare", view="head-to-head", voices=chosen)
    st.stop()

# Topic view: the topic, its spectrum, the cards low -> high, the silent voices.
topic_id = pick_column.selectbox(
    "Topic", list(topics), format_func=lambda t: topics[t].label, key="compare-topic"
)
filtered = bool(st.session_state.get("compare-voices") or st.session_state.get("compare-camp"))
filters = present.chrome("compare-filter")
with filters.expander("Filter the voices", expanded=filtered, icon=":material/filter_list:"):
    left, right = st.columns([2, 1])
    voice_ids = left.multiselect(
        "Voices",
        list(voices),
        format_func=lambda v: voices[v].name,
        key="compare-voices",
        placeholder="All voices",
    )
    camp_id = right.selectbox(
        "Camp",
        [None, *camps],
        format_func=lambda c: "All camps" if c is None else camps[c].name,
        key="compare-camp",
        placeholder="All camps",
    )
links.set_params(topic=topic_id, voices=voice_ids, camp=camp_id)
urlstate.remember(PAGE, fresh)
urlstate.keep("compare-view", "compare-topic", "compare-voices", "compare-camp")

topic = topics[topic_id]
wanted = views.chosen_voices(corpus, voice_ids, camp_id)
st.header(st_escape(topic.question), anchor=False)
if topic.description:
    st.caption(st_escape(topic.description))

positions = compare.ordered_positions(corpus, topic_id, wanted)
if any(p.placed for p in positions):
    strip = cache.spectrum_spec(corpus, topic_id, tuple(wanted or ()), legend=False)
    present.vega_chart(strip, width="stretch")
    cards.camp_legend(corpus, {corpus.voice(p.voice).camp for p in positions if p.placed})
if positions:
    st.caption(f"{st_escape(stance.axis_line(topic))}; voices that only mention it come last.")
    context = f"{topic_id}|{camp_id}|{','.join(voice_ids)}"
    cards.card_grid(corpus, paging.paged(positions, "compare-cards", "position", context=context))
else:
    st.info("None of the chosen voices takes a position on this topic.")

silent = compare.silent_voices(corpus, topic_id, wanted)
cards.silent_line("Silent on this topic:", [v.name for v in silent])

with present.chrome("compare-share"):
    st.divider()
    widgets.download_table(
        cache.topic_table(corpus, topic_id, tuple(wanted or ())),
        f"positions-{topic_id}",
        key="compare-download",
    )
    links.copy_link("compare", topic=topic_id, voices=voice_ids, camp=camp_id)
