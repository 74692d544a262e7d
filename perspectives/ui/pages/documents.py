"""The reader (`/documents?doc=ID&p=N`): a document's metadata, its reading guide and its text
in numbered paragraphs, with the evidence, topics and figures of each paragraph."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import cache, links, reading, urlstate, widgets
from perspectives.ui.state import corpus_or_stop
from perspectives.views.reader import parse_paragraph, resolve_document

corpus = corpus_or_stop()
widgets.sidebar(corpus)
titles = {d.id: d.title for d in corpus.documents}

asked = links.param("doc")
found = resolve_document(corpus, asked)
if asked and found is None:
    st.warning(f"There is no document “{st_escape(asked)}” in this corpus; showing the first one.")
urlstate.seed(
    "reader-doc", found.id if found else corpus.documents[0].id, urlstate.url_changed("documents")
)
doc_id = st.selectbox("Document", list(titles), format_func=titles.__getitem__, key="reader-doc")
document = corpus.document(doc_id)

target, problem = parse_paragraph(links.param("p"), document)
if found is None or found.id != doc_id:
    target, problem = None, None  # another document was picked: the paragraph was for the old one
if problem:
    st.warning(st_escape(problem))
links.set_params(doc=doc_id, p=None if target is None else str(target))
urlstate.remember("documents")

st.header(st_escape(document.title), anchor=False)
st.caption(reading.byline(document))
about, guide = st.columns(2)
with about:
    reading.document_about(document)
with guide:
    reading.reading_guide(corpus.guide(document.id))

st.header("Text", anchor=False)
st.caption(
    "Highlighted passages are quoted as evidence of a voice's position; the number beside a "
    "highlight points to the note under its paragraph."
)
for view in cache.paragraph_views(corpus, document.id):
    reading.paragraph(corpus, view, marked=view.number == target)
if target:
    reading.scroll_to_paragraph(target)

st.subheader("Download and share", anchor=False)
widgets.download_table(cache.paragraph_table(corpus, document.id), f"{document.id}-paragraphs")
links.copy_link("documents", doc=document.id, p=None if target is None else str(target))
