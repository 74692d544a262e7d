"""The corpus snapshot on disk (warm loads) and the quote locator's text index."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perspectives.corpus import clear_cache, load_cached, load_corpus, snapshot
from perspectives.corpus.files import FolderFiles
from perspectives.corpus.quotes import TextIndex, locate


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(snapshot.ENV_VAR, str(folder))
    clear_cache()
    yield folder
    clear_cache()


def entries(folder):
    return sorted(folder.glob("corpus-*.pickle"))


def test_snapshot_round_trip_equals_the_loaded_corpus(corpus_dir):
    corpus = load_corpus(corpus_dir)
    again = snapshot.loads(snapshot.dumps(corpus))
    assert again == corpus
    assert again.fingerprint == corpus.fingerprint
    assert again.position("ann-writer", "social-credit").id == "ann-writer/social-credit"
    document = again.documents[0]
    assert (
        document.paragraphs[0].text
        == document.text[document.paragraphs[0].start :].split("\n")[0].strip()
    )


def test_a_second_process_reads_the_snapshot(corpus_dir, cache):
    first = load_cached(corpus_dir)
    assert len(entries(cache)) == 1
    clear_cache()  # as a new process would start
    second = load_cached(corpus_dir)
    assert second is not first and second == first


def test_a_changed_file_is_a_new_key(corpus_dir, cache):
    load_cached(corpus_dir)
    key = snapshot.content_fingerprint(FolderFiles(corpus_dir))
    topics = corpus_dir / "analysis" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert snapshot.content_fingerprint(FolderFiles(corpus_dir)) != key
    clear_cache()
    load_cached(corpus_dir)
    assert len(entries(cache)) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", snapshot._FORMAT + b"\x80\x05truncated"])
def test_a_corrupt_entry_is_ignored_and_replaced(corpus_dir, cache, damage):
    expected = load_cached(corpus_dir)
    (entry,) = entries(cache)
    entry.write_bytes(damage)
    clear_cache()
    assert load_cached(corpus_dir) == expected
    assert snapshot.loads(entry.read_bytes()) == expected  # written again, whole


def test_an_entry_of_another_kind_is_ignored(corpus_dir, cache):
    expected = load_cached(corpus_dir)
    (entry,) = entries(cache)
    import pickle

    entry.write_bytes(snapshot._FORMAT + pickle.dumps({"not": "a corpus"}))
    clear_cache()
    assert load_cached(corpus_dir) == expected


def test_the_cache_can_be_turned_off(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(snapshot.ENV_VAR, "off")
    clear_cache()
    load_cached(corpus_dir)
    assert snapshot.cache_dir() is None
    assert not list(tmp_path.rglob("corpus-*.pickle"))


def test_recheck_after_skips_the_stamp_within_the_window(corpus_dir, cache):
    first = load_cached(corpus_dir, recheck_after=3600)
    topics = corpus_dir / "analysis" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert load_cached(corpus_dir, recheck_after=3600) is first
    assert load_cached(corpus_dir) is not first  # no window: the change is seen


def reference_offsets(text: str) -> list[int]:
    """The original offset of each normalised character, built the slow, obvious way."""
    starts = []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group()[0].isspace():
            starts.append(match.start())
        else:
            starts.extend(range(match.start(), match.end()))
    return starts


@given(st.text(alphabet=st.sampled_from(list("ab ’“\n\t\u00a0\u2028.")), max_size=60))
def test_text_index_maps_back_like_the_per_character_table(text):
    index = TextIndex(text)
    starts = reference_offsets(text)
    assert len(starts) == len(index.norm)
    assert [index.original(n) for n in range(len(index.norm))] == starts


@given(
    st.text(alphabet=st.sampled_from(list("ab ’“\n\t")), max_size=40),
    st.integers(0, 40),
    st.integers(1, 12),
)
def test_locate_returns_a_span_that_normalises_to_the_quote(text, at, size):
    quote = text[at : at + size]
    span = locate(text, quote)
    if quote.strip():
        assert span is not None
        start, end = span
        assert " ".join(text[start:end].split()).replace("’", "'").replace("“", '"') == " ".join(
            quote.split()
        ).replace("’", "'").replace("“", '"')
