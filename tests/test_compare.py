"""Spread, agreement, ordering and silence on small hand-made corpora, with exact numbers."""

from __future__ import annotations

import math
from datetime import date

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.document import Document
from perspectives.corpus.entities import (
    Camp,
    Evidence,
    Orientation,
    Pole,
    Position,
    Topic,
    TopicPoles,
    Voice,
)
from perspectives.corpus.model import Corpus
from perspectives.views import agreement, compare, matrix
from perspectives.views import tables as views

TEXT = "Ann says yes.\nBen says no.\n"
QUOTE = Evidence(
    document_id="doc", quote="Ann says yes.", start=0, end=13, text="Ann says yes.", paragraph=1
)


def hand_made(
    stances: dict[tuple[str, str], int | None],
    voices: tuple[str, ...] = ("ann", "ben", "cat", "dan"),
    topics: tuple[str, ...] = ("t1", "t2", "t3"),
) -> Corpus:
    """A corpus of one document where voice v holds `stances[(v, topic)]` (None = mentions).

    Voices alternate between two camps; a (voice, topic) pair left out is silent.
    """
    document = Document(
        id="doc",
        title="Doc",
        authors=("Ann",),
        outlet="Outlet",
        date=date(2020, 1, 1),
        date_label="2020",
        date_certainty="high",
        genre="essay",
        text=TEXT,
    )
    positions = tuple(
        Position(
            voice=voice,
            topic=topic,
            document="doc",
            stance=stance,
            state="mentions" if stance is None else "asserts",
            summary=f"{voice} on {topic}",
            evidence=(QUOTE,),
        )
        for (voice, topic), stance in stances.items()
    )
    return Corpus(
        source=".",
        name="Hand-made",
        orientation=Orientation(
            low=Pole(id="low", label="Low end"), high=Pole(id="high", label="High end")
        ),
        documents=(document,),
        topics=tuple(
            Topic(id=t, label=t.upper(), question=f"{t}?", poles=TopicPoles(low="lo", high="hi"))
            for t in topics
        ),
        camps=(
            Camp(id="one", name="Camp one", colour="#009E73"),
            Camp(id="two", name="Camp two", colour="#D55E00"),
        ),
        voices=tuple(
            Voice(
                id=v,
                name=v.capitalize(),
                camp="one" if i % 2 == 0 else "two",
                documents=("doc",),
                relation="author",
            )
            for i, v in enumerate(voices)
        ),
        positions=positions,
        fingerprint="hand-made",
    )


def spread_of(corpus: Corpus, topic_id: str) -> matrix.Spread:
    return next(s for s in matrix.topic_spread(corpus) if s.topic_id == topic_id)


def test_an_even_split_across_the_axis_is_the_most_divided():
    corpus = hand_made({("ann", "t1"): -2, ("ben", "t1"): 2})
    spread = spread_of(corpus, "t1")
    assert spread.placed == 2
    assert spread.silent == 2  # cat and dan
    assert spread.mean == 0
    assert spread.spread == 2.0  # population standard deviation of -2, +2
    assert spread.range == 4
    assert (spread.share_low, spread.share_high, spread.divide) == (0.5, 0.5, 0.5)


def test_spread_counts_zero_on_neither_side_and_ignores_mentions():
    corpus = hand_made({("ann", "t1"): -2, ("ben", "t1"): 0, ("cat", "t1"): 1, ("dan", "t1"): None})
    spread = spread_of(corpus, "t1")
    assert spread.placed == 3
    assert spread.silent == 0  # a mention is not silence
    assert spread.mean == pytest.approx(-1 / 3)
    assert spread.spread == pytest.approx(
        math.sqrt(((-5 / 3) ** 2 + (1 / 3) ** 2 + (4 / 3) ** 2) / 3)
    )
    assert spread.share_low == pytest.approx(1 / 3)
    assert spread.share_high == pytest.approx(1 / 3)
    assert spread.divide == pytest.approx(1 / 3)


