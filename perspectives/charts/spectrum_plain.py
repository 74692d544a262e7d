"""The spectrum strip's Vega-Lite spec as plain dicts: what the explorer draws
(`ui.cache.spectrum_spec`) and the printed handout renders (`charts.printable`).

Altair (with pandas) took longer to import and to build fifteen specs than fpdf2 took to lay
out a whole handout, and half a second of a cold start's first page. This module writes the
dict `charts.spectrum.spectrum_strip(...).to_dict()` gives, key for key (the datasets named by
the same hash); that Altair chart is kept as the reference the tests hold this one to
(`tests/test_spectrum_plain.py`, and `tests/test_present.py` through Streamlit's schema-checked
conversion), so a change to one that the other lacks fails there.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from perspectives.charts.common import ROW_PX, SIGN_EXPR, _wrap, stance_label
from perspectives.corpus.model import Corpus
from perspectives.safe_text import printable, printable_data
from perspectives.stance import SIGNS, STANCES
from perspectives.views import compare

SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v6.4.1.json"  # Altair 6's, as it writes


def spectrum_rows(corpus: Corpus, topic_id: str, voice_ids=None) -> list[dict[str, Any]]:
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
            printable_data(
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
                    "label_side": "left" if position.score > 0 else "right",
                }
            )
        )
    return rows


def camp_domain(corpus: Corpus, camp_ids) -> tuple[list[str], list[str]]:
    """Camp names and the camps' own colours, in corpus order, for the camps given."""
    wanted = set(camp_ids)
    camps = [c for c in corpus.camps if c.id in wanted]
    if wanted & {None, ""}:  # voices with no camp (the frame's camp_id is "")
        camps.append(corpus.camp(None))
    return [c.name for c in camps], [c.colour for c in camps]


def pole_lines(corpus: Corpus, topic_id: str) -> tuple[list[str], list[str], float]:
    """The poles' words wrapped for the chart's corners, and the rows they take."""
    topic = corpus.topic(topic_id)
    low, high = _wrap(printable(topic.poles.low), 26), _wrap(printable(topic.poles.high), 26)
    return low, high, 0.55 * max(len(low), len(high)) + 0.9


def _dataset(values: list[dict[str, Any]], datasets: dict[str, Any]) -> dict[str, str]:
    """Altair's named dataset: "data-" and the first 32 hex digits of the values' sha256."""
    text = json.dumps(values, sort_keys=True, default=str)
    name = "empty" if values == [{}] else "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]
    datasets[name] = values
    return {"name": name}


def _text_layer(data, side: str, filter_field: str, mark: dict, text: str, xy: dict) -> dict:
    return {
        "data": data,
        "mark": {"type": "text", **mark},
        "encoding": {"text": {"field": text, "type": "nominal"}, **xy},
        "transform": [{"filter": f"(datum.{filter_field} === '{side}')"}],
    }


def spectrum_vegalite(
    corpus: Corpus, topic_id: str, voice_ids=None, legend: bool = True
) -> dict[str, Any]:
    """`spectrum_strip(corpus, topic_id, voice_ids, legend).to_dict()`, without Altair."""
    topic = corpus.topic(topic_id)
    rows = spectrum_rows(corpus, topic_id, voice_ids)
    low_lines, high_lines, pole_height = pole_lines(corpus, topic_id)
    n = max(len(rows), 1)
    x = {
        "axis": {
            "grid": True,
            "gridDash": [2, 3],
            "labelExpr": SIGN_EXPR,
            "title": None,
            "values": list(STANCES),
        },
        "field": "stance",
        "scale": {"domain": [-2.35, 2.35], "nice": False, "zero": False},
        "type": "quantitative",
    }
    y_domain = [-pole_height - 0.2, n - 0.4]
    y = {
        "axis": None,
        "field": "row",
        "scale": {"domain": y_domain, "nice": False, "reverse": True, "zero": False},
        "type": "quantitative",
    }
    xy = {"x": x, "y": y}
    datasets: dict[str, Any] = {}
    data = _dataset(rows, datasets)
    domain, colours = camp_domain(corpus, [r["camp_id"] for r in rows])
    colour: dict[str, Any] = {"field": "camp_name", "scale": {"domain": domain, "range": colours}}
    legend_spec = {"columns": 2, "labelLimit": 260, "orient": "bottom", "symbolType": "circle"}
    colour["legend"] = {**legend_spec, "title": "Camp"} if legend else None
    colour["type"] = "nominal"
    titles = {"voice_name": "Voice", "camp_name": "Camp"}
    titles |= {"stance_label": "Stance", "state": "State", "summary": "Summary"}
    tooltip = [{"field": f, "title": t, "type": "nominal"} for f, t in titles.items()]
    points = {
        "data": data,
        "mark": {"type": "circle", "opacity": 1, "size": 170, "stroke": "white", "strokeWidth": 1},
        "encoding": {"color": colour, "tooltip": tooltip, **xy},
    }
    poles = [
        {
            "stance": -2.35,
            "row": -pole_height,
            "text": "\n".join(["◀ −2", *low_lines]),
            "align": "left",
        },
        {
            "stance": 2.35,
            "row": -pole_height,
            "text": "\n".join(["+2 ▶", *high_lines]),
            "align": "right",
        },
    ]
    pole_data = _dataset(poles, datasets)
    pole_mark = {"baseline": "top", "fontSize": 12, "fontWeight": "bold"}
    pole_mark |= {"lineBreak": "\n", "lineHeight": 14}
    layers = [
        points,
        *(
            _text_layer(
                data, side, "label_side", {"align": a, "dx": dx, "fontSize": 13}, "voice_name", xy
            )
            for side, a, dx in (("right", "left", 11), ("left", "right", -11))
        ),
        *(
            _text_layer(pole_data, side, "align", {"align": side, **pole_mark}, "text", xy)
            for side in ("left", "right")
        ),
    ]
    names = ", ".join(f"{r['voice_name']} {r['stance_label']}" for r in rows) or "none"
    description = (
        f"Spectrum of {topic.label}: from {SIGNS[-2]} ({topic.poles.low}) to "
        f"{SIGNS[2]} ({topic.poles.high}). Voices placed: {names}."
    )
    return {
        "config": {"view": {"continuousWidth": 300, "continuousHeight": 300}},
        "layer": layers,
        "autosize": {"contains": "padding", "type": "fit-x"},
        "description": description,
        "height": int((n + pole_height) * ROW_PX) + 20,
        "title": {"text": topic.label, "anchor": "start", "subtitle": "Where the voices stand"},
        "$schema": SCHEMA_URL,
        "datasets": datasets,
    }
