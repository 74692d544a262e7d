"""The concepts of the domain as typed, immutable classes, and the Corpus that holds them.

Every class is a frozen pydantic model that forbids unknown fields and holds tuples, not lists:
once a corpus is loaded nothing in it changes. Load one with `perspectives.corpus.load_corpus`.
The classes are defined in `document.py` and `entities.py`; import them from here. A Corpus
refuses a dangling reference (`integrity`), so any Corpus, loaded or built, holds together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from pydantic import Field, model_validator

from perspectives.corpus import integrity
from perspectives.corpus.document import Document, DocumentMeta, DocumentNotes, Paragraph
from perspectives.corpus.entities import (
    NO_CAMP,
    BlindSpot,
    Camp,
    Claim,
    Event,
    Evidence,
    Guide,
    Motion,
    Orientation,
    Pole,
    Position,
    Topic,
    TopicPoles,
    Voice,
)
from perspectives.corpus.fields import Model
from perspectives.corpus.problems import UnknownIdError

__all__ = [
    "BlindSpot",
    "Camp",
    "Claim",
    "Corpus",
    "Document",
    "DocumentMeta",
    "DocumentNotes",
    "Event",
    "Evidence",
    "Guide",
    "Model",
    "Motion",
    "Orientation",
    "Paragraph",
    "Pole",
    "Position",
    "Topic",
    "TopicPoles",
    "Voice",
]


_LISTED = 50  # broken references written out in a model's error


class Corpus(Model):
    """Every document and every piece of analysis of one corpus folder.

    `fingerprint` is a sha256 over every file read: equal fingerprints, equal corpora; use it,
    not the object, as a cache key. Lookups raise `UnknownIdError` (a KeyError) for an unknown
    id; selections (`positions_for_topic` ...) check their id too and keep the corpus order.
    """

    source: str  # where it was read: a folder's path, or "workspace NAME"
    name: str
    description: str = ""
    orientation: Orientation
    documents: tuple[Document, ...] = Field(repr=False)
    topics: tuple[Topic, ...] = Field(repr=False)
    camps: tuple[Camp, ...] = Field(repr=False)
    voices: tuple[Voice, ...] = Field(repr=False)
    positions: tuple[Position, ...] = Field(repr=False)
    claims: tuple[Claim, ...] = Field(default=(), repr=False)
    events: tuple[Event, ...] = Field(default=(), repr=False)
    motions: tuple[Motion, ...] = Field(default=(), repr=False)
    guides: tuple[Guide, ...] = Field(default=(), repr=False)
    blind_spots: tuple[BlindSpot, ...] = Field(default=(), repr=False)
    fingerprint: str

    @model_validator(mode="after")
    def _holds_together(self) -> Corpus:
        """No dangling reference, however the corpus was built (the loader checks the same
        rules first, with the same words, against files and lines)."""
        broken = list(integrity.dangling(self))
        if broken:
            listed = "\n".join(broken[:_LISTED])
            more = f"\n... and {len(broken) - _LISTED} more" if len(broken) > _LISTED else ""
            raise ValueError(f"the corpus does not hold together:\n{listed}{more}")
        return self

    def __hash__(self) -> int:
        return hash((self.source, self.fingerprint))

    def document(self, document_id: str) -> Document:
        return self._lookup("document", document_id)

    def topic(self, topic_id: str) -> Topic:
        return self._lookup("topic", topic_id)

    def camp(self, camp_id: str | None) -> Camp:
        """The camp; `NO_CAMP` for a voice's missing camp (None)."""
        if not camp_id:
            return NO_CAMP
        return self._lookup("camp", camp_id)

    def voice(self, voice_id: str) -> Voice:
        return self._lookup("voice", voice_id)

    def claim(self, claim_id: str) -> Claim:
        return self._lookup("claim", claim_id)

    def event(self, event_id: str) -> Event:
        return self._lookup("event", event_id)

    def motion(self, motion_id: str) -> Motion:
        return self._lookup("motion", motion_id)

    def blind_spot(self, blind_spot_id: str) -> BlindSpot:
        return self._lookup("blind spot", blind_spot_id)

    def position(self, voice_id: str, topic_id: str) -> Position:
        """The position of a voice on a topic; UnknownIdError where the voice is silent."""
        return self.position_by_id(f"{voice_id}/{topic_id}")

    def position_by_id(self, position_id: str) -> Position:
        return self._lookup("position", position_id)

    def position_index(self, position_id: str) -> int:
        """Where a position stands in corpus order, to put positions gathered from several
        lookups back in that order without scanning them all."""
        return self._position_order[position_id]

    @cached_property
    def _position_order(self) -> dict[str, int]:
        return {position.id: i for i, position in enumerate(self.positions)}

    def find_position(self, voice_id: str, topic_id: str) -> Position | None:
        """The position of a known voice on a known topic, or None where the voice is silent."""
        self.voice(voice_id), self.topic(topic_id)
        found = self._indexes["position"].get(f"{voice_id}/{topic_id}")
        return found if isinstance(found, Position) else None

    def guide(self, document_id: str) -> Guide | None:
        """The reading guide of a known document, or None if it has none."""
        return next(iter(self._select("guide", "document", document_id)), None)

    def camp_of(self, voice_id: str) -> Camp:
        return self.camp(self.voice(voice_id).camp)

    def positions_for_topic(self, topic_id: str) -> tuple[Position, ...]:
        return self._select("position", "topic", topic_id)

    def positions_for_voice(self, voice_id: str) -> tuple[Position, ...]:
        return self._select("position", "voice", voice_id)

    def positions_for_document(self, document_id: str) -> tuple[Position, ...]:
        return self._select("position", "document", document_id)

    def silent_voices(self, topic_id: str) -> tuple[Voice, ...]:
        """The voices with no position on a topic."""
        speaking = {position.voice for position in self.positions_for_topic(topic_id)}
        return tuple(voice for voice in self.voices if voice.id not in speaking)

    def voices_for_document(self, document_id: str) -> tuple[Voice, ...]:
        return self._select("voice", "document", document_id)

    def voices_in_camp(self, camp_id: str) -> tuple[Voice, ...]:
        return self._select("voice", "camp", camp_id)

    def claims_for_document(self, document_id: str) -> tuple[Claim, ...]:
        return self._select("claim", "document", document_id)

    def claims_for_topic(self, topic_id: str) -> tuple[Claim, ...]:
        return self._select("claim", "topic", topic_id)

    def events_for_topic(self, topic_id: str) -> tuple[Event, ...]:
        return self._select("event", "topic", topic_id)

    def motions_for_topic(self, topic_id: str) -> tuple[Motion, ...]:
        return self._select("motion", "topic", topic_id)

    @cached_property
    def _indexes(self) -> dict[str, dict[str, Model]]:
        kinds = {
            "document": self.documents,
            "topic": self.topics,
            "camp": self.camps,
            "voice": self.voices,
            "position": self.positions,
            "claim": self.claims,
            "event": self.events,
            "motion": self.motions,
            "blind spot": self.blind_spots,
        }
        return {kind: {item.id: item for item in items} for kind, items in kinds.items()}  # type: ignore[attr-defined]

    @cached_property
    def _groups(self) -> dict[tuple[str, str], dict[str, tuple[Model, ...]]]:
        """(what, by) -> id -> the items of kind `what` that point to that id of kind `by`."""
        ways: dict[tuple[str, str], tuple[Iterable[Any], Callable[[Any], Iterable[str]]]] = {
            ("position", "topic"): (self.positions, lambda p: (p.topic,)),
            ("position", "voice"): (self.positions, lambda p: (p.voice,)),
            ("position", "document"): (self.positions, lambda p: (p.document,)),
            ("voice", "document"): (self.voices, lambda v: v.documents),
            ("voice", "camp"): (self.voices, lambda v: (v.camp,) if v.camp else ()),
            ("claim", "document"): (self.claims, lambda c: (c.document,)),
            ("claim", "topic"): (self.claims, lambda c: c.topics),
            ("event", "topic"): (self.events, lambda e: e.topics),
            ("motion", "topic"): (self.motions, lambda m: (m.topic,)),
            ("guide", "document"): (self.guides, lambda g: (g.document,)),
        }
        groups = {}
        for way, (items, keys) in ways.items():
            grouped: dict[str, list[Model]] = defaultdict(list)
            for item in items:
                for key in keys(item):
                    grouped[key].append(item)
            groups[way] = {key: tuple(found) for key, found in grouped.items()}
        return groups

    def _lookup(self, kind: str, key: str):
        try:
            return self._indexes[kind][key]
        except KeyError:
            raise UnknownIdError(f"unknown {kind} id {key!r} in corpus {self.name!r}") from None

    def _select(self, what: str, by: str, key: str) -> tuple:
        self._lookup(by, key)
        return self._groups[(what, by)].get(key, ())
