"""A second corpus on another subject (rent control, tests/corpora/rent-control): every page and
every command works on it, and nothing the app shows speaks the default corpus' language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.ui.navigation import PAGE_SPECS
from tests.apptest import open_page
from tests.cli_run import run

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
PAGES = [file.removesuffix(".py") for specs in PAGE_SPECS.values() for file, *_ in specs]
# Words of the default corpus that generic code must never show on another reading list.
FOREIGN = re.compile(
    r"China|Chinese|Tiananmen|social credit|party-state|phantom|Beijing|Hong Kong|Xinjiang|"
    r"critical|favourable|sympathetic|democra",
    re.IGNORECASE,
)


def shown_text(at) -> str:
    """Everything a page wrote: markdown, captions, headings, alerts, widget labels, options."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning"):
        parts += [str(element.value) for element in at.get(kind)]
    for kind in ("selectbox", "multiselect", "radio", "text_input", "segmented_control"):
        for widget in at.get(kind):
            parts.append(str(getattr(widget, "label", "")))
            parts += [str(o) for o in getattr(widget, "options", []) or []]
            parts.append(str(getattr(widget, "placeholder", "") or ""))
    return "\n".join(parts)


@pytest.fixture
def rent_corpus(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
    return load_corpus(RENT)


def test_the_second_corpus_is_valid_and_on_another_subject(rent_corpus):
    assert len(rent_corpus.documents) == 3 and len(rent_corpus.topics) == 3
    assert rent_corpus.orientation.low.id == "market"
    assert not FOREIGN.search(" ".join(d.text for d in rent_corpus.documents))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_second_corpus_in_its_own_words(rent_corpus, page):
    at = open_page(page)
    text = shown_text(at)
    assert text.strip(), f"{page} showed nothing"
    foreign = sorted({m.group(0) for m in FOREIGN.finditer(text)})
    assert not foreign, f"{page} shows default-corpus words {foreign}"


def test_search_examples_come_from_the_second_corpus(rent_corpus):
    at = open_page("search")
    examples = next(i.value for i in at.info if "Examples from these texts" in i.value)
    assert "caps" in examples.lower()


def test_the_compare_page_uses_the_topics_own_poles(rent_corpus):
    at = open_page("compare", topic="what-to-do")
    text = shown_text(at)
    assert "toward “Free up building and leave rents alone”" in text
    assert "−2 · fully" in text


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(RENT)],
        ["export", "--format", "csv", "--corpus", str(RENT)],
        ["search", "caps", "--json", "--corpus", str(RENT)],
    ],
    ids=["validate", "export", "search"],
)
def test_every_corpus_command_works_on_the_second_corpus(args):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert not FOREIGN.search(result.stdout)


def test_printed_commands_work_on_the_second_corpus(tmp_path):
    for args in (
        ["brief", "--motion", "cap-increases", "--side", "opposition", "--format", "md"],
        ["brief", "--topic", "caps-and-supply", "--side", "market", "--format", "md"],
        ["handout", "--topics", "caps-and-supply,who-benefits", "--format", "md"],
        ["guide", "--doc", "brandt-2022", "--format", "md"],
    ):
        out = tmp_path / f"{args[0]}-{len(list(tmp_path.iterdir()))}.md"
        result = run(*args, "--corpus", str(RENT), "--out", str(out), "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["path"] == str(out)
        text = out.read_text(encoding="utf-8")
        assert not FOREIGN.search(text), (args, FOREIGN.findall(text))
        assert "Okafor" in text or "Brandt" in text or "Lindqvist" in text
