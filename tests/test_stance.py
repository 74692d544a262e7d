"""The one stance vocabulary: its words come from the topic's own poles, never a fixed list."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from perspectives import stance
from perspectives.corpus.entities import Orientation, Pole, Topic, TopicPoles

RENT = Topic(
    id="rent-caps",
    label="Rent caps",
    question="Do rent caps help tenants?",
    poles=TopicPoles(low="caps shrink the housing supply", high="caps protect tenants"),
)
ORIENTATION = Orientation(
    low=Pole(id="market", label="Trust the market"),
    high=Pole(id="regulation", label="Regulate rents"),
)


def test_badges_use_only_degree_words_true_on_any_axis():
    assert stance.badge(2, "asserts") == "+2 · fully"
    assert stance.badge(-1, "mixed") == "−1 · mostly"
    assert stance.badge(0, "mixed") == "0 · in between, or both"
    assert stance.badge(None, "mentions") == "mentions, takes no side"
    assert stance.badge(None, "silent") == "silent"


def test_descriptions_quote_the_topics_own_poles():
    assert stance.describe(RENT, 1, "asserts") == "+1 · mostly toward “caps protect tenants”"
    assert stance.describe(RENT, -2, "asserts") == (
        "−2 · fully toward “caps shrink the housing supply”"
    )
    assert stance.describe(RENT, 0, "mixed") == (
        "0 · between “caps shrink the housing supply” and “caps protect tenants”"
    )
    assert stance.leaning(RENT, None) == "not placed on the axis"


def test_scale_labels_run_from_the_low_pole_to_the_high_one():
    labels = stance.scale_labels(RENT)
    assert list(labels) == [-2, -1, 0, 1, 2]
    assert labels[-2] == "−2 · fully: caps shrink the housing supply"
    assert labels[1] == "+1 · mostly: caps protect tenants"
    assert labels[0] == "0 · in between, or both"


def test_sides_are_the_corpus_own_pole_ids_or_low_and_high():
    assert stance.side_names(ORIENTATION) == ("market", "regulation")
    assert stance.pole_for(ORIENTATION, "regulation") == "high"
    assert stance.pole_for(ORIENTATION, "low") == "low"
    assert stance.pole_for(ORIENTATION, "critical") is None
    assert stance.orientation_line(ORIENTATION) == (
        "Stance runs from −2 (Trust the market) to +2 (Regulate rents)."
    )


def test_printed_form_and_signs():
    assert stance.printed(-2, "asserts") == "−2, asserts"
    assert stance.printed(None, "mentions") == "mentions, takes no side"
    assert [stance.sign(s) for s in stance.STANCES] == ["−2", "−1", "0", "+1", "+2"]
    assert stance.end_sign("low") == "−2" and stance.end_sign("high") == "+2"


OPINION_WORDS = ("sympathetic", "favourable", "critical", "hawk", "dove", "supportive")
PACKAGE = Path(__file__).resolve().parent.parent / "perspectives"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_opinion_word_for_a_stance_is_written_in_the_code(path: Path):
    """Words beside a stance come from the corpus: no module spells an opinion in a string."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and any(word in node.value.lower() for word in OPINION_WORDS)
    ]
    assert not found, f"{path.relative_to(PACKAGE.parent)}: {found}"
