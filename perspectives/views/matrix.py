"""The stance matrix and how divided each topic is: mean stances, the voices' order, the
long topic x voice table, and the spread of each topic's stances."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from perspectives.corpus.model import Corpus
from perspectives.views.compare import placed
from perspectives.views.ranking import shown, split_ends


def mean_stances(corpus: Corpus) -> dict[str, float | None]:
    """Each voice's mean stance over the topics where it is placed (None if never placed)."""
    # One pass over the positions: a scan per voice was 2,200 x 7,800 steps at 100 copies.
    stances: dict[str, list[int]] = {voice.id: [] for voice in corpus.voices}
    for p in corpus.positions:
        if p.stance is not None and p.voice in stances:
            stances[p.voice].append(p.stance)
    return {v: sum(s) / len(s) if s else None for v, s in stances.items()}


def voice_order(corpus: Corpus) -> list[str]:
    """Voice ids from the lowest mean stance (the orientation's low end) to the highest; unplaced
    last."""
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
        stances = [p.score for p in placed(corpus.positions) if p.topic == topic.id]
        speaking = {p.voice for p in corpus.positions if p.topic == topic.id}
        n = len(stances)
        mean = sum(stances) / n if n else None
        spread = math.sqrt(sum((s - (mean or 0.0)) ** 2 for s in stances) / n) if n else 0.0
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


def _division(s: Spread) -> tuple[float, float]:
    """How divided a topic is, as shown: the split across the axis, then the spread."""
    return (shown(s.divide), shown(s.spread))


def topic_ends(
    corpus: Corpus, limit: int | None = 5, min_divided: int = 2, min_agreeing: int = 3
) -> tuple[list[Spread], list[Spread]]:
    """(most divided, closest to agreement): two ends of one order, never sharing a topic.

    Topics with at least `min_divided` voices placed are ordered by how divided they are
    (`_division`); a topic on which every placed voice holds the same stance is never divided.
    The rest are cut into two ends (`views.ranking.split_ends`): ties stay on one side, and a
    tie alone in the middle is divided when voices sit on both sides of the axis. The divided
    end runs most divided first (as `most_divided`); the agreeing end, among topics with at
    least `min_agreeing` voices placed, narrowest spread first (as `closest_to_agreement`).
    """
    eligible = [s for s in topic_spread(corpus) if s.placed >= min_divided]
    unanimous = [s for s in eligible if shown(s.spread) == 0]
    # Within a tie the high end keeps the given order: more voices placed first, then by id.
    rest = sorted(
        (s for s in eligible if shown(s.spread) > 0),
        key=lambda s: (_division(s), -s.placed, s.topic_id),
    )
    low, divided = split_ends(rest, _division, None, lambda s: s.divide == 0)
    agreeing = sorted(
        (s for s in [*unanimous, *low] if s.placed >= min_agreeing),
        key=lambda s: (s.spread, s.range, -s.placed, s.topic_id),
    )
    if limit is not None:
        divided, agreeing = divided[:limit], agreeing[:limit]
    return divided, agreeing
