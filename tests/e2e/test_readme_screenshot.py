"""The README's screenshot, made from the app as it is (issue 11, item 8).

Every run takes the shot into artifacts/readme-screenshot.png. With
PERSPECTIVES_UPDATE_SCREENSHOT=1 it also replaces docs/screenshot.png and writes what it shows
(docs/screenshot.json), which tests/test_readme_screenshot.py checks against the corpus on
every fast run, so a stale screenshot is caught.
"""

from __future__ import annotations

import json
import os
import shutil

from perspectives.corpus import default_corpus_path, load_corpus
from tests.e2e.conftest import open_app, shot
from tests.screenshot_facts import FACTS, PNG, TOPIC, facts

SIZE = {"width": 1400, "height": 900}


def test_readme_screenshot_shows_the_current_corpus(page, server, artifacts):
    corpus = load_corpus(default_corpus_path())
    shown = facts(corpus)
    page.set_viewport_size(SIZE)
    open_app(page, f"{server}/compare?topic={TOPIC}")
    page.wait_for_selector(
        "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg"
    )
    page.wait_for_timeout(800)  # the chart's first paint
    sidebar = page.locator("[data-testid=stSidebar]").inner_text()
    assert f"{shown['positions']} positions" in sidebar, sidebar
    assert f"{shown['voices']} voices" in sidebar
    body = page.locator("[data-testid=stMain]").inner_text()
    assert corpus.topic(TOPIC).question in body
    for voice in shown["stances"]:
        assert corpus.voice(voice).name in body
    taken = shot(page, artifacts, "readme-screenshot")
    if os.environ.get("PERSPECTIVES_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(taken, PNG)
        FACTS.write_text(json.dumps(shown, indent=2, ensure_ascii=False) + "\n", "utf-8")
