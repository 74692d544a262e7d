"""Word (.docx): the body's paragraphs and table cells in document order, and the core
properties (title, author; the file's creation date, with low certainty: it is not the date of
publication). A manual line break inside a paragraph ends a paragraph too, as <br> does in HTML.
Headers, footers, comments and footnotes are left out."""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from perspectives.workspace.extracted import Extracted, IngestError, join_blocks
from perspectives.workspace.metadata import MetadataDraft, dated

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a .docx may unpack to, in all and in parts: a long book with pictures stays far below;
# a "zip bomb" (a few MB of zeros that unpack to gigabytes) is refused before it is unpacked.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2_000


def _check_unpacked_size(data: bytes, filename: str) -> None:
    """Refuse a .docx whose parts unpack to more than the limits (sizes from the zip's
    directory: zipfile never unpacks a part past its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        return  # open_docx says it is not a readable .docx
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise IngestError(
            filename,
            f"the .docx unpacks to {unpacked / 1024 / 1024:,.0f} MB in {len(parts):,} parts (at "
            f"most {MAX_UNPACKED_BYTES // 1024 // 1024} MB in {MAX_PARTS:,}): save the text "
            "alone as a new .docx, or as plain text",
        )


def _body_texts(document) -> list[str]:
    texts: list[str] = []
    seen_cells: set = set()  # cell elements (kept alive, so identity is stable)

    def paragraph_lines(paragraph: Paragraph) -> None:
        texts.extend(paragraph.text.split("\n"))

    def table_texts(table: Table) -> None:
        for row in table.rows:
            for cell in row.cells:
                if cell._tc in seen_cells:  # a merged cell is listed once per grid slot
                    continue
                seen_cells.add(cell._tc)
                for paragraph in cell.paragraphs:
                    paragraph_lines(paragraph)
                for inner in cell.tables:
                    table_texts(inner)

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph_lines(Paragraph(child, document))
        elif tag == "tbl":
            table_texts(Table(child, document))
    return texts


def extract_docx(data: bytes, filename: str) -> Extracted:
    if data.startswith(_OLE):
        raise IngestError(
            filename,
            "a password-protected Word file or an old .doc: save it as an unprotected .docx",
        )
    _check_unpacked_size(data, filename)
    try:
        document = open_docx(io.BytesIO(data))
        texts = _body_texts(document)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as error:
        raise IngestError(
            filename, f"not a readable .docx (damaged, or not a Word file): {error}"
        ) from None
    except Exception as error:  # lxml's XMLSyntaxError, ValueError ...: a damaged part
        raise IngestError(filename, f"the .docx is damaged and cannot be read: {error}") from None
    source, blocks = join_blocks(texts)
    properties = document.core_properties
    authors = tuple(a.strip() for a in (properties.author or "").split(";") if a.strip())
    metadata = MetadataDraft(
        title=(properties.title or "").strip(),
        authors=authors,
        **dated(properties.created, "low"),
    )
    return Extracted(source, blocks, metadata)
