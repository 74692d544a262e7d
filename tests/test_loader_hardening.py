"""The loader against careless and hostile files: empty required files and special files are
named (a pipe is never opened, so nothing blocks), links never lead out of the folder or round
in a loop, invisible control characters are refused where they are, every size has a limit
with a message, and YAML nesting is bounded with and without libyaml."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from perspectives.corpus import CorpusError, guards, load_corpus, snapshot
from perspectives.corpus.files import FolderFiles
from perspectives.corpus.salvage import load_valid
from perspectives.corpus.yamlfile import MAX_DEPTH, parse_yaml, parsers

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
BRANDT = "documents/brandt-2022.md"


@pytest.fixture
def rent(tmp_path) -> Path:
    return Path(shutil.copytree(RENT, tmp_path / "rent"))


def _problems(root: Path):
    with pytest.raises(CorpusError) as caught:
        load_corpus(root)
    return caught.value.problems


def _finishes(function, *args, seconds: float = 20.0):
    """Run `function` in a thread; fail if it has not returned within `seconds` (a blocked
    read of a pipe never would)."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(function(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function.__name__} did not finish"
    return box[0] if box else None


@pytest.mark.parametrize("name", ["topics", "camps", "voices"])
def test_an_empty_required_file_is_named(rent, name):
    rel = f"analysis/{name}.yaml"
    (rent / rel).write_bytes(b"")
    problems = _problems(rent)
    assert problems[0].file == rel
    assert problems[0].message == f"the file is empty: list the {name} here (or write [] for none)"


def test_an_empty_optional_file_is_no_problem(rent):
    (rent / "analysis" / "blind_spots.yaml").write_bytes(b"")
    assert load_corpus(rent).blind_spots == ()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("rel", ["documents/pipe.md", "analysis/topics.yaml", "corpus.yaml"])
def test_a_named_pipe_is_named_and_never_opened(rent, rel):
    (rent / rel).unlink(missing_ok=True)
    os.mkfifo(rent / rel)
    result = _finishes(load_valid, rent)
    assert result.problems[0].file == rel
    assert "not an ordinary file" in result.problems[0].message
    assert _finishes(snapshot.content_fingerprint, FolderFiles(rent))
    assert _finishes(FolderFiles(rent).stamp)


def test_a_link_out_of_the_folder_is_named_and_not_read(rent, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text((rent / BRANDT).read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(secret, rent / "documents" / "linked.md")
    problems = _problems(rent)
    assert [(p.file, p.message) for p in problems] == [
        ("documents/linked.md", guards.NOT_A_FILE["outside"])
    ]


def test_a_link_inside_the_folder_is_read(rent):
    os.symlink(rent / BRANDT, rent / "documents" / "brandt-copy.md")
    result = load_valid(rent)  # a link to a file inside the folder is an ordinary file
    assert not any(p.file == "documents/brandt-copy.md" for p in result.problems)
    assert result.corpus is not None


def test_a_folder_link_loop_ends(rent):
    os.symlink(rent, rent / "documents" / "loop")
    os.symlink(rent / "analysis", rent / "loop-analysis")
    result = _finishes(load_valid, rent)
    assert result.corpus is not None
    assert "documents/loop" in {p.file for p in result.problems}
    assert _finishes(snapshot.content_fingerprint, FolderFiles(rent))
    assert _finishes(FolderFiles(rent).stamp)


def test_control_characters_in_a_document_text_are_refused_with_their_line(rent):
    path = rent / BRANDT
    text = path.read_text(encoding="utf-8").replace("Building more", "Building\x0c more")
    path.write_text(text, encoding="utf-8")
    (problem,) = [p for p in _problems(rent) if p.file == BRANDT]
    assert problem.entry == "brandt-2022"
    assert "invisible control character (U+000C)" in problem.message
    assert text.split("\n")[problem.line - 1].startswith("Building\x0c")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ('"Housing\\x01 economist"', "U+0001"),
        ('"Housing \\ud800"', "U+D800"),
        ('"a\\uFFFE"', "U+FFFE"),
    ],
)
def test_control_characters_in_a_field_are_refused_naming_the_field(rent, written, code):
    path = rent / "analysis" / "voices.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("role: Housing economist", f"role: {written}"),
        encoding="utf-8",
    )
    result = load_valid(rent)
    (problem,) = result.problems
    assert (problem.file, problem.entry, problem.line) == (
        "analysis/voices.yaml",
        "adaeze-okafor",
        3,
    )
    assert f"the field 'role' holds an invisible control character ({code})" in problem.message
    assert result.corpus is not None
    assert all(not guards.FORBIDDEN.search(v.role) for v in result.corpus.voices)


def test_control_characters_in_front_matter_are_refused(rent):
    path = rent / BRANDT
    path.write_text(
        path.read_text(encoding="utf-8").replace("genre: advocacy newsletter", 'genre: "a\\x7f"'),
        encoding="utf-8",
    )
    (problem,) = _problems(rent)
    assert problem.file == BRANDT and "the field 'genre'" in problem.message and problem.line == 8


@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [
        ("MAX_DOCUMENT_BYTES", 1000, "the file is too large"),
        ("MAX_DOCUMENT_CHARS", 500, "the text is too long"),
        ("MAX_PARAGRAPHS", 3, "paragraphs (non-empty lines); at most 3"),
    ],
)
def test_a_document_over_a_limit_is_named(rent, monkeypatch, limit, value, words):
    monkeypatch.setattr(guards, limit, value)
    problems = _problems(rent)
    assert {p.file for p in problems if words in p.message} == {
        f"documents/{p.name}" for p in (rent / "documents").iterdir()
    }


def test_a_yaml_file_over_the_limit_is_named_and_not_parsed(rent, monkeypatch):
    monkeypatch.setattr(guards, "MAX_YAML_BYTES", 1000)
    problems = _problems(rent)
    first = problems[0]
    assert first.message.startswith("the file is too large (")
    assert "at most 1 KB" in first.message


@pytest.mark.parametrize("parser", parsers())
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 100_000 + "1" + "}" * 100_000,
        "- " * 100_000 + "x",
        "".join(" " * i + "- a:\n" for i in range(0, 400, 2)),
    ],
    ids=["lists", "mappings", "compact lists", "indented"],
)
def test_deep_nesting_is_a_yaml_error_not_a_crash(parser, text):
    with pytest.raises(yaml.YAMLError, match="too deeply nested"):
        parse_yaml(text, parser)


@pytest.mark.parametrize("parser", parsers())
def test_nesting_up_to_the_limit_is_read(parser):
    depth = MAX_DEPTH
    assert parse_yaml("[" * depth + "1" + "]" * depth, parser) is not None


@pytest.mark.parametrize("parser", parsers())
def test_references_are_refused(parser):
    """'*name' would let a small file stand for a huge one (each reference repeats a subtree)."""
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(yaml.YAMLError, match="alias"):
        parse_yaml(bomb, parser)


def test_a_deeply_nested_topics_file_is_one_problem(rent):
    (rent / "analysis" / "topics.yaml").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    problems = _problems(rent)
    assert problems[0].message.startswith("the file cannot be read: the lists and groups")
