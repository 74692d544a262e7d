"""Plain text and Markdown: decode the bytes, find the paragraphs, keep offsets into the text.

The *source* of a .txt or .md file is its decoded text exactly (a byte order mark removed), so
a paragraph's offsets point into the file as a text editor shows it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt

from perspectives.workspace.extracted import Extracted, IngestError
from perspectives.workspace.metadata import MetadataDraft, dated
from perspectives.workspace.textnorm import Block, plain_blocks

_SIGNATURES = {
    b"%PDF-": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx?)",
    b"\xd0\xcf\x11\xe0": "an old Office file or an encrypted Word file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, filename: str) -> tuple[str, tuple[str, ...]]:
    """The text of a file's bytes: UTF-8 (or UTF-16 with a byte order mark); else, when every
    byte is a Windows-1252 character, that, with a warning. Binary content is refused."""
    head = data[:1024].lstrip()
    for signature, kind in _SIGNATURES.items():
        if head.startswith(signature):
            raise IngestError(filename, f"this is {kind}, not text: give the file its own name")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise IngestError(filename, "broken UTF-16 text: save it again as UTF-8") from None
    if b"\x00" in data:
        raise IngestError(filename, "binary content (NUL bytes), not text")
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestError(
                filename,
                f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}): "
                "save it as UTF-8 and try again",
            ) from None
        warnings = ("not UTF-8: read as Windows-1252 (Western European); check the accents",)
    text = text.removeprefix("\ufeff")
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise IngestError(filename, "binary content (control characters), not text")
    return text, warnings


def extract_txt(data: bytes, filename: str) -> Extracted:
    source, warnings = decode(data, filename)
    return Extracted(source, tuple(plain_blocks(source)), _title_guess(source), warnings)


def _title_guess(source: str) -> MetadataDraft:
    first = next((line.strip() for line in source.split("\n") if line.strip()), "")
    return MetadataDraft(title=first) if 0 < len(first) <= 200 else MetadataDraft()


# --- Markdown -------------------------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


def extract_md(data: bytes, filename: str) -> Extracted:
    """Markdown's own paragraphs (blank-line separated; headings, list items, quotes and table
    rows each one), their text without markup; a YAML front matter fills the metadata."""
    source, warnings = decode(data, filename)
    metadata, body_at = MetadataDraft(), 0
    front = _FRONT.match(source)
    if front:
        metadata = _front_matter_metadata(front.group(1))
        body_at = front.end()
    blocks = _markdown_blocks(source, body_at)
    if not metadata.title and blocks:
        metadata = metadata.merged(MetadataDraft(title=blocks[0].raw.strip()[:200]))
    return Extracted(source, tuple(blocks), metadata, warnings)


def _front_matter_metadata(text: str) -> MetadataDraft:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return MetadataDraft()
    if not isinstance(data, dict):
        return MetadataDraft()
    authors = data.get("authors", data.get("author", ()))
    authors = [authors] if isinstance(authors, str) else authors
    values: dict[str, Any] = {
        "title": str(data.get("title") or ""),
        "authors": tuple(str(a) for a in authors or () if a),
        "outlet": str(data.get("outlet") or data.get("publisher") or ""),
        "url": str(data["url"]) if data.get("url") else None,
        "genre": str(data.get("genre") or ""),
    }
    return MetadataDraft(**values, **dated(data.get("date"), "high"))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", text)]
    return starts


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _markdown_blocks(source: str, body_at: int) -> list[Block]:
    body = source[body_at:]
    starts = _line_starts(body) + [len(body)]
    found: list[tuple[tuple[int, int], str]] = []
    for token in MarkdownIt("commonmark").enable("table").parse(body):
        if token.map is None:
            continue
        if token.type == "inline":
            text = _inline_text(token)
        elif token.type in ("fence", "code_block"):
            text = token.content
        else:
            continue
        span = (token.map[0], token.map[1])
        if found and found[-1][0] == span:  # table cells of one row: one paragraph
            found[-1] = (span, f"{found[-1][1]} {text}")
        else:
            found.append((span, text))
    blocks = []
    for (first, last), text in found:
        if not text.strip():
            continue
        start, end = body_at + starts[first], body_at + starts[min(last, len(starts) - 1)]
        start, end = _trim_to(source, start, end, text.strip())
        blocks.append(Block(start, end, text))
    return blocks


def _trim_to(source: str, start: int, end: int, text: str) -> tuple[int, int]:
    """The span from the first character of `text` to its last, inside source[start:end]
    (markers such as '# ' or '- ' and closing markup left out)."""
    first = source.find(text[0], start, end)
    last = source.rfind(text[-1], start, end)
    if first < 0 or last < first:
        span = source[start:end]
        return start + len(span) - len(span.lstrip()), start + len(span.rstrip())
    return first, last + 1
