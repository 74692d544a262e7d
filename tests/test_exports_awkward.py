"""Exports and charts of a corpus holding every kind of awkward character: each renders (no
exception, and no crash of the process: vl-convert used to abort the server on a control
character in a chart label), and no output holds a character its format cannot."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from perspectives.exports.printed import brief_export, guide_export, handout_export
from perspectives.exports.tables import render_table
from perspectives.safe_text import has_unsafe
from perspectives.views.tables import claims_table, positions_table
from tests.awkward import FORMULA, LONE_SURROGATE, awkward_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    return awkward_corpus(LONE_SURROGATE)


def test_the_charts_render_in_a_process_that_survives():
    """In a child process: before the fix the process died of SIGABRT inside vl-convert."""
    code = (
        "from tests.awkward import awkward_corpus, LONE_SURROGATE\n"
        "from perspectives.charts.printable import spectrum_png, spectrum_svg\n"
        "c = awkward_corpus(LONE_SURROGATE)\n"
        "from perspectives.exports.poll import chart_png\n"
        "from perspectives.teaching.class_poll import Results\n"
        "r = Results('K', 1, {-2: 1, -1: 0, 0: 2, 1: 0, 2: 0}, (), {})\n"
        "print(all(spectrum_png(c, t.id).startswith(b'\\x89PNG')"
        " and spectrum_svg(c, t.id).startswith(b'<svg')"
        " and chart_png([r], t).startswith(b'\\x89PNG') for t in c.topics))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_every_printed_export_renders(corpus, fmt):
    exports = [
        *(
            brief_export(corpus, m, side, fmt)
            for m in corpus.motions[:1]
            for side in ("proposition", "opposition")
        ),
        handout_export(corpus, [t.id for t in corpus.topics], fmt),
        *(guide_export(corpus, g.document, fmt) for g in corpus.guides),
    ]
    for export in exports:
        if fmt == "md":
            text = export.data.decode("utf-8")
            assert not has_unsafe(text), export.filename
            assert not re.search(r"(?<!\\)<script|(?<!\\)\]\(javascript:", text)
        elif fmt == "docx":
            text = "\n".join(p.text for p in open_docx(io.BytesIO(export.data)).paragraphs)
            assert "Okafor" in text or "Brandt" in text or "Lindqvist" in text
            assert not has_unsafe(text)
        else:
            pages = PdfReader(io.BytesIO(export.data)).pages
            assert pages and any(page.extract_text().strip() for page in pages)


@pytest.mark.parametrize("table", [positions_table, claims_table])
def test_csv_holds_only_printable_text_and_no_formula(table):
    corpus = awkward_corpus()  # pandas refuses a lone surrogate, which the loader refuses too
    text = render_table(table(corpus), "csv")
    assert not has_unsafe(text.replace("\r\n", "\n"))
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'" + FORMULA) for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert json.loads(render_table(table(corpus), "json"))
