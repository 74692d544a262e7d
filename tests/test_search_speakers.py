"""Search says who speaks: each hit names the voices whose words it matched, and the voice
filter finds a voice's own words only (default corpus and the rent-control corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.views.search import Filters, filtered_search
from perspectives.views.speakers import _QUOTED, EXCERPTS, attribution, describe

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
QUERIES = ["democracy", "state", "trust", "people OR power", "rule*", "cap", "rent*", "homes"]


@pytest.fixture(scope="module")
def china():
    return load_cached(default_corpus_path())


@pytest.fixture(scope="module")
def rent():
    return load_cached(RENT)


def places(results) -> list[tuple[str, int]]:
    return [(r.hit.document_id, r.hit.paragraph) for r in results]


def test_phantom_democracy_is_keane_s_and_not_found_under_bing_song(china):
    (hit,) = filtered_search(china, '"phantom democracy"')
    assert hit.speakers.voices == ("john-keane",)
    assert describe(china, hit.speakers) == "John Keane (evidence)"
    assert filtered_search(china, '"phantom democracy"', Filters(voice="bing-song")) == []
    assert filtered_search(china, "phantom", Filters(voice="bing-song")) == []
    assert places(filtered_search(china, "phantom", Filters(voice="john-keane"))) == [
        (hit.hit.document_id, hit.hit.paragraph)
    ]
    # Song shares the compilation with Keane: she is still found, in her own words.
    own = filtered_search(china, "trust", Filters(voice="bing-song"))
    assert own and all("bing-song" in r.speakers.voices for r in own)


@pytest.mark.parametrize("which", ["china", "rent"])
def test_every_voice_filter_returns_only_that_voice_s_words(which, request):
    corpus = request.getfixturevalue(which)
    who = attribution(corpus)
    for voice in corpus.voices:
        for query in QUERIES:
            for result in filtered_search(corpus, query, Filters(voice=voice.id), 50):
                assert voice.id in result.speakers.voices, (voice.id, query, result.hit)
                mine = [
                    m
                    for m in result.hit.matches
                    if voice.id in who.of_words(result.hit.document_id, [m]).voices
                ]
                assert mine, "at least one matched word is the voice's own"


@pytest.mark.parametrize("which", ["china", "rent"])
def test_every_hit_says_whose_words_they_are(which, request):
    corpus = request.getfixturevalue(which)
    for query in QUERIES:
        for result in filtered_search(corpus, query, Filters(), 50):
            said = describe(corpus, result.speakers)
            assert said and (result.speakers.voices or said.startswith("not attributed"))
            for voice in result.speakers.voices:
                assert corpus.voice(voice).name in said


def test_a_compilation_s_unquoted_passages_are_not_attributed(china):
    who = attribution(china)
    excerpting = sorted(who.excerpting)
    assert excerpting, "the default corpus has a compilation"
    document = china.document(excerpting[0])
    quotes = [e for p in china.positions for e in p.evidence] + [c.quote for c in china.claims]
    spans = [e for e in quotes if e.document_id == document.id]
    bare = next(
        p
        for p in document.paragraphs
        if not any(e.start < p.end and p.start < e.end for e in spans)
    )
    assert who.of_words(document.id, [(bare.start, bare.start + 5)]).unattributed == EXCERPTS


def test_rent_control_a_tenant_s_words_are_hers_not_the_organiser_s(rent):
    (hit,) = filtered_search(rent, "neighbours")
    assert hit.speakers.voices == ("marta-silva",)
    assert filtered_search(rent, "neighbours", Filters(voice="jonas-brandt")) == []
    assert places(filtered_search(rent, "neighbours", Filters(voice="marta-silva"))) == [
        (hit.hit.document_id, hit.hit.paragraph)
    ]
    # Brandt's own prose, outside every quote, is his as the document's author.
    (evicted,) = filtered_search(rent, "evicted", Filters(voice="jonas-brandt"))
    assert evicted.speakers.authors == ("jonas-brandt",)
    assert describe(rent, evicted.speakers) == "Jonas Brandt (the document's author)"
    assert filtered_search(rent, "evicted", Filters(voice="marta-silva")) == []


def test_quotation_marks_are_not_confused_with_apostrophes():
    text = 'Critics call it ‘the party’s cage’ and the West’s “data state”, or "a ledger".'
    quoted = [m.group(0) for m in _QUOTED.finditer(text)]
    assert quoted == ["‘the party’s cage’", "“data state”", '"a ledger"']
