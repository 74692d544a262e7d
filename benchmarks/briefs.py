"""How long a printable brief takes: build + render in each format, for every motion and both
sides; the same for a two-topic handout and for every reading guide; and a cold run of the CLI
(a new interpreter that loads the corpus too). Prints ONE JSON object; times in seconds.

    python benchmarks/briefs.py [--corpus DIR]

The target (issue 5): a debater gets a printed brief for either side of any motion in under a
minute; `worst_brief_seconds` and `cold_cli_seconds` are the figures to hold against it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.exports.pdf_printer import unicode_font
from perspectives.exports.printed import FORMATS, brief_export, guide_export, handout_export

ROOT = Path(__file__).resolve().parents[1]


TARGET_SECONDS = 60.0


def timed(make) -> tuple[float, int]:
    started = time.perf_counter()
    export = make()
    return time.perf_counter() - started, len(export.data)


def summary(times: list[float]) -> dict:
    return {
        "runs": len(times),
        "min": round(min(times), 3),
        "median": round(statistics.median(times), 3),
        "max": round(max(times), 3),
    }


def cold_cli(corpus_dir: Path, motion_id: str) -> dict[str, float]:
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / f"brief.{fmt}"
            args = ["brief", "--motion", motion_id, "--side", "opposition", "--format", fmt]
            args += ["--out", str(out), "--corpus", str(corpus_dir)]
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "perspectives", *args], check=True, cwd=ROOT,
                capture_output=True,
            )  # fmt: skip
            result[fmt] = round(time.perf_counter() - started, 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus folder (default: data/)")
    args = parser.parse_args()
    corpus_dir = Path(args.corpus) if args.corpus else default_corpus_path()
    started = time.perf_counter()
    corpus = load_corpus(corpus_dir)
    load_seconds = time.perf_counter() - started

    per_format: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    sizes: dict[str, list[int]] = {fmt: [] for fmt in FORMATS}
    briefs = []
    for motion in corpus.motions:
        for side in ("proposition", "opposition"):
            row = {"motion": motion.id, "side": side}
            for fmt in FORMATS:
                seconds, size = timed(lambda m=motion, s=side, f=fmt: brief_export(corpus, m, s, f))
                per_format[fmt].append(seconds)
                sizes[fmt].append(size)
                row[fmt] = round(seconds, 3)
            row["all_formats"] = round(sum(row[f] for f in FORMATS), 3)
            briefs.append(row)
    worst = max(briefs, key=lambda r: r["pdf"]) if briefs else None

    topics = [t.id for t in corpus.topics[:2]]
    handout = {
        "topics": topics,
        **{
            fmt: round(timed(lambda f=fmt: handout_export(corpus, topics, f))[0], 3)
            for fmt in FORMATS
        },
    }
    all_topics = [t.id for t in corpus.topics]
    handout_all_pdf = round(timed(lambda: handout_export(corpus, all_topics, "pdf"))[0], 3)
    guides = {fmt: [] for fmt in FORMATS}
    for document in corpus.documents:
        for fmt in FORMATS:
            guides[fmt].append(timed(lambda d=document.id, f=fmt: guide_export(corpus, d, f))[0])

    worst_brief = max((r["pdf"] for r in briefs), default=0.0)
    cold = cold_cli(corpus_dir, corpus.motions[0].id) if corpus.motions else {}
    print(
        json.dumps(
            {
                "corpus": corpus.name,
                "motions": len(corpus.motions),
                "briefs": len(briefs),
                "pdf_font": "DejaVu Sans (Unicode)"
                if unicode_font()
                else "Helvetica (core, ASCII)",
                "cpu_count": os.cpu_count(),
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "corpus_load_seconds": round(load_seconds, 3),
                "brief_seconds_by_format": {f: summary(t) for f, t in per_format.items()},
                "brief_bytes_median": {f: int(statistics.median(s)) for f, s in sizes.items()},
                "worst_brief_seconds": worst_brief,
                "worst_brief": worst,
                "cold_cli_seconds": cold,
                "handout_two_topics_seconds": handout,
                "handout_all_topics_pdf_seconds": handout_all_pdf,
                "handout_all_topics": len(all_topics),
                "guide_seconds_by_format": {f: summary(t) for f, t in guides.items() if t},
                "target_seconds": TARGET_SECONDS,
                "within_target": max([worst_brief, *cold.values()]) < TARGET_SECONDS,
                "per_brief": briefs,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
