"""The corpus at a glance: what it holds, its documents with provenance, what it leaves out."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import links, widgets
from perspectives.ui.state import corpus_or_stop

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
