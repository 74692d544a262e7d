"""The poll's results as files for the leader: votes as CSV and JSON, the chart as PNG.

Drawn inside the live results (a fragment rerun every few seconds), with the files made at
once: Streamlit's deferred downloads (made on click) were cancelled in a class, because every
participant page's round check is a script run, each run prunes generated files no session
refers to, and the click's file went before the browser fetched it. The CSV and JSON are
cheap; the PNG is kept per chart content, so vl-convert runs only when the votes change.
"""

from __future__ import annotations

import streamlit as st

from perspectives.corpus.entities import Topic
from perspectives.exports import poll as poll_files
from perspectives.recent import Recent
from perspectives.store.polls import Poll, PollStore, Results
from perspectives.ui import present

PNGS_KEPT = 64
_PNGS: Recent[tuple, bytes] = Recent(PNGS_KEPT)


def chart_png(rounds: list[Results], topic: Topic) -> bytes:
    """`exports.poll.chart_png`, kept for the same topic wording and counts."""
    key = (
        topic.id,
        topic.label,
        topic.poles.low,
        topic.poles.high,
        tuple((r.round, tuple(sorted(r.counts.items()))) for r in rounds),
    )
    return _PNGS.get(key, lambda: poll_files.chart_png(rounds, topic))


def downloads(ws: PollStore, poll: Poll, topic: Topic) -> None:
    """The poll's votes as CSV and JSON and its chart as PNG, as they are now (hidden in
    projector mode)."""
    with present.chrome("poll-downloads"):
        _downloads(ws, poll, topic)


def _downloads(ws: PollStore, poll: Poll, topic: Topic) -> None:
    st.subheader("Download the results", anchor=False)
    st.caption(
        "Every vote of every round (stance and sentence, no names), and the chart of round 1 "
        "beside the latest round."
    )
    ballots = ws.ballots(poll.code)
    shown = [ws.results(poll.code, 1)] + ([ws.results(poll.code)] if poll.round >= 2 else [])
    stem = poll_files.file_stem(poll.code, topic)
    files: tuple[tuple[str, str | bytes, str, str], ...] = (
        ("Votes (CSV)", poll_files.votes_file(ballots, topic, "csv"), "csv", "text/csv"),
        ("Votes (JSON)", poll_files.votes_file(ballots, topic, "json"), "json", "application/json"),
        ("Chart (PNG)", chart_png(shown, topic), "png", "image/png"),
    )
    for column, (label, data, suffix, mime) in zip(st.columns(3), files, strict=True):
        column.download_button(
            label,
            data=data,
            file_name=f"{stem}.{suffix}",
            mime=mime,
            icon=":material/download:",
            on_click="ignore",
            key=f"poll-download-{suffix}",
        )
