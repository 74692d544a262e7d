"""The timeline (`/timeline?topic=ID`): the documents by publication date, with how certain each
date is, and the dated events they refer to."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import cache, links, paging, present, urlstate, widgets
from perspectives.ui.state import corpus_or_stop

corpus = corpus_or_stop()
widgets.sidebar(corpus)
present.setup()
st.title("Timeline", anchor=False)

labels = {t.id: t.label for t in corpus.topics}
asked = links.param("topic")
if asked and asked not in labels:
    st.warning(f"There is no topic “{st_escape(asked)}” in this corpus; showing every event.")
    asked = None
urlstate.seed("timeline-topic", asked, urlstate.url_changed("timeline"))
topic = present.chrome("timeline-pick").selectbox(
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
    "the document refers to, joined to it by a line; below, the same events one per row, "
    "named, with the documents that mention them."
)
present.vega_chart(cache.timeline_spec(corpus, topic), width="stretch")
events_chart = cache.events_spec(corpus, topic)
if events_chart is not None:
    present.vega_chart(events_chart, width="stretch")

events = cache.events_table(corpus, topic)
st.header("Events the documents refer to", anchor=False)
if events.empty:
    st.info("No dated event on this topic yet.")
else:
    widgets.text_table(
        events,
        {
            "date_label": "Date",
            "event": "Event",
            "mentioned_in": "Mentioned in",
            "topics": "Topics",
        },
    )
st.header("Documents by publication date", anchor=False)
documents = cache.timeline_documents(corpus)
widgets.text_table(
    paging.paged_rows(documents, "timeline-documents", "document"),
    {
        "date_label": "Published",
        "date_certainty": "Date certainty",
        "title": "Title",
        "authors": "By",
        "date_note": "About the date",
    },
)

with present.chrome("timeline-share"):
    st.subheader("Download and share", anchor=False)
    st.caption("The events table")
    widgets.download_table(events, "timeline-events")
    st.caption("The documents table")
    widgets.download_table(documents, "timeline-documents")
    links.copy_link("timeline", topic=topic)
