"""The explorer's views computed once per corpus (keyed by its fingerprint) and reused."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from perspectives.charts import heatmap
from perspectives.corpus.model import Corpus
from perspectives.views import agreement, matrix
from perspectives.views import tables as views


@st.cache_data(show_spinner=False, max_entries=8)
def matrix_frame(fingerprint: str, _corpus: Corpus) -> pd.DataFrame:
    return heatmap.matrix_frame(_corpus)


@st.cache_data(show_spinner=False, max_entries=128)
def topic_table(fingerprint: str, _corpus: Corpus, topic_id: str, voice_ids) -> pd.DataFrame:
    return views.topic_table(_corpus, topic_id, list(voice_ids) if voice_ids else None)


@st.cache_data(show_spinner=False, max_entries=64)
def voice_table(fingerprint: str, _corpus: Corpus, voice_id: str) -> pd.DataFrame:
    return views.voice_table(_corpus, voice_id)


@st.cache_data(show_spinner=False, max_entries=64)
def head_to_head_table(fingerprint: str, _corpus: Corpus, voice_ids: tuple) -> pd.DataFrame:
    return views.head_to_head_table(_corpus, list(voice_ids))


@st.cache_data(show_spinner=False, max_entries=8)
def divided_table(fingerprint: str, _corpus: Corpus) -> pd.DataFrame:
    return views.spread_table(_corpus, matrix.most_divided(_corpus))


@st.cache_data(show_spinner=False, max_entries=8)
def agreeing_table(fingerprint: str, _corpus: Corpus) -> pd.DataFrame:
    return views.spread_table(_corpus, matrix.closest_to_agreement(_corpus))


@st.cache_data(show_spinner=False, max_entries=8)
def pairs_tables(fingerprint: str, _corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(closest pairs, farthest pairs) over at least two shared topics."""
    return (
        views.agreement_table(_corpus, agreement.closest_pairs(_corpus)),
        views.agreement_table(_corpus, agreement.farthest_pairs(_corpus)),
    )


@st.cache_data(show_spinner=False, max_entries=64)
def neighbours_table(fingerprint: str, _corpus: Corpus, voice_id: str) -> pd.DataFrame:
    return views.agreement_table(_corpus, agreement.neighbours(_corpus, voice_id))


@st.cache_data(show_spinner=False, max_entries=8)
def all_pairs_table(fingerprint: str, _corpus: Corpus) -> pd.DataFrame:
    """Every pair placed together on at least one topic, closest first."""
    pairs = sorted(agreement.pair_agreement(_corpus), key=lambda r: (r.distance, -r.shared))
    return views.agreement_table(_corpus, pairs)
