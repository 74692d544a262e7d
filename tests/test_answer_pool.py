"""`answer_pool.share_out` picks what the brief's old scan over the whole side picked (the
reference below is that scan), for random sides, attacks, kinds and links."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from perspectives.teaching.answer_pool import share_out
from perspectives.teaching.evidence_cards import strength

KINDS = [None, "fact", "value", "prediction", "policy", "definition"]


def scanned(ours, kinds, unlinked, used, rounds):
    """The old loop: every round, every unlinked attack scans the whole side."""
    cap = max(1, len(kinds) - 1)
    given = {i: [] for i in unlinked}
    for round_ in range(rounds):
        for i in unlinked:
            taken = {p.id for p in given[i]}
            free = [
                p
                for p in ours
                if p.id not in taken
                and used.get(p.id, 0) < cap
                and not (round_ and used.get(p.id, 0))
            ]
            if not free:
                continue
            kind = kinds[i]
            best = min(free, key=lambda p: (used.get(p.id, 0), p.disagreement != kind, strength(p)))
            used[best.id] = used.get(best.id, 0) + 1
            given[i].append(best)
    return given


def side(rng, size):
    return [
        SimpleNamespace(
            id=f"v{k}/t",
            voice=f"v{k:03d}",
            stance=rng.choice([1, 2]),
            state=rng.choice(["asserts", "mixed", "mentions"]),
            disagreement=rng.choice(KINDS),
        )
        for k in rng.sample(range(500), size)
    ]


@pytest.mark.parametrize("seed", range(60))
def test_the_pool_picks_what_the_scan_picked(seed):
    rng = random.Random(seed)
    ours = side(rng, rng.randint(0, 25))
    kinds = [rng.choice(KINDS) for _ in range(rng.randint(1, 30))]
    unlinked = sorted(rng.sample(range(len(kinds)), rng.randint(0, len(kinds))))
    used = {p.id: rng.randint(1, 3) for p in ours if rng.random() < 0.2}  # linked answers
    rounds = rng.randint(1, 3)
    expected = scanned(ours, kinds, unlinked, dict(used), rounds)
    got = share_out(ours, kinds, unlinked, dict(used), rounds)
    assert {i: [p.id for p in ps] for i, ps in got.items()} == {
        i: [p.id for p in ps] for i, ps in expected.items()
    }


def test_no_position_answers_every_one_of_several_attacks():
    rng = random.Random(7)
    ours = side(rng, 1)
    got = share_out(ours, ["fact", "value", "fact"], [0, 1, 2], {}, 3)
    assert [len(got[i]) for i in range(3)] == [1, 1, 0]
