"""The default corpus in data/ validates, and each document's text is its seed, byte for byte.

The seeds live outside the repository (../shared/seeds; CI keeps a copy there). Their sha256 is
pinned here so the comparison never silently skips: the text is always checked against the
pinned hash, and against the seed file itself when the folder is present.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"

# seed file -> sha256 of its bytes (computed from ../shared/seeds when the corpus was written)
SEED_SHA256 = {
    "000_313fb12cc52bbf60.txt": "0e38faa38408b4bb799135e8ac1c286ec42c37bb9733b178968911e50380625b",
    "001_3932a862b8def1e9.txt": "86a0b499bc599984e5300e816e5deef72ac464807eb3f5c8f3ba6a8f15960d5e",
    "002_46b660f55a3db617.txt": "8df295ab79cda90eb24a4507953e3f235afcaa85d9786d08cffe2d965f0d2879",
    "003_5ad0f37811a2384d.txt": "dc29b1f69748c94d07cf5e524e23beb3d38308d0015113a6f6f7e0da4fc292d8",
    "004_eb057185001c364d.txt": "ef2a7cd29d1a4239ea963d03e1cbc807e1940be04fac6a2456e6ee94600af0fb",
}
DOCUMENT_SEEDS = {
    "yang-2023": "000_313fb12cc52bbf60.txt",
    "the-bl-2022": "001_3932a862b8def1e9.txt",
    "dobson-2020": "002_46b660f55a3db617.txt",
    "gardels-2018": "003_5ad0f37811a2384d.txt",
    "rothschild-2018": "004_eb057185001c364d.txt",
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DATA)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def raw_text(document_id: str) -> bytes:
    """The bytes after the front matter of documents/ID.md, read without the loader."""
    data = (DATA / "documents" / f"{document_id}.md").read_bytes()
    assert data.startswith(b"---\n"), f"{document_id}: no front matter"
    end = data.index(b"\n---\n", 3)
    return data[end + len(b"\n---\n") :]


def test_default_corpus_path_is_data(monkeypatch):
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    assert default_corpus_path().resolve() == DATA.resolve()


def test_default_corpus_validates(corpus):
    assert corpus.source == str(DATA)
    assert len(corpus.documents) == 5
    assert corpus.positions and corpus.topics and corpus.voices


def test_every_document_names_its_seed(corpus):
    assert {d.id: d.seed for d in corpus.documents} == DOCUMENT_SEEDS
    assert set(DOCUMENT_SEEDS.values()) == set(SEED_SHA256)


@pytest.mark.parametrize("document_id", sorted(DOCUMENT_SEEDS))
def test_text_matches_the_pinned_seed_hash(corpus, document_id):
    document = corpus.document(document_id)
    assert sha256(document.text.encode("utf-8")) == SEED_SHA256[document.seed]
    # The file itself, not only what the loader made of it (no BOM, no newline translation).
    assert sha256(raw_text(document_id)) == SEED_SHA256[document.seed]


@pytest.mark.parametrize("document_id", sorted(DOCUMENT_SEEDS))
def test_text_equals_the_seed_file(corpus, document_id):
    document = corpus.document(document_id)
    seed = SEEDS / document.seed
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent; the pinned sha256 was checked instead")
    data = seed.read_bytes()
    assert sha256(data) == SEED_SHA256[document.seed], f"{seed} changed since it was pinned"
    assert document.text == data.decode("utf-8")
    assert raw_text(document_id) == data
