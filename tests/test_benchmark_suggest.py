"""benchmarks/suggest.py's `suggestion_figures()`, which benchmarks/run.py reports: the keys
it promises, on the second corpus, without the model (the model's figures are measured by
running the benchmark itself)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.suggest import TARGETS, suggestion_figures

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"


def test_suggestion_figures_on_the_second_corpus_lexically():
    figures = suggestion_figures(RENT, lexical=True)
    json.dumps(figures)  # printed as JSON
    assert figures["model"] is None and figures["semantic"] is False
    assert figures["model_install_mb"] is None and figures["model_load_seconds"] is None
    for key in ("recall_at_3", "precision_at_1", "page_recall_at_5"):
        assert 0.0 <= figures[key] <= 1.0, key
    assert figures["evidence_paragraphs"] > 0
    assert figures["suggest_2000_words_seconds"] > 0
    assert figures["targets"] == TARGETS
