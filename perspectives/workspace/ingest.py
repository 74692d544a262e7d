"""Turn an uploaded file or a pasted text into a document's frozen text, ready to be saved.

    existing = {doc.id: doc.text for doc in corpus.documents}
    ingested = ingest_bytes(data, "essay.pdf", existing)
    ingested.paragraphs[0].start, ingested.paragraphs[0].end   # a span of ingested.source
    meta = ingested.metadata.to_meta(date="2021-03-01", date_label="March 2021", ...)
    files[f"documents/{ingested.suggested_id(ids)}.md"] = ingested.document_file(meta)

Formats: .txt (also .text), .md (.markdown), .html (.htm, .xhtml), .pdf, .docx; pasted text is
read as plain text. Each format's extractor gives a *source* text (the decoded file for .txt
and .md, the extracted text for the others) cut into blocks; each block is cleaned once
(`textnorm.clean_paragraph`) into a paragraph, and the paragraphs, one per line with a blank
line between them, are the *frozen* text that evidence will point into by offsets.

Refused, with an `IngestError` naming the file and the problem (and nothing changed): an
unknown format, an empty file, a file over MAX_FILE_BYTES, a text over MAX_TEXT_CHARS, binary
content, an encrypted or damaged PDF or DOCX, a PDF over MAX_PDF_PAGES pages, a file with no
text, and a text that is already in the corpus (same text after normalisation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from perspectives.corpus.document import DocumentMeta
from perspectives.workspace.extract_docx import extract_docx
from perspectives.workspace.extract_html import extract_html
from perspectives.workspace.extract_pdf import MAX_PDF_PAGES, extract_pdf
from perspectives.workspace.extract_plain import extract_md, extract_txt
from perspectives.workspace.extracted import Extracted, IngestError
from perspectives.workspace.metadata import MetadataDraft, render_document, suggest_document_id
from perspectives.workspace.textnorm import clean_paragraph, duplicate_key, plain_blocks

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "IngestError",
    "IngestedDocument",
    "SourceParagraph",
    "find_duplicate",
    "ingest_bytes",
    "ingest_path",
    "ingest_text",
]

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MiB: a long book as PDF; larger uploads are refused
MAX_TEXT_CHARS = 1_000_000  # about 170,000 words: a long book
PARAGRAPH_SEPARATOR = "\n\n"

Extractor = Callable[[bytes, str], Extracted]
FORMATS: dict[str, Extractor] = {
    ".txt": extract_txt,
    ".text": extract_txt,
    ".md": extract_md,
    ".markdown": extract_md,
    ".html": extract_html,
    ".htm": extract_html,
    ".xhtml": extract_html,
    ".pdf": extract_pdf,
    ".docx": extract_docx,
}


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph: its span in the source (`start`, `end`) and its frozen text."""

    number: int  # 1-based, as Document.paragraphs numbers them
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class IngestedDocument:
    """A file made ready to be a document: its frozen `text`, the paragraphs with their spans
    in `source`, a metadata draft for the form, and warnings worth showing."""

    filename: str
    kind: str  # "txt" | "md" | "html" | "pdf" | "docx" | "pasted"
    source: str
    paragraphs: tuple[SourceParagraph, ...]
    metadata: MetadataDraft
    warnings: tuple[str, ...] = ()

    @cached_property
    def text(self) -> str:
        """The frozen text: one paragraph per line, a blank line between paragraphs, a final
        newline. `Document.paragraphs` of this text are `self.paragraphs`, in order."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs) + "\n"

    def frozen_spans(self) -> list[tuple[int, int]]:
        """Each paragraph's (start, end) in `text` (not in `source`)."""
        spans, offset = [], 0
        for paragraph in self.paragraphs:
            spans.append((offset, offset + len(paragraph.text)))
            offset += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
        return spans

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    def suggested_id(self, existing_ids: Iterable[str] = ()) -> str:
        """A document id from the metadata draft (first author's surname and year, else the
        title), unique among `existing_ids`."""
        meta = self.metadata
        return suggest_document_id(
            meta.authors,
            meta.title,
            meta.date.year if meta.date else None,
            existing_ids,
            fallback=Path(self.filename).stem,
        )

    def document_file(self, meta: DocumentMeta | Mapping) -> str:
        """The content of documents/ID.md for this text with the metadata `meta`."""
        return render_document(meta, self.text)


