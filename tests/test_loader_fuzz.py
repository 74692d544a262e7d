"""The loader fuzzed: whatever one corpus file holds (random bytes, random text, YAML-ish token
soup, the real file mutated, deep nesting, giant lines, odd UTF-8), `load_corpus` either loads
or raises CorpusError, and `load_valid` never raises. No traceback, no hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perspectives.corpus import CorpusError, load_corpus
from perspectives.corpus.files import MemoryFiles
from perspectives.corpus.salvage import load_valid

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
ORIGINAL = {
    path.relative_to(RENT).as_posix(): path.read_bytes()
    for path in sorted(RENT.rglob("*"))
    if path.is_file()
}
NAMES = sorted(ORIGINAL)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure is reproducible in CI
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TOKENS = [
    "- ",
    ": ",
    "\n",
    "\n  ",
    "\n- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "!!python/object ",
    "!tag ",
    "\t",
    "'",
    '"',
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "? ",
    "|\n  ",
    ">-\n  ",
    "#",
    "\\x01",
    "\\ud800",
    "\\uFFFE",
    "\x00",
    "\x0c",
    "\x85",
    "\ufeff",
    "\u2028",
    "é",
    "😀",
    "\r\n",
    "null",
    "~",
    "yes",
    "2020-13-45",
    "1e999",
    "-2",
    "3",
    "id",
    "voice",
    "topic",
    "stance",
    "evidence",
    "quote",
    "title",
    "caps-and-supply",
    "okafor-2021",
    "adaeze-okafor",
    "x" * 300,
]


def _yamlish() -> st.SearchStrategy[bytes]:
    return st.lists(st.sampled_from(TOKENS), max_size=60).map(lambda t: "".join(t).encode())


def _mutated(original: bytes) -> st.SearchStrategy[bytes]:
    """The real file with a slice replaced by random bytes or tokens."""
    return st.tuples(
        st.integers(0, len(original)),
        st.integers(0, 40),
        st.one_of(st.binary(max_size=20), _yamlish()),
    ).map(lambda t: original[: t[0]] + t[2] + original[t[0] + t[1] :])


def _deep() -> st.SearchStrategy[bytes]:
    return st.tuples(st.sampled_from(["[", "{a: ", "- ", "- a:\n  "]), st.integers(1, 3000)).map(
        lambda t: (t[0] * t[1] + "x").encode()
    )


def _content(name: str) -> st.SearchStrategy[bytes]:
    original = ORIGINAL[name]
    return st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
        _yamlish(),
        _mutated(original),
        _deep(),
        st.integers(1, 200_000).map(lambda n: b"title: " + b"a" * n),  # a giant line
        st.just(original.replace(b"\n", b"\r")),
        st.just(b"\xef\xbb\xbf" + original),  # a byte-order mark
    )


@st.composite
def _corpus_files(draw) -> dict[str, bytes]:
    files = dict(ORIGINAL)
    for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True)):
        files[name] = draw(_content(name))
    return files


def _check(files: dict[str, bytes]) -> None:
    memory = MemoryFiles(files, name="fuzzed")
    try:
        load_corpus(memory)
    except CorpusError as error:
        assert error.problems, "a CorpusError names at least one problem"
        assert all(p.file and p.message for p in error.problems)
    result = load_valid(memory)
    assert result.corpus is not None or result.problems


@pytest.mark.timeout(120)
@FUZZ
@given(_corpus_files())
def test_any_content_in_any_file_is_a_message(files):
    _check(files)


@pytest.mark.timeout(120)
@FUZZ
@given(
    st.sampled_from([n for n in NAMES if n.startswith("documents/")]),
    st.one_of(_yamlish(), st.binary(max_size=200), _deep()),
    st.binary(max_size=200),
)
def test_front_matter_and_text_fuzzed(name, front, text):
    files = dict(ORIGINAL)
    files[name] = b"---\n" + front + b"\n---\n" + text
    _check(files)
