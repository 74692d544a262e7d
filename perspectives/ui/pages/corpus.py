"""The corpus at a glance: what it holds, its documents with provenance, what it leaves out."""

import streamlit as st

from perspectives.ui import widgets
from perspectives.ui.state import corpus_or_stop

corpus = corpus_or_stop()
widgets.sidebar(corpus)

st.title(corpus.name)
st.write(corpus.description)
widgets.counts(corpus)

st.header("Documents")
for document in corpus.documents:
    widgets.document_card(corpus, document)

if corpus.blind_spots:
    st.header("What these texts leave out")
    for spot in corpus.blind_spots:
        st.markdown(f"**{widgets.md(spot.title)}**: {widgets.md(spot.description)}")
