"""A file's paragraphs for `suggest FILE`, with their offsets in the file's decoded text.

A corpus document file (documents/ID.md: a front matter with the document fields, then the
text, one paragraph per line) is read as the loader reads it: its paragraphs are the text's
non-empty lines, and their offsets count from the first character of the file (the front
matter included). Any other file is read as an upload is (workspace/ingest.py): .txt and .md
offsets point into the decoded file; for .html, .pdf and .docx, into the text extracted from
it. Problems (unreadable, empty, binary, unknown type ...) raise IngestError naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from perspectives.corpus.document import Document
from perspectives.corpus.yamlfile import FrontMatterError, split_front_matter
from perspectives.workspace.extract_plain import decode
from perspectives.workspace.ingest import MAX_FILE_BYTES, IngestError, ingest_path

# Front matter fields that mark a file as a corpus document (ingest's own .md reading would
# merge its one-per-line paragraphs).
DOCUMENT_FIELDS = {"title", "date_certainty"}


@dataclass(frozen=True)
class SourceParagraph:
    start: int  # offsets in `SourceText.text`
    end: int
    text: str  # the paragraph as scored (whitespace normalised for a wrapped paragraph)


@dataclass(frozen=True)
class SourceText:
    name: str
    text: str  # the decoded (or extracted) text the offsets point into
    paragraphs: tuple[SourceParagraph, ...]


def corpus_document(text: str) -> tuple[int, str] | None:
    """(offset of the body, body) when `text` is a corpus document file, else None."""
    if not text.startswith("---"):
        return None
    try:
        front, body = split_front_matter(text)
        meta = yaml.safe_load(front)
    except (FrontMatterError, yaml.YAMLError):
        return None
    if not isinstance(meta, dict) or not meta.keys() >= DOCUMENT_FIELDS:
        return None
    return len(text) - len(body), body


def read_source(path: str | Path) -> SourceText:
    path = Path(path)
    if path.suffix.lower() == ".md" and path.is_file() and path.stat().st_size <= MAX_FILE_BYTES:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise IngestError(path.name, f"cannot read the file: {error.strerror}") from None
        text, _ = decode(data, path.name)
        found = corpus_document(text)
        if found is not None:
            offset, body = found
            paragraphs = Document.model_construct(text=body).paragraphs  # type: ignore[call-arg]
            return SourceText(
                path.name,
                text,
                tuple(
                    SourceParagraph(offset + p.start, offset + p.end, p.text) for p in paragraphs
                ),
            )
    ingested = ingest_path(path)
    return SourceText(
        path.name,
        ingested.source,
        tuple(SourceParagraph(p.start, p.end, p.text) for p in ingested.paragraphs),
    )
