"""`questions.farthest_pairs` gives exactly the head of the all-pairs ranking it replaced
(sorted by distance apart, then ids), for any order, ids, scores and limit."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.teaching import questions
from perspectives.teaching.questions import discussion_questions, farthest_pairs


def every_pair_sorted(placed):
    """The old ranking: every pair (earlier, later) that differs, sorted."""
    pairs = [(p, q) for i, p in enumerate(placed) for q in placed[i + 1 :] if p.score != q.score]
    return sorted(pairs, key=lambda pq: (-abs(pq[0].score - pq[1].score), pq[0].id, pq[1].id))


def ids(pairs):
    return [(p.id, q.id) for p, q in pairs]


@pytest.mark.parametrize("seed", range(40))
def test_random_lists_match_the_full_sort_at_every_limit(seed):
    rng = random.Random(seed)
    size = rng.randint(0, 40)
    scores = rng.sample([-2, -1, 0, 1, 2], rng.randint(1, 5))
    placed = [
        SimpleNamespace(id=f"p{rng.randint(0, 10**6):07d}-{k}", score=rng.choice(scores))
        for k in range(size)
    ]
    full = every_pair_sorted(placed)
    for limit in (1, 2, 7, len(full) // 2, len(full), len(full) + 5):
        assert ids(farthest_pairs(placed, limit)) == ids(full[:limit])


def test_the_default_corpus_ranks_as_before():
    corpus = load_cached(default_corpus_path())
    for topic in corpus.topics:
        placed = [p for p in corpus.positions_for_topic(topic.id) if p.stance is not None]
        full = every_pair_sorted(placed)
        assert ids(farthest_pairs(placed, questions.RANKED_PAIRS)) == ids(full)


def test_a_short_ranking_still_gives_three_questions_from_the_farthest_pair(monkeypatch):
    corpus = load_cached(default_corpus_path())
    monkeypatch.setattr(questions, "RANKED_PAIRS", 1)
    for topic in corpus.topics:
        placed = [p for p in corpus.positions_for_topic(topic.id) if p.stance is not None]
        asked = discussion_questions(corpus, topic)
        assert len(asked) == 3
        if len({p.score for p in placed}) > 1 and not any(p.answers or p.contests for p in placed):
            (first, second) = every_pair_sorted(placed)[0]
            assert set(asked[0].position_ids) == {first.id, second.id}
