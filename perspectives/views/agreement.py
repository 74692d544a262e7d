"""How far apart two voices stand: the mean stance gap over the topics both take a side on."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from perspectives.corpus.model import Corpus
from perspectives.views import pairblocks
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


def _stances(corpus: Corpus) -> tuple[dict[tuple[str, str], int], dict[str, set[str]]]:
    stance = {(p.voice, p.topic): p.score for p in placed(corpus.positions)}
    topics_of: dict[str, set[str]] = {}
    for voice_id, topic_id in stance:
        topics_of.setdefault(voice_id, set()).add(topic_id)
    return stance, topics_of


def _agreement(stance, topics_of, a: str, b: str, min_shared: int) -> Agreement | None:
    shared = topics_of.get(a, set()) & topics_of.get(b, set())
    if len(shared) < min_shared:
        return None
    distance = sum(abs(stance[(a, t)] - stance[(b, t)]) for t in shared) / len(shared)
    return Agreement(a, b, len(shared), distance)


def pair_agreement(corpus: Corpus, min_shared: int = 1) -> list[Agreement]:
    """Every pair of voices placed together on at least `min_shared` topics."""
    stance, topics_of = _stances(corpus)
    found = (
        _agreement(stance, topics_of, a, b, min_shared)
        for a, b in combinations([v.id for v in corpus.voices], 2)
    )
    return [row for row in found if row is not None]


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
    below 2 (half the widest gap) and far from 2 up.

    With a `limit`, without a list of every pair: the first `limit` pairs of each distance as
    shown (`pairblocks.group_heads`) hold both ends, since each end is read group by group.
    """
    if limit is None:
        return _ends(ranked_pairs(corpus, min_shared), limit)
    return _ends(_heads(corpus, min_shared, limit)[0], limit)


def _heads(corpus: Corpus, min_shared: int, limit: int) -> tuple[list[Agreement], int]:
    """(the first `limit` pairs of each distance as shown, ranked; how many pairs share
    `min_shared` topics)."""
    stance, topics_of = _stances(corpus)
    heads = pairblocks.group_heads(
        pairblocks.placed_matrices(stance, [v.id for v in corpus.voices]), min_shared, limit
    )
    rows = [_agreement(stance, topics_of, a, b, min_shared) for _, a, b in heads.pairs]
    return [r for r in rows if r is not None], heads.count


def pair_count(corpus: Corpus, min_shared: int = 1) -> int:
    """How many pairs of voices share `min_shared` topics (the rows of the pairs' download),
    counted without listing them."""
    stance, _ = _stances(corpus)
    placed = pairblocks.placed_matrices(stance, [v.id for v in corpus.voices])
    return pairblocks.count_pairs(placed, min_shared)


def closest_pairs(corpus: Corpus, min_shared: int = 2, limit: int | None = 5) -> list[Agreement]:
    return pair_ends(corpus, min_shared, limit)[0]


def farthest_pairs(corpus: Corpus, min_shared: int = 2, limit: int | None = 5) -> list[Agreement]:
    return pair_ends(corpus, min_shared, limit)[1]


