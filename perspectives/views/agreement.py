"""How far apart two voices stand: the mean stance gap over the topics both take a side on."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from perspectives.corpus.model import Corpus
from perspectives.views.compare import placed
from perspectives.views.ranking import shown, split_ends

MIDPOINT = 2.0  # half the widest gap between two stances (-2 and +2)


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


def ranked_pairs(corpus: Corpus, min_shared: int = 1) -> list[Agreement]:
    """Every pair sharing `min_shared` topics, nearest first (as shown, to two decimals);
    within a tie, the pair sharing more topics first, then by ids."""
    rows = pair_agreement(corpus, min_shared)
    return sorted(rows, key=lambda r: (shown(r.distance), -r.shared, r.voice_a, r.voice_b))


def _ends(rows: list[Agreement], limit: int | None) -> tuple[list[Agreement], list[Agreement]]:
    return split_ends(rows, lambda r: shown(r.distance), limit, lambda r: r.distance < MIDPOINT)


def pair_ends(
    corpus: Corpus, min_shared: int = 2, limit: int | None = 5
) -> tuple[list[Agreement], list[Agreement]]:
    """(closest pairs, farthest pairs): the two ends of `ranked_pairs`, never sharing a pair
    nor a distance (see `views.ranking.split_ends`); a distance alone in the middle is close
    below 2 (half the widest gap) and far from 2 up."""
    return _ends(ranked_pairs(corpus, min_shared), limit)


def closest_pairs(corpus: Corpus, min_shared: int = 2, limit: int | None = 5) -> list[Agreement]:
    return pair_ends(corpus, min_shared, limit)[0]


def farthest_pairs(corpus: Corpus, min_shared: int = 2, limit: int | None = 5) -> list[Agreement]:
    return pair_ends(corpus, min_shared, limit)[1]


def most_distant_pair(corpus: Corpus) -> Agreement | None:
    """The two voices farthest apart over at least two shared topics (else one), if any."""
    rows = ranked_pairs(corpus, 2) or ranked_pairs(corpus, 1)
    if not rows:
        return None
    return min(rows, key=lambda r: (-shown(r.distance), -r.shared, r.voice_a, r.voice_b))


def neighbours(corpus: Corpus, voice_id: str, min_shared: int = 1) -> list[Agreement]:
    """The voice's pairs, nearest first, each oriented so that voice_a is `voice_id`."""
    corpus.voice(voice_id)
    rows = []
    for r in pair_agreement(corpus, min_shared):
        if r.voice_a == voice_id:
            rows.append(r)
        elif r.voice_b == voice_id:
            rows.append(Agreement(voice_id, r.voice_a, r.shared, r.distance))
    return sorted(rows, key=lambda r: (shown(r.distance), -r.shared, r.voice_b))


def nearest_and_farthest(
    corpus: Corpus, voice_id: str, limit: int | None = 3
) -> tuple[list[Agreement], list[Agreement]]:
    """(nearest voices, farthest voices) of a voice: the two ends of its neighbours, never
    sharing a voice nor a distance. Voices met on two topics or more are preferred (one shared
    topic says little about closeness); with none, those met on one."""
    rows = neighbours(corpus, voice_id, min_shared=2) or neighbours(corpus, voice_id)
    return _ends(rows, limit)
