"""Benchmark: load the default corpus, build its search index, run queries. Prints ONE JSON object.

    python benchmarks/load_and_search.py [CORPUS_DIR]

- load: median of 5 cold loads (the corpus cache and the quote locator's text index cleared
  before each), plus one warm `load_cached` (nothing changed on disk: a cache hit);
- index: median of 5 builds of the FTS5 index over every paragraph;
- queries: median (and max) latency over 20 queries (words, phrases, OR, NOT, prefixes) against
  the built index, each run once after one warm-up pass.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

from perspectives.corpus import clear_cache, default_corpus_path, load_cached
from perspectives.corpus import quotes as evidence
from perspectives.views.search_index import SearchIndex, index_for

ROOT = Path(__file__).resolve().parents[1]


ROUNDS = 5
QUERIES = [
    '"phantom democracy"',
    "social credit",
    '"social credit"',
    "surveillance",
    "Tiananmen",
    "Tiananmen massacre",
    "Uighur OR Uyghur",
    "Hong Kong",
    '"rule of law"',
    "democra*",
    "WeChat",
    "trust NOT credit",
    "middle class",
    "Covid",
    "Xinjiang Tibet",
    "Falun Gong",
    "responsive authoritarianism",
    "Weibo accounts",
    "NATO",
    "xylophone",
]


def seconds(start: float) -> float:
    return time.perf_counter() - start


def cold_load(path: Path):
    clear_cache()
    evidence.text_index.cache_clear()  # the per-text index the quote locator caches
    start = time.perf_counter()
    corpus = load_cached(path)
    return corpus, seconds(start)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default_corpus_path()
    loads = []
    for _ in range(ROUNDS):
        corpus, took = cold_load(path)
        loads.append(took)
    start = time.perf_counter()
    load_cached(path)
    warm = seconds(start)

    builds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        SearchIndex(corpus.documents)
        builds.append(seconds(start))

    index = index_for(corpus)
    for query in QUERIES:  # warm-up: SQLite's page cache, the query parser
        index.search(query)
    latencies, hits = [], {}
    for query in QUERIES:
        start = time.perf_counter()
        found = index.search(query, limit=20)
        latencies.append(seconds(start))
        hits[query] = len(found)

    ms = 1000
    print(
        json.dumps(
            {
                "benchmark": "load_and_search",
                "corpus": str(corpus.path),
                "python": platform.python_version(),
                "load_cold_ms_median": round(statistics.median(loads) * ms, 2),
                "load_cold_ms_all": [round(t * ms, 2) for t in loads],
                "load_warm_cached_ms": round(warm * ms, 3),
                "index_build_ms_median": round(statistics.median(builds) * ms, 2),
                "query_ms_median": round(statistics.median(latencies) * ms, 3),
                "query_ms_max": round(max(latencies) * ms, 3),
                "queries": len(QUERIES),
                "hits_per_query": hits,
                "counts": {
                    "documents": len(corpus.documents),
                    "paragraphs": index.size,
                    "characters": sum(len(d.text) for d in corpus.documents),
                    "topics": len(corpus.topics),
                    "camps": len(corpus.camps),
                    "voices": len(corpus.voices),
                    "positions": len(corpus.positions),
                    "quotes": sum(len(p.evidence) for p in corpus.positions),
                    "claims": len(corpus.claims),
                    "events": len(corpus.events),
                    "motions": len(corpus.motions),
                    "guides": len(corpus.guides),
                    "blind_spots": len(corpus.blind_spots),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
