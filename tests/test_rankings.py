"""Rankings that mean what they say (issue 11): nearest and farthest, closest and farthest
pairs, most divided and closest to agreement are two ends of one order, never sharing an item
or a tied value; small corpora give short lists, not the same items twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.views import agreement, matrix
from perspectives.views.ranking import shown, split_ends
from tests.apptest import open_page
from tests.test_compare import hand_made

ROOT = Path(__file__).resolve().parents[1]
RENT = ROOT / "tests" / "corpora" / "rent-control"


def ends(values, limit=3, midpoint=2.0):
    return split_ends(sorted(values), shown, limit, lambda v: v < midpoint)


def test_ends_are_disjoint_and_read_from_each_extreme():
    low, high = ends([0.5, 1.0, 1.5, 2.5, 3.0, 4.0], limit=2)
    assert low == [0.5, 1.0]
    assert high == [4.0, 3.0]


def test_a_tie_goes_to_one_end_only():
    # Four values at 10/3: the old page listed one as nearest and another as farthest.
    values = [1.0, 10 / 3, 10 / 3, 10 / 3, 10 / 3]
    low, high = ends(values)
    assert not {shown(v) for v in low} & {shown(v) for v in high}
    assert low == [1.0] and high == [10 / 3] * 3  # the tie stays together (cut by the limit)


def test_values_equal_as_shown_are_a_tie():
    # 5/14 and 4/11 are different numbers, both shown as 0.36.
    low, high = ends([0.0, 5 / 14, 4 / 11, 3.0], limit=5)
    assert {shown(v) for v in low}.isdisjoint({shown(v) for v in high})
    assert (5 / 14 in low) == (4 / 11 in low)


def test_one_value_is_listed_at_one_end_only():
    assert ends([1.0, 1.0]) == ([1.0, 1.0], [])
    assert ends([3.0]) == ([], [3.0])
    assert ends([]) == ([], [])


def test_two_items_make_one_row_each_never_the_same_twice():
    assert ends([1.0, 3.0]) == ([1.0], [3.0])


def test_the_middle_group_goes_by_the_midpoint():
    assert ends([0.0, 1.0, 4.0]) == ([0.0, 1.0], [4.0])
    assert ends([0.0, 2.5, 4.0]) == ([0.0], [4.0, 2.5])


def test_nearest_and_farthest_voices_never_share_a_distance():
    # ben sits at 10/3 from cat, dan and eve, at 0 from ann: the tie must not straddle.
    stances = {}
    for topic, values in {
        "t1": {"ann": -2, "ben": -2, "cat": 1, "dan": 2, "eve": 2},
        "t2": {"ann": -2, "ben": -2, "cat": 2, "dan": 2, "eve": 1},
        "t3": {"ann": -1, "ben": -1, "cat": 2, "dan": 1, "eve": 2},
    }.items():
        for voice, value in values.items():
            stances[(voice, topic)] = value
    corpus = hand_made(stances, voices=("ann", "ben", "cat", "dan", "eve"))
    distances = {r.voice_b: r.distance for r in agreement.neighbours(corpus, "ben")}
    assert distances["cat"] == distances["dan"] == distances["eve"] == pytest.approx(10 / 3)
    nearest, farthest = agreement.nearest_and_farthest(corpus, "ben")
    assert [r.voice_b for r in nearest] == ["ann"]
    assert sorted(r.voice_b for r in farthest) == ["cat", "dan", "eve"]
    assert not {shown(r.distance) for r in nearest} & {shown(r.distance) for r in farthest}


def test_nearest_runs_up_and_farthest_runs_down():
    corpus = hand_made(
        {
            **{(v, "t1"): s for v, s in {"ann": 0, "ben": 0, "cat": 1, "dan": -2}.items()},
            **{(v, "t2"): s for v, s in {"ann": 0, "ben": 1, "cat": 2, "dan": 2}.items()},
        }
    )
    nearest, farthest = agreement.nearest_and_farthest(corpus, "ann")
    assert [r.distance for r in nearest] == sorted(r.distance for r in nearest)
    assert [r.distance for r in farthest] == sorted((r.distance for r in farthest), reverse=True)
    assert not {r.voice_b for r in nearest} & {r.voice_b for r in farthest}
    assert len(nearest) + len(farthest) == 3  # every other voice once


def test_pairs_are_never_both_closest_and_farthest_on_a_small_corpus():
    corpus = hand_made(
        {
            **{(v, "t1"): s for v, s in {"ann": -2, "ben": -1, "cat": 2}.items()},
            **{(v, "t2"): s for v, s in {"ann": -2, "ben": 0, "cat": 1}.items()},
        },
        voices=("ann", "ben", "cat"),
    )
    closest, farthest = agreement.pair_ends(corpus)
    pairs = lambda rows: {frozenset((r.voice_a, r.voice_b)) for r in rows}  # noqa: E731
    assert not pairs(closest) & pairs(farthest)
    assert len(closest) + len(farthest) == 3  # three pairs, each listed once
    assert [frozenset(("ann", "ben"))] == [frozenset((r.voice_a, r.voice_b)) for r in closest]
    assert shown(farthest[0].distance) == 3.5  # ann and cat, the farthest first


def test_a_topic_is_never_both_most_divided_and_closest_to_agreement():
    # Two topics of three voices each: the old lists showed both topics in both.
    corpus = hand_made(
        {
            **{(v, "t1"): s for v, s in {"ann": -2, "ben": 0, "cat": 2}.items()},
            **{(v, "t2"): s for v, s in {"ann": -1, "ben": -1, "cat": 0}.items()},
        },
        topics=("t1", "t2"),
    )
    divided, agreeing = matrix.topic_ends(corpus)
    assert [s.topic_id for s in divided] == ["t1"]
    assert [s.topic_id for s in agreeing] == ["t2"]


def test_a_unanimous_topic_is_never_divided_and_ties_stay_together():
    corpus = hand_made(
        {
            # t1 and t2 identical (a tie), t3 unanimous
            **{(v, "t1"): s for v, s in {"ann": -2, "ben": 2, "cat": 1}.items()},
            **{(v, "t2"): s for v, s in {"ann": -2, "ben": 2, "cat": 1}.items()},
            **{(v, "t3"): s for v, s in {"ann": 1, "ben": 1, "cat": 1}.items()},
        }
    )
    divided, agreeing = matrix.topic_ends(corpus)
    assert [s.topic_id for s in divided] == ["t1", "t2"]
    assert [s.topic_id for s in agreeing] == ["t3"]


@pytest.mark.parametrize("corpus_dir", [ROOT / "data", RENT], ids=["default", "rent-control"])
def test_the_ends_hold_on_real_corpora(corpus_dir):
    corpus = load_corpus(corpus_dir)
    divided, agreeing = matrix.topic_ends(corpus, limit=None)
    assert not {s.topic_id for s in divided} & {s.topic_id for s in agreeing}
    closest, farthest = agreement.pair_ends(corpus, limit=None)
    assert not {shown(r.distance) for r in closest} & {shown(r.distance) for r in farthest}
    for voice in corpus.voices:
        near, far = agreement.nearest_and_farthest(corpus, voice.id, limit=None)
        assert not {shown(r.distance) for r in near} & {shown(r.distance) for r in far}


def test_matrix_page_captions_give_the_real_count_on_a_small_corpus(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
    corpus = load_corpus(RENT)
    divided, agreeing = matrix.topic_ends(corpus)
    closest, farthest = agreement.pair_ends(corpus)
    at = open_page("matrix")
    captions = [c.value for c in at.caption]
    for count, phrase in (
        (len(divided), "most divided topic"),
        (len(agreeing), "closest to agreement"),
        (len(closest), "closest pair"),
        (len(farthest), "farthest pair"),
    ):
        (caption,) = [c for c in captions if phrase in c]
        if count > 1:
            assert caption.startswith(f"The {count} "), caption
        elif count == 1:
            assert caption.startswith("The "), caption
        else:
            assert caption.startswith("None"), caption
        assert "The 5" not in caption or count == 5
    shown_topics = [list(frame.value["topic_id"]) for frame in at.dataframe[:2]]
    assert not set(shown_topics[0]) & set(shown_topics[1])


def test_voices_page_lists_each_neighbour_once(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
    corpus = load_corpus(RENT)
    for voice in corpus.voices:
        at = open_page("voices", voice=voice.id)
        targets = [
            link.proto.query_string for link in at.get("page_link") if "distance" in link.label
        ]
        assert len(targets) == len(set(targets)), voice.id
