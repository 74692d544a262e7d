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
    kept_paragraphs,
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


def test_kept_paragraphs_fold_the_documents_into_one_set_kept_per_filters(corpus):
    assert kept_paragraphs(corpus, Filters()) is None
    assert kept_paragraphs(corpus, Filters(document="camera-report")) is None
    topic = kept_paragraphs(corpus, Filters(topic="social-credit"))
    assert topic == evidence_paragraphs(corpus, topic="social-credit")
    # The same object on each call: a reader's temporary table of it is filled once.
    assert kept_paragraphs(corpus, Filters(topic="social-credit")) is topic
    narrowed = kept_paragraphs(corpus, Filters(topic="social-credit", document="camera-report"))
    assert narrowed == {("camera-report", 5)}
    voice = kept_paragraphs(corpus, Filters(voice="ben-critic"))
    assert voice and {doc for doc, _ in voice} <= {"trust-essay", "camera-report"}
    assert kept_paragraphs(corpus, Filters(voice="ann-writer", document="camera-report")) == set()


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


def test_voice_filter_finds_only_the_voice_s_own_words(corpus):
    # "cage" is Ben Critic's evidence in the essay's paragraph 4, and Ann Writer's ("not a
    # cage") in 6; in the report it is in quotation marks, nobody's evidence: not its author's.
    assert where(filtered_search(corpus, "cage", Filters(voice="ben-critic"))) == [
        ("trust-essay", 4)
    ]
    assert filtered_search(corpus, "cage", Filters(voice="cara-voice")) == []
    assert where(filtered_search(corpus, "cage", Filters(voice="ann-writer"))) == [
        ("trust-essay", 6)
    ]
    # The essay's own prose is its author's: found under her name, with its evidence.
    results = filtered_search(corpus, "the", Filters(voice="ann-writer"))
    assert results and all("ann-writer" in r.speakers.voices for r in results)
    assert ("trust-essay", 6) in where(results)  # her evidence
    assert ("trust-essay", 3) in where(results)  # her prose, outside any evidence


def test_voice_filter_keeps_bm25_order(corpus):
    plain = filtered_search(corpus, "the", Filters(document="trust-essay"))
    ranked = filtered_search(corpus, "the", Filters(voice="ann-writer"))
    assert where(ranked) == [k for k in where(plain) if k in where(ranked)]


def test_every_hit_says_whose_words_it_matched(corpus):
    by_place = {
        (r.hit.document_id, r.hit.paragraph): r.speakers
        for r in filtered_search(corpus, '"cage of data"')
    }
    assert by_place[("trust-essay", 4)].voices == ("ben-critic",)
    quoted = by_place[("camera-report", 4)]
    assert quoted.voices == () and "quotation marks" in quoted.unattributed


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
    whose = dict(zip(table["document_id"], table["whose_words"], strict=True))
    assert whose["trust-essay"] == "Ben Critic (evidence)"
    assert whose["camera-report"].startswith("not attributed: in quotation marks")
    assert dict(zip(table["document_id"], table["speaker_ids"], strict=True)) == {
        "trust-essay": "ben-critic",
        "camera-report": "",
    }
    assert hits_table(corpus, []).empty
