"""Views computed from a Corpus: spectra, the stance matrix, controversy and agreement.

Pure functions of the corpus, so the UI can cache them and tests can check them on small
hand-made corpora. "Placed" positions are those with a stance; a `mentions` position has
none and is never put on an axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from perspectives.model import Corpus, Position, Voice


def placed(positions) -> list[Position]:
    return [p for p in positions if p.stance is not None]


def ordered_positions(corpus: Corpus, topic_id: str, voice_ids=None) -> list[Position]:
    """A topic's positions from the low (critical) pole to the high one; mentions come last."""
    corpus.topic(topic_id)
    wanted = set(voice_ids) if voice_ids else None
    chosen = [
        p for p in corpus.positions if p.topic == topic_id and (wanted is None or p.voice in wanted)
    ]
    return sorted(
        chosen,
        key=lambda p: (
            p.stance is None,
            p.stance if p.stance is not None else 0,
            corpus.voice(p.voice).name,
        ),
    )


def silent_voices(corpus: Corpus, topic_id: str, voice_ids=None) -> list[Voice]:
    """Voices with no position at all on the topic, in corpus order."""
    corpus.topic(topic_id)
    speaking = {p.voice for p in corpus.positions if p.topic == topic_id}
    wanted = set(voice_ids) if voice_ids else None
    return [v for v in corpus.voices if v.id not in speaking and (wanted is None or v.id in wanted)]


def mean_stances(corpus: Corpus) -> dict[str, float | None]:
    """Each voice's mean stance over the topics where it is placed (None if never placed)."""
    result: dict[str, float | None] = {}
    for voice in corpus.voices:
        stances = [
            p.stance for p in corpus.positions if p.voice == voice.id and p.stance is not None
        ]
        result[voice.id] = sum(stances) / len(stances) if stances else None
    return result


def voice_order(corpus: Corpus) -> list[str]:
    """Voice ids from the most critical mean stance to the most favourable; unplaced last."""
    means = mean_stances(corpus)
    names = {v.id: v.name for v in corpus.voices}
    return sorted(
        means,
        key=lambda vid: (
            means[vid] is None,
            means[vid] if means[vid] is not None else 0,
            names[vid],
        ),
    )


def stance_matrix(corpus: Corpus) -> pd.DataFrame:
    """Long table: one row per topic x voice with the stance and a cell kind.

    kind is "stance" (placed), "mentions" (speaks, takes no side) or "silent" (no position),
    so a silent cell can be drawn differently from a 0 stance.
    """
    by_key = {(p.topic, p.voice): p for p in corpus.positions}
    means = mean_stances(corpus)
    order = voice_order(corpus)
    rows = []
    for topic in corpus.topics:
        for rank, voice_id in enumerate(order):
            voice = corpus.voice(voice_id)
            position = by_key.get((topic.id, voice_id))
            if position is None:
                kind, stance, state = "silent", None, "silent"
            elif position.stance is None:
                kind, stance, state = "mentions", None, position.state
            else:
                kind, stance, state = "stance", position.stance, position.state
            rows.append(
                {
                    "topic_id": topic.id,
                    "topic_label": topic.label,
                    "voice_id": voice_id,
                    "voice_name": voice.name,
                    "camp": voice.camp,
                    "voice_rank": rank,
                    "voice_mean": means[voice_id],
                    "stance": stance,
                    "state": state,
                    "kind": kind,
                    "summary": position.summary if position else "",
                }
            )
    frame = pd.DataFrame(rows)
    frame["stance"] = frame["stance"].astype("Int64")
    return frame


@dataclass(frozen=True)
class Spread:
    topic_id: str
    placed: int
    silent: int
    mean: float | None
    spread: float  # population standard deviation of the stances
    range: int
    share_low: float  # share of placed voices below 0
    share_high: float  # share of placed voices above 0
    divide: float  # min(share_low, share_high): 0.5 is an even split across the axis


