"""A chart's SVG (as vl-convert writes it) made into what fpdf2's SVG reader draws as vectors.

Why vectors: rasterising each chart (vl-convert) and then decoding and recompressing the PNG
(fpdf2) was a third of an all-topics handout's PDF time, and a vector chart prints sharp at
any size. fpdf2 reads a subset of SVG; what vl-convert writes outside it is mended here:

- a `<path d="">` (Vega's empty foreground) is an error for fpdf2: dropped;
- `<line>` without `x1`/`y1` (SVG's default 0) is an error: the defaults are written out;
- `font-size="12px"` is read as 9 pt *inside* the chart's pixel space (a quarter too small):
  written as the bare number of user units;
- a text of several lines (`<tspan x="0" dy="14">`) loses its `text-anchor` per line: each
  line becomes a `<text>` of its own;
- `font-family="sans-serif"` would be the core Helvetica (Latin-1 only): the printer's font,
  and every text through the printer's own cleaning (`Printer.t`);
- `aria-label` (a copy of every tooltip) is dropped: fpdf2 never shows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree import ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
_TAG = re.compile(r"^\{[^}]*\}")
_TRANSLATE = re.compile(r"^translate\(([-\d.e+]+)[ ,]+([-\d.e+]+)\)$")
_PX = re.compile(r"^([\d.]+)px$")

# What fpdf2's SVG reader raises on a drawing it cannot read (then the chart is rasterised).
SVG_ERRORS = (ET.ParseError, ValueError, KeyError, TypeError, IndexError, NotImplementedError)
RASTER_SCALE = 2

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


def is_svg(data: bytes) -> bool:
    return data.lstrip()[:4] == b"<svg" or data.lstrip()[:5] == b"<?xml"


def svg_size(data: bytes) -> tuple[float, float]:
    """Width and height in the SVG's own units, from its root's attributes."""
    root = ET.fromstring(data)
    return float(root.attrib["width"]), float(root.attrib["height"])


def _name(element: ET.Element) -> str:
    return _TAG.sub("", element.tag)


def _lines_of(text: ET.Element) -> list[tuple[float, str]] | None:
    """(dy, words) per line of a text made of `<tspan>`s, or None when it is one line."""
    spans = [child for child in text if _name(child) == "tspan"]
    if not spans:
        return None
    lines, dy = [], 0.0
    for span in spans:
        dy += float(span.attrib.get("dy", "0") or 0)
        lines.append((dy, "".join(span.itertext())))
    if (text.text or "").strip():
        lines.insert(0, (0.0, text.text or ""))
    return lines


def _split(text: ET.Element) -> list[ET.Element]:
    """A text of several lines as one `<text>` per line, each keeping the anchor and style."""
    lines = _lines_of(text)
    if lines is None:
        return [text]
    found = _TRANSLATE.match(text.attrib.get("transform", "translate(0,0)").strip())
    x, y = (float(found[1]), float(found[2])) if found else (0.0, 0.0)
    out = []
    for dy, words in lines:
        line = ET.Element(text.tag, dict(text.attrib))
        line.attrib["transform"] = f"translate({x},{y + dy})"
        line.text = words
        out.append(line)
    return out


def for_fpdf(svg: bytes, family: str, clean: Callable[[str], str]) -> bytes:
    """The SVG mended for fpdf2 (see the module's note); `clean` makes a text printable in
    `family`."""
    root = ET.fromstring(svg)
    for parent in list(root.iter()):
        children = list(parent)
        mended: list[ET.Element] = []
        for child in children:
            name = _name(child)
            child.attrib.pop("aria-label", None)
            if name == "path" and not child.attrib.get("d", "").strip():
                continue
            if name == "line":
                for key in ("x1", "y1", "x2", "y2"):
                    child.attrib.setdefault(key, "0")
            if name == "text":
                child.attrib["font-family"] = family
                size = _PX.match(child.attrib.get("font-size", ""))
                if size:
                    child.attrib["font-size"] = size[1]
                for line in _split(child):
                    line.text = clean(line.text or "")
                    for span in line:
                        span.text = clean(span.text or "")
                        span.tail = clean(span.tail) if span.tail else span.tail
                    mended.append(line)
                continue
            mended.append(child)
        if mended != children:
            parent[:] = mended
    return ET.tostring(root, encoding="utf-8")


def raster(svg: bytes) -> bytes:
    """The SVG as a PNG (vl-convert's renderer), for a drawing fpdf2 cannot read."""
    import vl_convert as vlc

    return bytes(vlc.svg_to_png(svg.decode("utf-8"), scale=RASTER_SCALE))
