"""Helpers shared by the loader's tests (test_loader_*.py): the test corpus' file names, and
assertions that a broken corpus reports the right problem with its file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import CorpusError, Problem, load_corpus

ESSAY = "documents/trust-essay.md"
REPORT = "documents/camera-report.md"
TOPICS = "analysis/topics.yaml"
CAMPS = "analysis/camps.yaml"
VOICES = "analysis/voices.yaml"
ESSAY_POSITIONS = "analysis/positions/trust-essay.yaml"
REPORT_POSITIONS = "analysis/positions/camera-report.yaml"
CLAIMS = "analysis/claims.yaml"
EVENTS = "analysis/events.yaml"
MOTIONS = "analysis/motions.yaml"
GUIDES = "analysis/guides.yaml"


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert caught.value.problems, "a CorpusError must list its problems"
    return caught.value.problems


def only_problem(path: Path, file: str, entry: str | None, *fragments: str) -> Problem:
    """The one problem of a corpus broken in one place: it names the file and the entry."""
    problems = problems_of(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return check(problems[0], file, entry, *fragments)


def find_problem(
    problems: tuple[Problem, ...], file: str, entry: str | None, *fragments: str
) -> Problem:
    for problem in problems:
        if (
            problem.file == file
            and problem.entry == entry
            and all(fragment in problem.message for fragment in fragments)
        ):
            return check(problem, file, entry, *fragments)
    raise AssertionError(
        f"no problem {file} {entry} {fragments} in:\n" + "\n".join(map(str, problems))
    )


def check(problem: Problem, file: str, entry: str | None, *fragments: str) -> Problem:
    text = str(problem)
    assert problem.file == file, text
    assert problem.entry == entry, text
    assert text.startswith(file), text
    if entry is not None:
        assert f": {entry}: " in text, text
    for fragment in fragments:
        assert fragment in problem.message, text
    return problem


def position(files, file: str, voice: str, topic: str) -> dict:
    return next(p for p in files[file]["positions"] if p["voice"] == voice and p["topic"] == topic)
