"""The one cache of the UI: every view a page computes, kept per corpus and parameters.

Each function takes the `Corpus` itself: `hash_funcs` key it by the corpus' fingerprint (a
sha256 over every file it was read from), so a cached view can never be served for another
corpus or another version of this one, and no call site can pass a mismatched key. A `Motion`
(a curated motion or one the user wrote) is keyed by its fields.
"""

from __future__ import annotations

import hashlib
import pickle
import random
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from perspectives.charts.spectrum_plain import spectrum_vegalite
from perspectives.corpus.entities import Motion
from perspectives.corpus.model import Corpus
from perspectives.exports.tables import table_to_csv, table_to_json
from perspectives.teaching import quiz
from perspectives.teaching.brief import DebateBrief, build_brief
from perspectives.teaching.guide import ReadingGuide, build_guide
from perspectives.teaching.handout import SeminarHandout, build_handout
from perspectives.ui import present
from perspectives.views import agreement, matrix, reader, search, tables, timeline, voicepages
from perspectives.views import search_examples as search_examples_module

if TYPE_CHECKING:  # imported where used: the first page of a cold start needs neither
    from perspectives.exports.blocks import Layout
    from perspectives.workspace.suggest.passages import PassageList

FileParts = tuple[str, bytes, str]  # (file name, data, mime type) of a download


def _corpus_key(corpus: Corpus) -> str:
    return corpus.fingerprint


def _motion_key(motion: Motion) -> tuple[str, str, str, str]:
    return (motion.id, motion.topic, motion.text, motion.proposition)


def cached(max_entries: int):
    """`st.cache_data` keyed by the corpus' fingerprint (and a motion's fields)."""
    return st.cache_data(
        show_spinner=False,
        max_entries=max_entries,
        hash_funcs={Corpus: _corpus_key, Motion: _motion_key},
    )


def shared(max_entries: int):
    """`st.cache_resource` keyed like `cached`: one object for every session and run, never
    copied, for the large per-corpus tables that pages only read (filter, slice, write out).
    `st.cache_data` pickles a value when it stores it and unpickles a copy on every hit: at
    1,000 copies of the default corpus the positions table (78,000 rows with their quotes)
    took the Corpus page to a 1,970 MB peak."""
    return st.cache_resource(
        show_spinner=False,
        max_entries=max_entries,
        hash_funcs={Corpus: _corpus_key, Motion: _motion_key},
    )


# Explorer tables and charts.


@shared(8)
def matrix_frame(corpus: Corpus) -> pd.DataFrame:
    from perspectives.charts import heatmap

    return heatmap.matrix_frame(corpus)


@cached(8)
def voice_order(corpus: Corpus) -> list[str]:
    return matrix.voice_order(corpus)


@cached(8)
def camp_options(corpus: Corpus) -> list[str]:
    return voicepages.camp_options(corpus, voice_order(corpus))


@cached(32)
def camp_voices(corpus: Corpus, camp: str | None) -> list[str]:
    """The voices of `camp` (None: every voice) in the matrix's order, once per corpus."""
    return voicepages.in_camp(corpus, voice_order(corpus), camp)


@cached(32)
def matrix_page_frame(corpus: Corpus, voice_ids: tuple[str, ...]) -> pd.DataFrame:
    """The matrix's rows of a page of voices (`views.voicepages`)."""
    frame = matrix_frame(corpus)
    return frame[frame["voice_id"].isin(voice_ids)].reset_index(drop=True)


@cached(128)
def topic_table(corpus: Corpus, topic_id: str, voice_ids: tuple[str, ...]) -> pd.DataFrame:
    return tables.topic_table(corpus, topic_id, list(voice_ids) if voice_ids else None)


@cached(64)
def voice_table(corpus: Corpus, voice_id: str) -> pd.DataFrame:
    return tables.voice_table(corpus, voice_id)


@cached(64)
def head_to_head_table(corpus: Corpus, voice_ids: tuple[str, ...]) -> pd.DataFrame:
    return tables.head_to_head_table(corpus, list(voice_ids))


@cached(8)
def most_divided_topics(corpus: Corpus) -> list[str]:
    """The topics' ids, most divided first (1.2 s a run at 22,000 voices, uncached)."""
    return [spread.topic_id for spread in matrix.most_divided(corpus)]


