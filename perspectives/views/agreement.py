"""How far apart two voices stand: the mean stance gap over the topics both take a side on."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from perspectives.corpus.model import Corpus
from perspectives.views.compare import placed


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
    stance = {(p.voice, p.topic): p.score for p in placed(corpus.positions)}
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
