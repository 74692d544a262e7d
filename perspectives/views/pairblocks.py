"""Every pair of voices measured without a list of every pair: matrix products over blocks of
voices give each pair's shared topics and stance gap, and only a bounded summary is kept.

At 100 copies of the default corpus there are 2.4 M pairs of voices (22,000 voices at 1000
copies: 242 M); a list of them as `Agreement`s held the Matrix at 1.5 GB and took seconds per
corpus. Here a pair is two integers in a block of a matrix product: its number of shared topics
and its summed stance gap. The gap is exact in float32 (small integers), and a pair's distance
as shown (`ranking.shown`, to two decimals) is looked up from its (gap, shared) combination,
computed once in Python so a tie is told exactly as `agreement.ranked_pairs` tells it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from perspectives.views.ranking import shown

CELLS = 500_000  # pairs per block: 2 MB per float32 matrix of the block


@dataclass(frozen=True)
class Placed:
    """The voices placed on at least one topic, in corpus order, as matrices over topics."""

    voices: list[str]
    topics: int
    placed_on: np.ndarray  # voices x topics: 1 where the voice takes a side
    height: np.ndarray  # voices x topics: stance + 2 where placed, else 0
    steps: np.ndarray  # voices x 4*topics: steps[:, k*T + t] = 1 when the stance >= k - 1


def placed_matrices(stance: dict[tuple[str, str], int], voice_order: list[str]) -> Placed:
    """`stance[(voice, topic)]` as matrices; the gap between two stances on a topic is the
    number of steps one has and the other has not."""
    topics_of: dict[str, list[str]] = {}
    for voice_id, topic_id in stance:
        topics_of.setdefault(voice_id, []).append(topic_id)
    voices = [v for v in voice_order if v in topics_of]
    columns = {t: n for n, t in enumerate(sorted({t for _, t in stance}))}
    width = len(columns)
    placed_on = np.zeros((len(voices), width), dtype=np.float32)
    steps = np.zeros((len(voices), 4 * width), dtype=np.float32)
    for row, voice in enumerate(voices):
        for topic in topics_of[voice]:
            column, score = columns[topic], stance[(voice, topic)]
            placed_on[row, column] = 1
            for k in range(4):
                steps[row, k * width + column] = score >= k - 1
    height = steps.reshape(len(voices), 4, width).sum(axis=1)
    return Placed(voices, width, placed_on, height, steps)


def id_ranks(ids: Sequence[str]) -> np.ndarray:
    """Each id's place in the ids sorted as strings: ties between pairs go by ids, and
    comparing integers is what lets numpy sort them."""
    ranks = np.empty(len(ids), dtype=np.int64)
    ranks[np.argsort(np.array(ids, dtype=object))] = np.arange(len(ids))
    return ranks


def _row_blocks(n: int) -> Iterator[tuple[slice, np.ndarray]]:
    """(rows, later) for each block of about `CELLS` pairs: `later[i, j]` marks the pairs
    (row, j) with j after the row, so each pair is met once."""
    size = max(1, CELLS // max(n, 1))
    for start in range(0, n, size):
        rows = slice(start, min(start + size, n))
        yield rows, np.arange(n)[None, :] > np.arange(rows.start, rows.stop)[:, None]


def blocks(m: Placed) -> Iterator[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
    """(first row, shared, gaps, later) for each block of rows (`_row_blocks`)."""
    for rows, later in _row_blocks(len(m.voices)):
        shared = m.placed_on[rows] @ m.placed_on.T
        gaps = m.height[rows] @ m.placed_on.T + m.placed_on[rows] @ m.height.T
        gaps -= 2 * (m.steps[rows] @ m.steps.T)
        yield rows.start, shared, gaps, later


def count_pairs(m: Placed, min_shared: int) -> int:
    """How many pairs share `min_shared` topics: the shared counts alone, one matrix product a
    block instead of `blocks`' four, and no pair listed (22,000 voices: 15 s -> about 2)."""
    count = 0
    for rows, later in _row_blocks(len(m.voices)):
        shared = m.placed_on[rows] @ m.placed_on.T
        count += int(np.count_nonzero(later & (shared >= min_shared)))
    return count


