"""The tables behind the Corpus, Problems and Quiz downloads, on the default corpus and on the
second corpus (rent control)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from perspectives.corpus import Problem, default_corpus_path, load_cached
from perspectives.exports.tables import table_to_csv, table_to_json
from perspectives.teaching import quiz
from perspectives.views import tables

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"


@pytest.fixture(scope="module", params=["default", "rent-control"])
def corpus(request):
    return load_cached(default_corpus_path() if request.param == "default" else RENT)


def test_the_documents_table_has_one_row_per_document_with_its_provenance(corpus):
    frame = tables.documents_table(corpus)
    assert list(frame["document_id"]) == [d.id for d in corpus.documents]
    for row, document in zip(frame.to_dict("records"), corpus.documents, strict=True):
        assert row["title"] == document.title
        assert row["outlet"] == document.outlet
        assert row["date"] == document.date.isoformat()
        assert row["date_certainty"] == document.date_certainty
        assert row["paragraphs"] == len(document.paragraphs)
        assert row["positions"] == sum(p.document == document.id for p in corpus.positions)
        voices = {v.id for v in corpus.voices if document.id in v.documents}
        assert set(filter(None, row["voices"].split(","))) == voices
    assert frame["positions"].sum() == len(corpus.positions)


def test_the_documents_table_downloads_as_csv_and_json(corpus):
    frame = tables.documents_table(corpus)
    rows = json.loads(table_to_json(frame))
    assert [r["document_id"] for r in rows] == [d.id for d in corpus.documents]
    assert table_to_csv(frame).splitlines()[0].startswith("document_id,title,authors")


def test_the_problems_table_lists_problems_then_what_is_left_out():
    problems = [
        Problem("analysis/topics.yaml", "tax", 12, "the field “label” is missing"),
        Problem(".", None, None, "corpus folder not found"),
    ]
    frame = tables.problems_table(problems, ["position a/tax", "claim c-1"])
    assert list(frame["kind"]) == ["problem", "problem", "left out", "left out"]
    assert list(frame["file"])[:2] == ["analysis/topics.yaml", "."]
    assert frame["line"].iloc[0] == 12 and frame["line"].isna().sum() == 3
    assert list(frame["entry"]) == ["tax", "", "position a/tax", "claim c-1"]
    rows = json.loads(table_to_json(frame))
    assert rows[0]["line"] == 12 and rows[1]["line"] is None


def test_no_problems_is_an_empty_table_with_its_columns():
    frame = tables.problems_table([])
    assert frame.empty and list(frame.columns) == ["kind", "file", "line", "entry", "problem"]


@pytest.mark.parametrize("mode", quiz.MODES)
def test_round_rows_are_the_round_with_its_answers(corpus, mode):
    questions = quiz.draw_round(corpus, quiz.ROUND_LENGTH, mode, random.Random(7))
    answers = {
        0: questions[0].answer,
        1: next(o for o in questions[1].options if o != questions[1].answer),
    }
    rows = quiz.round_rows(corpus, questions, answers)
    assert [r["question"] for r in rows] == list(range(1, len(questions) + 1))
    for row, question in zip(rows, questions, strict=True):
        assert row["quote"] == question.evidence.text
        assert row["mode"] == mode and row["answer_id"] == question.answer
        assert row["answer"] == quiz.label(corpus, mode, question.answer)
        assert row["answer"] in row["options"].split(" | ")
        assert len(row["options"].split(" | ")) == len(question.options)
        document = corpus.document(row["document_id"])
        paragraph = document.paragraphs[row["paragraph"] - 1]
        assert question.evidence.text in paragraph.text
    assert rows[0]["right"] is True and rows[0]["given"] == rows[0]["answer"]
    assert rows[1]["right"] is False and rows[1]["given"] != rows[1]["answer"]
    assert all(r["right"] is None and r["given"] == "" for r in rows[2:])
