"""Benchmark: the Search page's filtered path against raw FTS5, on a synthetic corpus. Prints ONE
JSON object.

    python -m benchmarks.search_bounds [--copies 100]     # from the repository root

For each query, run through `views.search.filtered_search` (what the Search page runs: no
filter, a topic filter, a voice filter) and as a raw FTS5 `MATCH ... ORDER BY rank LIMIT 50` on
the same index; p50/p95 over 5 runs of every query. Also the time to refuse a 12 KB flood query.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synth import write_corpus
from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.views.search import Filters, filtered_search
from perspectives.views.search_index import SearchError, index_for

QUERIES = ["state", "rule*", '"the party"', "people OR power", "chin*", "law NOT rights"]
RUNS = 5


def _ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _pcts(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        write_corpus(default_corpus_path(), root, copies=args.copies, seed=12)
        corpus = load_corpus(root)
    index = index_for(corpus)
    db = index._reader() if hasattr(index, "_reader") else index._db  # older code: one connection
    topic = corpus.topics[0].id
    voice = corpus.voices[0].id
    cases = {"none": Filters(), "topic": Filters(topic=topic), "voice": Filters(voice=voice)}
    result: dict = {"copies": args.copies, "paragraphs": index.size, "queries": QUERIES}
    raw: list[float] = []
    for query in QUERIES:
        for _ in range(RUNS):
            raw.append(
                _ms(
                    lambda q=query: db.execute(
                        "SELECT rowid FROM paragraphs WHERE paragraphs MATCH ?"
                        " ORDER BY rank LIMIT 50",
                        [q],
                    ).fetchall()
                )
            )
    result["raw_fts5"] = _pcts(raw)
    for name, filters in cases.items():
        times = [
            _ms(lambda q=query, f=filters: filtered_search(corpus, q, f, 50))
            for query in QUERIES
            for _ in range(RUNS)
        ]
        result[f"page_{name}"] = _pcts(times)
        result[f"page_{name}"]["ratio_p95"] = round(
            result[f"page_{name}"]["p95_ms"] / max(result["raw_fts5"]["p95_ms"], 0.01), 2
        )
    flood = " ".join(["chin*"] * 2000)  # 12 KB

    def refuse() -> None:
        with contextlib.suppress(SearchError):
            filtered_search(corpus, flood)

    result["flood_refused_ms"] = round(_ms(refuse), 3)
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
