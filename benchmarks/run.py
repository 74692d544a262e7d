"""The speed benchmark of issue 12 (a contract). Prints ONE JSON object.

    python benchmarks/run.py [--scales 1,100,1000] [--quick] [--json]

Synthetic corpora are written (seeded, `benchmarks/synth.py`) from the default one at each
scale: `copies` copies of its documents with new ids, their positions and claims re-pointed.
`few_voices` is the same at scales above 1 with the voices of only a few copies (a real long
reading list: many documents, about a hundred voices). Each scale runs in a subprocess of its
own, so `peak_rss_mb` is that scale's. Per scale (`scales.N`, `few_voices.N`):

- `load_ms`: cold load and validate (no snapshot, no cache), median; `load_cpu_ms` its CPU time
  (on a shared machine the wall time is mostly waiting for a core);
- `warm_load_ms`: `load_cached` in a fresh state, from the snapshot keyed by the corpus'
  content fingerprint;
- `index_ms`: building the full-text index;
- `floor_ms`: median warm AppTest run of a one-line script, same process;
- `page_ms` / `page_ratio`: median warm AppTest run of every page of the app (its default
  view), and that over `floor_ms`;
- `search_p50_ms` / `search_p95_ms`: `views.search.filtered_search`, what the Search page
  runs (no filter, a topic filter, a voice filter), over the queries below (each
  query and filter's median of the repetitions, then the percentiles over those);
  `search_floor_p95_ms`: the same queries as raw FTS5 `MATCH ... ORDER BY rank LIMIT 50` on
  the same index; `search_floor_columns_p95_ms`: the same raw query fetching what a hit shows
  (rank, snippet, highlighted paragraph) instead of the rowid alone (not a target: it says
  how much of `search_p95_ms` is FTS5's own snippet work; see docs/DECISIONS.md "Speed");
- `peak_rss_mb`: the subprocess' peak resident memory.

Once (the default corpus): `cold_start_ms` / `cold_start_floor_ms` (launch of `streamlit run`
to a rendered Compare page in headless Chromium, against a one-line app), `switch_ratio` and
`widget_ratio` (a page switch and a topic change in the browser, against the same actions on a
one-line app), `handout_pdf_ms` and `handout_pdf_cpu_ms` (the all-topics seminar handout as
PDF, wall and CPU time) and `suggestions`
(benchmarks/suggest.py). `--quick`: scale 1 alone, fewer repetitions (CI).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUERIES = ["state", "rule*", '"the party"', "people OR power", "chin*", "law NOT rights"]
RAW_SQL = "SELECT rowid FROM paragraphs WHERE paragraphs MATCH ? ORDER BY rank LIMIT 50"
COLUMNS_SQL = (
    "SELECT rowid, rank, snippet(paragraphs, 4, '\x02', '\x03', '…', 32),"
    " highlight(paragraphs, 4, '\x02', '\x03') FROM paragraphs WHERE paragraphs MATCH ?"
    " ORDER BY rank LIMIT 50"
)
FLOOR_SCRIPT = "import streamlit as st\nst.write('Hello')\n"
FEW_VOICE_GROUPS = 12  # x the default corpus' voices: about a hundred voices at any scale
PER_SCALE = (
    "load_ms",
    "warm_load_ms",
    "index_ms",
    "floor_ms",
    "page_ms",
    "page_ratio",
    "search_p50_ms",
    "search_p95_ms",
    "search_floor_p95_ms",
    "peak_rss_mb",
)
ONCE = (
    "cold_start_ms",
    "cold_start_floor_ms",
    "switch_ratio",
    "widget_ratio",
    "handout_pdf_ms",
    "suggestions",
)


def page_names() -> list[str]:
    """Every page of the app (its file's stem), from the navigation."""
    from perspectives.ui.navigation import PAGE_SPECS

    return [Path(file).stem for specs in PAGE_SPECS.values() for file, *_ in specs]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _warm_runs(at, runs: int) -> float:
    """Median of `runs` reruns of an AppTest already run once."""
    times = []
    for _ in range(runs):
        times.append(_timed(at.run))
        if at.exception:
            raise RuntimeError([e.value for e in at.exception])
    return statistics.median(times)


def page_times(pages: list[str], runs: int) -> tuple[float, dict[str, float]]:
    """(floor, {page: median warm run}) in seconds, under AppTest."""
    from streamlit.testing.v1 import AppTest

    floor = AppTest.from_string(FLOOR_SCRIPT, default_timeout=60)
    floor.run()
    floor_s = _warm_runs(floor, max(runs, 5))
    found = {}
    for page in pages:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=1800)
        at.run()
        at.switch_page(f"perspectives/ui/pages/{page}.py")
        at.run()
        if at.exception:
            raise RuntimeError(f"{page}: {[e.value for e in at.exception]}")
        found[page] = _warm_runs(at, runs)
    return floor_s, found


