"""The reader's view of one document: each paragraph with the evidence, topics and figures in it.

Evidence spans are character offsets into the document's text; a span may run over a paragraph
break, so it is clipped to every paragraph it touches. `segments` cuts a paragraph into plain
and highlighted runs (overlapping spans merged) for a page to render; the page only escapes
and colours them. A document may also be named by the seed file it was copied from
(`003_5ad0f37811a2384d`) or by that file's number (`003`), so links written against the seed
files keep working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from perspectives.corpus.document import Document, Paragraph
from perspectives.corpus.entities import Position
from perspectives.corpus.model import Corpus

_SEED_NUMBER = re.compile(r"\d{1,4}")


@dataclass(frozen=True)
class Mark:
    """One evidence quote of a position, as the part of it that lies in one paragraph.

    Quotes of the same position in one paragraph share their number."""

    number: int  # the label beside the highlight: 1, 2 ... per position, within the paragraph
    start: int  # offsets into the document's text, clipped to the paragraph
    end: int
    position_id: str
    voice_id: str
    topic_id: str


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text; `marks` lists the Mark numbers covering it (empty: plain)."""

    text: str
    marks: tuple[int, ...] = ()

    @property
    def highlighted(self) -> bool:
        return bool(self.marks)


@dataclass(frozen=True)
class ParagraphView:
    number: int
    start: int
    end: int
    text: str
    marks: tuple[Mark, ...]
    segments: tuple[Segment, ...]
    topics: tuple[str, ...]  # topic ids, in the corpus' topic order
    voices: tuple[str, ...]  # voice ids, in the corpus' voice order
    claims: tuple[str, ...]  # claim ids whose quote touches the paragraph


def resolve_document(corpus: Corpus, key: str | None) -> Document | None:
    """The document named by `key`: its id, its seed file (with or without `.txt`), or the
    seed file's leading number ("003"). None when nothing matches or `key` is empty."""
    key = (key or "").strip()
    if not key:
        return None
    by_id = {document.id: document for document in corpus.documents}
    if key in by_id:
        return by_id[key]
    stem = key.removesuffix(".txt")
    for document in corpus.documents:
        seed = (document.seed or "").removesuffix(".txt")
        if not seed:
            continue
        if stem == seed:
            return document
        number = seed.split("_", 1)[0]
        if _SEED_NUMBER.fullmatch(stem) and number.isdigit() and int(stem) == int(number):
            return document
    return None


def paragraphs_touched(document: Document, start: int, end: int) -> tuple[Paragraph, ...]:
    """The paragraphs that share at least one character with the span start..end."""
    return tuple(p for p in document.paragraphs if p.start < end and start < p.end)


def segments(paragraph: Paragraph, spans: list[tuple[int, int, int]]) -> tuple[Segment, ...]:
    """Cut a paragraph into plain and highlighted runs.

    `spans` are (start, end, number) in document offsets; they are clipped to the paragraph and
    overlapping or touching spans are merged into one highlighted run that lists every number.
    """
    clipped = sorted(
        (max(s, paragraph.start), min(e, paragraph.end), n)
        for s, e, n in spans
        if s < paragraph.end and paragraph.start < e
    )
    merged: list[list] = []  # [start, end, numbers]
    for start, end, number in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(number)
        else:
            merged.append([start, end, {number}])
    runs: list[Segment] = []
    cursor = paragraph.start
    text, base = paragraph.text, paragraph.start
    for start, end, numbers in merged:
        if start > cursor:
            runs.append(Segment(text[cursor - base : start - base]))
        runs.append(Segment(text[start - base : end - base], tuple(sorted(numbers))))
        cursor = end
    if cursor < paragraph.end or not runs:
        runs.append(Segment(text[cursor - base :]))
    return tuple(runs)


def _ordered(ids: set[str], order: list[str]) -> tuple[str, ...]:
    return tuple(i for i in order if i in ids)


def paragraph_views(corpus: Corpus, document_id: str) -> tuple[ParagraphView, ...]:
    """Every paragraph of a document with the evidence, topics, voices and claims in it."""
    document = corpus.document(document_id)
    evidence: dict[int, list[tuple[int, int, Position]]] = {}
    for position in corpus.positions_for_document(document_id):
        for quote in position.evidence:
            for paragraph in paragraphs_touched(document, quote.start, quote.end):
                evidence.setdefault(paragraph.number, []).append((quote.start, quote.end, position))
    claims: dict[int, list] = {}
    for claim in corpus.claims_for_document(document_id):
        for paragraph in paragraphs_touched(document, claim.quote.start, claim.quote.end):
            claims.setdefault(paragraph.number, []).append(claim)
    topic_order = [t.id for t in corpus.topics]
    voice_order = [v.id for v in corpus.voices]
    views = []
    for paragraph in document.paragraphs:
        found = sorted(evidence.get(paragraph.number, []), key=lambda e: (e[0], e[1]))
        numbers: dict[str, int] = {}  # position id -> its label, in order of first appearance
        for _, _, position in found:
            numbers.setdefault(position.id, len(numbers) + 1)
        marks = tuple(
            Mark(
                number=numbers[position.id],
                start=max(start, paragraph.start),
                end=min(end, paragraph.end),
                position_id=position.id,
                voice_id=position.voice,
                topic_id=position.topic,
            )
            for start, end, position in found
        )
        cited = claims.get(paragraph.number, [])
        topics = {m.topic_id for m in marks} | {t for c in cited for t in c.topics}
        voices = {m.voice_id for m in marks} | {c.voice for c in cited if c.voice}
        views.append(
            ParagraphView(
                number=paragraph.number,
                start=paragraph.start,
                end=paragraph.end,
                text=paragraph.text,
                marks=marks,
                segments=segments(paragraph, [(m.start, m.end, m.number) for m in marks]),
                topics=_ordered(topics, topic_order),
                voices=_ordered(voices, voice_order),
                claims=tuple(c.id for c in cited),
            )
        )
    return tuple(views)


PARAGRAPH_COLUMNS = ["document_id", "number", "start", "end", "text", "topics", "voices", "claims"]


def paragraph_table(corpus: Corpus, document_id: str) -> pd.DataFrame:
    """The reader's table: one row per paragraph, lists joined with commas."""
    rows = [
        {
            "document_id": document_id,
            "number": view.number,
            "start": view.start,
            "end": view.end,
            "text": view.text,
            "topics": ",".join(view.topics),
            "voices": ",".join(view.voices),
            "claims": ",".join(view.claims),
        }
        for view in paragraph_views(corpus, document_id)
    ]
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def parse_paragraph(value: str | None, document: Document) -> tuple[int | None, str | None]:
    """The paragraph number asked for by `?p=`, or (None, a message saying why it is refused)."""
    if value in (None, ""):
        return None, None
    try:
        number = int(str(value).strip())
    except ValueError:
        return None, f"“{value}” is not a paragraph number."
    if not 1 <= number <= len(document.paragraphs):
        return None, (
            f"Paragraph {number} does not exist: “{document.title}” has "
            f"{len(document.paragraphs)} paragraphs."
        )
    return number, None


def matching_documents(corpus: Corpus, words: str) -> tuple[Document, ...]:
    """The documents whose title, authors or outlet hold every one of `words` (any case), in
    corpus order; every document when `words` is blank (the Corpus page's filter)."""
    wanted = words.casefold().split()
    if not wanted:
        return corpus.documents
    found = []
    for document in corpus.documents:
        about = " ".join((document.title, *document.authors, document.outlet)).casefold()
        if all(word in about for word in wanted):
            found.append(document)
    return tuple(found)
