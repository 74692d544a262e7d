"""The README's screenshot shows the corpus as it is: the facts recorded when it was made
(docs/screenshot.json) match the default corpus' counts and its stances on the topic shown."""

from __future__ import annotations

from perspectives.corpus import default_corpus_path, load_cached
from tests.screenshot_facts import FACTS, PNG, REMAKE, facts, recorded


def test_the_readme_screenshot_is_not_stale():
    assert PNG.exists() and FACTS.exists(), f"make it: {REMAKE}"
    assert recorded() == facts(load_cached(default_corpus_path())), (
        f"docs/screenshot.png shows another state of the corpus than data/; remake it: {REMAKE}"
    )
