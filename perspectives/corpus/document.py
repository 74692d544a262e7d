"""Documents: published texts with their metadata, and their paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date as Date
from functools import cached_property
from typing import Annotated

from pydantic import BeforeValidator, Field

from perspectives.corpus.fields import Certainty, Model, OptionalText, Slug, Text


class Paragraph:
    """A non-empty line of a document's text; `text == document.text[start:end]`, trimmed.

    A small slotted class rather than a model, whose text is sliced from the document's on use
    rather than held (`source`): a corpus of 5,000 documents has half a million paragraphs, and
    each held as a model with its own copy of its line doubled the memory of the texts. Made
    with `text=` (its line alone) it holds that instead.
    """

    __slots__ = ("number", "start", "end", "_source", "_offset")
    number: int  # 1-based
    start: int
    end: int
    _source: str
    _offset: int

    def __init__(
        self, number: int, start: int, end: int, text: str | None = None, *, source: str = ""
    ) -> None:
        own = text is not None
        for name, value in (
            ("number", number),
            ("start", start),
            ("end", end),
            ("_source", text if own else source),
            ("_offset", start if own else 0),
        ):
            object.__setattr__(self, name, value)

    @property
    def text(self) -> str:
        return self._source[self.start - self._offset : self.end - self._offset]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Paragraph is immutable")

    def _key(self) -> tuple[int, int, int, str]:
        return (self.number, self.start, self.end, self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Paragraph) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple:
        return (Paragraph, (self.number, self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Paragraph(number={self.number}, start={self.start}, end={self.end})"


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
        text = self.text
        return tuple(
            Paragraph(number, start, end, source=text)
            for number, (start, end) in enumerate(_paragraph_spans(text), start=1)
        )

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        """The start offset of each paragraph, for bisection (without building them: the
        loader places every quote in its paragraph)."""
        return tuple(start for start, _ in _paragraph_spans(self.text))

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding `offset`, or the last one before it; None before the first."""
        at = self.paragraph_number_at(offset)
        return self.paragraphs[at - 1] if at else None

    def paragraph_number_at(self, offset: int) -> int:
        """The number of the paragraph `paragraph_at` gives (0 before the first)."""
        return bisect_right(self.paragraph_starts, offset)

    @property
    def authors_label(self) -> str:
        return ", ".join(self.authors)


_LINE = re.compile(r"[^\n]+")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, trimmed of the whitespace around it."""
    spans = []
    for line in _LINE.finditer(text):
        value = line.group()
        stripped = value.strip()
        if stripped:
            start = line.start() + len(value) - len(value.lstrip())
            spans.append((start, start + len(stripped)))
    return spans
