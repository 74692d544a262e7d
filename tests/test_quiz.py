"""The quiz's question drawing and scoring, on the default corpus and the small test corpus."""

from __future__ import annotations

import random
import re

import pytest

from perspectives.corpus import default_corpus_path, load_cached, load_corpus
from perspectives.teaching import quiz

SEEDS = range(40)


@pytest.fixture(scope="module")
def corpus():
    return load_cached(default_corpus_path())


def _span(question: quiz.QuizQuestion) -> tuple[str, int, int]:
    e = question.evidence
    return (e.document_id, e.start, e.end)


@pytest.mark.parametrize("mode", quiz.MODES)
def test_no_quote_repeats_within_a_round(corpus, mode):
    for seed in SEEDS:
        questions = quiz.draw_round(corpus, 10, mode, random.Random(seed))
        assert len(questions) == 10
        assert len({_span(q) for q in questions}) == 10
        assert len({q.position.id for q in questions}) == 10  # and one per position


@pytest.mark.parametrize("mode", quiz.MODES)
def test_options_are_the_answer_and_three_distinct_distractors(corpus, mode):
    for seed in SEEDS:
        for question in quiz.draw_round(corpus, 10, mode, random.Random(seed)):
            assert len(question.options) == quiz.OPTIONS
            assert len(set(question.options)) == quiz.OPTIONS
            assert question.options.count(question.answer) == 1
            assert question.answer == quiz.answer_of(corpus, question.position, mode)
            for option in question.options:
                quiz.label(corpus, mode, option)  # every option is a real voice or camp


def test_the_answer_is_where_the_quote_comes_from(corpus):
    for question in quiz.draw_round(corpus, 10, "voice", random.Random(7)):
        position = corpus.position_by_id(question.position.id)
        assert question.evidence in position.evidence
        assert question.answer == position.voice
        document = corpus.document(question.evidence.document_id)
        e = question.evidence
        assert document.text[e.start : e.end] == e.text


def test_no_quote_names_its_answer_or_an_option(corpus):
    """A quote that names a voice would give the answer away (or mislead with a distractor)."""
    for seed in SEEDS:
        for question in quiz.draw_round(corpus, 10, "voice", random.Random(seed)):
            for option in question.options:
                name = corpus.voice(option).name
                assert not re.search(rf"\b{re.escape(name)}\b", question.evidence.text, re.I)


def test_the_answer_lands_in_every_place(corpus):
    """The shuffle leaves no tell: over many rounds the answer is seen in all four places."""
    places = {
        q.options.index(q.answer)
        for seed in SEEDS
        for q in quiz.draw_round(corpus, 10, "voice", random.Random(seed))
    }
    assert places == {0, 1, 2, 3}


def test_a_seed_gives_the_same_round(corpus):
    one = quiz.draw_round(corpus, 10, "voice", random.Random(42))
    two = quiz.draw_round(corpus, 10, "voice", random.Random(42))
    other = quiz.draw_round(corpus, 10, "voice", random.Random(43))
    assert [(_span(q), q.options) for q in one] == [(_span(q), q.options) for q in two]
    assert [_span(q) for q in one] != [_span(q) for q in other]


def test_scoring(corpus):
    questions = quiz.draw_round(corpus, 10, "camp", random.Random(3))
    wrong = {i: next(o for o in q.options if o != q.answer) for i, q in enumerate(questions)}
    answers = {0: questions[0].answer, 1: wrong[1], 2: questions[2].answer, 99: "ignored"}
    result = quiz.score(questions, answers)
    assert (result.right, result.answered, result.total) == (2, 3, 10)
    assert not result.finished
    every_right = {i: q.answer for i, q in enumerate(questions)}
    assert quiz.score(questions, every_right).right == 10
    assert quiz.score(questions, every_right).finished
    assert quiz.score(questions, wrong).right == 0
    assert questions[0].is_right(questions[0].answer) and not questions[1].is_right(wrong[1])


