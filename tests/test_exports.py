"""Briefs, handouts and reading guides exported to Markdown, DOCX and PDF, read back: python-docx
opens the DOCX, pypdf extracts the PDF's text, and the voices, motion and sources are there."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from perspectives.corpus import load_corpus
from perspectives.exports import pdf_printer as pdf_layout
from perspectives.exports.files import write_atomic
from perspectives.exports.layout import brief_layout, guide_layout, handout_layout
from perspectives.exports.markdown import write_markdown
from perspectives.exports.pdf import write_pdf
from perspectives.exports.pdf_printer import ascii_safe
from perspectives.exports.printed import brief_export, guide_export, handout_export
from perspectives.teaching.brief import build_brief, custom_motion
from perspectives.teaching.guide import build_guide
from perspectives.teaching.handout import build_handout

DATA = Path(__file__).resolve().parents[1] / "data"
MOTION = "social-credit-trust-not-control"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DATA)


def flat(text: str) -> str:
    """Whitespace and typographic quotes normalised, for matching extracted text."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text)


def pdf_pages(data: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def docx_text(data: bytes) -> str:
    document = open_docx(io.BytesIO(data))
    return flat("\n".join(p.text for p in document.paragraphs))


def brief_md(brief) -> str:
    return write_markdown(brief_layout(brief))


def handout_md(handout) -> str:
    return write_markdown(handout_layout(handout))


def guide_md(guide) -> str:
    return write_markdown(guide_layout(guide))


def brief_pdf(brief) -> bytes:
    return write_pdf(brief_layout(brief))


def handout_pdf(handout) -> bytes:
    return write_pdf(handout_layout(handout))


def brief_voices(brief) -> set[str]:
    return {a.voice for a in brief.arguments} | {a.argument.voice for a in brief.attacks}


def test_markdown_brief_has_voices_quotes_and_sources(corpus):
    for motion in corpus.motions:
        for side in ("proposition", "opposition"):
            brief = build_brief(corpus, motion, side)
            text = brief_md(brief)
            plain = text.replace("\\", "")
            assert motion.text in plain
            for voice in brief_voices(brief):
                assert voice in plain
            assert "## Sources" in text
            for source in brief.sources:
                assert source.title in plain and source.date_certainty in plain
            if brief.arguments:
                assert brief.arguments[0].cards[0].quote in plain


def test_markdown_escapes_document_text(hostile_corpus_dir):
    small = load_corpus(hostile_corpus_dir)
    handout = build_handout(small, ["technology-and-control"], chart=None)
    text = handout_md(handout)
    assert "\\[link\\](javascript:alert(1))" in text
    assert "[link](javascript" not in text
    assert "<b>" not in text


def test_docx_brief_opens_and_names_the_voices_and_the_motion(corpus):
    motion = corpus.motion(MOTION)
    export = brief_export(corpus, motion, "opposition", "docx")
    assert export.filename == f"brief-{MOTION}-opposition.docx"
    text = docx_text(export.data)
    assert flat(motion.text) in text
    brief = build_brief(corpus, motion, "opposition")
    for voice in brief_voices(brief):
        assert voice in text
    for source in brief.sources:
        assert flat(source.title) in text
    assert "Sources" in text and "Common ground" in text


def test_pdf_brief_text_finds_the_voices(corpus):
    motion = corpus.motion("legitimacy-through-listening")
    brief = build_brief(corpus, motion, "proposition")
    pages = pdf_pages(brief_pdf(brief))
    text = " ".join(pages)
    for voice in brief_voices(brief):
        assert voice in text, voice
    assert "Sources" in text
    assert flat(brief.arguments[0].cards[0].quote)[:40] in text
    assert f"page 1/{len(pages)}" in pages[0]


def test_pdf_without_a_unicode_font_falls_back_to_ascii(corpus, monkeypatch):
    monkeypatch.setattr(pdf_layout, "unicode_font", lambda: None)
    brief = build_brief(corpus, corpus.motion(MOTION), "opposition")
    text = " ".join(pdf_pages(brief_pdf(brief)))
    assert "John Dobson" in text and "Viola Rothschild" in text
    assert "“" not in text and '"Then it integrates them' in text


def test_ascii_safe():
    assert ascii_safe("“Trust” — it’s … −2") == '"Trust" -- it\'s ... -2'
    assert ascii_safe("façade") == "façade"  # Latin-1 stays
    assert ascii_safe("Dvořák 中") == "Dvorák ?"  # decomposed where it can be, else "?"


def test_unicode_font_is_found_here():
    """.ci/run installs fonts-dejavu-core; elsewhere a missing font only means the fallback."""
    files = pdf_layout.unicode_font()
    if files is None and not os.environ.get("CI"):
        pytest.skip("no DejaVu Sans here (apt-get install fonts-dejavu-core): PDFs use Helvetica")
    assert files is not None and files[""].name == "DejaVuSans.ttf"


def test_handout_pdf_has_one_page_per_topic(corpus):
    topics = ["technology-and-control", "minorities-and-faith", "regime-future"]
    handout = build_handout(corpus, topics)
    pages = pdf_pages(handout_pdf(handout))
    assert len(pages) == len(topics) + 2  # a cover, a page per topic, blind spots and sources
    for number, sheet in enumerate(handout.sheets, 1):
        page = pages[number]
        assert page.startswith(flat(sheet.label))
        assert flat(sheet.question) in page
        assert flat(sheet.questions[-1].text)[-40:] in page  # the end of the page's content
        for quote in sheet.quotes:
            assert quote.card.voice in page
    assert "Sources" in pages[-1] and "What these texts leave out" in pages[-1]


def test_handout_docx_and_markdown(corpus):
    topics = ["social-credit", "covid-19"]
    export = handout_export(corpus, topics, "docx")
    assert export.filename == "handout-social-credit-covid-19.docx"
    document = open_docx(io.BytesIO(export.data))
    assert len(document.inline_shapes) == len(topics)  # a chart per topic
    text = docx_text(export.data)
    for topic in topics:
        assert flat(corpus.topic(topic).question) in text
    md = handout_export(corpus, topics, "md").data.decode()
    assert "### Questions for discussion" in md and md.count("\n## ") == len(topics) + 2


def test_reading_guide_exports(corpus):
    guide = build_guide(corpus, "yang-2023")
    thesis_start = flat(guide.thesis)[:50]
    assert thesis_start in flat(guide_md(guide).replace("\\", ""))
    docx = guide_export(corpus, "yang-2023", "docx")
    assert docx.filename == "guide-yang-2023.docx"
    assert thesis_start in docx_text(docx.data) and "Cautions" in docx_text(docx.data)
    pdf = " ".join(pdf_pages(guide_export(corpus, "yang-2023", "pdf").data))
    assert thesis_start in pdf and "Jianli Yang" in pdf and "Sources" in pdf


def test_exports_are_written_atomically(corpus, tmp_path):
    export = brief_export(corpus, corpus.motion(MOTION), "proposition", "md")
    target = tmp_path / "out" / export.filename
    write_atomic(target, export.data)
    assert target.read_bytes() == export.data
    assert export.summary(str(target))["bytes"] == len(export.data)
    assert [p.name for p in target.parent.iterdir()] == [export.filename]


def test_a_topic_nobody_takes_a_side_on_still_exports(write_corpus, corpus_files):
    corpus_files["analysis/topics.yaml"].append(
        {
            "id": "empty-topic",
            "label": "Empty topic",
            "question": "Does anyone speak here?",
            "poles": {"low": "no", "high": "yes"},
        }
    )
    small = load_corpus(write_corpus(corpus_files))
    for fmt in ("md", "docx", "pdf"):
        export = handout_export(small, ["empty-topic"], fmt)
        assert len(export.data) > 100
    pages = pdf_pages(handout_export(small, ["empty-topic"], "pdf").data)
    assert len(pages) == 3 and "Does anyone speak here?" in pages[1]
    motion = custom_motion(small, "empty-topic", "low")
    brief = brief_export(small, motion, "opposition", "md").data.decode()
    assert "No voice in the corpus stands on this side of the axis." in brief


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text():
    import pandas as pd

    from perspectives.exports.tables import table_to_csv, table_to_json

    frame = pd.DataFrame(
        {
            "quote": ['=HYPERLINK("http://x","y")', "+1 rise", "-2 fall", "@SUM(A1)", "plain"],
            "stance": [-2, -1, 0, 1, 2],
        }
    )
    lines = table_to_csv(frame).splitlines()
    assert lines[1].startswith("\"'=HYPERLINK(") and lines[1].endswith(",-2")
    assert [line.split(",")[0] for line in lines[2:]] == [
        "'+1 rise",
        "'-2 fall",
        "'@SUM(A1)",
        "plain",
    ]
    assert '"=HYPERLINK(\\"http://x\\",\\"y\\")"' in table_to_json(frame)  # JSON keeps the text
