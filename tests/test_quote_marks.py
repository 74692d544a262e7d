"""No doubled quote marks wherever a quote is rendered (issue 9.10): a verbatim quote that
itself opens or closes with a double mark is wrapped in single marks, never in a second pair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.exports.layout import brief_layout, guide_layout, handout_layout
from perspectives.exports.markdown import write_markdown
from perspectives.teaching.brief import build_brief, custom_motion
from perspectives.teaching.guide import build_guide
from perspectives.teaching.handout import build_handout
from perspectives.wording import quoted

CORPORA = [default_corpus_path(), Path(__file__).parent / "corpora" / "rent-control"]
DOUBLED = re.compile(r"[“”\"„″]{2}")


def test_quoted_wraps_once():
    assert quoted("plain words") == "“plain words”"
    assert quoted("“If one day,” he said.") == "‘“If one day,” he said.’"
    assert quoted("he said “no”") == "‘he said “no”’"
    assert not DOUBLED.search(quoted('"a" and "b"'))


@pytest.mark.parametrize("path", CORPORA, ids=["default", "rent-control"])
def test_every_quote_renders_without_doubled_marks(path):
    corpus = load_corpus(path)
    quotes = [e.text for p in corpus.positions for e in p.evidence]
    quotes += [c.quote.text for c in corpus.claims]
    for text in quotes:
        if not DOUBLED.search(text):  # a doubled pair inside the text itself would be verbatim
            assert not DOUBLED.search(quoted(text)), text
    pages = [
        write_markdown(handout_layout(build_handout(corpus, [t.id for t in corpus.topics], None)))
    ]
    pages += [write_markdown(guide_layout(build_guide(corpus, d.id))) for d in corpus.documents]
    for topic in corpus.topics:
        for pole in ("low", "high"):
            brief = build_brief(corpus, custom_motion(corpus, topic.id, pole), "proposition")
            pages.append(write_markdown(brief_layout(brief)))
    for page in pages:
        bad = [m.group() for m in DOUBLED.finditer(page.replace("\\", ""))]
        assert bad == [], bad


def test_the_default_corpus_has_a_quote_that_opens_with_a_mark():
    corpus = load_corpus(default_corpus_path())
    texts = [c.quote.text for c in corpus.claims] + [
        e.text for p in corpus.positions for e in p.evidence
    ]
    assert any(t.startswith("“") for t in texts)
