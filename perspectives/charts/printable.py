"""The spectrum chart of a topic as a file for printed handouts, rendered offline by vl-convert
from the same Vega-Lite spec the explorer shows (`charts.spectrum_plain`, written without
Altair: importing Altair and pandas and building the specs took over a second of an
all-topics handout). SVG for the PDF (drawn there as vectors), PNG for DOCX (python-docx
takes raster images only)."""

from __future__ import annotations

import vl_convert as vlc

from perspectives.charts.spectrum_plain import spectrum_vegalite
from perspectives.corpus.model import Corpus
from perspectives.safe_text import printable_data

WIDTH_PX = 620  # the plot's width; with a scale of 2 it prints sharp at about 16 cm
SCALE = 2


def spectrum_spec(corpus: Corpus, topic_id: str, font: str | None = None) -> dict:
    """The chart's Vega-Lite spec with every string printable: vl-convert aborts the whole
    process (not an exception) on a control character or a non-character in any label.
    `font`: the family its labels are measured and set in (the page's own, for a PDF)."""
    spec = spectrum_vegalite(corpus, topic_id)
    spec["width"] = WIDTH_PX
    spec["config"]["background"] = "white"
    if font:
        spec["config"]["font"] = font
    return printable_data(spec)


def spectrum_png(corpus: Corpus, topic_id: str) -> bytes:
    """PNG bytes of the topic's spectrum strip (no network: vl-convert bundles Vega)."""
    return vlc.vegalite_to_png(spectrum_spec(corpus, topic_id), scale=SCALE)


def spectrum_svg(corpus: Corpus, topic_id: str, font: str | None = None) -> bytes:
    """SVG bytes of the same chart, its labels laid out in `font` (vl-convert's sans-serif
    when None)."""
    return vlc.vegalite_to_svg(spectrum_spec(corpus, topic_id, font)).encode("utf-8")


def use_font_folder(folder: str) -> None:
    """Let vl-convert measure labels in the fonts of `folder` (it knows the system's own)."""
    if folder not in _REGISTERED:
        vlc.register_font_directory(folder)
        _REGISTERED.add(folder)


_REGISTERED: set[str] = set()
