"""The shape of `benchmarks/run.py`'s JSON (a contract of issue 12), not its timings: a tiny
run of one scale in a subprocess, and the check that the full run applies to its result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import run
from perspectives.ui.navigation import PAGES_DIR

ROOT = Path(__file__).resolve().parents[1]


def test_every_page_of_the_app_is_measured():
    names = run.page_names()
    assert names == sorted(set(names), key=names.index)  # no page twice
    assert {p.stem for p in PAGES_DIR.glob("*.py")} == set(names)


def test_one_scale_prints_every_per_scale_figure():
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--one-scale", "1", "--runs", "1"]
        + ["--pages", "search,problems"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for key in run.PER_SCALE:
        assert figures[key] is not None, key
    assert set(figures["page_ms"]) == set(figures["page_ratio"]) == {"search", "problems"}
    assert all(v > 0 for v in figures["page_ms"].values())
    assert figures["documents"] == len(list((ROOT / "data" / "documents").glob("*.md")))
    assert figures["search_p95_ms"] >= figures["search_p50_ms"]
    assert figures["peak_rss_mb"] > 50


def _complete(scales: list[int]) -> dict:
    def scale() -> dict:
        pages = {page: 1.0 for page in run.page_names()}
        return {key: 1.0 for key in run.PER_SCALE} | {"page_ms": pages, "page_ratio": dict(pages)}

    return {"scales": {str(n): scale() for n in scales}} | {key: 1 for key in run.ONCE}


def test_the_shape_check_names_each_missing_figure():
    result = _complete([1, 100])
    assert run.check_shape(result, [1, 100]) == []
    assert run.check_shape(result, [1, 100, 1000]) == ["scales.1000"]
    del result["scales"]["100"]["page_ms"]["matrix"]
    result["scales"]["1"]["warm_load_ms"] = None
    del result["switch_ratio"]
    assert run.check_shape(result, [1, 100]) == [
        "scales.1.warm_load_ms",
        "scales.100.page_ms.matrix",
        "switch_ratio",
    ]
