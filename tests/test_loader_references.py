"""The loader, part 2: wrong or missing fields, invalid or duplicate ids and references to
unknown ids are reported with their file and entry."""

from __future__ import annotations

import pytest

from tests.loader_helpers import (
    CAMPS,
    CLAIMS,
    ESSAY,
    ESSAY_POSITIONS,
    EVENTS,
    GUIDES,
    MOTIONS,
    REPORT_POSITIONS,
    TOPICS,
    VOICES,
    find_problem,
    only_problem,
    position,
    problems_of,
)

# --- fields -----------------------------------------------------------------------------------


def test_missing_field_in_front_matter(corpus_files, write_corpus):
    del corpus_files[ESSAY].meta["outlet"]
    only_problem(write_corpus(corpus_files), ESSAY, "trust-essay", "missing field 'outlet'")


def test_unknown_field_in_front_matter_names_the_line(corpus_files, write_corpus):
    corpus_files[ESSAY].meta["titel"] = "typo"
    problem = only_problem(
        write_corpus(corpus_files),
        ESSAY,
        "trust-essay",
        "unknown field 'titel'",
        "did you mean 'title'",
    )
    lines = (write_corpus(corpus_files) / ESSAY).read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].startswith("titel:")


def test_wrong_value_in_front_matter(corpus_files, write_corpus):
    corpus_files[ESSAY].meta["date_certainty"] = "certain"
    only_problem(write_corpus(corpus_files), ESSAY, "trust-essay", "date_certainty", "certain")


def test_missing_field_in_topic(corpus_files, write_corpus):
    del corpus_files[TOPICS][1]["question"]
    only_problem(
        write_corpus(corpus_files), TOPICS, "technology-and-control", "missing field 'question'"
    )


def test_missing_nested_field(corpus_files, write_corpus):
    del corpus_files[TOPICS][0]["poles"]["high"]
    only_problem(write_corpus(corpus_files), TOPICS, "social-credit", "missing field 'poles.high'")


def test_unknown_field_in_voice(corpus_files, write_corpus):
    corpus_files[VOICES][2]["afiliation"] = "x"
    problem = only_problem(
        write_corpus(corpus_files),
        VOICES,
        "cara-voice",
        "unknown field 'afiliation'",
        "did you mean 'affiliation'",
    )
    assert problem.line is not None


def test_wrong_state_in_position(corpus_files, write_corpus):
    position(corpus_files, ESSAY_POSITIONS, "ben-critic", "social-credit")["state"] = "assert"
    only_problem(
        write_corpus(corpus_files), ESSAY_POSITIONS, "ben-critic/social-credit", "state", "'assert'"
    )


def test_invalid_id(corpus_files, write_corpus):
    corpus_files["analysis/blind_spots.yaml"][0]["id"] = "No Official Voice"
    only_problem(
        write_corpus(corpus_files),
        "analysis/blind_spots.yaml",
        "No Official Voice",
        "not a valid id",
    )


def test_invalid_colour(corpus_files, write_corpus):
    corpus_files[CAMPS][0]["colour"] = "green"
    only_problem(write_corpus(corpus_files), CAMPS, "optimists", "colour")


def test_list_file_that_is_not_a_list(corpus_files, write_corpus):
    corpus_files[MOTIONS] = {"id": "trust-not-control"}
    only_problem(write_corpus(corpus_files), MOTIONS, None, "should be a list of motions")


# --- ids and references ---------------------------------------------------------------------


def test_duplicate_ids(corpus_files, write_corpus):
    corpus_files[CAMPS].append(dict(corpus_files[CAMPS][1]))
    problem = only_problem(
        write_corpus(corpus_files), CAMPS, "critics", "duplicate camp id 'critics'", f"{CAMPS}:"
    )
    assert problem.line is not None


