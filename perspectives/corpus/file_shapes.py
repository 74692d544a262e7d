"""The shapes of the corpus files: which files a corpus has, and, where they differ from the
domain classes, what their entries look like.

Topics, camps, voices, motions, guides and blind spots are read straight into their domain
classes. Positions, claims and events hold quotes as written; the loader locates each quote in
its document and builds the domain object with `Evidence` in its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Annotated, Any

from pydantic import BeforeValidator, model_validator

from perspectives.corpus.entities import BlindSpot, Camp, Guide, Motion, Orientation, Topic, Voice
from perspectives.corpus.fields import (
    ClaimKind,
    Disagreement,
    EvidenceCount,
    Model,
    OptionalText,
    PositionId,
    Precision,
    Slug,
    SourceKind,
    Stance,
    State,
    Text,
    check_stance,
)


class ManifestInput(Model):
    """corpus.yaml"""

    name: Text
    description: OptionalText = ""
    orientation: Orientation


class PositionsFileInput(Model):
    """analysis/positions/DOCUMENT.yaml; each position is validated on its own."""

    document: Slug
    positions: tuple[Any, ...] = ()


class PositionInput(Model):
    voice: Slug
    topic: Slug
    stance: Stance | None = None
    state: State
    summary: Text
    disagreement: Disagreement | None = None
    answers: tuple[PositionId, ...] = ()
    contests: tuple[PositionId, ...] = ()
    evidence: Annotated[tuple[str, ...], EvidenceCount]

    @model_validator(mode="after")
    def _stance_rule(self) -> PositionInput:
        check_stance(self.state, self.stance)
        return self


class ClaimInput(Model):
    id: Slug
    document: Slug
    quote: Text
    figure: Text
    about: Text
    attributed_to: Text
    source_kind: SourceKind
    voice: Slug | None = None
    topics: tuple[Slug, ...] = ()
    kind: ClaimKind | None = None  # left out: "figure" when `figure` holds a number
    caution: OptionalText = ""


class MentionInput(Model):
    document: Slug
    quote: Text


def _partial_date(value: object) -> object:
    """Accept 1989 and "1989-06" for events known only to the year or the month."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return Date(value, 1, 1)
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value.strip())
        if match:
            return Date(int(match[1]), int(match[2] or 1), 1)
    return value


class EventInput(Model):
    id: Slug
    date: Annotated[Date, BeforeValidator(_partial_date)]
    precision: Precision
    label: Text
    description: OptionalText = ""
    topics: tuple[Slug, ...] = ()
    mentions: tuple[MentionInput, ...] = ()


@dataclass(frozen=True)
class ListFile:
    """A kind of analysis file holding a list of entries: analysis/NAME.yaml, or a folder
    analysis/NAME/*.yaml of such lists, or both (a long reading list's voices or claims outgrow
    one file: the per-file size limit stays, the list is split)."""

    name: str
    kind: str  # how a message names one entry: "topic", "blind spot"
    model: type[Model]
    key: str = "id"  # the field that identifies an entry
    required: bool = False


# Every list file a corpus may have, in the order the loader reads them (the docs are checked
# against this list). Positions have their own shape: analysis/positions/DOCUMENT.yaml.
LIST_FILES: tuple[ListFile, ...] = (
    ListFile("topics", "topic", Topic, required=True),
    ListFile("camps", "camp", Camp, required=True),
    ListFile("voices", "voice", Voice, required=True),
    ListFile("claims", "claim", ClaimInput),
    ListFile("events", "event", EventInput),
    ListFile("motions", "motion", Motion),
    ListFile("guides", "guide", Guide, key="document"),
    ListFile("blind_spots", "blind spot", BlindSpot),
)
