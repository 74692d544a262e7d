"""The class poll's chart (Altair): the class on the topic's axis, one round at a time.

Bars keep the explorer's stance colours (`charts.style.STANCE_SCHEME`, -2 blue to +2 orange)
and carry their counts as text, so nothing depends on colour alone.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from perspectives.charts.style import SIGN_EXPR, STANCE_SCHEME
from perspectives.corpus.entities import Topic
from perspectives.stance import SIGNS, STANCES


def _axis(topic: Topic) -> alt.X:
    return alt.X(
        "stance:O",
        sort=list(STANCES),
        scale=alt.Scale(domain=list(STANCES)),
        axis=alt.Axis(labelExpr=SIGN_EXPR, labelAngle=0, title="Stance"),
    )


def _subtitle(topic: Topic) -> list[str]:
    return [
        *textwrap.wrap(f"−2: {topic.poles.low}", 70),
        *textwrap.wrap(f"+2: {topic.poles.high}", 70),
    ]


def class_chart(
    frame: pd.DataFrame,
    topic: Topic,
    title: str = "Where the class stands",
    y_max: int | None = None,
):
    """Votes per stance (a `polls.distribution_frame`), -2 to +2 left to right. Give two
    charts the same `y_max` to set them side by side (before and after)."""
    base = alt.Chart(frame).encode(x=_axis(topic))
    top = max(y_max or 0, int(frame["count"].max()), 1)
    bars = base.mark_bar(stroke="#767676", strokeWidth=0.5).encode(
        y=alt.Y(
            "count:Q",
            title="Votes",
            # Whole votes only: a tick count no larger than the top (vl-convert ignores
            # tickMinStep alone and drew 0.5).
            axis=alt.Axis(tickMinStep=1, tickCount=min(top, 10), format="d"),
            scale=alt.Scale(domain=[0, top]),
        ),
        color=alt.Color(
            "stance:O",
            scale=alt.Scale(domain=list(STANCES), scheme=STANCE_SCHEME),  # type: ignore[arg-type]
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("stance:O", title="Stance"),
            alt.Tooltip("count:Q", title="Votes"),
            alt.Tooltip("share:Q", title="Share", format=".0%"),
        ],
    )
    labels = base.mark_text(dy=-7, fontSize=13).encode(y="count:Q", text="count:Q")
    counts = ", ".join(f"{SIGNS[r.stance]}: {r.count}" for r in frame.itertuples())
    return alt.layer(bars, labels).properties(
        title=alt.Title(title, subtitle=_subtitle(topic), anchor="start"),
        description=f"Class votes on {topic.label} per stance: {counts}.",
        height=260,
    )
