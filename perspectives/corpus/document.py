"""Documents: published texts with their metadata, and their paragraphs."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date as Date
from functools import cached_property
from typing import Annotated

from pydantic import BeforeValidator, Field

from perspectives.corpus.fields import Certainty, Model, OptionalText, Slug, Text


class Paragraph(Model):
    """A non-empty line of a document's text; `text == document.text[start:end]`, trimmed."""

    number: int  # 1-based
    start: int
    end: int
    text: str


class DocumentNotes(Model):
    outlet: OptionalText = ""
    text: OptionalText = ""


def _none_to_empty_mapping(value: object) -> object:
    return {} if value is None else value


class DocumentMeta(Model):
    """A document's front matter."""

    title: Text
    authors: tuple[Text, ...]
    outlet: Text
    date: Date
    date_label: Text
    date_certainty: Certainty
    date_note: OptionalText = ""
    url: str | None = None
    genre: Text
    seed: str | None = None
    notes: Annotated[DocumentNotes, BeforeValidator(_none_to_empty_mapping)] = DocumentNotes()


class Document(DocumentMeta):
    """A published text and its metadata. Everything else points into `text` by offsets."""

    id: Slug
    text: str = Field(repr=False)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        found: list[Paragraph] = []
        offset = 0
        for line in self.text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = offset + len(line) - len(line.lstrip())
                found.append(
                    Paragraph(
                        number=len(found) + 1, start=start, end=start + len(stripped), text=stripped
                    )
                )
            offset += len(line) + 1
        return tuple(found)

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        """The start offset of each paragraph, for bisection."""
        return tuple(paragraph.start for paragraph in self.paragraphs)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding `offset`, or the last one before it; None before the first."""
        at = bisect_right(self.paragraph_starts, offset)
        return self.paragraphs[at - 1] if at else None

    @property
    def authors_label(self) -> str:
        return ", ".join(self.authors)
