"""Locating quotes: tolerant of whitespace and quote marks, and of nothing else."""

from __future__ import annotations

import random
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.corpus.quotes import closest_passage, locate, mentions_name, normalise

SINGLE_QUOTES = "'’‘‛′"
DOUBLE_QUOTES = '"“”„″'
WHITESPACE_RUNS = [" ", "  ", "\n", "\t", "\u00a0", " \n ", "\r\n", "\n\n"]
ALPHABET = "abcxyzAB.,;-" + SINGLE_QUOTES + DOUBLE_QUOTES + " \n\t\u00a0"


def reference_normalise(text: str) -> str:
    """An independent statement of the rule: whitespace runs are one space, quotes straight."""
    text = re.sub(r"\s+", " ", text)
    for mark in SINGLE_QUOTES:
        text = text.replace(mark, "'")
    for mark in DOUBLE_QUOTES:
        text = text.replace(mark, '"')
    return text


def disguise(quote: str, rng: random.Random) -> str:
    """The same quote as a person might type it: other whitespace, other quote marks."""
    parts = []
    for token in re.findall(r"\s+|\S", quote):
        if token.isspace():
            parts.append(rng.choice(WHITESPACE_RUNS))
        elif token in SINGLE_QUOTES:
            parts.append(rng.choice(SINGLE_QUOTES))
        elif token in DOUBLE_QUOTES:
            parts.append(rng.choice(DOUBLE_QUOTES))
        else:
            parts.append(token)
    return rng.choice(["", " ", "\n"]) + "".join(parts) + rng.choice(["", " ", "\t\n"])


def assert_found_as_span(text: str, start: int, end: int, quote: str) -> None:
    span = text[start:end]
    wanted = reference_normalise(span).strip()
    found = locate(text, quote)
    assert found is not None, (text, span, quote)
    found_start, found_end = found
    assert reference_normalise(text[found_start:found_end]) == wanted
    assert text[found_start:found_end] == text[found_start:found_end].strip()
    first_visible = start + len(span) - len(span.lstrip())
    assert found_start <= first_visible


texts = st.text(alphabet=ALPHABET, min_size=1, max_size=300)


@given(text=texts, data=st.data(), seed=st.integers(0, 2**32))
def test_any_span_disguised_is_found(text, data, seed):
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    if not text[start:end].strip():
        return
    quote = disguise(text[start:end], random.Random(seed))
    assert_found_as_span(text, start, end, quote)


@settings(max_examples=200)
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_any_span_of_the_test_documents_is_found(sample_texts, data, seed):
    text = data.draw(st.sampled_from(sample_texts), label="text")
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(text), start + 200)), label="end")
    if not text[start:end].strip():
        return
    quote = disguise(text[start:end], random.Random(seed))
    assert_found_as_span(text, start, end, quote)


@given(text=texts, quote=st.text(alphabet=ALPHABET, max_size=12))
def test_found_exactly_when_present_after_normalisation(text, quote):
    wanted = reference_normalise(quote).strip()
    found = locate(text, quote)
    if wanted and wanted in reference_normalise(text):
        assert found is not None
        assert reference_normalise(text[found[0] : found[1]]) == wanted
    else:
        assert found is None


@given(text=texts, data=st.data())
def test_text_not_present_is_not_found(text, data):
    start = data.draw(st.integers(0, len(text)))
    quote = text[:start] + "§" + text[start:]  # a character the text does not hold
    assert locate(text, quote) is None


@given(text=texts)
def test_normalise_matches_the_rule(text):
    assert normalise(text) == reference_normalise(text)


def test_only_whitespace_and_quote_marks_are_forgiven(sample_texts):
    essay = sample_texts[0]
    assert locate(essay, 'the "social credit" system') is not None
    assert locate(essay, "the 'social credit' system") is None  # single is not double
    assert locate(essay, "build trust, not fear") is not None
    assert locate(essay, "The 'Social Credit' system") is None  # case
    assert locate(essay, "build trust not fear") is None  # punctuation
    assert locate(essay, "buildtrust") is None  # whitespace cannot vanish
    assert locate(essay, "   ") is None and locate(essay, "") is None


def test_offsets_point_into_the_original_text():
    text = "He said:\u00a0\u201cno\n\n  more\u201d.  Then “no more” again."
    start, end = locate(text, '"no more"')
    assert text[start:end] == "\u201cno\n\n  more\u201d"
    assert start == text.index("\u201c")


def test_first_occurrence_is_returned():
    text = "one two\tthree, one  two three"
    assert locate(text, "one two three") == (0, 13)


def test_closest_passage_points_at_the_near_miss(sample_texts):
    report = sample_texts[1]
    hint = closest_passage(report, "cameras and platforms give the government more eyes")
    assert hint.startswith("cameras and platforms give the state more eyes")
    assert closest_passage(report, "") == ""
    assert closest_passage("", "anything") == ""
    assert closest_passage("short text", "a much longer quote than the text") == "short text"


def test_closest_passage_is_fast_on_a_long_text():
    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(400)] + ["the", "a", "of", "and", "to"] * 40
    words = [rng.choice(vocabulary) for _ in range(3500)]
    passage = "the regime has labelled the ethnic people of the region as a threat"
    words[2000:2012] = passage.split()
    text = " ".join(words)
    assert len(text) > 20_000
    quote = "the regime labelled the ethnic peoples of this region a threat"
    started = time.perf_counter()
    hint = closest_passage(text, quote)
    elapsed = time.perf_counter() - started
    assert "regime has labelled the ethnic people of the region" in hint
    assert elapsed < 0.5, elapsed


def test_mentions_name_is_case_insensitive_and_whole_word():
    text = "Critics such as Ben\nCritic call it a cage; Ma said so."
    assert mentions_name(text, "ben critic")
    assert mentions_name(text, "Ma")
    assert not mentions_name(text, "Crit")
    assert not mentions_name(text, "Pony Ma")
    assert not mentions_name(text, "  ")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Xi_Jinping spoke", "Xi"),
        ("Xi2 and Xi", "Xi"),
        ("Ma Ma", "Ma"),
        ("maMa Ma.", "ma"),
        ("Émile Zola, Zolaesque", "Zola"),
        ("Zolaé", "Zola"),
        ("the “Dalai Lama”", "Dalai  Lama"),
        ("Straße", "STRASSE"),
        ("ab", "b"),
        ("b", "b"),
        ("x٣Ma", "Ma"),
    ],
)
def test_mentions_name_reads_as_the_whole_word_pattern(text, name):
    """The same answer as `(?<!\\w)NAME(?!\\w)` on the folded, normalised text."""
    wanted = re.escape(normalise(name).strip().casefold())
    expected = re.search(rf"(?<!\w){wanted}(?!\w)", normalise(text).casefold()) is not None
    assert mentions_name(text, name) is expected
