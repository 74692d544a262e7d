"""PDF: the text in reading order, one paragraph per text block, with what the file says of itself.

pdfminer.six's layout analysis groups characters into lines and lines into text boxes; we
order the boxes of a page by recursive XY-cut (`reading_order`): columns separated by a
vertical gap are read one after the other, left to right, bands separated by a horizontal gap
top to bottom. The other libraries we tried (pypdf, pypdfium2) and pdfminer's own box order
read two-column pages across the columns (docs/DECISIONS.md, "Ingest"). Each box is a block;
its lines stay separate in the extracted text, so a word hyphenated across two lines is mended
when the paragraph is cleaned. A box that continues the
previous one (the previous ends mid-sentence and this one begins in lower case: a paragraph
broken by a column or a page) is joined to it. Dropped: boxes holding only a page number, and
running heads and feet (the same line on three or more pages and on most of them).

A PDF that needs a password to open is refused; one whose encryption only restricts printing
or copying (it opens without a password, as in any viewer) is read.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage, LTTextBox
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException, PSException
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from perspectives.workspace.extracted import Extracted, IngestError, join_blocks
from perspectives.workspace.metadata import MetadataDraft, dated

MAX_PDF_PAGES = 500
_PAGE_NUMBER = re.compile(r"^\W*\d{1,4}\W*$")
_ENDS_SENTENCE = re.compile(r"""[.!?:;"”’)\]]\s*$""")


def _open(data: bytes, filename: str) -> PDFDocument:
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise IngestError(filename, "not a PDF file (no %PDF header): is the name right?")
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise IngestError(
            filename, "the PDF is encrypted and needs a password: save an unprotected copy"
        ) from None
    except PDFEncryptionError as error:
        raise IngestError(
            filename, f"the PDF is encrypted in a way we cannot read: {error}"
        ) from None
    except (PDFException, PSException, ValueError, KeyError, TypeError) as error:
        raise IngestError(filename, f"the PDF is damaged and cannot be read ({error})") from None


def _info_text(value: object) -> str:
    value = resolve1(value)
    if isinstance(value, bytes):
        return " ".join(decode_text(value).split())
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _metadata(document: PDFDocument) -> MetadataDraft:
    info = {}
    for entry in document.info or ():
        info.update({k: _info_text(v) for k, v in resolve1(entry).items()})
    authors = [a.strip() for a in re.split(r";|\band\b|&", info.get("Author", "")) if a.strip()]
    # A PDF's CreationDate is when the file was made, not when the text was published.
    return MetadataDraft(
        title=info.get("Title", ""),
        authors=tuple(authors),
        **dated(info.get("CreationDate"), "low"),
    )


Box = tuple[float, float, float, float, str]  # x0, y0, x1, y1 (PDF units, y upwards), text


def _at(box: Box, axis: int) -> float:
    """One coordinate of a box (the text at index 4 is never an axis)."""
    value = box[axis]
    assert isinstance(value, float | int)
    return float(value)


def _groups(boxes: list[Box], low: int, high: int, descending: bool) -> list[list[Box]]:
    """`boxes` split where no box covers an interval of the axis (box[low]..box[high]),
    in order along the axis."""
    ordered = sorted(boxes, key=lambda b: -_at(b, high) if descending else _at(b, low))
    groups: list[list[Box]] = []
    edge = 0.0
    for box in ordered:
        lo, hi = _at(box, low), _at(box, high)
        start, end = (-hi, -lo) if descending else (lo, hi)
        if groups and start < edge:
            groups[-1].append(box)
            edge = max(edge, end)
        else:
            groups.append([box])
            edge = end
    return groups


def reading_order(boxes: list[Box]) -> list[Box]:
    """Recursive XY-cut: columns (vertical gaps) left to right, else bands (horizontal gaps)
    top to bottom, each read the same way; boxes that overlap both ways top to bottom."""
    if len(boxes) <= 1:
        return boxes
    for low, high, descending in ((0, 2, False), (1, 3, True)):
        groups = _groups(boxes, low, high, descending)
        if len(groups) > 1:
            return [box for group in groups for box in reading_order(group)]
    return sorted(boxes, key=lambda b: (-b[3], b[0]))


def _pages(document: PDFDocument, filename: str) -> list[list[str]]:
    """The text boxes of each page, in reading order, each box's lines joined by newlines."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[list[str]] = []
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > MAX_PDF_PAGES:
                raise IngestError(
                    filename, f"more than {MAX_PDF_PAGES} pages: split it into smaller files"
                )
            interpreter.process_page(page)
            layout: LTPage = device.get_result()
            boxes = [
                (*box.bbox, "\n".join(line.strip() for line in box.get_text().split("\n")))
                for box in layout
                if isinstance(box, LTTextBox)
            ]
            texts = (box[4].strip() for box in reading_order(boxes))
            pages.append([re.sub(r"\n\s*\n", "\n", text) for text in texts if text])
    except IngestError:
        raise
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError) as error:
        raise IngestError(filename, f"the PDF is damaged and cannot be read ({error})") from None
    return pages


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Boxes repeated on three or more pages and on most of them: running heads and feet."""
    if len(pages) < 3:
        return set()
    seen = Counter(box for boxes in pages for box in set(boxes))
    return {box for box, count in seen.items() if count >= 3 and count * 2 > len(pages)}


def _continues(previous: str, box: str) -> bool:
    return not _ENDS_SENTENCE.search(previous) and box[:1].islower()


def extract_pdf(data: bytes, filename: str) -> Extracted:
    document = _open(data, filename)
    pages = _pages(document, filename)
    running = _running_lines(pages)
    paragraphs: list[str] = []
    empty_pages = []
    for number, boxes in enumerate(pages, start=1):
        kept = [b for b in boxes if b not in running and not _PAGE_NUMBER.match(b)]
        if not boxes:
            empty_pages.append(number)
        for box in kept:
            if paragraphs and _continues(paragraphs[-1], box):
                paragraphs[-1] = f"{paragraphs[-1]}\n{box}"
            else:
                paragraphs.append(box)
    if not paragraphs:
        raise IngestError(
            filename,
            "no text found in the PDF: it may be scanned images (run it through OCR first)",
        )
    warnings = []
    if empty_pages:
        listed = ", ".join(map(str, empty_pages[:10])) + (" ..." if len(empty_pages) > 10 else "")
        warnings.append(f"pages without text (scanned images?), left out: {listed}")
    source, blocks = join_blocks(paragraphs)
    return Extracted(source, blocks, _metadata(document), tuple(warnings))
