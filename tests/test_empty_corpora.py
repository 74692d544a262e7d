"""Valid corpora with nothing in one part (no topics, no voices, no positions, no motions, no
documents): every page says so in words and every command gives a message, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.ui.navigation import PAGE_SPECS
from tests.apptest import open_page
from tests.cli_run import run

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
PAGES = [file.removesuffix(".py") for specs in PAGE_SPECS.values() for file, *_ in specs]


def _empty(root: Path, *names: str) -> None:
    """Make analysis files (or folders) empty lists."""
    for name in names:
        path = root / "analysis" / name
        if path.is_dir():  # a folder-only kind (positions): no files at all
            shutil.rmtree(path)
        else:
            path.write_text("[]\n", encoding="utf-8")


# What each variant empties; what it removes must take out what refers to it, so that the
# corpus stays valid.
VARIANTS = {
    "no-positions": ("positions",),
    "no-motions": ("motions.yaml",),
    "no-topics": ("positions", "motions.yaml", "topics.yaml", "claims.yaml", "events.yaml"),
    "no-voices": ("positions", "voices.yaml", "claims.yaml"),
}


def make_empty(tmp_path: Path, variant: str) -> Path:
    root = tmp_path / variant
    shutil.copytree(RENT, root)
    _empty(root, *VARIANTS[variant])
    return root


@pytest.fixture(params=sorted(VARIANTS))
def empty_corpus(request, tmp_path, monkeypatch):
    root = make_empty(tmp_path, request.param)
    load_corpus(root)  # valid: the pages below meet an empty part, not a problem list
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(root))
    return request.param, root


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_an_empty_corpus(empty_corpus, page):
    at = open_page(page)  # fails on any exception
    shown = [
        str(e.value) for kind in ("markdown", "info", "caption", "title") for e in at.get(kind)
    ]
    assert any(s.strip() for s in shown), f"{page} on {empty_corpus[0]} showed nothing"


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["search", "rent"],
        ["guide", "--doc", "brandt-2022", "--format", "md"],
    ],
)
def test_every_command_gives_a_message_on_an_empty_corpus(empty_corpus, args, tmp_path):
    variant, root = empty_corpus
    extra = ["--out", str(tmp_path / "out.md")] if args[0] == "guide" else []
    where = [str(root)] if args[0] == "validate" else ["--corpus", str(root)]
    result = run(*args, *where, *extra)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.parametrize(
    ("variant", "page", "words"),
    [
        ("no-topics", "compare", "no topics yet"),
        ("no-topics", "debate", "no topics yet"),
        ("no-voices", "voices", "no voices yet"),
        ("no-voices", "matrix", "no voices yet"),
    ],
)
def test_a_page_needing_a_missing_part_says_which(tmp_path, monkeypatch, variant, page, words):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(make_empty(tmp_path, variant)))
    at = open_page(page)
    assert any(words in info.value for info in at.info), [i.value for i in at.info]