def shown_groups(topics: int) -> tuple[np.ndarray, int]:
    """(table, count): table[gap * (topics + 1) + shared] is the rank of round(gap / shared, 2)
    among every value a pair can show (-1 where shared is 0); count is how many there are."""
    values = {
        (gap, shared): shown(gap / shared)
        for shared in range(1, topics + 1)
        for gap in range(0, 4 * shared + 1)
    }
    ranks = {value: n for n, value in enumerate(sorted(set(values.values())))}
    table = np.full((4 * topics + 1) * (topics + 1), -1, dtype=np.int64)
    for (gap, shared), value in values.items():
        table[gap * (topics + 1) + shared] = ranks[value]
    return table, len(ranks)


@dataclass(frozen=True)
class Heads:
    """The first `limit` pairs of every distance as shown, in the rankings' order within a tie
    (more shared topics first, then by the two ids), and how many pairs there are."""

    pairs: list[tuple[int, str, str]]  # (shown-value rank, voice_a, voice_b), ranked
    count: int  # pairs sharing at least min_shared topics


def group_heads(m: Placed, min_shared: int, limit: int) -> Heads:
    """`Heads` of every pair sharing `min_shared` topics; voice_a is the one earlier in
    `m.voices` (corpus order), as `itertools.combinations` makes it."""
    n, width = len(m.voices), m.topics
    if n < 2:
        return Heads([], 0)
    table, _ = shown_groups(width)
    rank = id_ranks(m.voices)
    kept = np.empty(0, dtype=np.int64)
    count = 0
    for start, shared, gaps, later in blocks(m):
        rows, cols = np.nonzero(later & (shared >= min_shared))
        if not rows.size:
            continue
        count += rows.size
        s = shared[rows, cols].astype(np.int64)
        g = table[gaps[rows, cols].astype(np.int64) * (width + 1) + s]
        a, b = start + rows, cols
        # One sortable integer: shown value, then more shared first, then the ids' order.
        key = ((g * (width + 1) + (width - s)) * n + rank[a]) * n + rank[b]
        kept = _first_of_each_group(np.concatenate([kept, key]), width, n, limit)
    by_rank = np.argsort(rank)
    pairs = []
    for key in kept.tolist():
        rest, rb = divmod(key, n)
        rest, ra = divmod(rest, n)
        group = rest // (width + 1)
        pairs.append((group, m.voices[by_rank[ra]], m.voices[by_rank[rb]]))
    return Heads(pairs, count)


def _first_of_each_group(keys: np.ndarray, width: int, n: int, limit: int) -> np.ndarray:
    """The `limit` smallest keys of each shown value, sorted."""
    keys = np.sort(keys)
    groups = keys // ((width + 1) * n * n)
    starts = np.searchsorted(groups, groups, side="left")
    return keys[np.arange(keys.size) - starts < limit]


def every_pair(m: Placed, min_shared: int) -> tuple[np.ndarray, ...]:
    """(a, b, shared, gap) of every pair sharing `min_shared` topics as arrays (a and b index
    `m.voices`, a before b), in the rankings' order: the distance as shown, then more shared
    topics, then the two ids. For the pairs' download: arrays, not an object per pair."""
    n, width = len(m.voices), m.topics
    empty = np.empty(0, dtype=np.int64)
    if n < 2:
        return empty, empty, empty, empty
    table, _ = shown_groups(width)
    rank = id_ranks(m.voices)
    parts: list[tuple[np.ndarray, ...]] = []
    for start, shared, gaps, later in blocks(m):
        rows, cols = np.nonzero(later & (shared >= min_shared))
        s = shared[rows, cols].astype(np.int64)
        parts.append((start + rows, cols.astype(np.int64), s, gaps[rows, cols].astype(np.int64)))
    a, b, s, g = (np.concatenate(column) for column in zip(*parts, strict=True))
    group = table[g * (width + 1) + s]
    order = np.lexsort((rank[b], rank[a], -s, group))
    return a[order], b[order], s[order], g[order]


def shown_distance(gap: np.ndarray, shared: np.ndarray, topics: int) -> tuple[np.ndarray, ...]:
    """(distance, agreement) to two decimals, as Python's `round` gives them for each pair."""
    combos = {
        (g, s): (round(g / s, 2), round(1 - g / s / 4, 2))
        for s in range(1, topics + 1)
        for g in range(0, 4 * s + 1)
    }
    distance = np.zeros((4 * topics + 1) * (topics + 1))
    agreement = np.zeros_like(distance)
    for (g, s), (d, a) in combos.items():
        distance[g * (topics + 1) + s], agreement[g * (topics + 1) + s] = d, a
    at = gap * (topics + 1) + shared
    return distance[at], agreement[at]
