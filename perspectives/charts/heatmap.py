"""The stance heatmap: topics x voices, voices ordered by mean stance, silent and "mentions"
cells drawn apart from a 0 stance (on a phone-narrow heatmap, cells too small for text keep
only the letters that tell the pale cells apart)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from perspectives.charts.style import (
    FIT_WIDTH,
    ROW_PX,
    STANCE_COLOURS,
    _tooltip,
    _wrap,
    stance_label,
)
from perspectives.corpus.model import Corpus
from perspectives.stance import SIGNS
from perspectives.views import matrix

CELL_TEXT = {"silent": "—", "mentions": "m"}
CELL_LEGEND = {"mentions": "m: no side", "silent": "—: silent"}
CELL_FILL = {"mentions": "#ffffff", "silent": "#d9d9d9"}
# Heatmap cells narrower than this (on a phone) keep only the letters that tell apart the
# pale cells ("m" and "0"); the numbers are left to the colours there.
MIN_TEXT_CELL = 22
# The heatmap's topic labels: whole on a wide screen, cut short on a phone, where every pixel
# they take is taken from the cells (the tooltip and the selected position give the full label).
TOPIC_LABEL_LIMIT = alt.ExprRef("containerSize()[0] >= 640 ? 280 : 150")


def matrix_frame(corpus: Corpus) -> pd.DataFrame:
    """matrix.stance_matrix with what the heatmap draws: stance label, cell text and legend."""
    frame = matrix.stance_matrix(corpus).copy()
    frame["stance_label"] = [stance_label(None if pd.isna(s) else int(s)) for s in frame["stance"]]
    frame["cell_text"] = [
        CELL_TEXT.get(kind, label)
        for kind, label in zip(frame["kind"], frame["stance_label"], strict=True)
    ]
    frame["cell_key"] = [
        CELL_LEGEND.get(kind, label)
        for kind, label in zip(frame["kind"], frame["stance_label"], strict=True)
    ]
    return frame


def cell_scale() -> alt.Scale:
    """Cell key (a stance label, or the legend of a cell without a stance) to its fill."""
    return alt.Scale(
        domain=[*SIGNS.values(), *CELL_LEGEND.values()],
        range=[*STANCE_COLOURS, *(CELL_FILL[k] for k in CELL_LEGEND)],
    )


def stance_heatmap(
    corpus: Corpus,
    current: tuple[str, str] | None = None,
    selection_name: str = "cell",
    frame: pd.DataFrame | None = None,
    voice_ids: list[str] | None = None,
) -> alt.LayerChart | alt.FacetChart:
    """Topics x voices, voices ordered by mean stance; silent and mentions cells marked apart.

    A point selection named `selection_name` over (topic_id, voice_id) lets a page show the
    selected position; `current` (topic id, voice id) is the cell shown, drawn with an outline.
    `frame` is `matrix_frame(corpus)` when the caller already has it (a page caches it);
    `voice_ids` the voices drawn, in order (a page of them: `views.voicepages`), else all.
    """
    order = matrix.voice_order(corpus) if voice_ids is None else voice_ids
    frame = matrix_frame(corpus) if frame is None else frame
    if voice_ids is not None:
        frame = frame[frame["voice_id"].isin(voice_ids)]
    frame = frame.copy()
    topic_now, voice_now = current or (None, None)
    frame["current"] = (frame["topic_id"] == topic_now) & (frame["voice_id"] == voice_now)
    voices = [corpus.voice(v).name for v in order]
    topics = [t.label for t in corpus.topics]
    x = alt.X(
        "voice_name:N",
        sort=voices,
        scale=alt.Scale(domain=voices),
        axis=alt.Axis(title=None, orient="top", labelAngle=-90, labelLimit=140, labelOverlap=False),
    )
    y = alt.Y(
        "topic_label:N",
        sort=topics,
        scale=alt.Scale(domain=topics),
        axis=alt.Axis(title=None, labelLimit=TOPIC_LABEL_LIMIT, labelOverlap=False),
    )
    base = alt.Chart(frame).encode(x=x, y=y)
    low, high = corpus.orientation.low.label, corpus.orientation.high.label
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=1).encode(
        fill=alt.Fill(
            "cell_key:N",
            scale=cell_scale(),
            legend=alt.Legend(
                title="Stance",
                orient="bottom",
                columns=2,
                labelLimit=160,
                symbolStrokeColor="#8c8c8c",
                symbolStrokeWidth=1,
            ),
        )
    )
    text = base.mark_text(fontSize=12).encode(
        text="cell_text:N",
        color=alt.condition(
            "datum.kind == 'stance' && abs(datum.stance) == 2",
            alt.value("#ffffff"),
            alt.value("#1a1a1a"),
        ),
        opacity=alt.when(
            f"width / {len(voices)} < {MIN_TEXT_CELL} && datum.cell_text != 'm' "
            "&& datum.cell_text != '0'"
        )
        .then(alt.value(0))
        .when("datum.kind == 'silent'")
        .then(alt.value(0.55))
        .otherwise(alt.value(1)),
    )
    cell = alt.selection_point(name=selection_name, fields=["topic_id", "voice_id"])
    outline = base.transform_filter(alt.datum.current).mark_rect(
        fillOpacity=0, stroke="#000000", strokeWidth=3
    )
    picker = (
        base.mark_rect(fill="#000000", fillOpacity=0.001, strokeWidth=0)
        .encode(
            tooltip=_tooltip(voice_name="Voice", topic_label="Topic"),
        )
        .add_params(cell)
    )
    subtitle = [*_wrap(f"−2: {low}", 70), *_wrap(f"+2: {high}", 70)]
    placed = int((frame["kind"] == "stance").sum())
    return alt.layer(cells, text, outline, picker).properties(
        title=alt.Title("Stance of each voice on each topic", subtitle=subtitle, anchor="start"),
        description=(
            f"Heatmap of {len(topics)} topics by {len(voices)} voices ordered by mean stance; "
            f"{placed} cells hold a stance, the others are silent (—) or mentions (m)."
        ),
        height=len(topics) * ROW_PX,
        autosize=FIT_WIDTH,
    )
