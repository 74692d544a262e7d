"""The class poll's running costs with a class of 30. Prints ONE JSON object.

    python benchmarks/poll_live.py [--voters 30] [--runs 20]

On a fresh SQLite store: 30 participants vote in round 1 and again in round 2, then, as the
median of `--runs` repeats:
- `leader_redraw_ms`: what the leader's live results read and build every 3 s (the round's
  results, the before/after comparison, the ballots, the distribution frames, the two Altair
  chart specs and the CSV and JSON files), the PNG not included;
- `round_check_ms`: what each participant's page asks every 5 s (the poll, closed or not);
- `chart_png_ms`: rendering the PNG of round 1 beside round 2 (vl-convert), which the page
  does only when the counts change;
- `store_reads_per_second_for_class`: the round checks of `--voters` phones plus the leader's
  redraw, per second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perspectives.charts import poll as poll_charts  # noqa: E402
from perspectives.corpus import default_corpus_path, load_corpus  # noqa: E402
from perspectives.exports import poll as poll_files  # noqa: E402
from perspectives.store import polls as store  # noqa: E402
from perspectives.teaching.class_poll import distribution_frame  # noqa: E402


def _median_ms(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=30)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    topic = load_corpus(default_corpus_path()).topics[0]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/workspace.db"
        with store.poll_store(url) as ws:
            code = ws.create_poll(topic.id).code
            for number in (1, 2):
                for i in range(args.voters):
                    ws.cast_vote(code, f"p{i:02d}", (i * number) % 5 - 2, f"Reason {i}.")
                if number == 1:
                    ws.start_round(code)

            def redraw() -> None:
                poll = ws.get_poll(code)
                current = ws.results(code)
                comparison = ws.compare_rounds(code)
                ballots = ws.ballots(code)
                for result in (current, comparison.before, comparison.after):
                    poll_charts.class_chart(distribution_frame(result), topic).to_dict()
                poll_files.votes_file(ballots, topic, "csv")
                poll_files.votes_file(ballots, topic, "json")
                assert poll.round == 2

            def round_check() -> None:
                ws.find_poll(code)

            rounds = [ws.results(code, 1), ws.results(code)]
            redraw_ms = _median_ms(redraw, args.runs)
            check_ms = _median_ms(round_check, args.runs * 5)
            png_ms = _median_ms(lambda: poll_files.chart_png(rounds, topic), max(3, args.runs // 4))
        store.dispose_engines()
    print(
        json.dumps(
            {
                "voters": args.voters,
                "leader_redraw_ms": redraw_ms,
                "round_check_ms": check_ms,
                "chart_png_ms": png_ms,
                "store_reads_per_second_for_class": round(args.voters / 5 + 1 / 3, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
