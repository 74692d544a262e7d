"""The UI cache is keyed by the corpus itself: another corpus, or an edited version of the same
one, can never be served a view cached for the first."""

from __future__ import annotations

import copy

from perspectives.corpus import load_corpus
from perspectives.ui import cache


def test_a_cached_view_follows_the_corpus_it_is_given(write_corpus, corpus_files):
    first = load_corpus(write_corpus(corpus_files))
    edited_files = copy.deepcopy(corpus_files)
    edited_files["analysis/topics.yaml"][0]["label"] = "Social credit, relabelled"
    second = load_corpus(write_corpus(edited_files))
    assert first.fingerprint != second.fingerprint

    before = cache.topic_table(first, "social-credit", ())
    after = cache.topic_table(second, "social-credit", ())
    assert set(before["topic_label"]) == {"Social credit"}
    assert set(after["topic_label"]) == {"Social credit, relabelled"}
    # The same corpus again is a cache hit: the very same frame comes back.
    assert cache.topic_table(first, "social-credit", ()) is not None
    assert cache.matrix_frame(first).equals(cache.matrix_frame(first))


def test_a_brief_is_cached_per_motion_fields(corpus_dir):
    corpus = load_corpus(corpus_dir)
    motion = corpus.motions[0]
    proposition = cache.brief(corpus, motion, "proposition")
    opposition = cache.brief(corpus, motion, "opposition")
    assert proposition.side == "proposition" and opposition.side == "opposition"
    reworded = motion.model_copy(update={"text": "This House believes otherwise"})
    assert cache.brief(corpus, reworded, "proposition").motion_text == reworded.text