def test_a_topic_nobody_takes_a_side_on_has_no_spread():
    corpus = hand_made({("ann", "t1"): -1, ("ann", "t2"): None})
    spread = spread_of(corpus, "t3")
    assert (spread.placed, spread.silent, spread.mean, spread.spread) == (0, 4, None, 0.0)


def test_most_divided_and_closest_to_agreement_rank_the_topics():
    corpus = hand_made(
        {
            # t1: one on each side, as far apart as can be
            ("ann", "t1"): -2,
            ("ben", "t1"): 2,
            # t2: everyone on the low side, close together
            ("ann", "t2"): -2,
            ("ben", "t2"): -2,
            ("cat", "t2"): -1,
            # t3: three on the low side, one on the high side
            ("ann", "t3"): -2,
            ("ben", "t3"): -1,
            ("cat", "t3"): -1,
            ("dan", "t3"): 1,
        }
    )
    assert [s.topic_id for s in matrix.most_divided(corpus)] == ["t1", "t3", "t2"]
    # t1 has only two voices: below the default minimum of three for "agreement".
    assert [s.topic_id for s in matrix.closest_to_agreement(corpus)] == ["t2", "t3"]
    assert matrix.closest_to_agreement(corpus)[0].spread == pytest.approx(math.sqrt(2) / 3)


def test_pair_agreement_is_the_mean_gap_over_shared_placed_topics():
    corpus = hand_made(
        {
            ("ann", "t1"): -2,
            ("ben", "t1"): 2,
            ("ann", "t2"): -1,
            ("ben", "t2"): -1,
            ("ann", "t3"): 2,
            ("ben", "t3"): None,  # a mention is not shared ground
            ("cat", "t1"): -2,
        }
    )
    pairs = {(r.voice_a, r.voice_b): r for r in agreement.pair_agreement(corpus)}
    ann_ben = pairs[("ann", "ben")]
    assert ann_ben.shared == 2
    assert ann_ben.distance == 2.0  # (|-2 - 2| + |-1 - -1|) / 2
    assert ann_ben.agreement == 0.5
    assert pairs[("ann", "cat")].distance == 0 and pairs[("ann", "cat")].shared == 1
    assert pairs[("ben", "cat")].distance == 4 and pairs[("ben", "cat")].agreement == 0
    assert ("ann", "dan") not in pairs  # dan is never placed
    # closest and farthest pairs need two shared topics by default; a lone pair at distance 2
    # (half the widest gap) is far, and never listed as close as well
    assert agreement.closest_pairs(corpus) == []
    assert [(r.voice_a, r.voice_b) for r in agreement.farthest_pairs(corpus)] == [("ann", "ben")]
    assert [(r.voice_a, r.voice_b) for r in agreement.farthest_pairs(corpus, min_shared=1)][0] == (
        "ben",
        "cat",
    )


def test_neighbours_are_oriented_and_nearest_first():
    corpus = hand_made({("ann", "t1"): -2, ("ben", "t1"): 2, ("cat", "t1"): -1})
    rows = agreement.neighbours(corpus, "ben")
    assert [(r.voice_a, r.voice_b, r.distance) for r in rows] == [
        ("ben", "cat", 3.0),
        ("ben", "ann", 4.0),
    ]


def test_voice_order_runs_by_mean_stance_with_unplaced_voices_last():
    corpus = hand_made(
        {
            ("ann", "t1"): 2,
            ("ann", "t2"): 0,  # mean +1
            ("ben", "t1"): -2,  # mean -2
            ("cat", "t1"): 0,
            ("cat", "t2"): -1,  # mean -0.5
            ("dan", "t1"): None,  # never placed
        }
    )
    assert matrix.mean_stances(corpus) == {"ann": 1.0, "ben": -2.0, "cat": -0.5, "dan": None}
    assert matrix.voice_order(corpus) == ["ben", "cat", "ann", "dan"]


def test_ordered_positions_run_low_to_high_with_mentions_last():
    corpus = hand_made({("ann", "t1"): 1, ("ben", "t1"): None, ("cat", "t1"): -2, ("dan", "t1"): 1})
    ordered = compare.ordered_positions(corpus, "t1")
    assert [p.voice for p in ordered] == ["cat", "ann", "dan", "ben"]  # ties by name
    assert [p.voice for p in compare.ordered_positions(corpus, "t1", ["dan", "ben"])] == [
        "dan",
        "ben",
    ]


