"""What every format's extractor returns, and the one error ingest raises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from perspectives.workspace.metadata import MetadataDraft
from perspectives.workspace.textnorm import Block


class IngestError(ValueError):
    """A file that cannot become a document: `str(error)` is "FILE: what is wrong", a message
    for the person who chose the file. Nothing was changed."""

    def __init__(self, filename: str, problem: str) -> None:
        super().__init__(f"{filename}: {problem}")
        self.filename = filename
        self.problem = problem


@dataclass(frozen=True)
class Extracted:
    """A file's text (`source`: the decoded text of a .txt or .md file, the extracted text of
    the other formats), its blocks (spans of `source`, one per paragraph-to-be), what the file
    says about itself, and warnings worth showing (nothing was refused)."""

    source: str
    blocks: tuple[Block, ...]
    metadata: MetadataDraft = MetadataDraft()
    warnings: tuple[str, ...] = field(default=())


def join_blocks(texts: Iterable[str], separator: str = "\n\n") -> tuple[str, tuple[Block, ...]]:
    """A source made of `texts` (each one block; empty ones skipped), separated by a blank
    line, and the blocks' spans in it."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if parts:
            parts.append(separator)
            offset += len(separator)
        blocks.append(Block(offset, offset + len(text), text))
        parts.append(text)
        offset += len(text)
    return "".join(parts), tuple(blocks)
