"""Shared fixtures: a small, valid corpus written to a temporary folder.

`corpus_files` is the corpus as data (relative path -> content) for a test to break before
`write_corpus` writes it: a `Doc` for a document, a str or bytes for a file written as is,
None to leave a file out, anything else is dumped as YAML.
"""

from __future__ import annotations

import copy
import itertools
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.store_backends import store_url  # noqa: F401  (the store's two backends)

# Corpus snapshots (perspectives.corpus.snapshot) of the test run go to a folder of its own, for
# this process and the apps and commands it starts, never to the user's cache.
os.environ.setdefault("PERSPECTIVES_CACHE_DIR", tempfile.mkdtemp(prefix="perspectives-cache-"))

ESSAY_TEXT = """The Trust Machine

By Ann Writer

Officials say the “social credit” system is meant to build trust,    not fear.
Critics such as Ben Critic call it ‘a cage of data’ and warn that it will spread abroad.
In 2014 the State Council published a plan for the system.
Ann Writer argues that the West misreads the plan: "it is a ledger of promises, not a cage."
"""

REPORT_TEXT = """What the Cameras See
Cara Voice, a researcher, has studied surveillance in three provinces.
She finds that cameras and platforms give the state more eyes than ever,\tand citizens few.

Ben Critic, quoted here, says the data are “a cage of data” for everyone.
The 2014 plan promised a national system by 2020; much of it remains local and uneven.
"""


@dataclass
class Doc:
    meta: dict[str, Any]
    text: str

    def render(self) -> str:
        front = yaml.safe_dump(self.meta, sort_keys=False, allow_unicode=True)
        return f"---\n{front}---\n{self.text}"


def _meta(title: str, authors: list[str], day: date) -> dict[str, Any]:
    return {
        "title": title,
        "authors": authors,
        "outlet": "The Test Review",
        "date": day,
        "date_label": day.strftime("%B %Y"),
        "date_certainty": "high",
        "genre": "essay",
        "notes": {"outlet": "A journal invented for tests.", "text": "Written for tests."},
    }


