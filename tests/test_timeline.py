"""The timeline's tables and chart, on the small test corpus and the default one."""

from __future__ import annotations

from datetime import date

import pytest

from perspectives.charts.timeline import timeline_chart
from perspectives.corpus import load_corpus
from perspectives.views.timeline import (
    document_row_label,
    documents_table,
    event_date_label,
    events_in,
    events_table,
    mentions_table,
)


@pytest.fixture
def corpus(corpus_dir):
    return load_corpus(corpus_dir)


@pytest.mark.parametrize(
    ("precision", "label"),
    [("year", "1989"), ("month", "June 1989"), ("day", "4 June 1989")],
)
def test_event_date_label_is_as_precise_as_known(precision, label):
    assert event_date_label(date(1989, 6, 4), precision) == label


def test_document_row_label_uses_first_author_or_outlet(corpus):
    assert document_row_label(corpus.document("trust-essay")) == "Ann Writer (2019)"
    unsigned = corpus.document("trust-essay").model_copy(update={"authors": ()})
    assert document_row_label(unsigned) == "The Test Review (2019)"


def test_documents_table_is_by_date_with_certainty(corpus):
    table = documents_table(corpus)
    assert list(table["document_id"]) == ["trust-essay", "camera-report"]
    assert list(table["date"]) == ["2019-03-01", "2020-05-02"]
    assert set(table["date_certainty"]) == {"high"}


def test_events_table_lists_dates_documents_and_topics(corpus):
    table = events_table(corpus)
    row = table.iloc[0]
    assert row["event_id"] == "social-credit-plan"
    assert row["date_label"] == "14 June 2014"
    assert row["documents"] == "trust-essay, camera-report"
    assert row["topics"] == "Social credit"
    assert events_table(corpus, "technology-and-control").empty
    assert list(events_table(corpus, "social-credit")["event_id"]) == ["social-credit-plan"]


def test_events_in_default_corpus_are_sorted_and_filtered():
    corpus = load_corpus("data")
    events = events_in(corpus)
    assert [e.date for e in events] == sorted(e.date for e in events)
    tiananmen = events_table(corpus, "tiananmen-legacy")
    assert "4 June 1989" in set(tiananmen["date_label"])
    assert all("Tiananmen" in t for t in tiananmen["topics"])
    massacre = tiananmen.set_index("event_id").loc["tiananmen-massacre"]
    assert set(massacre["documents"].split(", ")) == {"yang-2023", "the-bl-2022"}


def test_mentions_table_has_one_row_per_event_and_document(corpus):
    table = mentions_table(corpus)
    assert list(table["row"]) == ["Ann Writer (2019)", "Cara Voice (2020)"]
    assert set(table["event_date_label"]) == {"14 June 2014"}


def test_timeline_chart_encodes_certainty_and_date_labels(corpus):
    spec = timeline_chart(corpus).to_dict()
    layers = spec["layer"]
    assert len(layers) == 3
    published = layers[2]["encoding"]
    assert published["shape"]["field"] == "date_certainty"
    assert published["opacity"]["field"] == "date_certainty"
    assert "date_label" in [t["field"] for t in published["tooltip"]]
    assert layers[1]["encoding"]["tooltip"][1]["field"] == "event_date_label"
    assert spec["height"] > 0
    # a topic without events still draws the documents
    assert timeline_chart(corpus, "technology-and-control").to_dict()["layer"][2]
