"""Full-text search (perspectives/search.py) on the small test corpus of conftest.py."""

from __future__ import annotations

from datetime import date

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.document import Document
from perspectives.recent import Recent
from perspectives.views import search_index as search_module
from perspectives.views.search_index import SearchError, SearchIndex, index_for, search


@pytest.fixture
def corpus(corpus_dir):
    return load_corpus(corpus_dir)


def document(doc_id: str, text: str) -> Document:
    return Document(
        id=doc_id,
        text=text,
        title=doc_id,
        authors=(),
        outlet="Test",
        date=date(2020, 1, 1),
        date_label="2020",
        date_certainty="high",
        genre="test",
    )


def located(corpus, hits):
    return [(hit.document_id, hit.paragraph) for hit in hits]


def test_bm25_ranks_more_frequent_and_denser_matches_first():
    index = SearchIndex(
        [
            document("long", "trust appears once in this rather long line full of other words\n"),
            document("dense", "trust, trust and again trust\nnothing to see here\n"),
            document("short", "trust once\n"),
        ]
    )
    hits = index.search("trust")
    assert [(h.document_id, h.paragraph) for h in hits] == [
        ("dense", 1),
        ("short", 1),
        ("long", 1),
    ]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.score > 0 for h in hits)


def test_the_paragraph_that_repeats_a_word_ranks_first(corpus):
    hits = search(corpus, "data")
    # "the data are “a cage of data”" says data twice; the essay's line once.
    assert located(corpus, hits) == [("camera-report", 4), ("trust-essay", 4)]


def test_words_match_anywhere_a_phrase_only_in_order(corpus):
    assert located(corpus, search(corpus, "data cage")) == [
        ("camera-report", 4),
        ("trust-essay", 4),
    ]
    assert search(corpus, '"data cage"') == []
    assert len(search(corpus, '"cage of data"')) == 2
    assert located(corpus, search(corpus, '"social credit"')) == [("trust-essay", 3)]
    assert search(corpus, '"credit officials"') == []
    assert located(corpus, search(corpus, "credit officials")) == [("trust-essay", 3)]


def test_typographic_quotes_make_a_phrase_too(corpus):
    assert search(corpus, "“data cage”") == []
    assert len(search(corpus, "“cage of data”")) == 2


def test_operators_and_prefixes(corpus):
    assert located(corpus, search(corpus, "cage NOT data")) == [("trust-essay", 6)]
    # Stemming: "critics" also excludes the report's line that names "Ben Critic".
    assert located(corpus, search(corpus, "cage NOT critics")) == [("trust-essay", 6)]
    assert {h.document_id for h in search(corpus, "surveil*")} == {"camera-report"}
    assert len(search(corpus, "ledger OR eyes")) == 2


def test_stemming_matches_other_forms_of_a_word(corpus):
    hits = search(corpus, "camera")
    assert sorted(located(corpus, hits)) == [("camera-report", 1), ("camera-report", 3)]
    marked = {text for hit in hits for text, is_match in hit.segments if is_match}
    assert marked == {"Cameras", "cameras"}


def test_snippet_marks_the_matched_terms(corpus):
    (hit,) = search(corpus, "ledger promises")
    assert "**ledger**" in hit.snippet and "**promises**" in hit.snippet
    matched = [text for text, is_match in hit.segments if is_match]
    assert matched == ["ledger", "promises"]
    plain = "".join(text for text, _ in hit.segments)
    assert "\x02" not in plain and "\x03" not in plain
    assert hit.snippet.replace("**", "") == plain


def test_offsets_map_into_the_document_text(corpus):
    for query in ("cage", "plan", '"more eyes"', "citizens", "trust"):
        hits = search(corpus, query)
        assert hits, query
        for hit in hits:
            doc = corpus.document(hit.document_id)
            paragraph = doc.paragraphs[hit.paragraph - 1]
            assert doc.text[hit.start : hit.end] == paragraph.text
            assert (hit.start, hit.end) == (paragraph.start, paragraph.end)
            assert hit.matches, query
            for start, end in hit.matches:
                assert hit.start <= start < end <= hit.end
            # A phrase is marked as one span; words one by one (in any inflection).
            marked = [doc.text[start:end].casefold() for start, end in hit.matches]
            if query.startswith('"'):
                assert set(marked) == {query.strip('"')}, marked
            else:
                assert set(marked) <= {query, query + "s"}, marked


def test_matches_cover_every_matched_word_of_the_paragraph(corpus):
    doc = corpus.document("camera-report")
    (hit,) = search(corpus, "data cage", documents=["camera-report"])
    assert [doc.text[s:e] for s, e in hit.matches] == ["data", "cage", "data"]
    (hit,) = search(corpus, '"a cage of data"', documents=["camera-report"])
    assert [doc.text[s:e] for s, e in hit.matches] == ["a cage of data"]