def most_distant_pair(corpus: Corpus) -> Agreement | None:
    """The two voices farthest apart over at least two shared topics (else one), if any; ties
    go to the pair sharing more topics, then by ids.

    Without a list of every pair (2.4 M pairs at 100 copies of the default corpus, 61% of a
    Compare run): the pairs' shared counts and stance gaps are matrix products over blocks of
    voices, and only the pairs within a rounding step of the widest gap are compared exactly."""
    stance, topics_of = _stances(corpus)
    m = pairblocks.placed_matrices(stance, [v.id for v in corpus.voices])
    voices = m.voices
    if len(voices) < 2:
        return None
    id_rank = pairblocks.id_ranks(voices)
    best: dict[int, list[tuple[int, int]]] = {2: [], 1: []}
    widest = {2: -1.0, 1: -1.0}
    for start, shared, gaps, later in pairblocks.blocks(m):
        with np.errstate(divide="ignore", invalid="ignore"):
            distance = np.where(shared > 0, gaps / np.maximum(shared, 1), -1.0)
        for least in (2, 1):
            masked = np.where(later & (shared >= least), distance, -1.0)
            top = float(masked.max()) if masked.size else -1.0
            if top < 0 or top < widest[least] - 0.02:
                continue
            widest[least] = max(widest[least], top)
            a, b = np.nonzero(masked >= top - 0.02)
            best[least] += _first_by_ids(start + a, b, gaps[a, b], shared[a, b], id_rank)
    for least in (2, 1):
        measured = (
            _agreement(stance, topics_of, voices[i], voices[j], least) for i, j in best[least]
        )
        found = [r for r in measured if r is not None]
        if found:
            return min(
                found,
                key=lambda r: (-shown(r.distance), -r.shared, r.voice_a, r.voice_b),
            )
    return None


def _first_by_ids(
    rows: np.ndarray, columns: np.ndarray, gaps: np.ndarray, shared: np.ndarray, id_rank
) -> list[tuple[int, int]]:
    """Of the pairs (rows[k], columns[k]) with the same gap and shared count, hence the same
    distance, only the one first by ids can win: one pair per (gap, shared). A copied reading
    list ties a million pairs at the widest gap (1,000 copies of the default corpus: 570 MB
    of candidates on Compare's first run)."""
    if rows.size == 0:
        return []
    kind = gaps.astype(np.int64) * (int(shared.max()) + 1) + shared.astype(np.int64)
    ids = id_rank[rows] * len(id_rank) + id_rank[columns]
    order = np.lexsort((ids, kind))
    first = order[np.r_[True, kind[order][1:] != kind[order][:-1]]]
    return list(zip(rows[first].tolist(), columns[first].tolist(), strict=True))


def neighbours(corpus: Corpus, voice_id: str, min_shared: int = 1) -> list[Agreement]:
    """The voice's pairs, nearest first, each oriented so that voice_a is `voice_id` (its
    pairs alone are measured, not every pair of the corpus)."""
    corpus.voice(voice_id)
    stance, topics_of = _stances(corpus)
    rows = []
    for voice in corpus.voices:
        if voice.id != voice_id:
            row = _agreement(stance, topics_of, voice_id, voice.id, min_shared)
            if row is not None:
                rows.append(row)
    return sorted(rows, key=lambda r: (shown(r.distance), -r.shared, r.voice_b))


def nearest_and_farthest(
    corpus: Corpus, voice_id: str, limit: int | None = 3
) -> tuple[list[Agreement], list[Agreement]]:
    """(nearest voices, farthest voices) of a voice: the two ends of its neighbours, never
    sharing a voice nor a distance. Voices met on two topics or more are preferred (one shared
    topic says little about closeness); with none, those met on one."""
    rows = neighbours(corpus, voice_id, min_shared=2) or neighbours(corpus, voice_id)
    return _ends(rows, limit)


@dataclass(frozen=True)
class PairColumns:
    """Every pair as columns (`pairblocks.every_pair`), in `ranked_pairs`' order: the pairs'
    download without an object per pair (2.4 M pairs at 100 copies of the default corpus)."""

    voice_a: np.ndarray  # voice ids (objects)
    voice_b: np.ndarray
    shared: np.ndarray
    distance: np.ndarray  # to two decimals
    agreement: np.ndarray  # to two decimals


def pair_columns(corpus: Corpus, min_shared: int = 1) -> PairColumns:
    stance, _ = _stances(corpus)
    m = pairblocks.placed_matrices(stance, [v.id for v in corpus.voices])
    a, b, shared, gap = pairblocks.every_pair(m, min_shared)
    distance, agreement = pairblocks.shown_distance(gap, shared, m.topics)
    ids = np.array(m.voices, dtype=object)
    return PairColumns(ids[a], ids[b], shared, distance, agreement)
