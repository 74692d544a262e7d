"""Seminar handout (`/seminar?topics=ID,ID&doc=ID`): for each chosen topic the question, where
the voices stand, contrasting quotes, three questions and what the corpus leaves out, as
Markdown, DOCX or PDF (one topic per page); and a reading guide per document for students."""

import streamlit as st

from perspectives.exports.printed import handout_name
from perspectives.ui import briefview, cache, links, present, urlstate, widgets
from perspectives.ui.state import corpus_or_stop

PAGE = "seminar"

corpus = corpus_or_stop()
widgets.sidebar(corpus)
projector = present.setup()
topics = {t.id: t for t in corpus.topics}
documents = {d.id: d for d in corpus.documents}

fresh = urlstate.url_changed(PAGE)
default_topics = cache.most_divided_topics(corpus)[:2] or list(topics)[:1]
asked = urlstate.checked_list(links.param_list("topics"), topics, "topic", fresh)
doc_id = urlstate.checked(
    links.param("doc"), documents, "document", corpus.documents[0].id, fresh, "the first one"
)
urlstate.seed("seminar-topics", asked or default_topics, fresh)
urlstate.seed("seminar-doc", doc_id, fresh)

chrome = present.chrome("seminar-pick")
chrome.title("Seminar handout", anchor=False)
chrome.caption(
    "Choose the topics for a session. The printed handout gives each topic its own page: the "
    "question, where the voices stand, contrasting quotes, three questions for discussion and "
    "what the corpus leaves out."
)
chosen = chrome.multiselect(
    "Topics",
    list(topics),
    format_func=lambda t: topics[t].label,
    key="seminar-topics",
    placeholder="Choose one or more topics",
)
doc_id = st.session_state.get("seminar-doc", doc_id)  # the guide's picker, drawn further down
links.set_params(topics=chosen, doc=doc_id)
urlstate.remember(PAGE)
urlstate.keep("seminar-topics", "seminar-doc")

if chosen:
    name = handout_name(chosen)
    with present.chrome("seminar-download"):
        briefview.downloads(
            lambda fmt: cache.handout_file(corpus, tuple(chosen), fmt),
            {fmt: f"{name}.{fmt}" for fmt in briefview.FORMAT_LABELS},
            key="seminar-download",
            what="handout",
        )
    briefview.show_handout(corpus, cache.handout_layout(corpus, tuple(chosen)))
else:
    st.info("Choose at least one topic to prepare a handout.")
if projector:  # nothing but the handout's topics
    st.stop()

st.header("Reading guides", anchor=False)
st.caption("A guide to one text for students: its thesis, structure, evidence and cautions.")
doc_id = st.selectbox(
    "Document", list(documents), format_func=lambda d: documents[d].title, key="seminar-doc"
)
briefview.show_guide(cache.guide(corpus, doc_id))
briefview.downloads(
    lambda fmt: cache.guide_file(corpus, doc_id, fmt),
    {fmt: f"guide-{doc_id}.{fmt}" for fmt in briefview.FORMAT_LABELS},
    key="seminar-guide-download",
    what="guide",
)
st.divider()
links.copy_link(PAGE, topics=chosen, doc=doc_id)
