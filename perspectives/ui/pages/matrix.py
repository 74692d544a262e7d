"""Matrix (`/matrix`, `?topic=ID&voice=ID` for the selected cell): every voice on every topic;
the topics that divide the voices most and least; which voices agree and disagree."""

from typing import Any

import streamlit as st

from perspectives import stance
from perspectives.markup import st_escape
from perspectives.ui import cache, cards, links, matrixlist, present, urlstate, voicepager, widgets
from perspectives.ui.state import corpus_or_stop, require

PAGE, GENERATION, SEEN = "matrix", "matrix-chart-generation", "_matrix_chart_seen"
SHOWN = 5  # at most, in each ranking on screen; the download holds them all

corpus = corpus_or_stop()
require(corpus, "topics", "voices", title="Matrix", to="place on the matrix")
widgets.sidebar(corpus)
projector = present.setup()
topics = {t.id: t for t in corpus.topics}
order = cache.voice_order(corpus)
voices = {v: corpus.voice(v) for v in order}


def picked_by_hand() -> None:
    """A selectbox changed the cell: give the chart a fresh (empty) selection."""
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    st.session_state[SEEN] = None


fresh = urlstate.url_changed(PAGE)
topic_id = urlstate.checked(links.param("topic"), topics, "topic", None, fresh, "no cell")
voice_id = urlstate.checked(links.param("voice"), voices, "voice", None, fresh, "no cell")
if fresh:
    picked_by_hand()
urlstate.seed("matrix-topic", topic_id, fresh)
urlstate.seed("matrix-voice", voice_id, fresh)

# A click on the chart picks the cell, unless the chart's selection is one already applied.
chart_key = f"matrix-chart-{st.session_state.get(GENERATION, 0)}"
chosen = st.session_state.get(chart_key, {}).get("selection", {}).get("cell") or []
clicked = (chosen[0].get("topic_id"), chosen[0].get("voice_id")) if chosen else None
if (
    clicked
    and clicked[0] in topics
    and clicked[1] in voices
    and clicked != st.session_state.get(SEEN)
):
    st.session_state[SEEN] = clicked
    st.session_state["matrix-topic"], st.session_state["matrix-voice"] = clicked

st.title("Stance matrix", anchor=False)
low, high = corpus.orientation.low.label, corpus.orientation.high.label
ends = (
    f"from {st_escape(low)} ({stance.end_sign('low')}) to {st_escape(high)} "
    f"({stance.end_sign('high')})"
)
with present.chrome("matrix-layout"):
    layout = matrixlist.layout_control()
current = (st.session_state["matrix-topic"], st.session_state["matrix-voice"])
shown = voicepager.pager(corpus, order, current[1], fresh)
if layout == matrixlist.LIST and not projector:
    st.caption(
        f"Each topic lists {'every voice' if len(shown) == len(order) else 'the voices shown'}"
        f", placed voices {ends}, then those that mention it "
        "without taking a side, then the silent. Tap a voice to see its position."
    )
    matrixlist.show(corpus, shown, current)
    topic_id, voice_id = current
else:
    st.caption(
        f"Each row a topic, each column a voice, voices ordered by their mean stance, {ends}. "
        "Numbers are stances; **m** marks a voice that mentions a topic without taking a "
        "side, **—** a voice that is silent on it. Click a cell, or choose a topic and a voice "
        "below, to see that position."
    )
    spec = cache.heatmap_spec(corpus, current if all(current) else None, tuple(shown))
    present.vega_chart(
        spec, on_select="rerun", selection_mode="cell", key=chart_key, width="stretch"
    )
    st.header("Selected position", anchor=False)
    left, right = present.chrome("matrix-pick").columns(2)
    topic_id = left.selectbox(
        "Topic",
        list(topics),
        format_func=lambda t: topics[t].label,
        key="matrix-topic",
        placeholder="Choose a topic",
        on_change=picked_by_hand,
    )
    voice_id = right.selectbox(
        "Voice",
        shown + ([current[1]] if current[1] and current[1] not in shown else []),
        format_func=lambda v: voices[v].name,
        key="matrix-voice",
        placeholder="Choose a voice",
        on_change=picked_by_hand,
    )
    if topic_id and voice_id:
        position = corpus.find_position(voice_id, topic_id)
        if position is None:
            name, label = (
                st_escape(voices[voice_id].name),
                st_escape(topics[topic_id].label),
            )
            st.info(f"{name} is silent on “{label}”: no position in the corpus.")
        else:
            st.caption(f"On “{st_escape(topics[topic_id].question)}”")
            cards.position_card(corpus, position)
        links.page_link(
            links.COMPARE,
            f"Compare every voice on “{st_escape(topics[topic_id].label)}”",
            icon=":material/compare_arrows:",
            topic=topic_id,
        )
    else:
        st.caption("Click a cell of the matrix, or choose a topic and a voice.")