def test_duplicate_ids_across_a_file_and_a_folder(corpus_files, write_corpus):
    corpus_files["analysis/claims/more.yaml"] = [dict(corpus_files[CLAIMS][0])]
    only_problem(
        write_corpus(corpus_files),
        "analysis/claims/more.yaml",
        "plan-2014",
        "duplicate claim id",
        CLAIMS,
    )


def test_two_guides_for_one_document(corpus_files, write_corpus):
    corpus_files[GUIDES].append({"document": "trust-essay", "thesis": "Again."})
    only_problem(write_corpus(corpus_files), GUIDES, "trust-essay", "duplicate guide")


def _set(files, file, index, field, value):
    files[file][index][field] = value


BROKEN_REFERENCES = [
    # (what to break, file, entry, message fragment)
    (
        lambda f: position(f, ESSAY_POSITIONS, "ben-critic", "social-credit").update(
            voice="ben-critik"
        ),
        ESSAY_POSITIONS,
        "ben-critik/social-credit",
        "unknown voice 'ben-critik'",
    ),
    (
        lambda f: position(f, REPORT_POSITIONS, "cara-voice", "social-credit").update(
            topic="social-credits"
        ),
        REPORT_POSITIONS,
        "cara-voice/social-credits",
        "unknown topic 'social-credits'",
    ),
    (
        lambda f: _set(f, VOICES, 0, "camp", "optimist"),
        VOICES,
        "ann-writer",
        "unknown camp 'optimist' (did you mean 'optimists'?)",
    ),
    (
        lambda f: _set(f, VOICES, 2, "documents", ["camera-report", "lost-report"]),
        VOICES,
        "cara-voice",
        "unknown document 'lost-report'",
    ),
    (
        lambda f: position(f, ESSAY_POSITIONS, "ben-critic", "social-credit").update(
            answers=["ann-writer/technology"]
        ),
        ESSAY_POSITIONS,
        "ben-critic/social-credit",
        "answers unknown position",
    ),
    (
        lambda f: _set(f, MOTIONS, 0, "topic", "social"),
        MOTIONS,
        "trust-not-control",
        "unknown topic 'social'",
    ),
    (lambda f: _set(f, CLAIMS, 0, "voice", "ann"), CLAIMS, "plan-2014", "unknown voice 'ann'"),
    (
        lambda f: _set(f, CLAIMS, 0, "topics", ["social-credit", "law"]),
        CLAIMS,
        "plan-2014",
        "unknown topic 'law'",
    ),
    (
        lambda f: _set(f, CLAIMS, 0, "document", "essay"),
        CLAIMS,
        "plan-2014",
        "unknown document 'essay'",
    ),
    (
        lambda f: _set(f, EVENTS, 0, "topics", ["tiananmen"]),
        EVENTS,
        "social-credit-plan",
        "unknown topic 'tiananmen'",
    ),
    (
        lambda f: f[EVENTS][0]["mentions"][1].update(document="report"),
        EVENTS,
        "social-credit-plan",
        "unknown document 'report'",
    ),
    (
        lambda f: _set(f, GUIDES, 0, "document", "essay"),
        GUIDES,
        "essay",
        "unknown document 'essay'",
    ),
]


@pytest.mark.parametrize(("breaking", "file", "entry", "fragment"), BROKEN_REFERENCES)
def test_unknown_references(corpus_files, write_corpus, breaking, file, entry, fragment):
    breaking(corpus_files)
    problem = only_problem(write_corpus(corpus_files), file, entry, fragment)
    assert problem.line is not None


def test_positions_file_of_unknown_document(corpus_files, write_corpus):
    corpus_files[REPORT_POSITIONS]["document"] = "camera-reports"
    problems = problems_of(write_corpus(corpus_files))
    problem = find_problem(problems, REPORT_POSITIONS, None, "unknown document 'camera-reports'")
    assert problem.line == 1


def test_position_answering_itself(corpus_files, write_corpus):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["answers"] = [
        "ann-writer/social-credit"
    ]
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "cannot answer itself",
    )