def test_small_corpus_gives_a_short_round_and_fewer_options(corpus_dir):
    small = load_corpus(corpus_dir)
    questions = quiz.draw_round(small, 10, "voice", random.Random(1))
    fair = quiz.candidates(small, "voice")
    assert len(questions) == len(fair) < 10
    assert len({_span(q) for q in questions}) == len(questions)
    for question in questions:
        assert len(question.options) == 3 == len(set(question.options))  # three voices in all
    for question in quiz.draw_round(small, 10, "camp", random.Random(1)):
        assert sorted(question.options) == ["critics", "optimists"]


def test_a_quote_with_two_right_answers_is_left_out(write_corpus, corpus_files):
    """The same words as evidence for two voices: no fair voice question, a fine camp one."""
    shared = "cameras and platforms give the state more eyes than ever, and"
    corpus_files["analysis/positions/camera-report.yaml"]["positions"].append(
        {
            "voice": "ben-critic",
            "topic": "technology-and-control",
            "stance": -2,
            "state": "asserts",
            "summary": "The same words, for the test.",
            "evidence": [shared],
        }
    )
    small = load_corpus(write_corpus(corpus_files))
    voice_quotes = [" ".join(e.text.split()) for _, e in quiz.candidates(small, "voice")]
    camp_quotes = [" ".join(e.text.split()) for _, e in quiz.candidates(small, "camp")]
    assert not any(shared in text for text in voice_quotes)
    assert sum(shared in text for text in camp_quotes) == 1  # both voices are critics: once


def test_unknown_mode_is_refused(corpus):
    with pytest.raises(ValueError, match="unknown quiz mode 'author'"):
        quiz.draw_round(corpus, 10, "author", random.Random(0))


@pytest.mark.parametrize("mode", ["voice", "camp"])
def test_a_quote_naming_another_voice_is_left_out(corpus, mode):
    """Issue 9: "Bing Song puts valid concerns ..." is Gardels' sentence about Song; a player
    could not tell whose words it is, so no quote naming any voice of the corpus is asked."""
    names = [n for v in corpus.voices for n in v.names if len(n) >= 2]
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.IGNORECASE)
    pairs = quiz.candidates(corpus, mode)
    assert pairs
    for _, evidence in pairs:
        assert not pattern.search(evidence.text), evidence.text
    left_out = [
        e.text
        for p in corpus.positions
        for e in p.evidence
        if p.voice == "nathan-gardels" and "Bing Song" in e.text
    ]
    assert left_out, "the default corpus holds such a quote"
    assert not any(e.text in left_out for _, e in pairs)


def test_a_quote_naming_another_voice_is_left_out_on_a_small_corpus(write_corpus, corpus_files):
    """Cara Voice's quote that names Ben Critic is never asked; her own other quote is."""
    named = "Critics such as Ben Critic call it"
    corpus_files["analysis/positions/camera-report.yaml"]["positions"][0]["evidence"] = [
        "cameras and platforms give the state more eyes than ever, and"
    ]
    corpus_files["analysis/positions/trust-essay.yaml"]["positions"][1]["evidence"] = [named]
    small = load_corpus(write_corpus(corpus_files))
    texts = [e.text for _, e in quiz.candidates(small)]
    assert texts and named not in texts
    assert any("cameras and platforms" in t for t in texts)


def test_the_name_finder_agrees_with_asking_each_name(corpus):
    names = quiz._voice_names(corpus) + ("Ma", "O'Neil", "-dash", "Xi Jinping")
    finder = quiz._NameFinder(names)
    texts = [e.text for p in corpus.positions for e in p.evidence]
    texts += ["MA said", "Mao said", "o'neil's view", "a -dash here", "xi  jinping", "Xi Jinping."]
    for text in texts:
        assert finder(text) == quiz._mentions(text, names), text


def test_one_pattern_per_voice_finds_what_a_pattern_per_name_found():
    import random as random_module
    import re

    from perspectives.teaching.quiz import _mentions

    rng = random_module.Random(3)
    words = ["Ann", "ann-marie", "O'Neil", "C++", "Li", "Lü", "x.y", "(Ed)", "Zoë", "the"]
    for _ in range(400):
        names = tuple(rng.sample(words, rng.randint(0, 3)))
        text = " ".join(rng.choice([*words, "and", "—", "Annie", "Lin"]) for _ in range(6))
        expected = any(re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE) for n in names)
        assert _mentions(text, names) == expected, (text, names)
