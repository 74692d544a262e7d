"""A topic's spectrum as an Altair chart: the reference `charts.spectrum_plain` is tested
against. The app draws and prints the plain builder's dict (no Altair import on its first page
or in a handout); this module is what the tests compare it with, key for key, and what
Streamlit's schema-checked conversion reads in `tests/test_present.py`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from perspectives.charts.spectrum_plain import camp_domain, pole_lines, spectrum_rows
from perspectives.charts.style import (
    FIT_WIDTH,
    ROW_PX,
    SIGN_EXPR,
    _tooltip,
)
from perspectives.corpus.model import Corpus
from perspectives.stance import SIGNS, STANCES

SPECTRUM_COLUMNS = [
    *("position_id", "voice_id", "voice_name", "camp_id", "camp_name", "camp_colour"),
    *("topic_id", "stance", "stance_label", "state", "summary", "row", "label_side"),
]


def spectrum_frame(corpus: Corpus, topic_id: str, voice_ids=None) -> pd.DataFrame:
    """`spectrum_plain.spectrum_rows` as a table (for downloads and the Altair chart)."""
    return pd.DataFrame(spectrum_rows(corpus, topic_id, voice_ids), columns=SPECTRUM_COLUMNS)


def camp_scale(corpus: Corpus, camp_ids) -> alt.Scale:
    """Camp names to the camps' own colours, in corpus order, for the camps given."""
    domain, colours = camp_domain(corpus, camp_ids)
    return alt.Scale(domain=domain, range=colours)


def spectrum_strip(
    corpus: Corpus, topic_id: str, voice_ids=None, legend: bool = True
) -> alt.LayerChart | alt.FacetChart:
    """Every placed voice on the topic's -2..+2 axis, coloured by camp, poles at both ends.

    `legend=False` leaves the camp legend to the page (a legend drawn in text wraps on a
    narrow screen; a chart's legend does not).
    """
    topic = corpus.topic(topic_id)
    frame = spectrum_frame(corpus, topic_id, voice_ids)
    low_lines, high_lines, pole_rows = pole_lines(corpus, topic_id)
    n = max(len(frame), 1)
    y_scale = alt.Scale(domain=[-pole_rows - 0.2, n - 0.4], reverse=True, nice=False, zero=False)
    x_scale = alt.Scale(domain=[-2.35, 2.35], nice=False, zero=False)
    x = alt.X(
        "stance:Q",
        scale=x_scale,
        axis=alt.Axis(
            values=list(STANCES),
            labelExpr=SIGN_EXPR,
            title=None,
            grid=True,
            gridDash=[2, 3],
        ),
    )
    y = alt.Y("row:Q", scale=y_scale, axis=None)
    base = alt.Chart(frame).encode(x=x, y=y)
    points = base.mark_circle(size=170, opacity=1, stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "camp_name:N",
            scale=camp_scale(corpus, frame["camp_id"]),
            legend=alt.Legend(
                title="Camp", orient="bottom", columns=2, labelLimit=260, symbolType="circle"
            )
            if legend
            else None,
        ),
        tooltip=_tooltip(voice_name="Voice", camp_name="Camp"),
    )
    right = (
        base.transform_filter(alt.datum.label_side == "right")
        .mark_text(align="left", dx=11, fontSize=13)
        .encode(text="voice_name:N")
    )
    left = (
        base.transform_filter(alt.datum.label_side == "left")
        .mark_text(align="right", dx=-11, fontSize=13)
        .encode(text="voice_name:N")
    )
    poles = pd.DataFrame(
        [
            {
                "stance": -2.35,
                "row": -pole_rows,
                "text": "\n".join(["◀ −2", *low_lines]),
                "align": "left",
            },
            {
                "stance": 2.35,
                "row": -pole_rows,
                "text": "\n".join(["+2 ▶", *high_lines]),
                "align": "right",
            },
        ]
    )
    pole_layers = [
        alt.Chart(poles)
        .transform_filter(alt.datum.align == side)
        .mark_text(
            align=side,
            baseline="top",
            fontSize=12,
            fontWeight="bold",
            lineHeight=14,
            lineBreak="\n",
        )
        .encode(x=x, y=y, text="text")
        for side in ("left", "right")
    ]
    names = ", ".join(f"{r.voice_name} {r.stance_label}" for r in frame.itertuples()) or "none"
    description = (
        f"Spectrum of {topic.label}: from {SIGNS[-2]} ({topic.poles.low}) to "
        f"{SIGNS[2]} ({topic.poles.high}). Voices placed: {names}."
    )
    return alt.layer(points, right, left, *pole_layers).properties(
        title=alt.Title(topic.label, subtitle="Where the voices stand", anchor="start"),
        description=description,
        height=int((n + pole_rows) * ROW_PX) + 20,
        autosize=FIT_WIDTH,
    )
