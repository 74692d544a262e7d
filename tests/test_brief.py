"""Debate briefs: each side's case comes from its own side of the axis, the attacks from the
other, every quote is verbatim in its document, and nothing is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.exports.blocks import Item
from perspectives.exports.layout import brief_layout
from perspectives.teaching.brief import (
    MAX_LINES,
    Weight,
    build_brief,
    custom_motion,
    on_side,
    side_pole,
)
from perspectives.teaching.evidence_cards import Card, strength

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DATA)


@pytest.fixture(scope="module")
def briefs(corpus):
    return {
        (m.id, side): build_brief(corpus, m, side)
        for m in corpus.motions
        for side in ("proposition", "opposition")
    }


def sign(stance: int) -> int:
    return (stance > 0) - (stance < 0)


def all_cards(brief) -> list[Card]:
    cards = [c for a in brief.arguments for c in a.cards]
    for attack in brief.attacks:
        cards += attack.argument.cards
        cards += [c for answer in attack.answers for c in answer.argument.cards]
    cards += [c for a in brief.common_ground for c in a.cards]
    return cards + [f.card for f in brief.figures]


def test_the_default_corpus_has_motions(corpus):
    assert len(corpus.motions) >= 5


def test_the_proposition_defends_the_motions_pole(corpus):
    motion = corpus.motions[0]
    other = "high" if motion.proposition == "low" else "low"
    assert side_pole(motion, "proposition") == motion.proposition
    assert side_pole(motion, "opposition") == other
    with pytest.raises(ValueError):
        side_pole(motion, "government")


def test_cards_come_from_the_sides_pole_and_attacks_from_the_other(corpus, briefs):
    for (motion_id, side), brief in briefs.items():
        ours = -1 if brief.pole == "low" else 1
        for argument in brief.arguments:
            assert sign(argument.stance) == ours, (motion_id, side, argument.position_id)
            assert argument.topic_id == corpus.motion(motion_id).topic
        for attack in brief.attacks:
            assert sign(attack.argument.stance) == -ours, (motion_id, side)


def test_every_motion_gives_cards_on_each_side_that_the_corpus_holds(corpus, briefs):
    for (motion_id, side), brief in briefs.items():
        positions = corpus.positions_for_topic(brief.topic_id)
        if any(on_side(p, brief.pole) for p in positions):
            assert brief.counts()["cards"] >= 1, (motion_id, side)
        other = "high" if brief.pole == "low" else "low"
        assert len(brief.attacks) == sum(on_side(p, other) for p in positions)


def test_every_case_position_on_the_side_is_in_the_brief(corpus, briefs):
    for brief in briefs.values():
        expected = {
            p.id for p in corpus.positions_for_topic(brief.topic_id) if on_side(p, brief.pole)
        }
        assert {a.position_id for a in brief.arguments} == expected


def test_every_quote_is_verbatim_in_its_document(corpus, briefs):
    checked = 0
    for brief in briefs.values():
        for card in all_cards(brief):
            text = corpus.document(card.document_id).text
            assert text[card.start : card.end] == card.quote
            assert card.quote in text
            paragraph = corpus.document(card.document_id).paragraph_at(card.start)
            assert paragraph.number == card.paragraph
            checked += 1
    assert checked > 100


def test_cards_carry_their_source(corpus, briefs):
    for brief in briefs.values():
        cited = {s.document_id for s in brief.sources}
        for card in all_cards(brief):
            document = corpus.document(card.document_id)
            assert card.document_id in cited
            assert (card.document_title, card.outlet, card.date_label) == (
                document.title,
                document.outlet,
                document.date_label,
            )
            assert card.voice
        for argument in brief.arguments:
            voice = corpus.voice(argument.voice_id)
            assert all(c.voice == voice.name and c.role == voice.role for c in argument.cards)


def test_summaries_are_the_curated_ones(corpus, briefs):
    for brief in briefs.values():
        for argument in (*brief.arguments, *brief.common_ground):
            assert argument.summary == corpus.position_by_id(argument.position_id).summary


def test_two_to_four_lines_when_the_positions_allow(corpus, briefs):
    for (motion_id, side), brief in briefs.items():
        arguments = brief.arguments
        assert len(brief.lines) <= MAX_LINES
        assert all(line.arguments for line in brief.lines)
        kinds = {a.disagreement for a in arguments}
        camps = {a.camp for a in arguments}
        documents = {corpus.position_by_id(a.position_id).document for a in arguments}
        if len(arguments) >= 2 and max(len(kinds), len(camps), len(documents)) >= 2:
            assert len(brief.lines) >= 2, (motion_id, side)
        if len(arguments) == 1:
            assert len(brief.lines) == 1


def test_lines_group_by_kind_with_a_heading_per_kind(briefs):
    headings = {"fact": "the facts", "value": "values", "prediction": "what comes next"}
    for brief in briefs.values():
        for line in brief.lines:
            assert {a.disagreement for a in line.arguments} <= set(line.kinds)
            for kind in line.kinds:
                if kind in headings:
                    assert headings[kind] in line.heading


def test_strongest_first(corpus, briefs):
    for brief in briefs.values():
        keys = [strength(corpus.position_by_id(a.argument.position_id)) for a in brief.attacks]
        assert keys == sorted(keys)
        for line in brief.lines:
            keys = [strength(corpus.position_by_id(a.position_id)) for a in line.arguments]
            assert keys == sorted(keys)


def test_answers_are_marked_explicit_or_by_stance(corpus, briefs):
    seen = set()
    for brief in briefs.values():
        for attack in brief.attacks:
            target = corpus.position_by_id(attack.argument.position_id)
            for answer in attack.answers:
                answering = corpus.position_by_id(answer.argument.position_id)
                replies = target.id in answering.answers or answering.id in target.answers
                disputes = target.id in answering.contests or answering.id in target.contests
                expected = "explicit" if replies else "contests" if disputes else "stance"
                assert answer.link == expected
                assert answering.stance is not None
                assert sign(answering.stance) != sign(target.stance)
                if answer.link == "stance":
                    assert on_side(answering, brief.pole)
                seen.add(answer.link)
    assert seen == {"contests", "stance"}  # no motion's topic has a reply in the texts


def test_no_position_answers_every_attack(corpus):
    """Issue 9: a brief never answers every attack with the same position (and so the same
    quotes), on any topic and side, curated motion or not."""
    checked = 0
    for topic in corpus.topics:
        for pole in ("low", "high"):
            brief = build_brief(corpus, custom_motion(corpus, topic.id, pole), "proposition")
            if len(brief.attacks) < 2:
                continue
            checked += 1
            stance_answers = [
                {a.argument.position_id for a in attack.answers if a.link == "stance"}
                for attack in brief.attacks
            ]
            assert not set.intersection(*stance_answers), (topic.id, pole)
            shown = [{a.card.quote for a in attack.answers} for attack in brief.attacks]
            assert not set.intersection(*shown), (topic.id, pole)
            printed = [b for b in brief_layout(brief).sections if b.key == "attacks"][0]
            items = [b for b in printed.blocks if isinstance(b, Item) and b.quote]
            assert len({i.quote.text for i in items}) > 1 or len(items) < len(brief.attacks)
    assert checked >= 5


def test_contested_positions_answer_each_other_in_the_brief(corpus):
    brief = build_brief(corpus, custom_motion(corpus, "social-credit", "high"), "proposition")
    attack = next(a for a in brief.attacks if a.argument.voice_id == "viola-rothschild")
    assert [(a.argument.voice_id, a.link) for a in attack.answers] == [("bing-song", "contests")]
    other = build_brief(corpus, custom_motion(corpus, "social-credit", "low"), "proposition")
    attack = next(a for a in other.attacks if a.argument.voice_id == "bing-song")
    assert {a.argument.voice_id for a in attack.answers} == {"viola-rothschild", "john-dobson"}
    assert {a.link for a in attack.answers} == {"contests"}


def test_thin_side_is_counted_and_flagged(corpus):
    brief = build_brief(
        corpus, custom_motion(corpus, "democracies-response", "high"), "proposition"
    )
    # Song (+1) and the officials (+2) against six critics
    assert (brief.ours.voices, brief.ours.documents) == (2, 2)
    assert brief.ours.quotes == 3 and brief.theirs.quotes > 6
    assert brief.thin == ("ours",)
    mirror = build_brief(
        corpus, custom_motion(corpus, "democracies-response", "low"), "proposition"
    )
    assert mirror.thin == ("theirs",)
    balanced = build_brief(corpus, corpus.motions[0], "proposition")
    assert balanced.ours.quotes and balanced.theirs.quotes


def test_two_even_sides_are_not_both_flagged_thin():
    """One voice and one quote on each side: neither side rests on less than the other (the
    brief used to print both contradictory notices)."""
    even = Weight(voices=1, documents=1, quotes=1)
    assert not even.thin_beside(Weight(voices=1, documents=1, quotes=1))
    one = Weight(voices=1, documents=1, quotes=3)
    many = Weight(voices=4, documents=4, quotes=3)
    assert one.thin_beside(many) and not many.thin_beside(one)
    assert Weight(2, 2, 3).thin_beside(Weight(6, 6, 9)) and not Weight(6, 6, 9).thin_beside(
        Weight(2, 2, 3)
    )


def test_figures_are_on_the_topic_with_their_attribution(corpus, briefs):
    for brief in briefs.values():
        for figure in brief.figures:
            claim = corpus.claim(figure.claim_id)
            assert brief.topic_id in claim.topics
            assert claim.attributed_to in figure.caveat
            assert figure.caveat.startswith("attributed to ")


def test_questions_are_templates_around_the_other_sides_positions(corpus, briefs):
    for brief in briefs.values():
        assert len(brief.questions) == min(len(brief.attacks), 5)
        for question, attack in zip(brief.questions, brief.attacks, strict=False):
            assert question.position_ids == (attack.argument.position_id,)
            assert attack.argument.voice in question.text
            assert question.about == attack.argument.summary
            assert question.text.endswith("?")


def test_common_ground_lists_balanced_mixed_and_silent(corpus, briefs):
    for brief in briefs.values():
        expected = {
            p.id
            for p in corpus.positions_for_topic(brief.topic_id)
            if p.stance in (None, 0) or p.state == "mixed"
        }
        assert {a.position_id for a in brief.common_ground} == expected
        assert brief.silent == tuple(v.name for v in corpus.silent_voices(brief.topic_id))
    regime = build_brief(corpus, custom_motion(corpus, "regime-future", "low"), "proposition")
    assert regime.common_ground and regime.silent


def test_custom_motion_with_and_without_wording(corpus):
    motion = custom_motion(corpus, "covid-19", "high", "  This House salutes the lockdowns ")
    assert motion.text == "This House salutes the lockdowns"
    brief = build_brief(corpus, motion, "proposition")
    assert brief.motion_id is None and brief.pole == "high"
    assert brief.motion_text == "This House salutes the lockdowns"
    assert all(a.stance > 0 for a in brief.arguments) and brief.arguments
    assert all(a.argument.stance < 0 for a in brief.attacks) and brief.attacks
    default = custom_motion(corpus, "covid-19", "low")
    assert corpus.topic("covid-19").poles.low in default.text
    assert corpus.topic("covid-19").question in default.text
    with pytest.raises(ValueError):
        custom_motion(corpus, "covid-19", "middle")


def test_a_curated_motion_keeps_its_id(corpus, briefs):
    motion = corpus.motions[0]
    assert briefs[(motion.id, "proposition")].motion_id == motion.id


def test_small_corpus_brief(corpus_dir):
    small = load_corpus(corpus_dir)
    brief = build_brief(small, small.motion("trust-not-control"), "opposition")
    assert [a.voice for a in brief.arguments] == ["Ben Critic"]
    assert [a.argument.voice for a in brief.attacks] == ["Ann Writer"]
    answer = brief.attacks[0].answers[0]
    assert (answer.argument.voice, answer.link) == ("Ben Critic", "explicit")
    assert [a.voice for a in brief.common_ground] == ["Cara Voice"]
    assert brief.figures == ()  # the only claim is stated by Ann Writer, the other side
    proposition = build_brief(small, small.motion("trust-not-control"), "proposition")
    assert [f.claim_id for f in proposition.figures] == ["plan-2014"]
    assert proposition.lines[0].heading == "On other grounds"  # no kind recorded
