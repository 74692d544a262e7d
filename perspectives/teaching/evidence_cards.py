"""The pieces that briefs, handouts and reading guides are built from: evidence cards,
arguments, sources, and the curated words that templates put around them.

Everything here is copied from the corpus (a quote's exact text, a curated summary, a voice's
curated role) or is one of the fixed phrases below: nothing is generated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from perspectives.corpus.document import Document
from perspectives.corpus.entities import Claim, Evidence, Position
from perspectives.corpus.model import Corpus

# The kinds of disagreement of the file format, in the order a brief discusses them.
KINDS = ("fact", "value", "prediction", "policy", "definition")

# What a line of argument is "on", per kind; None is a position with no kind recorded.
KIND_PHRASES: dict[str | None, str] = {
    "fact": "the facts",
    "value": "values",
    "prediction": "what comes next",
    "policy": "what should be done",
    "definition": "what the thing is",
    None: "other grounds",
}

SOURCE_KINDS = {
    "author": "the document's author",
    "person": "a person the document quotes",
    "report": "a report the document cites",
    "organisation": "an organisation the document cites",
    "media": "a media report the document cites",
    "official": "an official source the document cites",
}


def kind_heading(kinds: Iterable[str | None]) -> str:
    """ "On the facts", or "On values and what comes next" for a merged line."""
    phrases = [KIND_PHRASES[kind] for kind in kinds]
    if len(phrases) > 1:
        return "On " + ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return "On " + phrases[0]


@dataclass(frozen=True)
class Source:
    """A document as a sources list shows it."""

    document_id: str
    title: str
    authors: tuple[str, ...]
    outlet: str
    date_label: str
    date_certainty: str
    genre: str
    url: str | None

    @property
    def byline(self) -> str:
        authors = ", ".join(self.authors) or "unsigned"
        return (
            f"{authors}, {self.outlet}, {self.date_label} (date certainty: {self.date_certainty})"
        )


def source(document: Document) -> Source:
    return Source(
        document_id=document.id,
        title=document.title,
        authors=tuple(document.authors),
        outlet=document.outlet,
        date_label=document.date_label,
        date_certainty=document.date_certainty,
        genre=document.genre,
        url=document.url,
    )


@dataclass(frozen=True)
class Card:
    """One verbatim quote with everything needed to cite it."""

    quote: str  # the exact span of the document's text
    voice_id: str
    voice: str
    role: str
    affiliation: str
    document_id: str
    document_title: str
    outlet: str
    date_label: str
    paragraph: int
    start: int
    end: int
    position_id: str | None = None  # None for a claim's quote

    @property
    def speaker(self) -> str:
        """ "Bing Song (role; affiliation)" with whatever of role and affiliation is known."""
        about = "; ".join(part for part in (self.role, self.affiliation) if part)
        return f"{self.voice} ({about})" if about else self.voice

    @property
    def citation(self) -> str:
        return (
            f"{self.document_title}, {self.outlet}, {self.date_label}, paragraph {self.paragraph}"
        )


def card(corpus: Corpus, evidence: Evidence, voice_id: str | None, position_id: str | None) -> Card:
    document = corpus.document(evidence.document_id)
    if voice_id is not None:
        voice = corpus.voice(voice_id)
        name, role, affiliation = voice.name, voice.role, voice.affiliation
    else:
        name, role, affiliation = ", ".join(document.authors) or document.outlet, "", ""
    return Card(
        quote=evidence.text,
        voice_id=voice_id or "",
        voice=name,
        role=role,
        affiliation=affiliation,
        document_id=document.id,
        document_title=document.title,
        outlet=document.outlet,
        date_label=document.date_label,
        paragraph=evidence.paragraph,
        start=evidence.start,
        end=evidence.end,
        position_id=position_id,
    )


@dataclass(frozen=True)
class Argument:
    """A position as a brief presents it: who, where on the axis, the summary, the cards."""

    position_id: str
    voice_id: str
    voice: str
    camp: str
    topic_id: str
    stance: int | None
    state: str
    summary: str
    disagreement: str | None
    cards: tuple[Card, ...]


def argument(corpus: Corpus, position: Position) -> Argument:
    return Argument(
        position_id=position.id,
        voice_id=position.voice,
        voice=corpus.voice(position.voice).name,
        camp=corpus.camp_of(position.voice).name,
        topic_id=position.topic,
        stance=position.stance,
        state=position.state,
        summary=position.summary,
        disagreement=position.disagreement,
        cards=tuple(card(corpus, e, position.voice, position.id) for e in position.evidence),
    )


def strength(position: Position) -> tuple:
    """Sort key, strongest first: the farther from 0 the stronger, then asserts before mixed."""
    stance = abs(position.stance) if position.stance is not None else -1
    return (-stance, {"asserts": 0, "mixed": 1}.get(position.state, 2), position.voice)


@dataclass(frozen=True)
class Figure:
    """A fact or figure worth citing, with whom the document attributes it to."""

    claim_id: str
    figure: str
    about: str
    attributed_to: str
    source_kind: str
    card: Card
    kind: str = "figure"  # "figure" (a quantity) or "claim" (any other fact)
    caution: str = ""  # what a careful reader adds before citing it

    @property
    def caveat(self) -> str:
        kind = SOURCE_KINDS[self.source_kind]
        if self.attributed_to.rstrip().endswith(")"):  # no doubled parentheses
            return f"attributed to {self.attributed_to}; source kind: {kind}"
        return f"attributed to {self.attributed_to} (source kind: {kind})"


def figure(corpus: Corpus, claim: Claim) -> Figure:
    return Figure(
        claim_id=claim.id,
        figure=claim.figure,
        about=claim.about,
        attributed_to=claim.attributed_to,
        source_kind=claim.source_kind,
        card=card(corpus, claim.quote, claim.voice, None),
        kind=claim.kind,
        caution=claim.caution,
    )


def sources_of(corpus: Corpus, document_ids: Iterable[str]) -> tuple[Source, ...]:
    """The cited documents, each once, oldest first."""
    documents = {i: corpus.document(i) for i in document_ids}
    return tuple(source(d) for d in sorted(documents.values(), key=lambda d: (d.date, d.id)))
