"""The analysis of a corpus: topics, camps, voices, positions with their evidence, claims,
events, motions, reading guides and blind spots."""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Annotated, Any

from pydantic import Field, computed_field, field_validator, model_validator

from perspectives.corpus.fields import (
    ClaimKind,
    Disagreement,
    EvidenceCount,
    Model,
    OptionalText,
    PoleName,
    PositionId,
    Precision,
    Relation,
    Slug,
    SourceKind,
    Stance,
    State,
    Text,
    check_stance,
)


class Pole(Model):
    id: Slug
    label: Text


class Orientation(Model):
    """What the two ends of every topic axis mean across a corpus (-2 is `low`, +2 `high`)."""

    low: Pole
    high: Pole


class TopicPoles(Model):
    low: Text  # what -2 means on this topic
    high: Text  # what +2 means on this topic


class Topic(Model):
    id: Slug
    label: Text
    question: Text
    description: OptionalText = ""
    poles: TopicPoles


class Camp(Model):
    id: Slug
    name: Text
    description: OptionalText = ""
    colour: str

    @field_validator("colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", value):
            raise ValueError(f'{value!r} is not a colour like "#009E73"')
        return value


NO_CAMP = Camp.model_construct(
    id="", name="No camp", description="Not placed in a school of thought.", colour="#999999"
)
"""What pages show for a voice with no camp (its id is no slug, so no camp of a corpus has it)."""


class Voice(Model):
    id: Slug
    name: Text
    role: OptionalText = ""
    affiliation: OptionalText = ""
    camp: Slug | None = None  # None: no camp (a quoted person whose school is not known)
    documents: tuple[Slug, ...] = Field(min_length=1)
    relation: Relation
    aliases: tuple[Text, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias: the ways a document may name this voice."""
        return (self.name, *self.aliases)


class Evidence(Model):
    """A quote located in its document: `text == document.text[start:end]`."""

    document_id: Slug
    quote: str  # as written in the analysis file
    start: int
    end: int
    text: str  # the exact span of the document's text
    paragraph: int  # number of the paragraph where the span starts

    @model_validator(mode="after")
    def _span(self) -> Evidence:
        if not 0 <= self.start < self.end or self.end - self.start != len(self.text):
            raise ValueError(f"offsets {self.start}..{self.end} do not fit the quoted text")
        return self


class Position(Model):
    """One voice on one topic, as one document presents it. Its id is VOICE/TOPIC."""

    voice: Slug
    topic: Slug
    document: Slug
    stance: Stance | None = None
    state: State
    summary: Text
    disagreement: Disagreement | None = None
    answers: tuple[PositionId, ...] = ()  # positions this one replies to, in the texts
    contests: tuple[PositionId, ...] = ()  # positions disputing the same claim (symmetric)
    evidence: Annotated[tuple[Evidence, ...], EvidenceCount]

    @model_validator(mode="before")
    @classmethod
    def _accept_own_id(cls, data: Any) -> Any:
        """Let a dump (which holds the computed `id`) validate again."""
        if isinstance(data, dict) and "id" in data:
            data = dict(data)
            given, expected = data.pop("id"), f"{data.get('voice')}/{data.get('topic')}"
            if given != expected:
                raise ValueError(f"id {given!r} should be {expected!r} (VOICE/TOPIC)")
        return data

    @model_validator(mode="after")
    def _stance_rule(self) -> Position:
        check_stance(self.state, self.stance)
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        return f"{self.voice}/{self.topic}"

    @property
    def placed(self) -> bool:
        """Whether the position has a place on the topic's axis (it takes a side)."""
        return self.stance is not None

    @property
    def score(self) -> int:
        """The stance of a placed position, for arithmetic over positions already filtered as
        placed (a position that only mentions its topic has none, and asking is a bug)."""
        if self.stance is None:
            raise ValueError(f"position {self.id} takes no side on its topic's axis")
        return self.stance


_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|dozens?|hundreds?|thousands?|millions?|"
    r"billions?|trillions?|half|third|quarter)\b",
    re.IGNORECASE,
)


def holds_number(text: str) -> bool:
    """Whether a text states a quantity: a digit, or a number written as a word."""
    return bool(_NUMBER.search(text))


def claim_kind(figure: str, given: str | None) -> str:
    """A claim's kind as given; left out, "figure" when its text holds a number, else "claim"."""
    return given or ("figure" if holds_number(figure) else "claim")


CLAIM_LABELS = {"figure": "Figure", "claim": "Claim"}


class Claim(Model):
    """A fact or figure a document cites, and whom it attributes it to. Only a quantity is a
    `figure`; any other fact is a `claim` (a date, an event, a law, a description)."""

    id: Slug
    document: Slug
    quote: Evidence
    figure: Text  # the number or fact, short
    about: Text
    attributed_to: Text
    source_kind: SourceKind
    voice: Slug | None = None
    topics: tuple[Slug, ...] = ()
    kind: ClaimKind = "claim"
    caution: OptionalText = ""  # what a careful reader adds before citing it

    @model_validator(mode="after")
    def _quantity(self) -> Claim:
        if self.kind == "figure" and not holds_number(self.figure):
            raise ValueError(figure_without_number(self.figure))
        return self

    @property
    def label(self) -> str:
        """ "Figure" for a quantity, "Claim" for any other fact."""
        return CLAIM_LABELS[self.kind]


def figure_without_number(figure: str) -> str:
    return (
        f"kind 'figure' is for quantities, but {figure!r} holds no number: write the number, "
        "or make it kind 'claim'"
    )


class Event(Model):
    """A dated event the documents refer to. `date` is exact to `precision`."""

    id: Slug
    date: Date
    precision: Precision
    label: Text
    description: OptionalText = ""
    topics: tuple[Slug, ...] = ()
    mentions: tuple[Evidence, ...] = ()


class Motion(Model):
    id: Slug
    topic: Slug
    text: Text
    proposition: PoleName  # the pole of the topic's axis the proposition defends


class Guide(Model):
    """A reading guide for one document."""

    document: Slug
    thesis: Text
    genre: OptionalText = ""
    structure: OptionalText = ""
    evidence: tuple[Text, ...] = ()  # the kinds of evidence the document relies on
    cautions: tuple[Text, ...] = ()


class BlindSpot(Model):
    """Something the corpus leaves out."""

    id: Slug
    title: Text
    description: OptionalText = ""
