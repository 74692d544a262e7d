"""Passage suggestions: quality, speed and the model's cost. Prints ONE JSON object.

    python benchmarks/suggest.py [--corpus DIR] [--lexical]

Quality, leave one document out: each document of the corpus in turn is suggested for as if
new (every quote of it ignored, `--exclude-document`), and its curated evidence paragraphs (a
paragraph that a position's quote touches; its truth is the topics of those positions) are
the test:
- `recall_at_3`: per evidence paragraph, the share of its true topics (at most 3) among its
  top three suggested topics, averaged over the paragraphs;
- `precision_at_1`: the share of evidence paragraphs whose first topic is a true one;
- `page_recall_at_5`: per (document, topic) with evidence, the share of its evidence
  paragraphs among the topic's five best paragraphs of that document (the Find passages page).

Speed: `suggest_2000_words_seconds` is the median of 5 runs of the whole `suggest` work on a
2,000-word text made of the corpus' paragraphs, model already loaded (topic profiles and their
quotes embedded, paragraphs scored, every paragraph's topics ranked). The model:
`model_install_mb` (installed files of the model's package and the packages only it needs)
and `model_load_seconds` (load in a fresh interpreter, imports included, median of 3).

`suggestion_figures()` is what benchmarks/run.py reports under "suggestions".
Targets (issue 10): recall_at_3 >= 0.8, precision_at_1 >= 0.7, under 2 s for 2,000 words.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from perspectives.corpus import Corpus, default_corpus_path, load_corpus
from perspectives.views.reader import paragraphs_touched
from perspectives.workspace.suggest.embedding import MODEL_NAME, PACKAGE, Embedder, load_embedder
from perspectives.workspace.suggest.ranking import Suggester

# The packages the model brings that the app would not need otherwise.
MODEL_PACKAGES = (PACKAGE, "safetensors", "tokenizers", "toml")
TARGETS = {"recall_at_3": 0.8, "precision_at_1": 0.7, "suggest_2000_words_seconds": 2.0}


def truth(corpus: Corpus, document_id: str) -> dict[int, set[str]]:
    """Paragraph number -> the topics of the positions whose quotes touch it."""
    document = corpus.document(document_id)
    found: dict[int, set[str]] = {}
    for position in corpus.positions:
        for evidence in position.evidence:
            if evidence.document_id == document_id:
                for paragraph in paragraphs_touched(document, evidence.start, evidence.end):
                    found.setdefault(paragraph.number, set()).add(position.topic)
    return found


def quality(corpus: Corpus, embedder: Embedder | None | bool = True) -> dict:
    recalls, firsts, page = [], [], []
    for document in corpus.documents:
        true = truth(corpus, document.id)
        if not true:
            continue
        suggester = Suggester(corpus, exclude_document=document.id, embedder=embedder)
        table = suggester.score([p.text for p in document.paragraphs])
        for number, topics in true.items():
            ranked = [topic for topic, _ in table.topics_for(number - 1)]
            recalls.append(len(topics & set(ranked[:3])) / min(len(topics), 3))
            firsts.append(ranked[0] in topics)
        for topic_id in {t for topics in true.values() for t in topics}:
            wanted = {n for n, topics in true.items() if topic_id in topics}
            best = {row + 1 for row, _ in table.paragraphs_for(topic_id)[:5]}
            page.append(len(wanted & best) / min(len(wanted), 5))
    return {
        "recall_at_3": round(statistics.mean(recalls), 3),
        "precision_at_1": round(statistics.mean(firsts), 3),
        "page_recall_at_5": round(statistics.mean(page), 3),
        "evidence_paragraphs": len(recalls),
    }


def two_thousand_words(corpus: Corpus) -> list[str]:
    paragraphs, words = [], 0
    while words < 2000:
        for document in corpus.documents:
            for paragraph in document.paragraphs:
                paragraphs.append(paragraph.text)
                words += len(paragraph.text.split())
                if words >= 2000:
                    return paragraphs
    return paragraphs


def speed(corpus: Corpus, embedder: Embedder | None | bool = True, runs: int = 5) -> float:
    paragraphs = two_thousand_words(corpus)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        table = Suggester(corpus, embedder=embedder).score(paragraphs)
        [table.topics_for(row) for row in range(len(paragraphs))]
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def install_mb(packages: tuple[str, ...] = MODEL_PACKAGES) -> float | None:
    total = 0
    for name in packages:
        try:
            files = metadata.distribution(name).files or ()
        except metadata.PackageNotFoundError:
            return None if name == packages[0] else total / 2**20
        total += sum(f.size or 0 for f in files)
    return round(total / 2**20, 1)


LOAD = (
    "import time; t = time.perf_counter(); "
    "from perspectives.workspace.suggest.embedding import load_embedder; "
    "ok = load_embedder() is not None; print(time.perf_counter() - t if ok else -1)"
)


def load_seconds(runs: int = 3) -> float | None:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True)
        value = float(out.stdout.strip() or -1)
        if value < 0:
            return None
        times.append(value)
    return round(statistics.median(times), 3)


def suggestion_figures(
    corpus_dir: str | Path | None = None, lexical: bool = False, quick: bool = False
) -> dict:
    """The suggestion figures of issue 10 on a corpus (the default one unless named); `quick`
    times one run of each instead of a median."""
    corpus = load_corpus(Path(corpus_dir) if corpus_dir else default_corpus_path())
    embedder: Embedder | None = None if lexical else load_embedder()
    figures: dict = {
        "model": MODEL_NAME if embedder is not None else None,
        "semantic": embedder is not None,
        **quality(corpus, embedder or False),
        "suggest_2000_words_seconds": speed(corpus, embedder or False, runs=1 if quick else 5),
        "model_install_mb": install_mb() if embedder is not None else None,
        "model_load_seconds": (
            load_seconds(runs=1 if quick else 3) if embedder is not None else None
        ),
        "targets": TARGETS,
    }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus folder (default: the default corpus)")
    parser.add_argument("--lexical", action="store_true", help="without the embedding model")
    args = parser.parse_args()
    print(json.dumps(suggestion_figures(args.corpus, args.lexical), indent=2))


if __name__ == "__main__":
    main()
