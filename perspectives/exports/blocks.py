"""The printed layout's building blocks: a brief, a handout or a reading guide is a `Layout`, a
title and its sections, each a tuple of blocks. `exports.layout` builds them (the one place that
decides what a document says, in what order); the Markdown, DOCX and PDF writers and the
Streamlit view only render them, so the four cannot drift apart.

The set is small and typed: a writer handles each kind of block once.
- `Heading` (level 0 is the document's title; a `detail` follows its text: "Name · −1, asserts")
- `Paragraph` of `Run`s (bold, italic, muted; a run may be a web address)
- `Note`: an aside from the layout itself, or the notice that a part has nothing to show
- `Quote`: a verbatim quote with who said it and where (an evidence card)
- `Item`: a bullet or numbered item, with an optional detail line and the quote it rests on
- `Figure`: a figure worth citing, its attribution, its quote and a caution where one is known
- `Image`: a chart as PNG bytes, and the words that print in its place when there is none
- `PageBreak` (`fit=True`: what follows, up to the next break, shares one page in print)
- `Group`: blocks that belong together (one argument: a bordered card on screen)
Text in blocks is the corpus' own or a fixed phrase; every writer escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from perspectives.wording import quoted

Size = Literal["normal", "small", "large"]


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style. `url`: the text is a web address, a link where the
    format has links and the address is http(s) (`web_link`), else printed as text."""

    text: str
    bold: bool = False
    italic: bool = False
    muted: bool = False
    url: bool = False


Runs = tuple[Run, ...]


def plain(runs: Runs) -> str:
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0 title, 1 section, 2 part of a section, 3 an item's head
    detail: str = ""  # printed after the text: "{text} · {detail}"

    @property
    def full(self) -> str:
        return f"{self.text} · {self.detail}" if self.detail else self.text


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    size: Size = "normal"  # small: a meta line, a byline; large: a sheet's question


@dataclass(frozen=True)
class Note:
    """An aside from the layout (italic, grey), or with `empty` the notice that a part of the
    document has nothing to show ("No voice ... stands on this side")."""

    text: str
    empty: bool = False


@dataclass(frozen=True)
class Quote:
    """A verbatim quote: “text” — speaker. Title, where, paragraph N."""

    text: str
    speaker: str  # the voice, with role and affiliation where known
    title: str  # the document's title
    where: str  # outlet and date
    paragraph: int

    @property
    def citation(self) -> str:
        return f"{self.title}, {self.where}, paragraph {self.paragraph}."

    @property
    def short(self) -> str:
        """The quote cited in one line, after an item: “text” (Title, paragraph N)."""
        return f"{quoted(self.text)} ({self.title}, paragraph {self.paragraph})"


@dataclass(frozen=True)
class Item:
    runs: Runs
    number: int | None = None  # None: a bullet
    detail: Runs = ()  # a smaller line beneath
    quote: Quote | None = None  # the quote it rests on: cited short in print, a card on screen


@dataclass(frozen=True)
class Figure:
    """A figure worth citing: “65 million”: what it is about; whom the text attributes it to."""

    figure: str
    about: str
    attribution: str
    quote: Quote
    caution: str = ""  # what to keep in mind before citing it (printed when the corpus has one)

    @property
    def line(self) -> str:
        return f"{self.figure}: {self.about}; {self.attribution}."


@dataclass(frozen=True)
class Image:
    """A chart. `picture` (PNG or SVG bytes) is empty when the format has no use for it or
    none was drawn; the `fallback` items then say in words what it shows. `topic_id` names
    the topic of a spectrum chart, which a screen draws live instead."""

    picture: bytes
    fallback: tuple[Item, ...] = ()
    topic_id: str = ""


@dataclass(frozen=True)
class PageBreak:
    fit: bool = False  # print what follows, up to the next break, on one page (shrink to fit)


@dataclass(frozen=True)
class Group:
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | Note | Quote | Item | Figure | Image | PageBreak | Group


@dataclass(frozen=True)
class Section:
    """A part of a document. `key` says which part ("case", "topic", "sources" ...), for a
    screen that lays the parts out its own way (tabs, an expander)."""

    key: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Layout:
    title: str
    sections: tuple[Section, ...]

    def blocks(self) -> Iterator[Block]:
        """Every top-level block in reading order (a `Group` is one block: recurse into it)."""
        for section in self.sections:
            yield from section.blocks

    def section(self, key: str) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.key == key)


def web_link(text: str) -> str | None:
    """`text` if it is an http(s) address safe to write as a link in any format, else None:
    a scheme other than http(s) (`javascript:`, `data:` ...), a missing host, or a character
    that could end the link early or disguise it (spaces, quotes, angle brackets, backslashes,
    control characters, anything outside ASCII such as a right-to-left override) makes it
    text."""
    if not text.isascii() or any(ch in " <>\"'\\`" or not ch.isprintable() for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text
