"""The explorer's charts as plain Altair specs, and the tables behind them (for downloads).

No Streamlit here: a chart is a function of the corpus, so its spec can be checked in tests
(`chart.to_dict()`) and rendered by any front end. Colours: camps keep their own curated
colours; stances use Vega's colour-blind-safe diverging scheme "blueorange" (-2 blue, +2
orange). Cells and points are labelled with text as well, so colour is not the only cue
(except on a phone-narrow heatmap, where cells are too small for text).
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from perspectives import compare
from perspectives.model import Corpus

STANCE_SCHEME = "blueorange"
STANCE_LABELS = {-2: "−2", -1: "−1", 0: "0", 1: "+1", 2: "+2"}
# The heatmap's cells: five stances from Vega's "blueorange" scheme (11-class, every other
# step), then the two kinds of cell without a stance, drawn apart from a 0 stance: "silent" is
# a mid grey no stance colour comes near and reads "—"; "mentions" is white and reads "m".
STANCE_COLOURS = ["#2f78b3", "#9dcae1", "#f2f0eb", "#fbbf74", "#c5690d"]
CELL_TEXT = {"silent": "—", "mentions": "m"}
CELL_LEGEND = {"mentions": "m: no side", "silent": "—: silent"}
CELL_FILL = {"mentions": "#ffffff", "silent": "#d9d9d9"}
ROW_PX = 26
# Heatmap cells narrower than this (on a phone) keep only the letters that tell apart the
# pale cells ("m" and "0"); the numbers are left to the colours there.
MIN_TEXT_CELL = 22
# The heatmap's topic labels: whole on a wide screen, cut short on a phone, where every pixel
# they take is taken from the cells (the tooltip and the selected position give the full label).
TOPIC_LABEL_LIMIT = alt.ExprRef("containerSize()[0] >= 640 ? 280 : 150")
# Fit the width to the page but keep the height for the plot itself: with "fit", a front end
# that stretches the chart squeezes the plot to make room for title, axes and legend.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


SPECTRUM_COLUMNS = [
    *("position_id", "voice_id", "voice_name", "camp_id", "camp_name", "camp_colour"),
    *("topic_id", "stance", "stance_label", "state", "summary", "row", "label_side"),
]


def stance_label(stance: int | None) -> str:
    return STANCE_LABELS[stance] if stance is not None else ""


def _tooltip(**first: str) -> list[alt.Tooltip]:
    """Tooltip fields (name=title), then the stance, state and summary every chart shows."""
    titles = {**first, "stance_label": "Stance", "state": "State", "summary": "Summary"}
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in titles.items()]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def spectrum_frame(corpus: Corpus, topic_id: str, voice_ids=None) -> pd.DataFrame:
    """The voices placed on a topic's axis, one row each, from the low pole to the high one.

    `row` stacks the points so that no two labels share a line; `label_side` keeps each label
    inside the chart (right of points at or below 0, left of points above it).
    """
    rows = []
    placed = [p for p in compare.ordered_positions(corpus, topic_id, voice_ids) if p.placed]
    for row, position in enumerate(placed):
        voice = corpus.voice(position.voice)
        camp = corpus.camp(voice.camp)
        rows.append(
            {
                "position_id": position.id,
                "voice_id": voice.id,
                "voice_name": voice.name,
                "camp_id": camp.id,
                "camp_name": camp.name,
                "camp_colour": camp.colour,
                "topic_id": topic_id,
                "stance": position.stance,
                "stance_label": stance_label(position.stance),
                "state": position.state,
                "summary": position.summary,
                "row": row,
                "label_side": "left" if position.stance > 0 else "right",
            }
        )
    return pd.DataFrame(rows, columns=SPECTRUM_COLUMNS)


def camp_scale(corpus: Corpus, camp_ids) -> alt.Scale:
    """Camp names to the camps' own colours, in corpus order, for the camps given."""
    wanted = set(camp_ids)
    camps = [c for c in corpus.camps if c.id in wanted]
    return alt.Scale(domain=[c.name for c in camps], range=[c.colour for c in camps])


def spectrum_strip(
    corpus: Corpus, topic_id: str, voice_ids=None, legend: bool = True
) -> alt.LayerChart:
    """Every placed voice on the topic's -2..+2 axis, coloured by camp, poles at both ends.

    `legend=False` leaves the camp legend to the page (a legend drawn in text wraps on a
    narrow screen; a chart's legend does not).
    """
    topic = corpus.topic(topic_id)
    frame = spectrum_frame(corpus, topic_id, voice_ids)
    low_lines, high_lines = _wrap(topic.poles.low, 26), _wrap(topic.poles.high, 26)
    pole_rows = 0.55 * max(len(low_lines), len(high_lines)) + 0.9
    n = max(len(frame), 1)
    y_scale = alt.Scale(domain=[-pole_rows - 0.2, n - 0.4], reverse=True, nice=False, zero=False)
    x_scale = alt.Scale(domain=[-2.35, 2.35], nice=False, zero=False)
    x = alt.X(
        "stance:Q",
        scale=x_scale,
        axis=alt.Axis(
            values=list(STANCE_LABELS),
            labelExpr="datum.value > 0 ? '+' + datum.value : datum.value < 0 ? '−' + "
            "abs(datum.value) : '0'",
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
        f"Spectrum of {topic.label}: from {STANCE_LABELS[-2]} ({topic.poles.low}) to "
        f"{STANCE_LABELS[2]} ({topic.poles.high}). Voices placed: {names}."
    )
    return alt.layer(points, right, left, *pole_layers).properties(
        title=alt.Title(topic.label, subtitle="Where the voices stand", anchor="start"),
        description=description,
        height=int((n + pole_rows) * ROW_PX) + 20,
        autosize=FIT_WIDTH,
    )


def matrix_frame(corpus: Corpus) -> pd.DataFrame:
    """compare.stance_matrix with what the heatmap draws: stance label, cell text and legend."""
    frame = compare.stance_matrix(corpus).copy()
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
        domain=[*STANCE_LABELS.values(), *CELL_LEGEND.values()],
        range=[*STANCE_COLOURS, *(CELL_FILL[k] for k in CELL_LEGEND)],
    )


def stance_heatmap(
    corpus: Corpus,
    current: tuple[str, str] | None = None,
    selection_name: str = "cell",
    frame: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Topics x voices, voices ordered by mean stance; silent and mentions cells marked apart.

    A point selection named `selection_name` over (topic_id, voice_id) lets a page show the
    selected position; `current` (topic id, voice id) is the cell shown, drawn with an outline.
    `frame` is `matrix_frame(corpus)` when the caller already has it (a page caches it).
    """
    frame = (matrix_frame(corpus) if frame is None else frame).copy()
    topic_now, voice_now = current or (None, None)
    frame["current"] = (frame["topic_id"] == topic_now) & (frame["voice_id"] == voice_now)
    voices = [corpus.voice(v).name for v in compare.voice_order(corpus)]
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
