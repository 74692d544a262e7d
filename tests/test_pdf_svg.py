"""The handout PDF draws its charts as vectors from vl-convert's SVG (`exports.pdf_svg`)."""

from __future__ import annotations

import io
from xml.etree import ElementTree as ET

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from perspectives.charts.printable import spectrum_svg
from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.exports.pdf_printer import Printer, picture_size
from perspectives.exports.pdf_svg import for_fpdf, is_svg, svg_size
from perspectives.exports.printed import handout_export

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(default_corpus_path())


TWO_LINES = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="620" height="300">'
    b'<g><path class="foreground" d="" display="none"/><path d="M0,0h10v10h-10Z"/>'
    b'<line transform="translate(45,0)" x2="0" y2="-190" stroke="#ddd"/>'
    b'<text aria-label="a tooltip" text-anchor="end" transform="translate(610,15)"'
    b' font-family="sans-serif" font-size="12px" font-weight="bold">'
    b'<tspan>+2 \xe2\x96\xb6</tspan><tspan x="0" dy="14">A trust-building project</tspan>'
    b'<tspan x="0" dy="14">still being tested</tspan></text>'
    b'<text text-anchor="middle" transform="translate(305,15)" font-family="sans-serif"'
    b' font-size="10px">0\xe2\x81\xa0</text></g></svg>'
)


def _mended(svg: bytes = TWO_LINES, clean=lambda s: s.replace("\u2060", "")) -> ET.Element:
    return ET.fromstring(for_fpdf(svg, "dejavu", clean))


def test_what_fpdf2_cannot_read_is_mended():
    root = _mended()
    paths = [p.attrib["d"] for p in root.iter(f"{NS}path")]
    assert paths == ["M0,0h10v10h-10Z"]  # the empty path is gone
    line = next(root.iter(f"{NS}line"))
    assert (line.attrib["x1"], line.attrib["y1"], line.attrib["y2"]) == ("0", "0", "-190")


def test_a_text_of_several_lines_is_a_text_per_line_with_its_anchor_and_offset():
    texts = list(_mended().iter(f"{NS}text"))
    assert [t.text for t in texts] == [
        "+2 ▶",
        "A trust-building project",
        "still being tested",
        "0",  # cleaned by the printer's own function
    ]
    assert [t.attrib["transform"] for t in texts[:3]] == [
        "translate(610.0,15.0)",
        "translate(610.0,29.0)",
        "translate(610.0,43.0)",
    ]
    assert {t.attrib["text-anchor"] for t in texts[:3]} == {"end"}
    assert {t.attrib["font-family"] for t in texts} == {"dejavu"}
    assert [t.attrib["font-size"] for t in texts] == ["12", "12", "12", "10"]  # user units
    assert not any("aria-label" in t.attrib for t in texts)
    assert all(len(t) == 0 for t in texts)  # no tspans left


def test_sizes_of_svg_and_png():
    assert is_svg(TWO_LINES) and svg_size(TWO_LINES) == (620.0, 300.0)
    assert picture_size(TWO_LINES) == (620.0, 300.0)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\x80"
    assert not is_svg(png) and picture_size(png) == (256, 128)


def _images(data: bytes) -> int:
    reader = PdfReader(io.BytesIO(data))
    return sum(len(page.images) for page in reader.pages)


@pytest.mark.parametrize("unicode", [True, False])
def test_a_chart_is_drawn_as_vectors_with_its_labels_as_text(corpus, unicode):
    pdf = Printer("chart", use_unicode=None if unicode else False)
    pdf.add_page()
    topic = corpus.topics[0]
    pdf.picture(spectrum_svg(corpus, topic.id), 170, 120)
    data = pdf.output_bytes()
    assert _images(data) == 0
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Where the voices stand" in text
    placed = [p for p in corpus.positions_for_topic(topic.id) if p.stance is not None]
    assert corpus.voice(placed[0].voice).name.split()[-1] in text


def test_an_svg_fpdf2_cannot_read_is_rasterised_instead():
    broken = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><path d="Z"/></svg>'
    pdf = Printer("chart")
    pdf.add_page()
    pdf.picture(broken, 100, 100)
    assert _images(pdf.output_bytes()) == 1


def test_the_handout_pdf_has_vector_charts_and_the_docx_png_ones(corpus):
    topics = [t.id for t in corpus.topics[:2]]
    pdf = handout_export(corpus, topics, "pdf").data
    assert _images(pdf) == 0
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert sum("Where the voices stand" in page for page in pages) == len(topics)
    docx = open_docx(io.BytesIO(handout_export(corpus, topics, "docx").data))
    shapes = docx.inline_shapes
    assert len(shapes) == len(topics)
    blob = docx.part.related_parts[shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed]
    assert blob.content_type == "image/png"


def test_an_unknown_format_is_refused(corpus):
    with pytest.raises(ValueError, match="unknown format"):
        handout_export(corpus, [corpus.topics[0].id], "odt")


MARKUP = " <tspan>x</tspan> <script>alert(1)</script> & ]]> **bold** \"q\" 'a'"


def test_markup_in_labels_prints_as_text_in_the_vector_chart(tmp_path):
    """Names and poles holding SVG and HTML markup: vl-convert writes them escaped, the mend
    keeps them text, and the PDF prints them literally (and still draws vectors)."""
    from tests.conftest import make_corpus_files, write_files

    files = make_corpus_files()
    for voice in files["analysis/voices.yaml"]:
        voice["name"] += MARKUP
    for topic in files["analysis/topics.yaml"]:
        topic["poles"]["low"] += MARKUP
    corpus = load_corpus(write_files(tmp_path / "corpus", files))
    assert _images(handout_export(corpus, [corpus.topics[0].id], "pdf").data) == 0
    pdf = Printer("chart")  # the chart alone: its labels are the page's only text
    pdf.add_page()
    pdf.picture(spectrum_svg(corpus, corpus.topics[0].id), 170, 200)
    page = PdfReader(io.BytesIO(pdf.output_bytes())).pages[0].extract_text()
    flat = " ".join(page.split())
    assert flat.count("<tspan>x</tspan> <script>alert(1)</script> & ]]> **bold**") >= 2
