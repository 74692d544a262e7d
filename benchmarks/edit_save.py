"""Benchmark: what a save on the Edit page costs, on a workspace copy of the default corpus.
Prints ONE JSON object.

    python -m benchmarks.edit_save [--runs 5]          # from the repository root

Each save is what the page does: read the files at the base revision, make the edit
(`editing.put_entry`, `position_editing.put_position`), load the corpus with it strictly
(`editing.check_result`) and save it as one revision (`WorkspaceStore.save`), in a fresh SQLite
store. Timed per step, median over the runs: a topic's words edited, a position's summary
edited; and the check alone on a corpus that already has a problem (two loads).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from perspectives.corpus import default_corpus_path
from perspectives.store.workspaces import workspace_store
from perspectives.workspace import editing
from perspectives.workspace import position_editing as pe
from perspectives.workspace.editing import applied, check_result


def _timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    steps: dict[str, list[float]] = {}

    def add(step: str, ms: float) -> None:
        steps.setdefault(step, []).append(ms)

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        with workspace_store(url) as store:
            _, ms = _timed(store.create_copy, "Bench", default_corpus_path())
            add("copy_default_corpus", ms)
            for run in range(args.runs):
                snap, ms = _timed(store.snapshot, "Bench")
                add("snapshot", ms)
                topic = editing.read_list(snap.files, "topic")[0]
                values = editing.form_of("topic", topic)
                values["description"] = f"Edited {run}."
                changes, ms = _timed(editing.put_entry, snap.files, "topic", values, topic["id"])
                add("topic_edit", ms)
                _, ms = _timed(check_result, snap.files, changes)
                add("topic_check_strict_load", ms)
                _, ms = _timed(store.save, "Bench", changes, snap.revision, "bench")
                add("topic_save", ms)

                snap = store.snapshot("Bench")
                first = pe.position_ids(snap.files)[0]
                form = pe.position_form(snap.files, first)
                assert form is not None
                edited = pe.PositionForm(**{**form.__dict__, "summary": f"{form.summary} {run}"})
                changes, ms = _timed(pe.put_position, snap.files, edited, first)
                add("position_edit", ms)
                _, ms = _timed(check_result, snap.files, changes)
                add("position_check_strict_load", ms)
                _, ms = _timed(store.save, "Bench", changes, snap.revision, "bench")
                add("position_save", ms)

            snap = store.snapshot("Bench")
            broken = applied(snap.files, {"analysis/claims.yaml": b"- id: [\n"})
            changes = editing.put_entry(broken, "topic", values, topic["id"])
            _, ms = _timed(check_result, broken, changes)
            add("check_with_an_existing_problem", ms)
    print(
        json.dumps(
            {
                "corpus": "default corpus (workspace copy, SQLite)",
                "runs": args.runs,
                "median_ms": {k: round(statistics.median(v), 1) for k, v in steps.items()},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