def find_duplicate(text: str, existing: Mapping[str, str]) -> str | None:
    """The id of an existing document with the same text (after normalisation), or None."""
    key = duplicate_key(text)
    return next((doc_id for doc_id, other in existing.items() if duplicate_key(other) == key), None)


def _freeze(
    extracted: Extracted, filename: str, kind: str, existing: Mapping[str, str]
) -> IngestedDocument:
    if len(extracted.source) > MAX_TEXT_CHARS:
        raise IngestError(
            filename,
            f"the text is too long ({len(extracted.source):,} characters; the limit is "
            f"{MAX_TEXT_CHARS:,}, about 170,000 words): split it into parts",
        )
    paragraphs: list[SourceParagraph] = []
    for block in extracted.blocks:
        text = clean_paragraph(block.raw, extracted.source)
        if text:
            paragraphs.append(SourceParagraph(len(paragraphs) + 1, block.start, block.end, text))
    if not paragraphs:
        raise IngestError(filename, "no text found: the file is empty or holds no words")
    ingested = IngestedDocument(
        filename, kind, extracted.source, tuple(paragraphs), extracted.metadata, extracted.warnings
    )
    duplicate = find_duplicate(ingested.text, existing)
    if duplicate is not None:
        raise IngestError(
            filename, f"the same text is already in the corpus as document {duplicate!r}"
        )
    return ingested


def ingest_bytes(
    data: bytes, filename: str, existing: Mapping[str, str] | None = None
) -> IngestedDocument:
    """Read an uploaded file (its format by its name's extension). `existing` maps the ids of
    the corpus' documents to their texts, for the duplicate check. Raises IngestError."""
    suffix = Path(filename).suffix.lower()
    extractor = FORMATS.get(suffix)
    if extractor is None:
        known = ", ".join(
            sorted({s for s in FORMATS if s in (".txt", ".md", ".html", ".pdf", ".docx")})
        )
        raise IngestError(
            filename, f"unsupported file type {suffix or '(no extension)'}: use {known}"
        )
    if not data.strip():
        raise IngestError(filename, "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(
            filename,
            f"the file is too large ({len(data) / 2**20:.1f} MiB; the limit is "
            f"{MAX_FILE_BYTES // 2**20} MiB)",
        )
    return _freeze(extractor(data, filename), filename, suffix.lstrip("."), existing or {})


def ingest_text(
    text: str, name: str = "pasted text", existing: Mapping[str, str] | None = None
) -> IngestedDocument:
    """Read a pasted text as a plain text (one paragraph per line, or paragraphs wrapped over
    lines between blank lines); `name` names it in messages. Raises IngestError."""
    if not text.strip():
        raise IngestError(name, "the text is empty")
    source = text.removeprefix("\ufeff")
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    extracted = Extracted(source, tuple(plain_blocks(source)), MetadataDraft(title=first[:200]))
    return _freeze(extracted, name, "pasted", existing or {})


def ingest_path(path: str | Path, existing: Mapping[str, str] | None = None) -> IngestedDocument:
    """`ingest_bytes` of a file on disk (refusing an oversized one before reading it)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(
                path.name,
                f"the file is too large ({size / 2**20:.1f} MiB; the limit is "
                f"{MAX_FILE_BYTES // 2**20} MiB)",
            )
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(path.name, f"cannot read the file: {error.strerror or error}") from None
    return ingest_bytes(data, path.name, existing)
