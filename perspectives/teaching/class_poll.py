"""Class polls as data: what the store returns, its errors, and the tables the poll page draws.

Pure: the store (`perspectives.store`) reads and writes these; tests and pages use them without
a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from perspectives.corpus.entities import Topic
from perspectives.corpus.model import Corpus
from perspectives.safe_text import printable
from perspectives.stance import STANCES, scale_labels

SENTENCE_MAX = 280
NAME_MAX = 60
# Session codes: no 0/O, 1/I/L, 5/S or 8/B to confuse when read off a projector.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXYZ234679"
CODE_LENGTH = 6


class StoreError(Exception):
    """A request the store cannot carry out; the message says why, for the user."""


class UnknownPoll(StoreError, KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class InvalidVote(StoreError, ValueError):
    pass


class RoundClosed(StoreError):
    pass


class PollClosed(StoreError):
    """The poll takes no votes: the leader closed it (until it is run again), or it has had no
    activity for longer than the store keeps a poll open."""


@dataclass(frozen=True)
class Poll:
    code: str
    topic_id: str
    corpus: str
    fingerprint: str
    leader_key: str = field(repr=False)
    round: int
    created_at: datetime
    require_names: bool | None = False  # participants give a name the leader sees
    closed_at: datetime | None = None  # closed by the leader: no votes until run again

    @property
    def closed(self) -> bool:
        """Closed by the leader (a poll idle too long is closed too: `PollStore.is_open`)."""
        return self.closed_at is not None


@dataclass(frozen=True)
class Participant:
    """One participant's vote in a round, as the leader sees it."""

    token: str
    number: int  # 1, 2, ... in the order of their first vote in the round
    name: str | None
    stance: int
    sentence: str | None


@dataclass(frozen=True)
class Vote:
    code: str
    round: int
    participant: str
    stance: int
    sentence: str | None
    submissions: int  # how many times this participant submitted in this round


@dataclass(frozen=True)
class Sentence:
    stance: int
    text: str


@dataclass(frozen=True)
class Ballot:
    """One participant's vote in one round, without the participant (for exports)."""

    round: int
    stance: int
    sentence: str | None


@dataclass(frozen=True)
class Results:
    code: str
    round: int
    counts: dict[int, int]  # every stance from -2 to 2, zero included
    sentences: tuple[Sentence, ...]
    stances: dict[str, int] = field(repr=False)  # participant token -> stance

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        if not self.total:
            return None
        return sum(stance * n for stance, n in self.counts.items()) / self.total


@dataclass(frozen=True)
class Comparison:
    before: Results
    after: Results

    @property
    def shift(self) -> float | None:
        """How far the class mean moved, after minus before (None if a round has no vote)."""
        if self.before.mean is None or self.after.mean is None:
            return None
        return self.after.mean - self.before.mean

    @property
    def both(self) -> int:
        """Participants who voted in both rounds (the same browser session)."""
        return len(self.before.stances.keys() & self.after.stances.keys())

    @property
    def moved(self) -> int:
        """Of those, how many changed their stance."""
        same = self.before.stances.keys() & self.after.stances.keys()
        return sum(self.before.stances[p] != self.after.stances[p] for p in same)


def normalise_code(text: str | None) -> str:
    """A code as typed ("abc-def ", "ABC DEF") in the form it is stored."""
    return re.sub(r"[\s\-_.]", "", text or "").upper()


def normalise_sentence(sentence: str | None) -> str | None:
    """One line of at most 280 characters, or None when empty; longer is an InvalidVote."""
    if sentence is None:
        return None
    if not isinstance(sentence, str):
        raise InvalidVote("the sentence must be text")
    clean = " ".join(printable(sentence).split())
    if len(clean) > SENTENCE_MAX:
        raise InvalidVote(
            f"the sentence has {len(clean)} characters; at most {SENTENCE_MAX} are allowed"
        )
    return clean or None


def normalise_name(name: str | None) -> str | None:
    """A participant's name as one line of at most 60 printable characters, or None."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise InvalidVote("the name must be text")
    clean = " ".join(printable(name).split())
    if len(clean) > NAME_MAX:
        raise InvalidVote(f"the name has {len(clean)} characters; at most {NAME_MAX} are allowed")
    return clean or None


def distribution_frame(results: Results, label: str | None = None) -> pd.DataFrame:
    """One row per stance (-2..2): count and share of the round's votes."""
    total = results.total
    return pd.DataFrame(
        {
            "round": label or f"Round {results.round}",
            "stance": list(STANCES),
            "count": [results.counts[s] for s in STANCES],
            "share": [results.counts[s] / total if total else 0.0 for s in STANCES],
        }
    )


BALLOT_COLUMNS = ["round", "stance", "stance_label", "sentence"]


def ballots_frame(ballots: list[Ballot] | tuple[Ballot, ...], topic: Topic) -> pd.DataFrame:
    """One row per vote, round by round in the order they came in: the round, the stance
    (-2..2), the stance in words with the topic's pole, and the sentence ("" when none)."""
    labels = scale_labels(topic)
    rows = [[b.round, b.stance, labels[b.stance], b.sentence or ""] for b in ballots]
    frame = pd.DataFrame(rows, columns=BALLOT_COLUMNS)
    return frame.astype({"round": "int64", "stance": "int64"})


def authors_frame(corpus: Corpus, topic_id: str) -> pd.DataFrame:
    """The voices placed on a topic: name, camp, colour and stance, for beside the class."""
    rows = []
    for position in corpus.positions_for_topic(topic_id):
        if position.stance is None:
            continue
        voice, camp = corpus.voice(position.voice), corpus.camp_of(position.voice)
        rows.append(
            {
                "voice": voice.name,
                "camp": camp.name,
                "colour": camp.colour,
                "stance": position.stance,
                "summary": position.summary,
            }
        )
    columns = ["voice", "camp", "colour", "stance", "summary"]
    return pd.DataFrame(rows, columns=columns).sort_values(["stance", "voice"], ignore_index=True)