links.set_params(topic=topic_id, voice=voice_id)
urlstate.remember(PAGE, fresh)
urlstate.keep("matrix-topic", "matrix-voice")

topic_columns: dict[str, Any] = {
    "topic_label": "Topic",
    "placed": st.column_config.NumberColumn("Placed", help="Voices with a stance"),
    "spread": st.column_config.NumberColumn(
        "Spread", help="Standard deviation of the stances", format="%.2f"
    ),
    "share_low": st.column_config.NumberColumn("Below 0", format="percent"),
    "share_high": st.column_config.NumberColumn("Above 0", format="percent"),
}
divided_rows, agreeing_rows = cache.topic_ends_tables(corpus, SHOWN)
# One under the other, not side by side: at half width a table cut its last column.
divided, agreeing = st.container(), st.container()
with divided:
    st.subheader("Most divided topics", anchor=False)
    st.caption(
        widgets.ranking_caption(
            len(divided_rows),
            "most divided topic",
            "most divided topics",
            "an even split across the axis first, then the wider spread.",
        )
    )
    if len(divided_rows):
        st.dataframe(
            divided_rows,
            column_order=list(topic_columns),
            column_config=topic_columns,
            hide_index=True,
            height="content",
        )
with agreeing:
    st.subheader("Closest to agreement", anchor=False)
    st.caption(
        widgets.ranking_caption(
            len(agreeing_rows),
            "topic closest to agreement",
            "topics closest to agreement",
            "the narrowest spread first, among topics on which at least three voices are "
            "placed; never one of the most divided.",
        )
    )
    if len(agreeing_rows):
        st.dataframe(
            agreeing_rows,
            column_order=list(topic_columns),
            column_config=topic_columns,
            hide_index=True,
            height="content",
        )

st.header("Which voices agree", anchor=False)
st.caption(
    "Distance is the mean gap between two voices' stances over the topics both take a side on "
    "(0 = same stance everywhere, 4 = opposite poles); pairs sharing at least two topics. A "
    "pair, or a distance, is never both among the closest and the farthest."
)
pair_columns: dict[str, Any] = {
    "voice_a_name": "Voice",
    "voice_b_name": "and voice",
    "shared_topics": st.column_config.NumberColumn("Shared topics"),
    "distance": st.column_config.NumberColumn("Distance", format="%.2f"),
}
closest, farthest = cache.pairs_tables(corpus, SHOWN)
near, far = st.container(), st.container()
for column, title, table in ((near, "Closest pairs", closest), (far, "Farthest pairs", farthest)):
    with column:
        st.subheader(title, anchor=False)
        word = title.split()[0].lower()
        st.caption(widgets.ranking_caption(len(table), f"{word} pair", f"{word} pairs"))
        if len(table):
            st.dataframe(
                table,
                column_order=list(pair_columns),
                column_config=pair_columns,
                hide_index=True,
                height="content",
            )

with present.chrome("matrix-share"):
    st.divider()
    st.subheader("Download the tables", anchor=False)
    st.caption("The matrix, one row per topic and voice (with silent and mentions cells):")
    widgets.download_table(cache.matrix_frame(corpus), "stance-matrix")
    st.caption("The topics with their spread and split:")
    widgets.download_table(cache.divided_table(corpus), "topics-by-division")
    st.caption("Every pair of voices placed together on at least one topic:")
    widgets.download_deferred(
        lambda: cache.all_pairs_table(corpus), cache.pair_count(corpus), "voice-pairs"
    )
    links.copy_link("matrix", topic=topic_id, voice=voice_id)
