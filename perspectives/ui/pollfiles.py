"""The poll's results as files for the leader: votes as CSV and JSON, the chart as PNG."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from perspectives.corpus.entities import Topic
from perspectives.exports import poll as poll_files
from perspectives.store.polls import poll_store


def _votes_file(code: str, topic: Topic, fmt: str) -> str:
    with poll_store() as ws:
        return poll_files.votes_file(ws.ballots(code), topic, fmt)


def _chart_file(code: str, topic: Topic) -> bytes:
    with poll_store() as ws:
        latest = ws.get_poll(code).round
        shown = [ws.results(code, 1)] + ([ws.results(code)] if latest >= 2 else [])
    return poll_files.chart_png(shown, topic)


def downloads(code: str, topic: Topic) -> None:
    """The poll's votes as CSV and JSON and its chart as PNG. Each file is made when its
    button is pressed, from the store at that moment (not on every live redraw)."""
    st.subheader("Download the results", anchor=False)
    st.caption(
        "Every vote of every round (stance and sentence, no names), and the chart of round 1 "
        "beside the latest round."
    )
    stem = poll_files.file_stem(code, topic)
    files: tuple[tuple[str, Callable[[], str | bytes], str, str], ...] = (
        ("Votes (CSV)", partial(_votes_file, code, topic, "csv"), "csv", "text/csv"),
        ("Votes (JSON)", partial(_votes_file, code, topic, "json"), "json", "application/json"),
        ("Chart (PNG)", partial(_chart_file, code, topic), "png", "image/png"),
    )
    for column, (label, make, suffix, mime) in zip(st.columns(3), files, strict=True):
        column.download_button(
            label,
            data=make,
            file_name=f"{stem}.{suffix}",
            mime=mime,
            icon=":material/download:",
            on_click="ignore",
            key=f"poll-download-{suffix}",
        )