def test_document_filter(corpus):
    assert {h.document_id for h in search(corpus, "cage")} == {"trust-essay", "camera-report"}
    assert {h.document_id for h in search(corpus, "cage", documents=["camera-report"])} == {
        "camera-report"
    }
    assert {h.document_id for h in search(corpus, "cage", documents=("trust-essay",))} == {
        "trust-essay"
    }
    assert search(corpus, "cage", documents=[]) == []


def test_limit(corpus):
    assert len(search(corpus, "the")) > 1
    assert len(search(corpus, "the", limit=1)) == 1


def test_a_word_that_is_not_there_finds_nothing(corpus):
    assert search(corpus, "xylophone") == []


@pytest.mark.parametrize("query", ['"cage', 'cage "of data', '"'])
def test_an_unreadable_query_raises_a_search_error_with_a_message(corpus, query):
    with pytest.raises(SearchError) as caught:
        search(corpus, query)
    message = str(caught.value)
    assert "could not be read" in message
    assert 'every opening " has a closing one' in message


@pytest.mark.parametrize("query", ["(cage", "cage AND", "NOT", "col:cage", "china's", "a-cage"])
def test_fts_syntax_typed_by_accident_is_read_as_words(corpus, query):
    assert isinstance(search(corpus, query), list)


def test_punctuation_in_a_word_still_finds_it(corpus):
    assert located(corpus, search(corpus, "cage:")) == located(corpus, search(corpus, "cage"))


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_an_empty_query_raises(corpus, query):
    with pytest.raises(SearchError, match="Type a word"):
        search(corpus, query)


def test_index_is_built_once_per_fingerprint(corpus, corpus_dir, corpus_files, write_corpus):
    index = index_for(corpus)
    assert index_for(corpus) is index
    again = load_corpus(corpus_dir)  # a new object with the same fingerprint
    assert again is not corpus and again.fingerprint == corpus.fingerprint
    assert index_for(again) is index
    assert index.size == sum(len(d.paragraphs) for d in corpus.documents)

    corpus_files["analysis/blind_spots.yaml"] = [{"id": "other", "title": "Other"}]
    other = load_corpus(write_corpus(corpus_files))
    assert other.fingerprint != corpus.fingerprint
    assert index_for(other) is not index


def test_only_the_most_recent_indexes_are_kept(corpus, monkeypatch):
    monkeypatch.setattr(search_module, "_INDEXES", Recent(2, serial=True))
    versions = [corpus.model_copy(update={"fingerprint": f"v{n}"}) for n in range(3)]
    first = index_for(versions[0])
    index_for(versions[1])
    assert index_for(versions[0]) is first  # used again: now the most recent
    index_for(versions[2])  # evicts v1, the least recently used
    assert search_module._INDEXES.keys() == ["v0", "v2"]
    assert index_for(versions[0]) is first


@pytest.mark.parametrize(
    "marked",
    [
        "plain",
        "\x02a\x03 b \x02cd\x03",
        "\x02\x03x",
        "a\x02b\x02c\x03d",
        "a\x03b\x02c",
        "\x02x\x03\x02",
    ],
)
def test_marked_text_splits_as_the_marker_regex_does(marked):
    """Segments and match offsets by str.find agree with `\x02(.*?)\x03` (the old regex)."""
    import re

    found = list(re.finditer("\x02(.*?)\x03", marked, re.S))
    parts, pos = [], 0
    for m in found:
        parts += [(marked[pos : m.start()], False)] if m.start() > pos else []
        parts.append((m.group(1), True))
        pos = m.end()
    parts += [(marked[pos:], False)] if pos < len(marked) else []
    assert search_module._segments(marked) == tuple(parts)
    offsets, plain = [], 10
    for text, is_match in parts:
        if is_match:
            offsets.append((plain, plain + len(text)))
        plain += len(text)
    assert search_module._match_offsets(marked, 10) == tuple(offsets)


def test_refine_finds_the_accepted_rows_past_several_chunks_in_rank_order():
    """A refine that rejects most rows still gets the first `limit` it accepts, in BM25 order
    (the chunks it reads grow; none is skipped)."""
    text = "\n\n".join(f"tree {'tree ' * (i % 7)}number {i}" for i in range(400))
    index = SearchIndex([document("long", text)])
    every = index.search("tree", limit=400)
    wanted = {h.paragraph for h in every if h.paragraph % 37 == 0}
    hits = index.search("tree", limit=5, refine=lambda doc, m: index_paragraph(text, m) in wanted)
    assert [h.paragraph for h in hits] == [h.paragraph for h in every if h.paragraph in wanted][:5]
    assert len(hits) == 5


def index_paragraph(text: str, matches) -> int:
    """The paragraph number (from 1) holding the first matched word."""
    return text[: matches[0][0]].count("\n\n") + 1
