"""Passage suggestions: the ranking on a small hand-made corpus (with the embedding model and
without it), the topic profiles an excluded document leaves, the stance hint and the quote an
accepted suggestion becomes."""

from __future__ import annotations

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.quotes import locate
from perspectives.workspace.quoting import sentences
from perspectives.workspace.suggest import (
    Suggester,
    evidence_quote,
    load_embedder,
    model_status,
    stance_hint,
)
from perspectives.workspace.suggest.embedding import DISABLE_VARIABLE
from perspectives.workspace.suggest.lexical import BM25, terms
from perspectives.workspace.suggest.profiles import topic_profiles

HOUSING = {
    "id": "rents",
    "label": "Rents and tenants",
    "question": "Do rent caps protect tenants from eviction?",
    "description": "Whether limits on yearly rent increases keep tenants in their homes.",
    "poles": {"low": "Caps drive landlords away", "high": "Caps keep tenants housed"},
}

# One paragraph per topic, and one about nothing in the corpus, in a mixed order.
NEW_TEXT = [
    "Facial recognition cameras and online platforms now let the police watch citizens "
    "wherever they go, and the state collects their data without asking.",
    "The weather in the valley was mild all spring. Farmers planted early and the orchards "
    "flowered in April.",
    "The city council voted to cap yearly rent increases at three per cent. Tenants facing "
    "eviction welcomed the limit; landlords said they would sell their flats.",
    "Officials describe the social credit plan as a ledger of promises that rewards trust: "
    "firms and citizens who keep their word score well.",
]
EXPECTED = {"technology-and-control": 0, "rents": 2, "social-credit": 3}


@pytest.fixture
def corpus(write_corpus, corpus_files):
    corpus_files["analysis/topics.yaml"].append(HOUSING)
    return load_corpus(write_corpus(corpus_files))


@pytest.fixture(params=["model", "lexical"])
def suggester(request, corpus) -> Suggester:
    if request.param == "model":
        assert load_embedder() is not None, f"the model should be installed: {model_status()}"
        return Suggester(corpus)
    return Suggester(corpus, embedder=False)


def test_each_topic_finds_its_paragraph_first(suggester):
    table = suggester.score(NEW_TEXT)
    for topic_id, row in EXPECTED.items():
        ranked = table.paragraphs_for(topic_id)
        assert ranked[0][0] == row, (topic_id, ranked)
        assert ranked[0][1] > ranked[-1][1]
    assert {row for row, _ in table.paragraphs_for("rents")} == set(range(len(NEW_TEXT)))


def test_each_paragraph_ranks_its_topic_first(suggester):
    table = suggester.score(NEW_TEXT)
    for topic_id, row in EXPECTED.items():
        ranked = table.topics_for(row)
        assert ranked[0][0] == topic_id, (row, ranked)
        assert [t for t, _ in ranked] != [] and len(ranked) == 3
        assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)


def test_a_paragraph_sharing_nothing_scores_below_the_matching_ones(suggester):
    table = suggester.score(NEW_TEXT)
    for topic_id, row in EXPECTED.items():
        scores = dict(table.paragraphs_for(topic_id))
        assert scores[1] < scores[row]


def test_lexical_ranking_without_the_model(corpus, monkeypatch):
    monkeypatch.setenv(DISABLE_VARIABLE, "none")
    assert load_embedder() is None
    assert DISABLE_VARIABLE in model_status()
    suggester = Suggester(corpus)
    assert not suggester.semantic
    table = suggester.score(NEW_TEXT)
    assert table.semantic is None
    assert table.topics_for(EXPECTED["rents"])[0][0] == "rents"
    monkeypatch.delenv(DISABLE_VARIABLE)
    assert Suggester(corpus).semantic


def test_excluding_a_document_drops_its_quotes_claims_and_lone_events(corpus):
    everything = {a.document_id for p in topic_profiles(corpus) for a in p.anchors}
    assert {"trust-essay", "camera-report"} <= everything
    kept = topic_profiles(corpus, exclude_document="trust-essay")
    anchors = [a for p in kept for a in p.anchors]
    assert "trust-essay" not in {a.document_id for a in anchors}
    assert any(a.kind == "quote" and a.document_id == "camera-report" for a in anchors)
    # the plan's event is mentioned by both documents: it stays
    assert any(a.kind == "event" for a in anchors)
    # the topic's own words stay whatever is excluded
    assert [a.text for a in kept[0].anchors if a.kind == "topic"][0].startswith("Social credit.")


def test_excluding_the_document_a_paragraph_repeats_changes_its_scores(corpus):
    repeated = "Critics call it a cage of data and warn that it will spread abroad."
    with_it = Suggester(corpus, embedder=False).score([repeated]).by_paragraph
    without = Suggester(corpus, "trust-essay", embedder=False).score([repeated]).by_paragraph
    assert with_it.tolist() != without.tolist()


def test_stance_hint_follows_the_nearest_placed_quotes(corpus):
    suggester = Suggester(corpus)
    hint = stance_hint(
        suggester, "Social credit is a ledger of promises, not a cage.", "social-credit"
    )
    assert hint is not None
    assert hint.neighbours[0].anchor.voice_id == "ann-writer"
    assert hint.stance >= 1 and 0 <= hint.confidence <= 1
    assert hint.level in ("low", "medium", "high")
    assert all(n.anchor.stance is not None for n in hint.neighbours)
    # no placed position on the new topic: no hint
    assert stance_hint(suggester, NEW_TEXT[2], "rents") is None


def test_stance_hint_without_the_model(corpus):
    hint = stance_hint(
        Suggester(corpus, embedder=False), "a cage of data that will spread abroad", "social-credit"
    )
    assert hint is not None and hint.stance <= -1
    assert hint.neighbours[0].anchor.voice_id == "ben-critic"


def test_accepting_a_suggestion_quotes_its_best_sentence(corpus):
    suggester = Suggester(corpus)
    document = corpus.document("camera-report")
    paragraph = next(p for p in document.paragraphs if "cameras" in p.text)
    quote = evidence_quote(suggester, document.text, paragraph, "technology-and-control")
    assert document.text[quote.start : quote.end] == quote.text
    assert locate(document.text, quote.text) == (quote.start, quote.end)
    assert quote.text in sentences(paragraph.text)
    assert "cameras" in quote.text


def test_bm25_and_terms():
    assert terms("The cameras controlled controlling citizens") == [
        "camera",
        "control",
        "control",
        "citizen",
    ]
    index = BM25([terms("rent caps and tenants"), terms("cameras watch citizens")])
    scores = index.scores(terms("tenants pay rent"))
    assert scores[0] > 0 == scores[1]


def test_second_corpus_suggests_its_own_topics():
    from pathlib import Path

    corpus = load_corpus(Path(__file__).parent / "corpora" / "rent-control")
    for document in corpus.documents:
        suggester = Suggester(corpus, exclude_document=document.id)
        table = suggester.score([p.text for p in document.paragraphs])
        ids = {t.id for t in corpus.topics}
        for row in range(len(document.paragraphs)):
            assert {t for t, _ in table.topics_for(row)} == ids
