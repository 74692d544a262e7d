"""Search with the explorer's filters (document, voice, topic) on the small test corpus."""

from __future__ import annotations

import pytest

from perspectives.corpus import load_corpus
from perspectives.views.search import (
    HIT_COLUMNS,
    Filters,
    allowed_documents,
    evidence_paragraphs,
    filtered_search,
    hits_table,
)
from perspectives.views.search_index import SearchError


@pytest.fixture
def corpus(corpus_dir):
    return load_corpus(corpus_dir)


def where(results):
    return [(r.hit.document_id, r.hit.paragraph) for r in results]


def test_evidence_paragraphs_by_topic_include_positions_and_claims(corpus):
    social = evidence_paragraphs(corpus, topic="social-credit")
    # ben-critic's quote (essay 4), the plan-2014 claim (essay 5), ann-writer (essay 6),
    # cara-voice's two quotes (report 5)
    assert social == {
        ("trust-essay", 4),
        ("trust-essay", 5),
        ("trust-essay", 6),
        ("camera-report", 5),
    }
    assert evidence_paragraphs(corpus, topic="technology-and-control") == {
        ("trust-essay", 6),
        ("camera-report", 3),
    }


def test_evidence_paragraphs_by_voice(corpus):
    assert evidence_paragraphs(corpus, voice="ben-critic") == {("trust-essay", 4)}
    assert evidence_paragraphs(corpus, voice="ann-writer") == {
        ("trust-essay", 5),  # the claim it states
        ("trust-essay", 6),
    }
    assert evidence_paragraphs(corpus, voice="ann-writer", topic="technology-and-control") == {
        ("trust-essay", 6)
    }


def test_allowed_documents_combine_document_and_voice(corpus):
    assert allowed_documents(corpus, Filters()) is None
    assert allowed_documents(corpus, Filters(document="camera-report")) == ["camera-report"]
    assert allowed_documents(corpus, Filters(voice="ben-critic")) == [
        "trust-essay",
        "camera-report",
    ]
    assert allowed_documents(corpus, Filters(voice="ann-writer", document="camera-report")) == []


def test_unfiltered_search_finds_both_documents(corpus):
    assert set(where(filtered_search(corpus, '"cage of data"'))) == {
        ("trust-essay", 4),
        ("camera-report", 4),
    }


def test_document_filter(corpus):
    results = filtered_search(corpus, '"cage of data"', Filters(document="camera-report"))
    assert where(results) == [("camera-report", 4)]


def test_topic_filter_keeps_only_paragraphs_with_evidence_on_it(corpus):
    results = filtered_search(corpus, "plan", Filters(topic="social-credit"))
    assert set(where(results)) == {("trust-essay", 5), ("trust-essay", 6), ("camera-report", 5)}
    results = filtered_search(corpus, "plan", Filters(topic="technology-and-control"))
    assert where(results) == [("trust-essay", 6)]


def test_voice_filter_limits_to_its_documents_and_ranks_its_evidence_first(corpus):
    results = filtered_search(corpus, "cage", Filters(voice="cara-voice"))
    assert where(results) == [("camera-report", 4)]  # only cara-voice's document
    assert not results[0].voice_evidence
    # "plan" in the essay: paragraphs 5 (ann-writer's claim) and 6 (her quote) hold her evidence
    results = filtered_search(corpus, "the", Filters(voice="ann-writer"))
    flags = [r.voice_evidence for r in results]
    assert flags == sorted(flags, reverse=True)  # all her evidence before the rest
    assert {k for k, r in zip(where(results), results, strict=True) if r.voice_evidence} == {
        ("trust-essay", 5),
        ("trust-essay", 6),
    }
    assert any(not f for f in flags)  # other paragraphs of her document are still found


def test_voice_ranking_keeps_bm25_order_within_each_group(corpus):
    plain = filtered_search(corpus, "the", Filters(document="trust-essay"))
    ranked = filtered_search(corpus, "the", Filters(voice="ann-writer"))
    preferred = [k for k, r in zip(where(ranked), ranked, strict=True) if r.voice_evidence]
    rest = [k for k, r in zip(where(ranked), ranked, strict=True) if not r.voice_evidence]
    assert preferred == [k for k in where(plain) if k in preferred]
    assert rest == [k for k in where(plain) if k in rest]


def test_filters_combine_and_can_exclude_everything(corpus):
    both = Filters(voice="ann-writer", topic="technology-and-control")
    assert where(filtered_search(corpus, "plan", both)) == [("trust-essay", 6)]
    assert (
        filtered_search(corpus, "plan", Filters(voice="ann-writer", document="camera-report")) == []
    )


def test_limit_applies_after_filtering(corpus):
    results = filtered_search(corpus, "the", Filters(topic="social-credit"), limit=1)
    assert len(results) == 1
    assert (results[0].hit.document_id, results[0].hit.paragraph) in evidence_paragraphs(
        corpus, topic="social-credit"
    )


def test_search_errors_pass_through(corpus):
    with pytest.raises(SearchError):
        filtered_search(corpus, '"unclosed')
    with pytest.raises(SearchError):
        filtered_search(corpus, "   ")


def test_unknown_and_known_filters(corpus):
    filters = Filters(document="nope", voice="ben-critic", topic="missing")
    messages = filters.unknown(corpus)
    assert len(messages) == 2
    assert "document “nope”" in messages[0] and "topic “missing”" in messages[1]
    assert filters.known(corpus) == Filters(voice="ben-critic")
    assert Filters().unknown(corpus) == []


def test_hits_table(corpus):
    results = filtered_search(corpus, '"cage of data"')
    table = hits_table(corpus, results)
    assert list(table.columns) == HIT_COLUMNS
    assert list(table["rank"]) == [1, 2]
    assert set(table["document_title"]) == {"The Trust Machine", "What the Cameras See"}
    assert all("cage of data" in snippet and "**" not in snippet for snippet in table["snippet"])
    assert hits_table(corpus, []).empty
