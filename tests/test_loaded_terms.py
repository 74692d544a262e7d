"""The project's own words take no side by vocabulary (issue 9.7): no pole label, topic
description, camp description or position summary of any corpus in the repository uses a term
of the loaded-terms list in docs/FORMAT.md, except inside quotation marks (a voice's own word)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [default_corpus_path(), ROOT / "tests" / "corpora" / "rent-control"]
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’(?!\w)")


def loaded_terms() -> list[str]:
    text = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    block = text.split("<!-- loaded-terms:")[1].split("<!-- /loaded-terms -->")[0]
    return [line[2:].strip().lower() for line in block.splitlines() if line.startswith("- ")]


def own_words(corpus) -> list[tuple[str, str]]:
    """(where, text) for every field written in the project's own voice."""
    fields = []
    for topic in corpus.topics:
        fields += [
            (f"topic {topic.id} poles.low", topic.poles.low),
            (f"topic {topic.id} poles.high", topic.poles.high),
            (f"topic {topic.id} description", topic.description),
        ]
    fields += [(f"camp {camp.id} description", camp.description) for camp in corpus.camps]
    fields += [(f"position {p.id} summary", p.summary) for p in corpus.positions]
    return fields


def offending(text: str, terms: list[str]) -> list[str]:
    bare = QUOTED.sub(" ", text).lower()
    return [term for term in terms if re.search(rf"\b{re.escape(term)}", bare)]


def test_the_list_is_written_down():
    terms = loaded_terms()
    assert len(terms) >= 20 and "genocide" in terms and "regime" in terms


def test_the_check_sees_a_term_outside_quotes_only():
    terms = loaded_terms()
    assert offending("The regimes fell", terms) == ["regime"]
    assert offending("what he calls “cultural genocide” of a people", terms) == []
    assert offending('an "Orwellian" fear, and a massacre', terms) == ["massacre"]


@pytest.mark.parametrize("path", CORPORA, ids=["default", "rent-control"])
def test_no_loaded_term_in_the_projects_own_words(path):
    terms = loaded_terms()
    corpus = load_corpus(path)
    found = [(where, bad) for where, text in own_words(corpus) if (bad := offending(text, terms))]
    assert found == []
