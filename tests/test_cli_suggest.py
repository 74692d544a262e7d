"""`python -m perspectives suggest FILE`: the JSON shape, offsets into the file's decoded text,
--exclude-document, the lexical fallback and clear refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from perspectives.corpus import load_corpus
from tests.cli_run import ROOT, run

RENT = ROOT / "tests" / "corpora" / "rent-control"


def suggestions(*args: str) -> list[dict]:
    result = run("suggest", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def check_shape(rows: list[dict], topic_ids: set[str]) -> None:
    for row in rows:
        assert set(row) == {"start", "end", "topics"}
        assert isinstance(row["start"], int) and isinstance(row["end"], int)
        assert {t["topic_id"] for t in row["topics"]} == topic_ids
        assert all(set(t) == {"topic_id", "score"} for t in row["topics"])
        scores = [t["score"] for t in row["topics"]]
        assert scores == sorted(scores, reverse=True)


def test_plain_text_offsets_are_the_paragraphs(tmp_path):
    paragraphs = [
        "Rent caps limit yearly increases, and tenants stay in their homes.",
        "Landlords say caps make them sell their flats: fewer homes to rent.",
        "The council should build more and cap increases while it builds.",
    ]
    text = "\ufeffRent notes\r\n\r\n" + "\r\n\r\n".join(paragraphs) + "\r\n"
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode("utf-8"))
    rows = suggestions(str(path), "--corpus", str(RENT))
    decoded = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    assert [decoded[r["start"] : r["end"]] for r in rows] == ["Rent notes", *paragraphs]
    check_shape(rows, {t.id for t in load_corpus(RENT).topics})
    assert rows[2]["topics"][0]["topic_id"] == "caps-and-supply"


def test_corpus_document_file_offsets_count_from_the_first_line():
    corpus = load_corpus(RENT)
    document = corpus.documents[0]
    path = RENT / "documents" / f"{document.id}.md"
    rows = suggestions(str(path), "--corpus", str(RENT), "--exclude-document", document.id)
    content = path.read_text(encoding="utf-8")
    assert [content[r["start"] : r["end"]] for r in rows] == [p.text for p in document.paragraphs]
    check_shape(rows, {t.id for t in corpus.topics})


def test_exclude_document_ignores_its_quotes(tmp_path):
    corpus = load_corpus(RENT)
    position = next(p for p in corpus.positions if p.evidence)
    quote = position.evidence[0].text
    path = tmp_path / "quote.txt"
    path.write_text(quote + "\n", encoding="utf-8")
    kept = suggestions(str(path), "--corpus", str(RENT))
    dropped = suggestions(
        str(path), "--corpus", str(RENT), "--exclude-document", position.evidence[0].document_id
    )
    assert kept[0]["topics"][0]["topic_id"] == position.topic
    assert kept[0]["topics"] != dropped[0]["topics"]


def test_default_corpus_document_as_if_new():
    rows = suggestions(
        str(ROOT / "data" / "documents" / "yang-2023.md"), "--exclude-document", "yang-2023"
    )
    assert len(rows) == len(load_corpus(ROOT / "data").document("yang-2023").paragraphs)


def test_lexical_fallback_is_said_on_stderr(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Caps on rents and the supply of homes.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PERSPECTIVES_CORPUS"}
    env["PERSPECTIVES_SUGGEST_MODEL"] = "none"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "perspectives",
            "suggest",
            str(path),
            "--corpus",
            str(RENT),
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "lexical ranking only" in result.stderr
    assert json.loads(result.stdout)[0]["topics"][0]["topic_id"] == "caps-and-supply"


def test_refusals_name_the_problem(tmp_path):
    missing = run("suggest", str(tmp_path / "nope.txt"), "--corpus", str(RENT))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    refused = run("suggest", str(binary), "--corpus", str(RENT))
    assert refused.returncode == 1 and "image.txt" in refused.stderr
    unknown = run(
        "suggest",
        str(Path(RENT, "documents", "okafor-2021.md")),
        "--corpus",
        str(RENT),
        "--exclude-document",
        "no-such-doc",
    )
    assert unknown.returncode == 1 and "no-such-doc" in unknown.stderr
    both = run("suggest", "x.txt", "--corpus", str(RENT), "--workspace", "w")
    assert both.returncode == 2
