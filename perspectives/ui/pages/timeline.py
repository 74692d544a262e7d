"""The timeline (`/timeline?topic=ID`): the documents by publication date, with how certain each
date is, and the dated events they refer to."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import cache, links, urlstate, widgets
from perspectives.ui.state import corpus_or_stop
from perspectives.views import timeline

corpus = corpus_or_stop()
widgets.sidebar(corpus)
st.title("Timeline", anchor=False)

labels = {t.id: t.label for t in corpus.topics}
asked = links.param("topic")
if asked and asked not in labels:
    st.warning(f"There is no topic “{st_escape(asked)}” in this corpus; showing every event.")
    asked = None
urlstate.seed("timeline-topic", asked, urlstate.url_changed("timeline"))
topic = st.selectbox(
    "Events on topic",
    list(labels),
    format_func=lambda key: labels.get(key, key),
    key="timeline-topic",
    index=None,
    placeholder="All topics",
)
links.set_params(topic=topic)
urlstate.remember("timeline")

st.caption(
    "One row per document, oldest first. The large mark is the publication date: "
    "◆ certain, ■ fairly certain, ▲ uncertain (and fainter). Small orange dots are the events "
    "the document refers to, joined to it by a line. Hover a mark for details."
)
st.altair_chart(cache.timeline_chart(corpus, topic), width="stretch")

events = cache.events_table(corpus, topic)
st.header("Events the documents refer to", anchor=False)
if events.empty:
    st.info("No dated event on this topic yet.")
else:
    st.dataframe(
        events,
        column_order=["date_label", "event", "mentioned_in", "topics"],
        hide_index=True,
        width="stretch",
        column_config={
            "date_label": st.column_config.TextColumn("Date", help="As precisely as it is known"),
            "event": st.column_config.TextColumn("Event", width="large"),
            "mentioned_in": st.column_config.TextColumn("Mentioned in"),
            "topics": st.column_config.TextColumn("Topics"),
        },
    )
st.header("Documents by publication date", anchor=False)
documents = timeline.documents_table(corpus)
st.dataframe(
    documents[["date_label", "date_certainty", "title", "authors", "date_note"]],
    hide_index=True,
    width="stretch",
    column_config={
        "date_label": st.column_config.TextColumn("Published"),
        "date_certainty": st.column_config.TextColumn("Date certainty"),
        "title": st.column_config.TextColumn("Title", width="large"),
        "authors": st.column_config.TextColumn("By"),
        "date_note": st.column_config.TextColumn("About the date"),
    },
)

st.subheader("Download and share", anchor=False)
st.caption("The events table")
widgets.download_table(events, "timeline-events")
st.caption("The documents table")
widgets.download_table(documents, "timeline-documents")
links.copy_link("timeline", topic=topic)
