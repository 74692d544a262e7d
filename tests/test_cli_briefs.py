"""`python -m perspectives brief | handout | guide` through a subprocess: files written, the JSON
summary, and the exit codes (0 written, 1 unknown id, 2 usage)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document as open_docx
from pypdf import PdfReader

from tests.cli_run import run

ROOT = Path(__file__).resolve().parents[1]


def test_brief_for_a_motion_as_markdown_with_a_json_summary(tmp_path):
    out = tmp_path / "brief.md"
    result = run("brief", "--motion", "economic-nato", "--side", "opposition", "--format", "md",
                 "--out", str(out), "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["path"] == str(out) and summary["bytes"] == out.stat().st_size
    assert summary["counts"]["cards"] >= 1 and summary["counts"]["attacks"] >= 1
    text = out.read_text(encoding="utf-8")
    assert "values-based economic alliance" in text and "Bing Song" in text


def test_brief_for_a_topic_side_as_pdf(tmp_path):
    out = tmp_path / "covid.pdf"
    result = run("brief", "--topic", "covid-19", "--side", "critical", "--format", "pdf",
                 "--out", str(out), "--text", "This House fears the lockdowns")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stdout
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "This House fears the lockdowns" in text
    assert "The BL" in text and "Xi Jinping" in text  # the case, and the attack to expect


def test_brief_default_file_name_in_the_working_folder(tmp_path, corpus_dir):
    result = run("brief", "--motion", "trust-not-control", "--format", "docx", "--corpus",
                 str(corpus_dir), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = tmp_path / "brief-trust-not-control-proposition.docx"
    text = "\n".join(p.text for p in open_docx(io.BytesIO(written.read_bytes())).paragraphs)
    assert "Ann Writer" in text and "Ben Critic" in text


def test_unknown_ids_exit_1_and_list_the_valid_ones(corpus_dir):
    result = run(
        "brief", "--motion", "no-such-motion", "--format", "md", "--corpus", str(corpus_dir)
    )
    assert result.returncode == 1
    assert "no-such-motion" in result.stderr and "trust-not-control" in result.stderr
    result = run("brief", "--topic", "nope", "--side", "critical", "--format", "md",
                 "--corpus", str(corpus_dir))  # fmt: skip
    assert result.returncode == 1 and "social-credit" in result.stderr
    result = run("brief", "--topic", "social-credit", "--side", "sideways", "--format", "md",
                 "--corpus", str(corpus_dir))  # fmt: skip
    assert result.returncode == 1 and "critical, favourable" in result.stderr
    result = run("handout", "--topics", "social-credit,nope", "--format", "md",
                 "--corpus", str(corpus_dir))  # fmt: skip
    assert result.returncode == 1 and "'nope'" in result.stderr
    assert "technology-and-control" in result.stderr
    result = run("guide", "--doc", "nope", "--format", "md", "--corpus", str(corpus_dir))
    assert result.returncode == 1 and "camera-report, trust-essay" in result.stderr


def test_usage_errors_exit_2(corpus_dir, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    cases = [
        ("brief", "--motion", "trust-not-control"),  # no --format
        ("brief", "--format", "md"),  # neither --motion nor --topic
        ("brief", "--motion", "trust-not-control", "--topic", "social-credit", "--format", "md"),
        ("brief", "--motion", "trust-not-control", "--side", "critical", "--format", "md"),
        ("brief", "--motion", "trust-not-control", "--text", "x", "--format", "md"),
        ("brief", "--topic", "social-credit", "--format", "md"),  # no --side
        ("brief", "--motion", "trust-not-control", "--format", "odt"),
        ("handout", "--topics", " , ", "--format", "md"),
        ("guide", "--format", "md"),
    ]
    for args in cases:
        result = run(*args, "--corpus", str(corpus_dir), cwd=work)
        assert result.returncode == 2, (args, result.stderr)
        assert "usage" in result.stderr, args
    assert list(work.iterdir()) == []  # nothing written


def test_handout_and_guide(tmp_path, corpus_dir):
    out = tmp_path / "handout.pdf"
    result = run("handout", "--topics", "social-credit,technology-and-control", "--format",
                 "pdf", "--out", str(out), "--corpus", str(corpus_dir), "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["topics"] == 2
    pages = PdfReader(out).pages
    assert len(pages) == 4  # cover, two topics, blind spots and sources
    assert "What is the social credit system for?" in pages[1].extract_text()
    out = tmp_path / "guide.md"
    result = run("guide", "--doc", "trust-essay", "--format", "md", "--out", str(out),
                 "--corpus", str(corpus_dir))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Social credit is about trust." in out.read_text(encoding="utf-8")


def test_a_motion_wording_over_the_limit_is_refused(tmp_path):
    out = tmp_path / "brief.md"
    args = ["brief", "--topic", "covid-19", "--side", "critical", "--text", "z" * 301]
    result = run(*args, "--format", "md", "--out", str(out))
    assert result.returncode == 1
    assert "--text: the motion's wording has 301 characters; at most 300" in result.stderr
    assert not out.exists()
