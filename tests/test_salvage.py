"""A corpus with problems still opens: the valid part loads, each broken entry and what depends
on it is left out, the problems are those of the files as they are, nothing is written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from perspectives.corpus import CorpusError, load_corpus
from perspectives.corpus.salvage import load_valid

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"


@pytest.fixture
def rent(tmp_path) -> Path:
    return Path(shutil.copytree(RENT, tmp_path / "rent"))


def _indent_line_with_tab(path: Path, number: int) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number] = "\t" + lines[number].lstrip()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_valid_corpus_loads_whole(rent):
    result = load_valid(rent)
    assert result.problems == () and result.left_out == ()
    assert result.corpus == load_corpus(rent)


def test_a_wrong_quote_leaves_out_its_position_and_what_answers_it(rent):
    path = rent / "analysis" / "positions" / "okafor-2021.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(evidence:\n\s*- )([\"']?)(\w)", r"\1\2XYZZY \3", text, count=1), "utf-8"
    )
    before = path.read_bytes()
    result = load_valid(rent)
    assert [p.message.split(":")[0] for p in result.problems] == [
        "quote not found in document okafor-2021"
    ]
    assert "closest passage" in result.problems[0].message
    corpus = result.corpus
    assert corpus is not None and len(corpus.positions) == 7  # 9 less the broken one and its reply
    assert ("adaeze-okafor", "caps-and-supply") not in {
        (p.voice, p.topic) for p in corpus.positions
    }
    assert len(result.left_out) == 2
    assert path.read_bytes() == before  # nothing is written
    with pytest.raises(CorpusError):
        load_corpus(rent)  # the strict loader still refuses


def test_an_unreadable_topics_file_leaves_the_documents_and_voices(rent):
    _indent_line_with_tab(rent / "analysis" / "topics.yaml", 1)
    result = load_valid(rent)
    corpus = result.corpus
    assert corpus is not None
    assert (len(corpus.documents), len(corpus.voices), len(corpus.topics)) == (3, 4, 0)
    assert len(result.problems) == 2  # the file, and one line for what it left unchecked
    assert "analysis/topics.yaml" in result.left_out


def test_a_broken_manifest_shows_nothing_but_its_problem(rent):
    (rent / "corpus.yaml").write_text("name: [\n", encoding="utf-8")
    result = load_valid(rent)
    assert result.corpus is None
    assert [p.file for p in result.problems] == ["corpus.yaml"]
