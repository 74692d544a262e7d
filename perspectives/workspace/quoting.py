"""Sentences of a paragraph, and the evidence quote an accepted suggestion becomes.

A sentence ends at '.', '!', '?' or '…' (with any closing quote marks and brackets after it)
followed by whitespace and anything but a lower-case letter. Not an end: a single capital
before the period (an initial, "J. Smith"), a common English abbreviation ("Mr.", "e.g.") or
dotted letters ("U.S."); a decimal point is never followed by whitespace.

`quote_for` returns the verbatim span of the chosen sentences with its offsets, grown (by the
following, then the preceding sentence) until `perspectives.corpus.quotes.locate` finds that
span and not an earlier copy: evidence is stored by its words and located at load time, first
occurrence first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perspectives.corpus.document import Document, Paragraph
from perspectives.corpus.quotes import locate

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "vs",
        "etc",
        "eg",
        "ie",
        "cf",
        "al",
        "no",
        "vol",
        "pp",
        "p",
        "ch",
        "fig",
        "approx",
        "gen",
        "col",
        "lt",
        "sgt",
        "gov",
        "sen",
        "rep",
        "rev",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[。！？]+[」』）]*")
_OPENERS = "\"'“‘«([¿¡"


@dataclass(frozen=True)
class Quote:
    """A verbatim span of a document's text: `text == document_text[start:end]`."""

    text: str
    start: int
    end: int
    paragraph: int  # number of the paragraph where it starts
    grown: bool = False  # True when sentences were added to make the words unique


def _ends_here(paragraph: str, end: re.Match) -> bool:
    after = paragraph[end.end() :].lstrip()
    if after[:1].islower():
        return False  # a lower-case letter continues the sentence
    if end.group().startswith("."):
        words = paragraph[: end.start()].split()
        token = words[-1].lstrip(_OPENERS) if words else ""
        if len(token) == 1 and token.isupper():
            return False  # an initial: "J. Smith"
        if token.replace(".", "").lower() in _ABBREVIATIONS or re.fullmatch(r"(?:\w\.)+\w", token):
            return False  # "Mr.", "e.g.", "U.S."
    return True


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `paragraph`, trimmed, in order; they cover every
    word of it."""
    spans, start = [], 0
    for match in _END.finditer(paragraph):
        if _ends_here(paragraph, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(paragraph)))
    trimmed = []
    for first, last in spans:
        piece = paragraph[first:last]
        begin = first + len(piece) - len(piece.lstrip())
        end = first + len(piece.rstrip())
        if end > begin:
            trimmed.append((begin, end))
    return trimmed


def sentences(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in sentence_spans(paragraph)]


def _cut(text: str) -> Document:
    """A bare Document around `text`, for the loader's own paragraph cut."""
    return Document.model_construct(text=text)  # type: ignore[call-arg]


def _paragraph(text: str, paragraph: int | Paragraph) -> Paragraph:
    if isinstance(paragraph, Paragraph):
        return paragraph
    found = _cut(text).paragraphs  # the loader's own cut
    if not 1 <= paragraph <= len(found):
        raise ValueError(f"no paragraph {paragraph}: the text has {len(found)}")
    return found[paragraph - 1]


def quote_for(
    text: str, paragraph: int | Paragraph, selected: tuple[int, int] | None = None
) -> Quote:
    """The evidence quote for sentences `selected` (first, last: 0-based, inclusive) of a
    paragraph (its number, or the Paragraph) of a document's `text`; the whole paragraph when
    `selected` is None. The quote is a verbatim span that `locate(text, quote.text)` finds at
    (quote.start, quote.end)."""
    para = _paragraph(text, paragraph)
    spans = [(para.start + a, para.start + b) for a, b in sentence_spans(para.text)]
    first, last = selected if selected is not None else (0, len(spans) - 1)
    if not 0 <= first <= last < len(spans):
        raise ValueError(f"sentences {first}..{last} are not in a paragraph of {len(spans)}")
    grown = False
    while True:
        start, end = spans[first][0], spans[last][1]
        if locate(text, text[start:end]) == (start, end):
            return Quote(text[start:end], start, end, para.number, grown)
        if last + 1 < len(spans):
            last += 1
        elif first > 0:
            first -= 1
        else:  # the whole paragraph is an earlier paragraph's copy: quote it where it is found
            found = locate(text, text[start:end])
            assert found is not None
            where = _cut(text).paragraph_at(found[0])
            number = where.number if where else para.number
            return Quote(text[found[0] : found[1]], *found, number, True)
        grown = True