def topic_spread(corpus: Corpus) -> list[Spread]:
    """Per topic: how far apart the voices are and how evenly they split across the axis."""
    result = []
    for topic in corpus.topics:
        stances = [p.stance for p in placed(corpus.positions) if p.topic == topic.id]
        speaking = {p.voice for p in corpus.positions if p.topic == topic.id}
        n = len(stances)
        mean = sum(stances) / n if n else None
        spread = math.sqrt(sum((s - mean) ** 2 for s in stances) / n) if n else 0.0
        low = sum(s < 0 for s in stances) / n if n else 0.0
        high = sum(s > 0 for s in stances) / n if n else 0.0
        result.append(
            Spread(
                topic_id=topic.id,
                placed=n,
                silent=len(corpus.voices) - len(speaking),
                mean=mean,
                spread=spread,
                range=(max(stances) - min(stances)) if n else 0,
                share_low=low,
                share_high=high,
                divide=min(low, high),
            )
        )
    return result


def most_divided(corpus: Corpus, min_voices: int = 2) -> list[Spread]:
    """Topics ranked by how divided the voices are: even split first, then wider spread."""
    rows = [s for s in topic_spread(corpus) if s.placed >= min_voices]
    return sorted(rows, key=lambda s: (-s.divide, -s.spread, -s.placed, s.topic_id))


def closest_to_agreement(corpus: Corpus, min_voices: int = 3) -> list[Spread]:
    """Topics where at least `min_voices` voices are placed, the narrowest spread first."""
    rows = [s for s in topic_spread(corpus) if s.placed >= min_voices]
    return sorted(rows, key=lambda s: (s.spread, s.range, -s.placed, s.topic_id))


@dataclass(frozen=True)
class Agreement:
    voice_a: str
    voice_b: str
    shared: int  # topics on which both are placed
    distance: float  # mean absolute stance difference over shared topics (0..4)

    @property
    def agreement(self) -> float:
        """1.0 = same stance everywhere they meet, 0.0 = opposite poles everywhere."""
        return 1 - self.distance / 4


def pair_agreement(corpus: Corpus, min_shared: int = 1) -> list[Agreement]:
    """Every pair of voices placed together on at least `min_shared` topics."""
    stance = {(p.voice, p.topic): p.stance for p in placed(corpus.positions)}
    topics_of: dict[str, set[str]] = {}
    for voice_id, topic_id in stance:
        topics_of.setdefault(voice_id, set()).add(topic_id)
    result = []
    for a, b in combinations([v.id for v in corpus.voices], 2):
        shared = topics_of.get(a, set()) & topics_of.get(b, set())
        if len(shared) < min_shared:
            continue
        distance = sum(abs(stance[(a, t)] - stance[(b, t)]) for t in shared) / len(shared)
        result.append(Agreement(a, b, len(shared), distance))
    return result


def closest_pairs(corpus: Corpus, min_shared: int = 2, limit: int = 5) -> list[Agreement]:
    rows = pair_agreement(corpus, min_shared)
    return sorted(rows, key=lambda r: (r.distance, -r.shared, r.voice_a, r.voice_b))[:limit]


def farthest_pairs(corpus: Corpus, min_shared: int = 2, limit: int = 5) -> list[Agreement]:
    rows = pair_agreement(corpus, min_shared)
    return sorted(rows, key=lambda r: (-r.distance, -r.shared, r.voice_a, r.voice_b))[:limit]


def neighbours(corpus: Corpus, voice_id: str, min_shared: int = 1) -> list[Agreement]:
    """The voice's pairs, nearest first, each oriented so that voice_a is `voice_id`."""
    corpus.voice(voice_id)
    rows = []
    for r in pair_agreement(corpus, min_shared):
        if r.voice_a == voice_id:
            rows.append(r)
        elif r.voice_b == voice_id:
            rows.append(Agreement(voice_id, r.voice_a, r.shared, r.distance))
    return sorted(rows, key=lambda r: (r.distance, -r.shared, r.voice_b))


def head_to_head(corpus: Corpus, voice_ids: list[str]) -> list[tuple[str, list[Position | None]]]:
    """For two to four voices: each topic where at least one speaks, with their positions."""
    for voice_id in voice_ids:
        corpus.voice(voice_id)
    by_key = {(p.topic, p.voice): p for p in corpus.positions}
    rows = []
    for topic in corpus.topics:
        cells = [by_key.get((topic.id, v)) for v in voice_ids]
        if any(cells):
            rows.append((topic.id, cells))
    return rows


def positions_answering(corpus: Corpus, position_id: str) -> list[Position]:
    """Positions that list `position_id` among those they contest."""
    return [p for p in corpus.positions if position_id in p.answers]