def test_silent_voices_are_those_without_any_position():
    corpus = hand_made({("ann", "t1"): 1, ("ben", "t1"): None})
    assert [v.id for v in compare.silent_voices(corpus, "t1")] == ["cat", "dan"]
    assert [v.id for v in compare.silent_voices(corpus, "t1", ["ben", "dan"])] == ["dan"]
    assert [v.id for v in compare.silent_voices(corpus, "t2")] == ["ann", "ben", "cat", "dan"]


def test_stance_matrix_tells_silence_from_mentions_and_from_zero():
    corpus = hand_made({("ann", "t1"): 0, ("ben", "t1"): None})
    frame = matrix.stance_matrix(corpus).set_index(["topic_id", "voice_id"])
    assert len(frame) == 3 * 4
    assert frame.loc[("t1", "ann"), "kind"] == "stance" and frame.loc[("t1", "ann"), "stance"] == 0
    assert frame.loc[("t1", "ben"), "kind"] == "mentions"
    assert frame.loc[("t1", "cat"), "kind"] == "silent"


def test_head_to_head_keeps_topics_where_one_of_them_speaks():
    corpus = hand_made({("ann", "t1"): 1, ("ben", "t2"): -1, ("cat", "t3"): 2})
    rows = compare.head_to_head(corpus, ["ann", "ben"])
    assert [(topic, [p.voice if p else None for p in cells]) for topic, cells in rows] == [
        ("t1", ["ann", None]),
        ("t2", [None, "ben"]),
    ]
    table = views.head_to_head_table(corpus, ["ann", "ben"])
    assert list(table["state"]) == ["asserts", "silent", "silent", "asserts"]
    assert list(table["first_quote"])[0] == "Ann says yes."


def test_chosen_voices_narrow_by_voice_and_camp():
    corpus = hand_made({})
    assert views.chosen_voices(corpus) is None
    assert views.chosen_voices(corpus, camp_id="two") == ["ben", "dan"]
    assert views.chosen_voices(corpus, ["dan", "ann"]) == ["ann", "dan"]
    assert views.chosen_voices(corpus, ["ann", "ben"], "two") == ["ben"]


def test_topic_table_lists_quotes_low_to_high_then_the_silent(corpus_dir):
    corpus = load_corpus(corpus_dir)
    table = views.topic_table(corpus, "social-credit")
    assert list(table["voice_id"]) == ["ben-critic", "cara-voice", "cara-voice", "ann-writer"]
    assert list(table["stance"]) == [-2, 0, 0, 2]
    table = views.topic_table(corpus, "technology-and-control")
    assert list(table["state"]) == ["asserts", "mentions", "silent"]
    assert list(table["voice_id"]) == ["cara-voice", "ann-writer", "ben-critic"]


def test_voice_table_and_spread_and_agreement_tables(corpus_dir):
    corpus = load_corpus(corpus_dir)
    table = views.voice_table(corpus, "ben-critic")
    assert list(zip(table["topic_id"], table["state"], strict=True)) == [
        ("social-credit", "asserts"),
        ("technology-and-control", "silent"),
    ]
    spreads = views.spread_table(corpus, matrix.most_divided(corpus))
    assert spreads.iloc[0].to_dict() == {
        "topic_id": "social-credit",
        "topic_label": "Social credit",
        "placed": 3,
        "silent": 0,
        "mean": 0.0,
        "spread": round(math.sqrt(8 / 3), 2),
        "range": 4,
        "share_low": 0.33,
        "share_high": 0.33,
        "divide": 0.33,
    }
    pairs = views.agreement_table(corpus, agreement.pair_agreement(corpus))
    row = pairs.set_index(["voice_a", "voice_b"]).loc[("ann-writer", "ben-critic")]
    assert (row["shared_topics"], row["distance"], row["agreement"]) == (1, 4.0, 0.0)
