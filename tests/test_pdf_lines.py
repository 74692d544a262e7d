"""The one-pass line breaker (`exports.pdf_lines`) makes exactly fpdf2's lines: the same text
on each line, the same styles and links, the same widths to the last bit."""

from __future__ import annotations

import random

import pytest
from fpdf.line_break import MultiLineBreak

from perspectives.exports import pdf_lines
from perspectives.exports.pdf_printer import Printer, unicode_font

pytestmark = pytest.mark.skipif(unicode_font() is None, reason="DejaVu Sans not installed")

TEXTS = [
    "",
    "One short line.",
    "A sentence that goes on for long enough to need two or three lines of this narrow "
    "column, with commas, “curly quotes” — and dashes.",
    "Supercalifragilisticexpialidocious-and-a-word-with-no-space-in-it-at-all-that-is-longer",
    "Lines\nbroken\n\nby hand, and\ttabs, and a\u00a0non-breaking\u00a0space.",
    "   leading spaces and trailing ones   ",
    "Zero\u200bwidth\u200bspaces and a form\x0cfeed.",
    "Ünïcödé: Ελληνικά, русский, עברית, العربية.",
]


def lines(breaker) -> list[tuple]:
    out = []
    while (line := breaker.get_line()) is not None:
        frags = [(f.string, f.link, f.graphics_state, f.k) for f in line.fragments]
        out.append(
            (
                frags,
                line.text_width,
                line.number_of_spaces,
                line.align,
                line.height,
                line.max_width,
                line.trailing_nl,
                line.trailing_form_feed,
            )
        )
    return out


def fragments(pdf: Printer, parts) -> list:
    """fpdf2's fragments for runs of (style, size, text, link), as `FPDF.write` makes them."""
    found = []
    for style, size, text, link in parts:
        pdf.set_font(pdf.family_name, style, size)
        for fragment in pdf._preload_font_styles(pdf.t(text), False):
            fragment.link = link
            found.append(fragment)
    return found


def both(pdf: Printer, parts, width: float, align="L") -> tuple[list, list]:
    frags = fragments(pdf, parts)
    args = (lambda _height: width, (pdf.c_margin, pdf.c_margin))
    slow = lines(MultiLineBreak(frags, *args, align=align))
    fast_breaker = pdf_lines.FastLineBreak(frags, *args, align=align)
    assert fast_breaker.fast
    return slow, lines(fast_breaker)


@pytest.fixture(scope="module")
def pdf() -> Printer:
    printer = Printer("test")
    printer.add_page()
    return printer


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [8.0, 40.0, 95.5, 174.0])
def test_same_lines_as_fpdf2(pdf, text, width):
    slow, fast = both(pdf, [("", 10, text, "")], width)
    assert fast == slow


@pytest.mark.parametrize("seed", range(12))
def test_same_lines_for_mixed_runs(pdf, seed):
    rng = random.Random(seed)
    words = " ".join(TEXTS).split(" ")
    parts = []
    for _ in range(rng.randint(1, 8)):
        text = " ".join(rng.choices(words, k=rng.randint(1, 12))) + rng.choice(["", " "])
        link = rng.choice(["", "", "https://example.org/a"])
        parts.append((rng.choice(["", "B", "I", "BI"]), rng.choice([8.5, 9.5, 10, 14]), text, link))
    for width in (30.0, 120.0):
        slow, fast = both(pdf, parts, width, align=rng.choice(["L", "J"]))
        assert fast == slow


def test_core_fonts_and_soft_hyphens_take_fpdf2s_path():
    helvetica = Printer("test", use_unicode=False)
    helvetica.add_page()
    frags = fragments(helvetica, [("", 10, "Plain text", "")])
    assert not pdf_lines.FastLineBreak(frags, 50.0, (1, 1)).fast
    if unicode_font():
        pdf = Printer("test")
        pdf.add_page()
        frags = fragments(pdf, [("", 10, "soft\u00adhyphen", "")])
        assert not pdf_lines.FastLineBreak(frags, 50.0, (1, 1)).fast


def test_a_printer_borrowing_fonts_lays_out_the_same_and_leaves_the_lender_whole():
    from io import BytesIO

    from pypdf import PdfReader

    text = TEXTS[2] * 6
    lender = Printer("test")
    lender.add_page()
    borrower = Printer("test", fonts_of=lender)
    assert borrower.fonts["dejavu"] is not lender.fonts["dejavu"]
    assert borrower.fonts["dejavu"].cw is lender.fonts["dejavu"].cw  # parsed once
    borrower.add_page()
    for pdf in (borrower, lender):
        pdf.runs([("", text), ("B", " bold end")], 10)
        pdf.card(text, "Someone", "A title, paragraph 3")
    assert borrower.y == lender.y and borrower.page == lender.page
    reader = PdfReader(BytesIO(lender.output_bytes()))
    assert "bold end" in reader.pages[0].extract_text()
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(fonts) == 3  # regular, bold and italic (the card), each embedded
    assert all(
        "/FontFile2"
        in f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        for f in fonts.values()
    )
