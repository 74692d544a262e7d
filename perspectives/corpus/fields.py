"""The base class and the field types shared by the domain classes and the file schemas."""

from __future__ import annotations

import re
import sys
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StrictInt

from perspectives.corpus.guards import slug_form

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STANCE_MIN, STANCE_MAX = -2, 2
MAX_EVIDENCE = 3


def _check_slug(value: str) -> str:
    """The id, interned: a large corpus names each document and voice in thousands of quotes
    and positions, and one string per id (not one per mention) keeps its memory small."""
    if SLUG.fullmatch(value):
        return sys.intern(value)
    suggestion = slug_form(value)
    hint = f", like '{suggestion}'" if suggestion else ""
    raise ValueError(
        f"{value!r} is not a valid id: write it with lower-case letters a-z, digits and "
        f"'-' only{hint}"
    )


def _check_position_id(value: str) -> str:
    voice, slash, topic = value.partition("/")
    if not (slash and SLUG.fullmatch(voice) and SLUG.fullmatch(topic)):
        raise ValueError(f"{value!r} is not a position id (VOICE/TOPIC)")
    return value


def _check_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _none_to_empty(value: object) -> object:
    return "" if value is None else value


Slug = Annotated[str, AfterValidator(_check_slug)]
PositionId = Annotated[str, AfterValidator(_check_position_id)]
Text = Annotated[str, AfterValidator(_check_not_blank)]
OptionalText = Annotated[str, BeforeValidator(_none_to_empty)]

State = Literal["asserts", "mixed", "mentions"]
Disagreement = Literal["fact", "value", "prediction", "policy", "definition"]
Relation = Literal["author", "excerpted", "quoted"]
ClaimKind = Literal["figure", "claim"]  # a quantity, or any other fact the text asserts
SourceKind = Literal["author", "person", "report", "organisation", "media", "official"]
Certainty = Literal["high", "medium", "low"]
Precision = Literal["day", "month", "year"]
PoleName = Literal["low", "high"]


class Model(BaseModel):
    """Base of every domain class: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


def check_stance(state: str, stance: int | None) -> None:
    """The stance rule shared by the file format and the model."""
    if stance is None and state != "mentions":
        raise ValueError(f"stance is required when state is {state!r} (an integer from -2 to +2)")
    if stance is not None and state == "mentions":
        raise ValueError("stance must be omitted (null) when state is 'mentions'")


def _check_stance_range(stance: int) -> int:
    if not STANCE_MIN <= stance <= STANCE_MAX:
        raise ValueError(f"{stance} is outside the range -2..+2")
    return stance


def _check_evidence_count(evidence: tuple) -> tuple:
    if not 1 <= len(evidence) <= MAX_EVIDENCE:
        raise ValueError(f"must hold 1 to {MAX_EVIDENCE} quotes, not {len(evidence)}")
    return evidence


Stance = Annotated[StrictInt, AfterValidator(_check_stance_range)]
EvidenceCount = AfterValidator(_check_evidence_count)
