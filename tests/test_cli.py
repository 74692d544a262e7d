"""`python -m perspectives ...` as a user runs it: through a subprocess, with its exit codes
(0 success, 1 invalid input, 2 usage) and its output."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from perspectives.corpus import load_cached
from tests.cli_run import run

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CONTRACT_COLUMNS = [
    "document_id",
    "document_title",
    "voice_id",
    "voice_name",
    "camp",
    "topic_id",
    "topic_label",
    "stance",
    "state",
    "summary",
    "quote",
    "quote_start",
    "quote_end",
]
BROKEN_FILE = "analysis/positions/gardels-2018.yaml"
BROKEN_ENTRY = "nathan-gardels/responsiveness-and-legitimacy"
RIGHT_QUOTE = "It is repressive and responsive at the same time."


@pytest.fixture(scope="module")
def corpus():
    return load_cached(DATA)


@pytest.fixture(scope="module")
def csv_rows() -> tuple[list[str], list[dict]]:
    result = run("export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


@pytest.fixture
def broken_corpus(tmp_path: Path) -> Path:
    """A copy of data/ with one quote that the document does not contain."""
    copy = shutil.copytree(DATA, tmp_path / "corpus")
    path = copy / BROKEN_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(RIGHT_QUOTE) == 1
    path.write_text(
        text.replace(RIGHT_QUOTE, "It is repressive and benevolent at the same time."),
        encoding="utf-8",
    )
    return copy


def broken_line() -> int:
    text = (DATA / BROKEN_FILE).read_text(encoding="utf-8")
    return text[: text.index(RIGHT_QUOTE)].count("\n") + 1


# --- validate -----------------------------------------------------------------------------------


def test_validate_the_default_corpus_exits_0(corpus):
    result = run("validate", "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout
    assert f"{len(corpus.positions)} positions" in result.stdout


def test_validate_without_a_folder_uses_data():
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(DATA) in result.stdout


def test_a_wrong_quote_exits_1_naming_the_file_and_the_entry(broken_corpus):
    result = run("validate", str(broken_corpus))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    where = f"{BROKEN_FILE}:{broken_line()}: {BROKEN_ENTRY}: quote not found in document"
    assert lines[0].startswith(where), lines[0]
    assert "benevolent" in lines[0]
    assert f'closest passage: "{RIGHT_QUOTE.rstrip(".")}' in lines[0]
    assert "1 problem" in result.stderr


def test_every_command_refuses_an_invalid_corpus(broken_corpus):
    for args in (("export", "--format", "csv"), ("search", "china")):
        result = run(*args, "--corpus", str(broken_corpus))
        assert result.returncode == 1, args
        assert BROKEN_FILE in result.stdout, args


def test_validate_a_missing_folder_exits_1(tmp_path):
    result = run("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "corpus folder not found" in result.stdout
    assert "Traceback" not in result.stderr


# --- usage ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param((), id="no-command"),
        pytest.param(("frobnicate",), id="unknown-command"),
        pytest.param(("export",), id="export-without-format"),
        pytest.param(("export", "--format", "xml"), id="bad-format"),
        pytest.param(("search",), id="search-without-query"),
        pytest.param(("search", "china", "--limit", "0"), id="limit-zero"),
        pytest.param(("search", "china", "--limit", "many"), id="limit-not-a-number"),
        pytest.param(("validate", "data", "--bogus"), id="unknown-option"),
    ],
)
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "usage:" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["validate", "export", "search"])
def test_help_for_each_command_exits_0(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: python -m perspectives {command}")


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "export", "search"):
        assert command in result.stdout


# --- export ---------------------------------------------------------------------------------------


def test_export_csv_has_the_contract_columns(csv_rows):
    columns, _ = csv_rows
    assert columns[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS


def test_export_csv_has_one_row_per_position_and_quote(csv_rows, corpus):
    _, rows = csv_rows
    expected = [(p.id, e.start, e.end, e.text) for p in corpus.positions for e in p.evidence]
    assert len(rows) == sum(len(p.evidence) for p in corpus.positions)
    got = [(r["position_id"], int(r["quote_start"]), int(r["quote_end"]), r["quote"]) for r in rows]
    assert got == expected


def test_export_csv_cells_agree_with_the_corpus(csv_rows, corpus):
    _, rows = csv_rows
    for row in rows:
        position = corpus.position(row["voice_id"], row["topic_id"])
        document = corpus.document(row["document_id"])
        assert row["document_title"] == document.title
        assert row["voice_name"] == corpus.voice(position.voice).name
        assert row["camp"] == corpus.voice(position.voice).camp
        assert row["topic_label"] == corpus.topic(position.topic).label
        assert row["state"] == position.state
        assert row["stance"] == ("" if position.stance is None else str(position.stance))
        assert row["summary"] == position.summary
        assert document.text[int(row["quote_start"]) : int(row["quote_end"])] == row["quote"]


def test_export_json_parses_and_matches_the_csv(csv_rows):
    columns, rows = csv_rows
    result = run("export", "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == len(rows)
    assert list(records[0]) == columns
    assert [r["quote_start"] for r in records] == [int(r["quote_start"]) for r in rows]
    mentions = [r for r in records if r["state"] == "mentions"]
    assert mentions and all(r["stance"] is None for r in mentions)
    assert all(isinstance(r["stance"], int) for r in records if r["state"] != "mentions")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_out_writes_the_file_and_no_temporary_file(tmp_path, fmt, csv_rows):
    out = tmp_path / "exports" / f"positions.{fmt}"
    result = run("export", "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(out) in result.stderr
    assert [p.name for p in out.parent.iterdir()] == [out.name]
    text = out.read_text(encoding="utf-8")
    count = len(json.loads(text)) if fmt == "json" else len(list(csv.DictReader(io.StringIO(text))))
    assert count == len(csv_rows[1])


def test_export_out_into_a_folder_exits_1(tmp_path):
    result = run("export", "--format", "csv", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "error:" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == []


# --- search ---------------------------------------------------------------------------------------


def test_search_phrase_json_ranks_gardels_first(corpus):
    result = run("search", '"phantom democracy"', "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits, "no hits"
    first = hits[0]
    assert {"document_id", "paragraph", "start", "end", "snippet", "score"} <= set(first)
    assert first["document_id"] == "gardels-2018"
    document = corpus.document("gardels-2018")
    paragraph = document.paragraphs[first["paragraph"] - 1]
    assert (first["start"], first["end"]) == (paragraph.start, paragraph.end)
    assert "**phantom democracy**" in first["snippet"]
    assert first["speakers"] == ["john-keane"]  # whose words: Keane's, in Gardels' compilation
    assert first["whose_words"] == "John Keane (evidence)"
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_words_are_ranked_and_limited():
    result = run("search", "china", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_for_a_missing_word_returns_an_empty_list():
    result = run("search", "xylophonequark", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_search_text_output_names_document_and_paragraph():
    result = run("search", '"phantom democracy"')
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gardels-2018 ¶4 ")


def test_an_unreadable_query_exits_1_with_a_clear_message():
    result = run("search", '"phantom', "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "could not be read" in result.stderr
    assert 'every opening " has a closing one' in result.stderr
    assert "Traceback" not in result.stderr
