"""The printed layout as a Word document (python-docx), for teachers and debaters who want to
edit before printing. A `PageBreak` starts a new page (each topic of a handout).

python-docx refuses text that XML cannot hold (control characters, lone surrogates, the
non-characters U+FFFE/U+FFFF) with an exception: every string goes through
`safe_text.printable` first. Web addresses are written as text.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

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
    Run,
    Runs,
)
from perspectives.safe_text import printable
from perspectives.wording import quoted

GREY = RGBColor(0x55, 0x55, 0x55)
CHART_WIDTH = Cm(16)
SIZES = {"small": Pt(9), "normal": None, "large": Pt(12)}
HANG = Cm(0.63)  # the hanging indent of a list item


def _new(title: str) -> DocxDocument:
    doc = Document()
    doc.core_properties.title = printable(title)[:255]
    doc.core_properties.author = "Perspectives"
    doc.styles["Normal"].font.size = Pt(10.5)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    return doc


def _add(paragraph: DocxParagraph, run: Run, size=None, grey: bool = False) -> None:
    added = paragraph.add_run(printable(run.text))
    added.bold = run.bold or None
    added.italic = run.italic or None
    if run.muted or grey:
        added.font.color.rgb = GREY
    if size is not None:
        added.font.size = size


def _runs(paragraph: DocxParagraph, runs: Runs, size=None, grey: bool = False) -> None:
    for run in runs:
        _add(paragraph, run, size, grey)


def _quote(doc: DocxDocument, quote: Quote) -> None:
    doc.add_paragraph(printable(quoted(quote.text)), style="Quote")
    cite = doc.add_paragraph()
    cite.paragraph_format.left_indent = Cm(1)
    small = Pt(9)
    _add(cite, Run(f"— {quote.speaker}. "), small)
    _add(cite, Run(quote.title, italic=True), small)
    _add(cite, Run(f", {quote.where}, paragraph {quote.paragraph}."), small)


def _list_paragraph(doc: DocxDocument, number: int | None) -> DocxParagraph:
    """A list item with its marker written out, so numbering restarts with every list and the
    text reads the same as the Markdown and the PDF."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.left_indent = HANG
    paragraph.paragraph_format.first_line_indent = -HANG
    paragraph.add_run(f"{number}.\t" if number is not None else "•\t")
    return paragraph


def _item(doc: DocxDocument, item: Item) -> None:
    paragraph = _list_paragraph(doc, item.number)
    _runs(paragraph, item.runs)
    if item.quote:
        _add(paragraph, Run(f" {item.quote.short}"), grey=True)
    if item.detail:
        detail = doc.add_paragraph()
        detail.paragraph_format.left_indent = HANG
        _runs(detail, item.detail, Pt(9))


def _figure(doc: DocxDocument, figure: Figure) -> None:
    paragraph = _list_paragraph(doc, None)
    _add(paragraph, Run(figure.figure, bold=True))
    _add(paragraph, Run(f": {figure.about}; {figure.attribution}."))
    if figure.caution:
        _add(paragraph, Run(" Caution: ", bold=True, italic=True))
        _add(paragraph, Run(figure.caution, italic=True))
    _add(paragraph, Run(f" {figure.quote.short}"), grey=True)


def add_block(doc: DocxDocument, block: Block) -> None:
    match block:
        case Heading():
            doc.add_heading(printable(block.full), level=block.level)
        case Paragraph():
            _runs(doc.add_paragraph(), block.runs, SIZES[block.size])
        case Note():
            _add(doc.add_paragraph(), Run(block.text, italic=True, muted=not block.empty))
        case Quote():
            _quote(doc, block)
        case Item():
            _item(doc, block)
        case Figure():
            _figure(doc, block)
        case Image() if block.picture:
            doc.add_picture(BytesIO(block.picture), width=CHART_WIDTH)
        case Image():
            for item in block.fallback:
                _item(doc, item)
        case PageBreak():
            doc.add_page_break()
        case Group():
            for child in block.blocks:
                add_block(doc, child)
        case _:
            raise TypeError(f"not a block: {block!r}")


def write_docx(layout: Layout) -> bytes:
    doc = _new(layout.title)
    for block in layout.blocks():
        add_block(doc, block)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