def search_times(corpus, runs: int) -> dict[str, float]:
    from perspectives.views.search import Filters, filtered_search
    from perspectives.views.search_index import index_for

    index = index_for(corpus)
    db = index._reader()
    cases = [Filters(), Filters(topic=corpus.topics[0].id), Filters(voice=corpus.voices[0].id)]
    # Per (query, filters): the median of `runs` (a shared two-core machine preempts a
    # process now and then for longer than a query takes); p50 / p95 over those medians.
    raw, page, columns = [], [], []
    for query in QUERIES:
        for filters in cases:
            page.append(
                statistics.median(
                    _timed(lambda q=query, f=filters: filtered_search(corpus, q, f, 50))
                    for _ in range(runs)
                )
            )
            raw.append(
                statistics.median(
                    _timed(lambda q=query: db.execute(RAW_SQL, [q]).fetchall()) for _ in range(runs)
                )
            )
            columns.append(
                statistics.median(
                    _timed(lambda q=query: db.execute(COLUMNS_SQL, [q]).fetchall())
                    for _ in range(runs)
                )
            )
    return {
        "search_p50_ms": _ms(statistics.median(page)),
        "search_p95_ms": _ms(_p95(page)),
        "search_floor_p95_ms": _ms(_p95(raw)),
        "search_floor_columns_p95_ms": _ms(_p95(columns)),
    }


def measure_scale(copies: int, runs: int, few_voices: bool = False, pages=None) -> dict:
    """Every per-scale figure, in this process (run it in a fresh one for `peak_rss_mb`)."""
    from benchmarks.synth import write_corpus
    from perspectives.corpus import clear_cache, load_cached, load_corpus
    from perspectives.corpus import snapshot as snapshots
    from perspectives.corpus.files import FolderFiles
    from perspectives.views.search_index import SearchIndex

    tmp = Path(tempfile.mkdtemp(prefix="perspectives-bench-"))
    os.environ["PERSPECTIVES_CACHE_DIR"] = str(tmp / "cache")
    os.environ["PERSPECTIVES_DB"] = str(tmp / "workspace.db")
    os.environ.pop("DATABASE_URL", None)
    root = tmp / "corpus"
    from perspectives.corpus import default_corpus_path

    source = default_corpus_path()
    groups = FEW_VOICE_GROUPS if few_voices else None
    write_corpus(source, root, copies=copies, seed=12, voice_groups=groups)
    os.environ["PERSPECTIVES_CORPUS"] = str(root)

    cold_runs = 1 if copies > 100 else 3
    cpu = time.process_time()
    loads, corpus = [], None
    for _ in range(cold_runs):
        corpus = None  # not held while the next load runs
        started = time.perf_counter()
        corpus = load_corpus(FolderFiles(root))
        loads.append(time.perf_counter() - started)
    load_cpu = (time.process_time() - cpu) / cold_runs
    snapshots.write(snapshots.content_fingerprint(FolderFiles(root)), corpus)
    corpus = None  # the app holds one corpus: the one read back from the snapshot below
    clear_cache()
    warm = _timed(lambda: load_cached(root))
    corpus = load_cached(root)
    index = _timed(lambda: SearchIndex(corpus.documents))
    floor, pages_s = page_times(pages or page_names(), runs)
    result = {
        "copies": copies,
        "documents": len(corpus.documents),
        "voices": len(corpus.voices),
        "positions": len(corpus.positions),
        "load_ms": _ms(statistics.median(loads)),
        "load_cpu_ms": _ms(load_cpu),
        "warm_load_ms": _ms(warm),
        "index_ms": _ms(index),
        "floor_ms": _ms(floor),
        "page_ms": {page: _ms(t) for page, t in pages_s.items()},
        "page_ratio": {page: round(t / floor, 1) for page, t in pages_s.items()},
        **search_times(load_cached(root), runs),
    }
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def scale_in_subprocess(copies: int, runs: int, few_voices: bool) -> dict:
    command = [sys.executable, __file__, "--one-scale", str(copies), "--runs", str(runs)]
    if few_voices:
        command.append("--few-voices")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"scale {copies}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def handout_pdf_ms() -> tuple[float, float]:
    """The all-topics seminar handout as PDF, default corpus, in a fresh process (imports
    included, as the command line runs it): (wall, CPU) milliseconds."""
    code = (
        "import time; t = time.perf_counter();"
        "from perspectives.corpus import load_corpus, default_corpus_path;"
        "from perspectives.exports.printed import handout_export;"
        "c = load_corpus(default_corpus_path());"
        "handout_export(c, [t.id for t in c.topics], 'pdf');"
        "print(time.perf_counter() - t, time.process_time())"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"handout: {done.stderr[-3000:]}")
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return _ms(float(wall)), _ms(float(cpu))


