"""The corpus at a glance (`/corpus`): what it holds, its documents with provenance, what it
leaves out; its documents and every position with its quotes as CSV and JSON.

A long reading list shows its documents a page at a time, with a filter by title, author or
outlet; the downloads hold every document."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import cache, links, paging, widgets
from perspectives.ui.state import corpus_or_stop
from perspectives.views.reader import matching_documents

corpus = corpus_or_stop()
widgets.sidebar(corpus)

st.title(st_escape(corpus.name), anchor=False)
st.markdown(st_escape(corpus.description))
widgets.counts(corpus)

st.header("Documents", anchor=False)
documents = corpus.documents
if len(documents) > paging.PER_PAGE:
    words = st.text_input(
        "Find a document",
        key="corpus-find",
        placeholder="Words of a title, an author or an outlet",
    )
    documents = matching_documents(corpus, words)
    if not documents:
        st.info(f"No document's title, author or outlet holds “{st_escape(words)}”.")
else:
    words = ""
for document in paging.paged(documents, "corpus-documents", "document", context=words):
    widgets.document_card(corpus, document)
    label = f"Read “{st_escape(document.title)}”"
    links.page_link(links.DOCUMENTS, label, icon=":material/article:", doc=document.id)

if corpus.blind_spots:
    st.header("What these texts leave out", anchor=False)
    for spot in corpus.blind_spots:
        st.markdown(f"**{st_escape(spot.title)}**: {st_escape(spot.description)}")

st.divider()
st.subheader("Download and share", anchor=False)
st.caption("The documents with their provenance and what the corpus draws from each:")
widgets.download_deferred(
    lambda: cache.documents_table(corpus), len(corpus.documents), "corpus-documents"
)
st.caption("Every position with every quote (what `python -m perspectives export` writes):")
quotes = sum(len(position.evidence) for position in corpus.positions)
widgets.download_deferred(lambda: cache.positions_table(corpus), quotes, "corpus-positions")
links.copy_link("corpus")
