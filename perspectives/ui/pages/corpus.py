"""The corpus at a glance (`/corpus`): what it holds, its documents with provenance, what it
leaves out; its documents and every position with its quotes as CSV and JSON."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import links, widgets
from perspectives.ui.state import corpus_or_stop
from perspectives.views import tables

corpus = corpus_or_stop()
widgets.sidebar(corpus)

st.title(st_escape(corpus.name), anchor=False)
st.markdown(st_escape(corpus.description))
widgets.counts(corpus)

st.header("Documents", anchor=False)
for document in corpus.documents:
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
widgets.download_table(lambda: tables.documents_table(corpus), "corpus-documents")
st.caption("Every position with every quote (what `python -m perspectives export` writes):")
widgets.download_table(lambda: tables.positions_table(corpus), "corpus-positions")
links.copy_link("corpus")
