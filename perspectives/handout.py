"""Seminar handouts (one sheet per topic) and reading guides (one per document), as structured
documents ready for the renderers in `render_md`, `render_docx` and `render_pdf`.

    handout = build_handout(corpus, ["social-credit", "covid-19"])
    guide = build_guide(corpus, "gardels-2018")

Like briefs, they hold only curated text from the corpus and fixed templates around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from perspectives.cards import Card, Source, card, source, sources_of, stance_words, strength
from perspectives.model import Corpus, Position
from perspectives.questions import Question, discussion_questions

MAX_QUOTES = 4
ChartRenderer = Callable[[Corpus, str], bytes]


@dataclass(frozen=True)
class ContrastQuote:
    stance: int
    card: Card


@dataclass(frozen=True)
class TopicSheet:
    topic_id: str
    label: str
    question: str
    description: str
    low_label: str  # the topic's words for -2 ...
    high_label: str  # ... and for +2
    spectrum: tuple[tuple[int, tuple[str, ...]], ...]  # (stance, voice names), low to high
    mentions: tuple[str, ...]  # voices that mention the topic without taking a side
    quotes: tuple[ContrastQuote, ...]
    one_sided: bool  # every placed voice on the same side of 0: the quotes contrast less
    questions: tuple[Question, ...]
    silent: tuple[str, ...]
    chart_png: bytes = b""


@dataclass(frozen=True)
class SeminarHandout:
    corpus_name: str
    low_name: str  # the corpus' orientation labels
    high_name: str
    sheets: tuple[TopicSheet, ...]
    blind_spots: tuple[tuple[str, str], ...]  # (title, description)
    sources: tuple[Source, ...]

    def counts(self) -> dict[str, int]:
        return {
            "topics": len(self.sheets),
            "quotes": sum(len(s.quotes) for s in self.sheets),
            "questions": sum(len(s.questions) for s in self.sheets),
            "blind_spots": len(self.blind_spots),
            "sources": len(self.sources),
        }


def contrasting(positions: Sequence[Position]) -> list[Position]:
    """Two to four placed positions from the two ends of the axis, the farthest pair first,
    each voice once; a next pair is taken only while it still straddles a difference."""
    placed = [p for p in positions if p.stance is not None]
    lows = sorted(placed, key=lambda p: (p.stance, strength(p)))
    highs = sorted(placed, key=lambda p: (-p.stance, strength(p)))
    chosen: list[Position] = []
    for low, high in zip(lows, highs, strict=True):
        if len(chosen) >= 2 and low.stance >= high.stance:
            break
        for position in (low, high):
            if len(chosen) < MAX_QUOTES and position not in chosen:
                chosen.append(position)
        if len(chosen) >= MAX_QUOTES:
            break
    return sorted(chosen, key=lambda p: (p.stance, strength(p)))


def topic_sheet(corpus: Corpus, topic_id: str, chart: ChartRenderer | None = None) -> TopicSheet:
    topic = corpus.topic(topic_id)
    positions = corpus.positions_for_topic(topic_id)
    placed = [p for p in positions if p.stance is not None]
    stances = sorted({p.stance for p in placed})
    spectrum = tuple(
        (s, tuple(sorted(corpus.voice(p.voice).name for p in placed if p.stance == s)))
        for s in stances
    )
    quotes = tuple(
        ContrastQuote(p.stance, card(corpus, p.evidence[0], p.voice, p.id))
        for p in contrasting(positions)
    )
    signs = {(p.stance > 0) - (p.stance < 0) for p in placed}
    return TopicSheet(
        topic_id=topic.id,
        label=topic.label,
        question=topic.question,
        description=topic.description,
        low_label=topic.poles.low,
        high_label=topic.poles.high,
        spectrum=spectrum,
        mentions=tuple(corpus.voice(p.voice).name for p in positions if p.stance is None),
        quotes=quotes,
        one_sided=len(signs) == 1 and 0 not in signs,
        questions=discussion_questions(corpus, topic),
        silent=tuple(v.name for v in corpus.silent_voices(topic_id)),
        chart_png=chart(corpus, topic_id) if chart else b"",
    )


def default_chart(corpus: Corpus, topic_id: str) -> bytes:
    from perspectives.handout_chart import spectrum_png

    return spectrum_png(corpus, topic_id)


def build_handout(
    corpus: Corpus, topic_ids: Sequence[str], chart: ChartRenderer | None = default_chart
) -> SeminarHandout:
    """A handout for the topics in the order given (each once); `chart=None` skips the images
    (Markdown has no use for them)."""
    unique = list(dict.fromkeys(topic_ids))
    sheets = tuple(topic_sheet(corpus, t, chart) for t in unique)
    documents = {p.document for t in unique for p in corpus.positions_for_topic(t)}
    return SeminarHandout(
        corpus_name=corpus.name,
        low_name=corpus.orientation.low.label,
        high_name=corpus.orientation.high.label,
        sheets=sheets,
        blind_spots=tuple((b.title, b.description) for b in corpus.blind_spots),
        sources=sources_of(corpus, documents),
    )


@dataclass(frozen=True)
class GuidePosition:
    voice: str
    topic: str
    stance: str
    summary: str


@dataclass(frozen=True)
class ReadingGuide:
    """A student's guide to one document: its metadata, the curated guide (if written), the
    voices it presents and the positions it holds."""

    document_id: str
    source: Source
    outlet_note: str
    text_note: str
    date_note: str
    has_guide: bool
    thesis: str
    genre: str
    structure: str
    evidence: tuple[str, ...]
    cautions: tuple[str, ...]
    voices: tuple[tuple[str, str, str], ...]  # (name, role, relation)
    positions: tuple[GuidePosition, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        return (self.source,)

    def counts(self) -> dict[str, int]:
        return {
            "voices": len(self.voices),
            "positions": len(self.positions),
            "evidence_kinds": len(self.evidence),
            "cautions": len(self.cautions),
        }


def build_guide(corpus: Corpus, document_id: str) -> ReadingGuide:
    document = corpus.document(document_id)
    guide = corpus.guide(document_id)
    positions = sorted(
        corpus.positions_for_document(document_id),
        key=lambda p: ([t.id for t in corpus.topics].index(p.topic), strength(p)),
    )
    return ReadingGuide(
        document_id=document.id,
        source=source(document),
        outlet_note=document.notes.outlet,
        text_note=document.notes.text,
        date_note=document.date_note,
        has_guide=guide is not None,
        thesis=guide.thesis if guide else "",
        genre=(guide.genre if guide and guide.genre else document.genre),
        structure=guide.structure if guide else "",
        evidence=guide.evidence if guide else (),
        cautions=guide.cautions if guide else (),
        voices=tuple((v.name, v.role, v.relation) for v in corpus.voices_for_document(document_id)),
        positions=tuple(
            GuidePosition(
                corpus.voice(p.voice).name,
                corpus.topic(p.topic).label,
                stance_words(p.stance, p.state),
                p.summary,
            )
            for p in positions
        ),
    )
