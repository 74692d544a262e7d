"""The loader, part 3: positions (stances, states, evidence counts), quotes that must be found
verbatim in their document, and every problem of a corpus reported together."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import CorpusError, Problem, load_corpus
from tests.loader_helpers import (
    CLAIMS,
    ESSAY,
    ESSAY_POSITIONS,
    EVENTS,
    MOTIONS,
    REPORT_POSITIONS,
    TOPICS,
    VOICES,
    find_problem,
    only_problem,
    position,
    problems_of,
)

# --- positions ------------------------------------------------------------------------------


@pytest.mark.parametrize("stance", [3, -3, 10])
def test_stance_outside_the_axis(corpus_files, write_corpus, stance):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["stance"] = stance
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "stance",
        "outside the range -2..+2",
    )


@pytest.mark.parametrize("stance", [1.5, "two", True])
def test_stance_must_be_an_integer(corpus_files, write_corpus, stance):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["stance"] = stance
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "stance",
        "whole number",
    )


@pytest.mark.parametrize("state", ["asserts", "mixed"])
def test_stance_required_unless_mentions(corpus_files, write_corpus, state):
    entry = position(corpus_files, REPORT_POSITIONS, "cara-voice", "technology-and-control")
    entry["state"] = state
    del entry["stance"]
    only_problem(
        write_corpus(corpus_files),
        REPORT_POSITIONS,
        "cara-voice/technology-and-control",
        "stance is required",
    )


def test_no_stance_when_mentions(corpus_files, write_corpus):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "technology-and-control")["stance"] = 0
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/technology-and-control",
        "stance must be omitted",
    )


def test_two_positions_of_a_voice_on_one_topic(corpus_files, write_corpus):
    corpus_files[REPORT_POSITIONS]["positions"].append(
        {
            "voice": "ben-critic",
            "topic": "social-credit",
            "stance": -1,
            "state": "asserts",
            "summary": "Again.",
            "evidence": ["a cage of data"],
        }
    )
    # Files are read in name order: camera-report's position comes first.
    problem = only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ben-critic/social-credit",
        "already has a position",
        REPORT_POSITIONS,
    )
    assert problem.line is not None


def test_quote_not_in_document_gives_the_closest_passage(corpus_files, write_corpus):
    entry = position(corpus_files, REPORT_POSITIONS, "cara-voice", "technology-and-control")
    entry["evidence"] = ["cameras and platforms give the government more eyes than ever"]
    problem = only_problem(
        write_corpus(corpus_files),
        REPORT_POSITIONS,
        "cara-voice/technology-and-control",
        "quote not found in document camera-report",
        '"cameras and platforms give the government more eyes than ever"',
        'closest passage: "cameras and platforms give the state more eyes',
    )
    lines = (write_corpus(corpus_files) / REPORT_POSITIONS).read_text().splitlines()
    assert "government" in lines[problem.line - 1]


def test_quote_must_match_more_than_whitespace_and_quote_marks(corpus_files, write_corpus):
    entry = position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")
    entry["evidence"] = ["It is a ledger of promises, not a cage."]  # capital I
    only_problem(
        write_corpus(corpus_files), ESSAY_POSITIONS, "ann-writer/social-credit", "quote not found"
    )


def test_claim_and_event_quotes_are_checked(corpus_files, write_corpus):
    corpus_files[CLAIMS][0]["quote"] = "In 2015 the State Council"
    corpus_files[EVENTS][0]["mentions"][0]["quote"] = "In 2013"
    problems = problems_of(write_corpus(corpus_files))
    assert len(problems) == 2
    find_problem(problems, CLAIMS, "plan-2014", "quote not found in document trust-essay")
    find_problem(problems, EVENTS, "social-credit-plan", "quote not found")


def test_quoted_voice_must_be_named_in_the_document(corpus_files, write_corpus):
    corpus_files[VOICES][1]["name"] = "Benedict Critique"
    corpus_files[VOICES][1]["aliases"] = ["Critiques"]
    problems = problems_of(write_corpus(corpus_files))
    assert len(problems) == 2  # one per document of the voice
    find_problem(problems, VOICES, "ben-critic", "not named", "trust-essay", "Benedict Critique")
    find_problem(problems, VOICES, "ben-critic", "not named", "camera-report")


def test_alias_names_a_voice_as_a_whole_word(corpus_files, write_corpus):
    corpus_files[VOICES][1]["name"] = "B. Critic"
    corpus_files[VOICES][1]["aliases"] = ["critic"]  # case-insensitive, whole word
    load_corpus(write_corpus(corpus_files))
    corpus_files[VOICES][1]["aliases"] = ["Crit"]  # only part of a word
    assert len(problems_of(write_corpus(corpus_files))) == 2


def test_position_voice_must_list_the_document(corpus_files, write_corpus):
    corpus_files[VOICES][1]["documents"] = ["camera-report"]
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ben-critic/social-credit",
        "does not list document 'trust-essay'",
    )


@pytest.mark.parametrize("count", [0, 4])
def test_evidence_count(corpus_files, write_corpus, count):
    entry = position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")
    entry["evidence"] = ["it is a ledger of promises"] * count
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "evidence",
        f"1 to 3 quotes, not {count}",
    )


# --- all together ---------------------------------------------------------------------------


def test_every_problem_in_every_file_is_reported_together(corpus_files, write_corpus):
    del corpus_files[ESSAY].meta["title"]
    corpus_files[REPORT_POSITIONS]["positions"][0]["evidence"] = ["not in the text at all"]
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["stance"] = 5
    corpus_files[VOICES][0]["camp"] = "nobody"
    corpus_files[TOPICS][1]["colour"] = "red"
    corpus_files[MOTIONS][0]["proposition"] = "middle"
    corpus_files[CLAIMS][0]["voice"] = "nobody"
    corpus_files[EVENTS] = "- id: [broken\n"
    problems = problems_of(write_corpus(corpus_files))
    find_problem(problems, ESSAY, "trust-essay", "missing field 'title'")
    find_problem(problems, REPORT_POSITIONS, "cara-voice/technology-and-control", "quote not found")
    find_problem(problems, ESSAY_POSITIONS, "ann-writer/social-credit", "outside the range")
    find_problem(problems, VOICES, "ann-writer", "unknown camp 'nobody'")
    find_problem(problems, TOPICS, "technology-and-control", "unknown field 'colour'")
    find_problem(problems, MOTIONS, "trust-not-control", "proposition")
    find_problem(problems, CLAIMS, "plan-2014", "unknown voice 'nobody'")
    find_problem(problems, EVENTS, None, "the file cannot be read")
    assert len(problems) == 8, "\n".join(map(str, problems))
    # The file that cannot be read comes first (a root cause), then the rest in file order.
    assert problems[0].file == EVENTS
    assert problems[0].message.startswith("the file cannot be read")
    ordered = [(p.file, p.line or 0) for p in problems[1:]]
    assert ordered == sorted(ordered)


def test_corpus_error_text_lists_every_problem(corpus_files, write_corpus):
    corpus_files[VOICES][0]["camp"] = "nobody"
    corpus_files[MOTIONS][0]["topic"] = "nothing"
    with pytest.raises(CorpusError) as caught:
        load_corpus(write_corpus(corpus_files))
    text = str(caught.value)
    assert text.startswith("2 problems in corpus ")
    for problem in caught.value.problems:
        assert str(problem) in text


def test_problem_format():
    problem = Problem("analysis/positions/x.yaml", "a/b", 12, "quote not found")
    assert str(problem) == "analysis/positions/x.yaml:12: a/b: quote not found"
    assert str(Problem("corpus.yaml", None, None, "missing")) == "corpus.yaml: missing"


def test_an_unreadable_file_gives_one_message_not_a_cascade(corpus_files, write_corpus):
    """A tab in topics.yaml makes it unreadable: one problem for the file (in plain words, the
    parser's own kept as the technical detail) and one line counting the references it left
    unchecked, instead of an "unknown topic" line for every position, claim and motion."""
    text = write_corpus(corpus_files)
    topics = Path(text) / TOPICS
    lines = topics.read_text(encoding="utf-8").splitlines()
    lines[1] = "\t" + lines[1].lstrip()
    topics.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_of(text)
    assert problems[0].file == TOPICS
    assert problems[0].message.startswith("the file cannot be read: a tab character is used")
    assert problems[0].detail.startswith("YAML parser: found")
    assert "references elsewhere to what this file defines were not checked" in problems[1].message
    assert not [p for p in problems if p.message.startswith("unknown topic")]
    assert len(problems) == 2, "\n".join(map(str, problems))