def once(runs: int) -> dict:
    from benchmarks import browser
    from benchmarks.suggest import suggestion_figures

    figures = browser.browser_figures(runs)
    figures["handout_pdf_ms"], figures["handout_pdf_cpu_ms"] = handout_pdf_ms()
    figures["suggestions"] = suggestion_figures(lexical=False, quick=runs < 3)
    return figures


def check_shape(result: dict, scales: list[int]) -> list[str]:
    """What is missing from a result (empty when every figure is there)."""
    missing = [f"scales.{n}" for n in scales if str(n) not in result.get("scales", {})]
    wanted_pages = set(page_names())
    for group in ("scales", "few_voices"):
        for name, figures in result.get(group, {}).items():
            missing += [f"{group}.{name}.{k}" for k in PER_SCALE if figures.get(k) is None]
            for key in ("page_ms", "page_ratio"):
                absent = wanted_pages - set(figures.get(key) or {})
                missing += [f"{group}.{name}.{key}.{page}" for page in sorted(absent)]
    missing += [key for key in ONCE if result.get(key) is None]
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,100,1000", help="comma-separated copies")
    parser.add_argument("--quick", action="store_true", help="scale 1 only, few repetitions")
    parser.add_argument("--json", action="store_true", help="one line of JSON (the default)")
    parser.add_argument("--one-scale", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--few-voices", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pages", help=argparse.SUPPRESS)  # with --one-scale: these only
    parser.add_argument("--runs", type=int, default=5, help="repetitions per figure")
    args = parser.parse_args(argv)
    if args.one_scale is not None:
        pages = args.pages.split(",") if args.pages else None
        print(json.dumps(measure_scale(args.one_scale, args.runs, args.few_voices, pages)))
        return 0
    scales = [1] if args.quick else [int(s) for s in args.scales.split(",") if s.strip()]
    runs = 2 if args.quick else args.runs
    started = time.perf_counter()
    result: dict = {"scales": {}, "few_voices": {}, "runs": runs}
    for copies in scales:
        result["scales"][str(copies)] = scale_in_subprocess(copies, runs, False)
        if copies > 1:
            result["few_voices"][str(copies)] = scale_in_subprocess(copies, runs, True)
    result.update(once(1 if args.quick else 3))
    result["seconds"] = round(time.perf_counter() - started, 1)
    missing = check_shape(result, scales)
    result["missing"] = missing
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