def make_corpus_files() -> dict[str, Any]:
    """A minimal valid corpus: 2 documents, 2 topics, 2 camps, 3 voices, 5 positions, one
    claim, one event, one motion, one guide and one blind spot."""
    return {
        "corpus.yaml": {
            "name": "Test corpus",
            "description": "Two short texts on social credit.",
            "orientation": {
                "low": {"id": "critical", "label": "Most critical"},
                "high": {"id": "favourable", "label": "Most favourable"},
            },
        },
        "documents/trust-essay.md": Doc(
            _meta("The Trust Machine", ["Ann Writer"], date(2019, 3, 1)), ESSAY_TEXT
        ),
        "documents/camera-report.md": Doc(
            _meta("What the Cameras See", ["Cara Voice"], date(2020, 5, 2)), REPORT_TEXT
        ),
        "analysis/topics.yaml": [
            {
                "id": "social-credit",
                "label": "Social credit",
                "question": "What is the social credit system for?",
                "description": "Trust or control.",
                "poles": {"low": "instrument of repression", "high": "trust-building governance"},
            },
            {
                "id": "technology-and-control",
                "label": "Technology and control",
                "question": "Does digital modernisation empower citizens or the state?",
                "poles": {"low": "empowers the state", "high": "empowers citizens"},
            },
        ],
        "analysis/camps.yaml": [
            {
                "id": "optimists",
                "name": "Optimists",
                "description": "Trust first.",
                "colour": "#009E73",
            },
            {"id": "critics", "name": "Critics", "colour": "#D55E00"},
        ],
        "analysis/voices.yaml": [
            {
                "id": "ann-writer",
                "name": "Ann Writer",
                "role": "Essayist",
                "camp": "optimists",
                "documents": ["trust-essay"],
                "relation": "author",
            },
            {
                "id": "ben-critic",
                "name": "Ben Critic",
                "role": "Critic",
                "camp": "critics",
                "documents": ["trust-essay", "camera-report"],
                "relation": "quoted",
                "aliases": ["Critic"],
            },
            {
                "id": "cara-voice",
                "name": "Cara Voice",
                "role": "Researcher",
                "camp": "critics",
                "documents": ["camera-report"],
                "relation": "author",
            },
        ],
        "analysis/positions/trust-essay.yaml": {
            "document": "trust-essay",
            "positions": [
                {
                    "voice": "ann-writer",
                    "topic": "social-credit",
                    "stance": 2,
                    "state": "asserts",
                    "summary": "Social credit builds trust.",
                    "evidence": ["it is a ledger of promises, not a cage."],
                },
                {
                    "voice": "ann-writer",
                    "topic": "technology-and-control",
                    "state": "mentions",
                    "summary": "Mentions that the West misreads the plan.",
                    "evidence": ["the West\nmisreads the plan"],
                },
                {
                    "voice": "ben-critic",
                    "topic": "social-credit",
                    "stance": -2,
                    "state": "asserts",
                    "summary": "A cage of data.",
                    "disagreement": "value",
                    "answers": ["ann-writer/social-credit"],
                    "evidence": ["call it 'a cage of data' and warn"],
                },
            ],
        },
        "analysis/positions/camera-report.yaml": {
            "document": "camera-report",
            "positions": [
                {
                    "voice": "cara-voice",
                    "topic": "technology-and-control",
                    "stance": -1,
                    "state": "asserts",
                    "summary": "Technology gives the state more eyes.",
                    "evidence": ["cameras and platforms give the state more eyes than ever, and"],
                },
                {
                    "voice": "cara-voice",
                    "topic": "social-credit",
                    "stance": 0,
                    "state": "mixed",
                    "summary": "Promised nationally, still local.",
                    "evidence": [
                        "The 2014 plan promised a national system by 2020;",
                        "much of it remains local and uneven",
                    ],
                },
            ],
        },
        "analysis/claims.yaml": [
            {
                "id": "plan-2014",
                "document": "trust-essay",
                "quote": "In 2014 the State Council published a plan",
                "figure": "2014",
                "about": "The State Council's plan",
                "attributed_to": "the author",
                "source_kind": "author",
                "voice": "ann-writer",
                "topics": ["social-credit"],
            },
        ],
        "analysis/events.yaml": [
            {
                "id": "social-credit-plan",
                "date": date(2014, 6, 14),
                "precision": "day",
                "label": "State Council plan for a social credit system",
                "topics": ["social-credit"],
                "mentions": [
                    {"document": "trust-essay", "quote": "In 2014 the State Council"},
                    {"document": "camera-report", "quote": "The 2014 plan"},
                ],
            },
        ],
        "analysis/motions.yaml": [
            {
                "id": "trust-not-control",
                "topic": "social-credit",
                "text": "This House believes that social credit is a tool of trust",
                "proposition": "high",
            },
        ],
        "analysis/guides.yaml": [
            {
                "document": "trust-essay",
                "thesis": "Social credit is about trust.",
                "genre": "Essay",
                "evidence": ["assertion"],
                "cautions": ["One-sided."],
            },
        ],
        "analysis/blind_spots.yaml": [
            {"id": "no-official-voice", "title": "No official voice"},
        ],
    }


def write_files(root: Path, files: dict[str, Any]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Doc):
            path.write_text(content.render(), encoding="utf-8")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
    return root


@pytest.fixture
def corpus_files() -> dict[str, Any]:
    """A fresh copy of the valid corpus, as data, for a test to change."""
    return copy.deepcopy(make_corpus_files())


@pytest.fixture
def write_corpus(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """Write a corpus (as from `corpus_files`) to a new folder and return the folder."""
    counter = itertools.count()

    def write(files: dict[str, Any]) -> Path:
        return write_files(tmp_path / f"corpus-{next(counter)}", files)

    return write


@pytest.fixture
def corpus_dir(write_corpus, corpus_files) -> Path:
    """The folder of a valid corpus."""
    return write_corpus(corpus_files)


@pytest.fixture(scope="session")
def sample_texts() -> tuple[str, ...]:
    """The texts of the test corpus's documents."""
    return (ESSAY_TEXT, REPORT_TEXT)


HOSTILE_LINE = (
    "Markup test: <script>alert(1)</script> then **bold** then [link](javascript:alert(1)) "
    "then :red[colour] then $x^2$ then `code` and the end."
)
HOSTILE_QUOTE = "[link](javascript:alert(1)) then :red[colour]"


@pytest.fixture
def hostile_corpus_dir(write_corpus, corpus_files) -> Path:
    """A valid corpus whose essay holds markup and script in its title, its text and a quote:
    the app must show all of it literally."""
    essay = corpus_files["documents/trust-essay.md"]
    essay.meta["title"] = "The **Trust** Machine <b>[x](javascript:alert(1))</b>"
    essay.text = essay.text + HOSTILE_LINE + "\n"
    corpus_files["analysis/positions/trust-essay.yaml"]["positions"].append(
        {
            "voice": "ben-critic",
            "topic": "technology-and-control",
            "stance": -1,
            "state": "asserts",
            "summary": "A quote full of markup.",
            "evidence": [HOSTILE_QUOTE],
        }
    )
    return write_corpus(corpus_files)
