"""What the README screenshot (docs/screenshot.png) shows, as facts checked against the default
corpus: its counts and the stances on the topic it shows. The screenshot is made by
tests/e2e/test_readme_screenshot.py, which writes these facts beside it (docs/screenshot.json)."""

from __future__ import annotations

import json
from pathlib import Path

from perspectives.corpus.model import Corpus

ROOT = Path(__file__).resolve().parents[1]
PNG = ROOT / "docs" / "screenshot.png"
FACTS = ROOT / "docs" / "screenshot.json"
TOPIC = "social-credit"  # the README's caption: "The Compare page on the social credit topic"
REMAKE = "PERSPECTIVES_UPDATE_SCREENSHOT=1 python -m pytest tests/e2e/test_readme_screenshot.py"


def facts(corpus: Corpus) -> dict:
    """The figures the screenshot shows: the sidebar's counts, and each voice's stance (or
    state) on the topic, as the Compare page lists them."""
    return {
        "topic": TOPIC,
        "documents": len(corpus.documents),
        "voices": len(corpus.voices),
        "topics": len(corpus.topics),
        "positions": len(corpus.positions),
        "stances": {
            p.voice: p.stance if p.stance is not None else p.state
            for p in corpus.positions
            if p.topic == TOPIC
        },
    }


def recorded() -> dict | None:
    return json.loads(FACTS.read_text("utf-8")) if FACTS.exists() else None
