"""A class poll's results as files: every vote as CSV or JSON (one row per vote, no participant
tokens; the CSV formula-neutralised by `exports.tables`, since the sentences are typed by
anyone with the link), and the class's chart as a PNG rendered offline by vl-convert."""

from __future__ import annotations

import vl_convert as vlc

from perspectives.charts import poll as poll_charts
from perspectives.corpus.entities import Topic
from perspectives.exports.tables import render_table
from perspectives.teaching.class_poll import Ballot, Results, ballots_frame, distribution_frame

WIDTH_PX = 420  # each round's plot; at a scale of 2 sharp on a slide
SCALE = 2


def file_stem(code: str, topic: Topic) -> str:
    return f"poll-{code}-{topic.id}"


def votes_file(ballots: list[Ballot], topic: Topic, fmt: str) -> str:
    """Every vote as `fmt` ("csv" or "json"): round, stance, stance_label, sentence."""
    return render_table(ballots_frame(ballots, topic), fmt)


def chart_png(rounds: list[Results], topic: Topic) -> bytes:
    """The class chart of each round given (one, or round 1 and the latest side by side on
    one vote scale), as PNG bytes on white."""
    if not rounds:
        raise ValueError("a poll chart needs at least one round")
    y_max = max(max(r.counts.values()) for r in rounds)
    charts = []
    for result in rounds:
        title = f"Round {result.round}: {result.total} vote" + ("" if result.total == 1 else "s")
        frame = distribution_frame(result)
        chart = poll_charts.class_chart(frame, topic, title, y_max).properties(width=WIDTH_PX)
        charts.append(chart)
    combined = charts[0] if len(charts) == 1 else charts[0] | charts[1]
    spec = combined.configure(background="white").to_dict()
    return vlc.vegalite_to_png(spec, scale=SCALE)