@cached(8)
def divided_table(corpus: Corpus) -> pd.DataFrame:
    return tables.spread_table(corpus, matrix.most_divided(corpus))


@cached(8)
def topic_ends_tables(corpus: Corpus, limit: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(most divided, closest to agreement): at most `limit` topics each, never the same."""
    divided, agreeing = matrix.topic_ends(corpus, limit)
    return tables.spread_table(corpus, divided), tables.spread_table(corpus, agreeing)


@cached(8)
def pairs_tables(corpus: Corpus, limit: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(closest pairs, farthest pairs) over at least two shared topics, never the same pair
    nor the same distance."""
    closest, farthest = agreement.pair_ends(corpus, limit=limit)
    return tables.agreement_table(corpus, closest), tables.agreement_table(corpus, farthest)


@cached(64)
def quiz_round(corpus: Corpus, mode: str, seed: int) -> tuple[quiz.QuizQuestion, ...]:
    return quiz.draw_round(corpus, quiz.ROUND_LENGTH, mode, random.Random(seed))


@cached(8)
def most_distant_pair(corpus: Corpus) -> agreement.Agreement | None:
    """Compare's default head-to-head pair: once per corpus, not on every run."""
    return agreement.most_distant_pair(corpus)


@cached(64)
def neighbours_table(corpus: Corpus, voice_id: str) -> pd.DataFrame:
    return tables.agreement_table(corpus, agreement.neighbours(corpus, voice_id))


@cached(8)
def pair_count(corpus: Corpus) -> int:
    """The rows of `all_pairs_table`, counted without making it."""
    return agreement.pair_count(corpus)


@cached(8)
def all_pairs_table(corpus: Corpus) -> pd.DataFrame:
    """Every pair placed together on at least one topic, closest first."""
    return tables.pairs_table(corpus)


# Charts: each one's spec as Streamlit sends it (`present.vega_spec`), drawn by
# `present.vega_chart`. Building a chart and checking it against the Vega-Lite schema took most
# of the Matrix, Compare, Seminar and Timeline pages' runs; it is done once per corpus and
# options here. The heatmap's entries are the largest (a row per topic and voice): fewer kept.


@cached(64)
def spectrum_spec(
    corpus: Corpus, topic_id: str, voice_ids: tuple[str, ...] = (), legend: bool = True
) -> dict:
    """`charts.spectrum.spectrum_strip`'s spec, written without Altair (its import and the
    schema check were half a second of a cold start's first page); no `voice_ids` means every
    voice."""
    plain = spectrum_vegalite(corpus, topic_id, list(voice_ids) or None, legend=legend)
    return present.arrow_spec(plain)


@cached(16)
def heatmap_spec(
    corpus: Corpus, current: tuple[str, str] | None, voice_ids: tuple[str, ...]
) -> dict:
    """`heatmap.stance_heatmap`'s spec for a page of voices, `current` (topic, voice) outlined."""
    from perspectives.charts import heatmap

    chart = heatmap.stance_heatmap(
        corpus, current, frame=matrix_page_frame(corpus, voice_ids), voice_ids=list(voice_ids)
    )
    return present.vega_spec(chart)


@cached(32)
def timeline_spec(corpus: Corpus, topic: str | None) -> dict:
    from perspectives.charts import timeline as timeline_charts

    return present.vega_spec(timeline_charts.timeline_chart(corpus, topic))


@cached(32)
def events_spec(corpus: Corpus, topic: str | None) -> dict | None:
    """The events chart's spec; None when there is no dated event (on the topic)."""
    from perspectives.charts import timeline as timeline_charts

    chart = timeline_charts.events_chart(corpus, topic)
    return None if chart is None else present.vega_spec(chart)


@shared(8)
def documents_table(corpus: Corpus) -> pd.DataFrame:
    """The Corpus page's documents download: once per corpus, not on every run."""
    return tables.documents_table(corpus)


@shared(8)
def positions_table(corpus: Corpus) -> pd.DataFrame:
    """Every position with every quote (the `export` table): once per corpus."""
    return tables.positions_table(corpus)


@shared(8)
def timeline_documents(corpus: Corpus) -> pd.DataFrame:
    """The Timeline page's documents by date: once per corpus."""
    return timeline.documents_table(corpus)


# The reader, search and timeline.


@cached(64)
def paragraph_views(corpus: Corpus, document_id: str) -> tuple[reader.ParagraphView, ...]:
    return reader.paragraph_views(corpus, document_id)


@cached(64)
def paragraph_table(corpus: Corpus, document_id: str) -> pd.DataFrame:
    return reader.paragraph_table(corpus, document_id)


@cached(32)
def events_table(corpus: Corpus, topic: str | None) -> pd.DataFrame:
    return timeline.events_table(corpus, topic)


@cached(8)
def search_examples(corpus: Corpus) -> search_examples_module.Examples:
    return search_examples_module.example_queries(corpus)


@cached(256)
def search_results(
    corpus: Corpus, query: str, filters: search.Filters, limit: int
) -> list[search.FilteredHit]:
    return search.filtered_search(corpus, query, filters, limit)


# Downloads: a table's CSV and JSON, kept by the table's content (what a page offers is written
# on each run, see `widgets.download_table`; the Matrix's tables took a third of its run).


def table_texts(frame: pd.DataFrame) -> tuple[str, str]:
    """(CSV, JSON) of `frame` (`exports.tables`), written once per content."""
    try:
        key = frame_key(frame)
    except (pickle.PicklingError, TypeError, AttributeError):  # not plain data: written each time
        return table_to_csv(frame), table_to_json(frame)
    return _table_texts(key, frame)


def frame_key(frame: pd.DataFrame) -> str:
    """sha256 of the pickled frame: equal keys mean equal tables (columns, types, index and
    values). A frame made or unpickled the same way pickles the same way; an equal frame
    pickled differently is only a second entry. (Pickling is 6-8 times faster here than
    pandas' row hashes, and takes any cell.)"""
    return hashlib.sha256(pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


@st.cache_data(show_spinner=False, max_entries=64)
def _table_texts(digest: str, _frame: pd.DataFrame) -> tuple[str, str]:
    return table_to_csv(_frame), table_to_json(_frame)


# Briefs, handouts and reading guides, on screen and as files (built when asked for).


@shared(128)
def brief(corpus: Corpus, motion: Motion, side: str) -> DebateBrief:
    """Shared, not copied: a brief at 22,000 voices pickles to 7.6 MB (0.25 s a hit)."""
    return build_brief(corpus, motion, side)


@shared(128)
def brief_layout(corpus: Corpus, motion: Motion, side: str) -> Layout:
    """The brief laid out as the page shows it (1.6 s a run at 22,000 voices, laid out anew)."""
    from perspectives.exports.layout import brief_layout as lay_out

    return lay_out(brief(corpus, motion, side))


@cached(64)
def brief_file(corpus: Corpus, motion: Motion, side: str, fmt: str) -> FileParts:
    from perspectives.exports.printed import brief_export

    export = brief_export(corpus, motion, side, fmt)
    return export.filename, export.data, export.mime


@cached(32)
def handout(corpus: Corpus, topic_ids: tuple[str, ...]) -> SeminarHandout:
    return build_handout(corpus, topic_ids, chart=None)  # the page draws live charts


@shared(32)
def handout_layout(corpus: Corpus, topic_ids: tuple[str, ...]) -> Layout:
    from perspectives.exports.layout import handout_layout as lay_out

    return lay_out(handout(corpus, topic_ids))


@cached(32)
def handout_file(corpus: Corpus, topic_ids: tuple[str, ...], fmt: str) -> FileParts:
    from perspectives.exports.printed import handout_export

    export = handout_export(corpus, topic_ids, fmt)
    return export.filename, export.data, export.mime


@cached(64)
def guide(corpus: Corpus, document_id: str) -> ReadingGuide:
    return build_guide(corpus, document_id)


@cached(64)
def guide_file(corpus: Corpus, document_id: str, fmt: str) -> FileParts:
    from perspectives.exports.printed import guide_export

    export = guide_export(corpus, document_id, fmt)
    return export.filename, export.data, export.mime


# Passage suggestions (the Find passages page).


@cached(64)
def passages(corpus: Corpus, document_id: str, topic_id: str, limit: int) -> PassageList:
    from perspectives.workspace.suggest.passages import find_passages

    return find_passages(corpus, document_id, topic_id, limit)
