"""The spectrum chart of a topic as a PNG for printed handouts, rendered offline by vl-convert
from the same Altair spec the explorer shows (`charts.spectrum_strip`)."""

from __future__ import annotations

import vl_convert as vlc

from perspectives.charts.spectrum import spectrum_strip
from perspectives.corpus.model import Corpus
from perspectives.safe_text import printable_data

WIDTH_PX = 620  # the plot's width; with a scale of 2 it prints sharp at about 16 cm
SCALE = 2


def spectrum_spec(corpus: Corpus, topic_id: str) -> dict:
    """The chart's Vega-Lite spec with every string printable: vl-convert aborts the whole
    process (not an exception) on a control character or a non-character in any label."""
    chart = spectrum_strip(corpus, topic_id).properties(width=WIDTH_PX)
    # Not validated against the Vega-Lite schema again: the explorer draws the same spec.
    return printable_data(chart.configure(background="white").to_dict(validate=False))


def spectrum_png(corpus: Corpus, topic_id: str) -> bytes:
    """PNG bytes of the topic's spectrum strip (no network: vl-convert bundles Vega)."""
    return vlc.vegalite_to_png(spectrum_spec(corpus, topic_id), scale=SCALE)
