"""The printed layout as PDF (fpdf2), ready to print on A4.

A `PageBreak(fit=True)` gives what follows, up to the next break, exactly one page: type and
chart shrink step by step until it fits, measured on a scratch document first (a handout's
topics). Characters the font lacks are replaced in `pdf_printer.Printer.t`.
"""

from __future__ import annotations

from collections.abc import Iterable

from perspectives.exports.blocks import (
    Block,
    Figure,
    Group,
    Heading,
    Image,
    Item,
    Layout,
    Note,
    PageBreak,
    Paragraph,
    Quote,
    Runs,
    web_link,
)
from perspectives.exports.pdf_printer import GREY, Part, Printer, picture_size

SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
CHART_W, CHART_MIN_H = 174.0, 55.0  # mm: the widest a chart prints, and the least height
CHART_MAX_H = 120.0  # mm: the tallest a chart prints on a page that is not fitted
SIZES = {"small": 9.0, "normal": 10.0, "large": 12.0}
ITEM_SIZE, DETAIL_SIZE, NOTE_SIZE = 9.5, 8.5, 8.5


def _parts(runs: Runs) -> list[Part]:
    """fpdf2 runs: (style, text, link) with "B" bold, "I" italic, "g" grey."""
    out: list[Part] = []
    for run in runs:
        style = ("B" if run.bold else "") + ("I" if run.italic else "") + ("g" if run.muted else "")
        out.append((style, run.text, (web_link(run.text.strip()) or "") if run.url else ""))
    return out


def _item(pdf: Printer, item: Item) -> None:
    parts = _parts(item.runs)
    if item.quote:
        parts.append(("g", f" {item.quote.short}", ""))
    pdf.runs(parts, ITEM_SIZE, bullet=f"{item.number}." if item.number is not None else "•")
    if item.detail:
        pdf.runs(_parts(item.detail), DETAIL_SIZE, indent=5)


def _figure(pdf: Printer, figure: Figure) -> None:
    parts: list[Part] = [("B", figure.figure, ""), ("", f": {figure.about}; ", "")]
    parts.append(("", f"{figure.attribution}.", ""))
    if figure.caution:
        parts += [("BI", " Caution: ", ""), ("I", figure.caution, "")]
    parts.append(("g", f" {figure.quote.short}", ""))
    pdf.runs(parts, ITEM_SIZE, bullet="•")


def draw(pdf: Printer, block: Block, chart_h: float | None = CHART_MAX_H) -> None:
    """One block; `chart_h` is the height a chart gets (None leaves it out, to measure)."""
    match block:
        case Heading():
            pdf.heading(block.full, block.level)
        case Paragraph():
            pdf.runs(_parts(block.runs), SIZES[block.size])
        case Note() if block.empty:
            pdf.para(block.text, style="I")
        case Note():
            pdf.para(block.text, size=NOTE_SIZE, style="I", colour=GREY)
        case Quote():
            pdf.card(block.text, block.speaker, block.citation)
        case Item():
            _item(pdf, block)
        case Figure():
            _figure(pdf, block)
        case Image() if block.picture:
            if chart_h is not None:
                pdf.picture(block.picture, CHART_W, chart_h)
        case Image():
            for item in block.fallback:
                _item(pdf, item)
        case PageBreak():
            pdf.add_page()
        case Group():
            for child in block.blocks:
                draw(pdf, child, chart_h)
        case _:
            raise TypeError(f"not a block: {block!r}")


def _pictures(blocks: Iterable[Block]) -> list[bytes]:
    found = []
    for block in blocks:
        if isinstance(block, Image) and block.picture:
            found.append(block.picture)
        elif isinstance(block, Group):
            found += _pictures(block.blocks)
    return found


def fit(scratch: Printer, blocks: list[Block]) -> tuple[float, float]:
    """The largest scale at which the blocks' text leaves room on one page for their chart,
    and the chart's height there: it takes what is left, up to its full-width height."""
    natural = 0.0
    for picture in _pictures(blocks):
        width, height = picture_size(picture)
        natural = max(natural, CHART_W * height / width)
    for scale in SCALES:
        scratch.scale = scale
        scratch.add_page()
        first = scratch.page
        for block in blocks:
            draw(scratch, block, None)
        room = scratch.page_break_trigger - scratch.y - 2
        if scratch.page == first and room >= min(natural, CHART_MIN_H):
            return scale, min(natural, room)
    return SCALES[-1], CHART_MIN_H


def pages(blocks: Iterable[Block]) -> list[tuple[PageBreak | None, list[Block]]]:
    """The blocks cut at each page break, with the break that starts each run of pages."""
    out: list[tuple[PageBreak | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if isinstance(block, PageBreak):
            out.append((block, []))
        else:
            out[-1][1].append(block)
    return out


def write_pdf(layout: Layout) -> bytes:
    pdf = Printer(layout.title)
    scratch: Printer | None = None
    for start, blocks in pages(layout.blocks()):
        pdf.scale, chart_h = 1.0, CHART_MAX_H  # the previous page's footer at full size
        if start is not None or pdf.page == 0:
            pdf.add_page()
        if start is not None and start.fit:
            scratch = scratch or Printer(layout.title, use_unicode=pdf.unicode, fonts_of=pdf)
            pdf.scale, chart_h = fit(scratch, blocks)
        for block in blocks:
            draw(pdf, block, chart_h)
    pdf.scale = 1.0
    return pdf.output_bytes()
