"""A poll's results as files: every vote as CSV and JSON (no participant tokens, the CSV safe
to open in a spreadsheet), and the chart as a PNG; the votes read from SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import struct
from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.exports import poll as poll_files
from perspectives.stance import scale_labels
from perspectives.store import polls as store
from perspectives.teaching.class_poll import Ballot

ROOT = Path(__file__).resolve().parent
HOSTILE = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(scope="module")
def topic():
    return load_corpus(ROOT / "corpora" / "rent-control").topics[0]


def _voted(url: str, topic) -> str:
    with store.poll_store(url) as ws:
        code = ws.create_poll(topic.id, corpus="rent-control").code
        ws.cast_vote(code, "a" * 32, -2, "Caps freeze the supply.")
        ws.cast_vote(code, "b" * 32, 1)
        ws.cast_vote(code, "c" * 32, 2, HOSTILE)
        ws.cast_vote(code, "a" * 32, -1, "Caps slow the supply.")  # replaces a's first vote
        ws.start_round(code)
        ws.cast_vote(code, "b" * 32, 0, "  Not sure\n any more. ")
    return code


def test_ballots_hold_every_vote_round_by_round_without_tokens(store_url, topic):
    code = _voted(store_url, topic)
    with store.poll_store(store_url) as ws:
        ballots = ws.ballots(code)
    assert [(b.round, b.stance) for b in ballots] == [(1, 1), (1, 2), (1, -1), (2, 0)]
    assert ballots[2].sentence == "Caps slow the supply."  # the replaced vote, last sent
    assert ballots[0].sentence is None
    assert ballots[3].sentence == "Not sure any more."  # one line, as stored
    assert not any("a" * 32 in str(b) for b in ballots)


def test_votes_csv_is_one_row_per_vote_and_formula_safe(store_url, topic):
    code = _voted(store_url, topic)
    with store.poll_store(store_url) as ws:
        text = poll_files.votes_file(ws.ballots(code), topic, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["round", "stance", "stance_label", "sentence"]
    expected = [("1", "1"), ("1", "2"), ("1", "-1"), ("2", "0")]
    assert [(r["round"], r["stance"]) for r in rows] == expected
    labels = scale_labels(topic)
    assert rows[2]["stance_label"] == labels[-1] and rows[2]["sentence"] == "Caps slow the supply."
    assert rows[1]["sentence"] == "'" + HOSTILE  # text, not a formula, in a spreadsheet
    assert rows[1]["stance_label"] == "'" + labels[2]  # "+2 · ..." starts like a formula
    assert rows[0]["sentence"] == ""


def test_votes_json_keeps_the_text_as_typed(store_url, topic):
    code = _voted(store_url, topic)
    with store.poll_store(store_url) as ws:
        records = json.loads(poll_files.votes_file(ws.ballots(code), topic, "json"))
    assert records[1] == {
        "round": 1,
        "stance": 2,
        "stance_label": scale_labels(topic)[2],
        "sentence": HOSTILE,
    }
    assert len(records) == 4


def test_an_empty_poll_exports_the_header_only(topic):
    assert poll_files.votes_file([], topic, "csv").strip() == "round,stance,stance_label,sentence"
    assert json.loads(poll_files.votes_file([], topic, "json")) == []


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_chart_png_shows_one_round_or_two_side_by_side(store_url, topic):
    code = _voted(store_url, topic)
    with store.poll_store(store_url) as ws:
        first, latest = ws.results(code, 1), ws.results(code)
    one_w, one_h = _png_size(poll_files.chart_png([first], topic))
    two_w, two_h = _png_size(poll_files.chart_png([first, latest], topic))
    assert one_w >= poll_files.WIDTH_PX * poll_files.SCALE
    assert two_w > 1.8 * one_w and abs(two_h - one_h) < 0.2 * one_h
    with pytest.raises(ValueError, match="at least one round"):
        poll_files.chart_png([], topic)


def test_file_stem_names_the_poll_and_topic(topic):
    assert poll_files.file_stem("K7MQ3D", topic) == f"poll-K7MQ3D-{topic.id}"


def test_ballots_frame_types():
    from perspectives.teaching.class_poll import ballots_frame

    topic = load_corpus(ROOT / "corpora" / "rent-control").topics[0]
    frame = ballots_frame([Ballot(1, -2, None)], topic)
    assert frame.dtypes["stance"].kind == "i" and frame.loc[0, "sentence"] == ""


def test_the_leaders_chart_png_is_rendered_once_per_content(topic, monkeypatch):
    from perspectives.teaching.class_poll import Results
    from perspectives.ui import pollfiles

    calls = []
    monkeypatch.setattr(poll_files, "chart_png", lambda rounds, t: calls.append(1) or b"png")
    monkeypatch.setattr(pollfiles, "_PNGS", type(pollfiles._PNGS)(pollfiles.PNGS_KEPT))
    one = Results("X", 1, {-2: 1, -1: 0, 0: 0, 1: 0, 2: 0}, (), {})
    same = Results("X", 1, {-2: 1, -1: 0, 0: 0, 1: 0, 2: 0}, (), {})
    more = Results("X", 1, {-2: 2, -1: 0, 0: 0, 1: 0, 2: 0}, (), {})
    assert pollfiles.chart_png([one], topic) == pollfiles.chart_png([same], topic) == b"png"
    assert len(calls) == 1  # a redraw with the same votes renders nothing
    pollfiles.chart_png([more], topic)
    assert len(calls) == 2
