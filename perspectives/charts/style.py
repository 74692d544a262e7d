"""What every chart shares: the stance colours and labels, tooltips, wrapping, sizing.

Colours: camps keep their own curated colours; stances use Vega's colour-blind-safe diverging
scheme "blueorange" (-2 blue, +2 orange). Cells and points are labelled with text as well, so
colour is not the only cue.
"""

from __future__ import annotations

import altair as alt

from perspectives.charts.common import ROW_PX as ROW_PX
from perspectives.charts.common import SIGN_EXPR as SIGN_EXPR
from perspectives.charts.common import _wrap as _wrap
from perspectives.charts.common import stance_label as stance_label

STANCE_SCHEME = "blueorange"
# The heatmap's cells: five stances from Vega's "blueorange" scheme (11-class, every other
# step), then the two kinds of cell without a stance, drawn apart from a 0 stance: "silent" is
# a mid grey no stance colour comes near and reads "—"; "mentions" is white and reads "m".
STANCE_COLOURS = ["#2f78b3", "#9dcae1", "#f2f0eb", "#fbbf74", "#c5690d"]
CELL_TEXT = {"silent": "—", "mentions": "m"}
CELL_LEGEND = {"mentions": "m: no side", "silent": "—: silent"}
CELL_FILL = {"mentions": "#ffffff", "silent": "#d9d9d9"}
# Heatmap cells narrower than this (on a phone) keep only the letters that tell apart the
# pale cells ("m" and "0"); the numbers are left to the colours there.
MIN_TEXT_CELL = 22
# The heatmap's topic labels: whole on a wide screen, cut short on a phone, where every pixel
# they take is taken from the cells (the tooltip and the selected position give the full label).
TOPIC_LABEL_LIMIT = alt.ExprRef("containerSize()[0] >= 640 ? 280 : 150")
# Fit the width to the page but keep the height for the plot itself: with "fit", a front end
# that stretches the chart squeezes the plot to make room for title, axes and legend.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def _tooltip(**first: str) -> list[alt.Tooltip]:
    """Tooltip fields (name=title), then the stance, state and summary every chart shows."""
    titles = {**first, "stance_label": "Stance", "state": "State", "summary": "Summary"}
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in titles.items()]
