"""The timeline's events labelled on a chart of their own, and its tables that wrap (issue 11.4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perspectives.charts.timeline import date_domain, events_chart, timeline_chart
from perspectives.corpus import default_corpus_path, load_cached
from perspectives.views.timeline import events_table

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"


@pytest.mark.parametrize("folder", [None, RENT])
def test_every_event_has_its_own_labelled_row(folder):
    corpus = load_cached(folder or default_corpus_path())
    table = events_table(corpus)
    chart = events_chart(corpus)
    if table.empty:
        assert chart is None
        return
    spec = chart.to_dict()
    data = next(iter(spec["datasets"].values()))
    labels = [row["label"] for row in data]
    assert len(labels) == len(table)
    for label, (_, event) in zip(labels, table.iterrows(), strict=True):
        assert label == f"{event['date_label']} · {event['event']}"
    y = spec["layer"][1]["encoding"]["y"]
    assert y["field"] == "label" and y["sort"] == list(dict.fromkeys(labels))  # oldest first
    assert spec["height"] >= 24 * len(table)  # a row each: labels never overlap
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert {t["encoding"]["text"]["field"] for t in texts} == {"mentioned_in"}


def test_both_charts_share_one_time_axis():
    corpus = load_cached(default_corpus_path())
    domain = date_domain(corpus)
    assert domain[0].endswith("-01-01") and domain[0][:4] <= str(
        min(d.date for d in corpus.documents).year
    )
    top = timeline_chart(corpus).to_dict()
    bottom = events_chart(corpus).to_dict()
    assert top["layer"][0]["encoding"]["x"]["scale"]["domain"] == domain
    assert bottom["layer"][1]["encoding"]["x"]["scale"]["domain"] == domain


def test_notes_sit_before_the_dot_on_the_later_half():
    corpus = load_cached(default_corpus_path())
    data = next(iter(events_chart(corpus).to_dict()["datasets"].values()))
    latest = max(data, key=lambda r: r["date"])
    earliest = min(data, key=lambda r: r["date"])
    assert latest["note"] == "before" and earliest["note"] == "after"


def test_a_filtered_topic_without_events_has_no_events_chart():
    corpus = load_cached(default_corpus_path())
    quiet = [t.id for t in corpus.topics if events_table(corpus, t.id).empty]
    for topic in quiet:
        assert events_chart(corpus, topic) is None


def _table_app():
    import pandas as pd

    from perspectives.ui import widgets

    frame = pd.DataFrame([{"a": "**bold** <script>x</script>", "b": None, "c": "not shown"}])
    widgets.text_table(frame, {"a": "Alpha", "b": "Beta"})


def test_text_table_escapes_every_cell_and_keeps_the_chosen_columns():
    at = AppTest.from_function(_table_app).run()
    assert not at.exception
    value = at.table[0].value
    assert list(value.columns) == ["Alpha", "Beta"]
    cell = value.iloc[0]["Alpha"]
    assert "**bold**" not in cell and "\\*\\*bold\\*\\*" in cell
    assert value.iloc[0]["Beta"] == ""
