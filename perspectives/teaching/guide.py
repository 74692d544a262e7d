"""Reading guides: a student's guide to one document, ready for the printed layout.

    guide = build_guide(corpus, "okafor-2021")

Like briefs, it holds only curated text from the corpus and fixed templates around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from perspectives import stance
from perspectives.corpus.model import Corpus
from perspectives.teaching.evidence_cards import Source, source, strength


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
                stance.printed(p.stance, p.state),
                p.summary,
            )
            for p in positions
        ),
    )
