"""Seminar handouts (one sheet per topic), as structured documents ready for the printed layout
(`exports.layout`).

    handout = build_handout(corpus, ["caps-and-supply", "who-benefits"])

Like briefs, they hold only curated text from the corpus and fixed templates around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from perspectives import stance
from perspectives.corpus.entities import Orientation, Position
from perspectives.corpus.model import Corpus
from perspectives.teaching.evidence_cards import (
    Card,
    Source,
    card,
    sources_of,
    strength,
)
from perspectives.teaching.questions import DiscussionQuestion, discussion_questions

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
    axis: str  # the two in a line, from `stance.axis_line`
    spectrum: tuple[tuple[int, tuple[str, ...]], ...]  # (stance, voice names), low to high
    mentions: tuple[str, ...]  # voices that mention the topic without taking a side
    quotes: tuple[ContrastQuote, ...]
    one_sided: bool  # every placed voice on the same side of 0: the quotes contrast less
    questions: tuple[DiscussionQuestion, ...]
    silent: tuple[str, ...]
    chart: bytes = b""  # the spectrum chart as its format wants it: PNG, SVG, or none


@dataclass(frozen=True)
class SeminarHandout:
    corpus_name: str
    orientation: Orientation  # what the low and high ends mean across the corpus
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
    lows = sorted(placed, key=lambda p: (p.score, strength(p)))
    highs = sorted(placed, key=lambda p: (-p.score, strength(p)))
    chosen: list[Position] = []
    for low, high in zip(lows, highs, strict=True):
        if len(chosen) >= 2 and low.score >= high.score:
            break
        for position in (low, high):
            if len(chosen) < MAX_QUOTES and position not in chosen:
                chosen.append(position)
        if len(chosen) >= MAX_QUOTES:
            break
    return sorted(chosen, key=lambda p: (p.score, strength(p)))


def topic_sheet(corpus: Corpus, topic_id: str, chart: ChartRenderer | None = None) -> TopicSheet:
    topic = corpus.topic(topic_id)
    positions = corpus.positions_for_topic(topic_id)
    placed = [p for p in positions if p.stance is not None]
    stances = sorted({p.score for p in placed})
    spectrum = tuple(
        (s, tuple(sorted(corpus.voice(p.voice).name for p in placed if p.stance == s)))
        for s in stances
    )
    quotes = tuple(
        ContrastQuote(p.score, card(corpus, p.evidence[0], p.voice, p.id))
        for p in contrasting(positions)
    )
    signs = {(p.score > 0) - (p.score < 0) for p in placed}
    return TopicSheet(
        topic_id=topic.id,
        label=topic.label,
        question=topic.question,
        description=topic.description,
        low_label=topic.poles.low,
        high_label=topic.poles.high,
        axis=stance.axis_line(topic),
        spectrum=spectrum,
        mentions=tuple(corpus.voice(p.voice).name for p in positions if p.stance is None),
        quotes=quotes,
        one_sided=len(signs) == 1 and 0 not in signs,
        questions=discussion_questions(corpus, topic),
        silent=tuple(v.name for v in corpus.silent_voices(topic_id)),
        chart=chart(corpus, topic_id) if chart else b"",
    )


def png_chart(corpus: Corpus, topic_id: str) -> bytes:
    from perspectives.charts.printable import spectrum_png

    return spectrum_png(corpus, topic_id)


def build_handout(
    corpus: Corpus, topic_ids: Sequence[str], chart: ChartRenderer | None = png_chart
) -> SeminarHandout:
    """A handout for the topics in the order given (each once); `chart=None` skips the images
    (Markdown has no use for them)."""
    unique = list(dict.fromkeys(topic_ids))
    sheets = tuple(topic_sheet(corpus, t, chart) for t in unique)
    documents = {p.document for t in unique for p in corpus.positions_for_topic(t)}
    return SeminarHandout(
        corpus_name=corpus.name,
        orientation=corpus.orientation,
        sheets=sheets,
        blind_spots=tuple((b.title, b.description) for b in corpus.blind_spots),
        sources=sources_of(corpus, documents),
    )
