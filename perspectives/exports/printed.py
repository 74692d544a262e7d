"""One entry point for printable exports (briefs, handouts, reading guides) in Markdown, DOCX
and PDF: the teaching object is built, laid out once as blocks (`exports.layout`), and written
by the format's writer (`WRITERS`).

    export = brief_export(corpus, corpus.motion("cap-increases"), "opposition", "pdf")
    write_atomic(export.filename, export.data)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from perspectives.corpus.entities import Motion
from perspectives.corpus.model import Corpus
from perspectives.exports.blocks import Layout
from perspectives.exports.layout import brief_layout, guide_layout, handout_layout
from perspectives.teaching.brief import build_brief
from perspectives.teaching.guide import build_guide
from perspectives.teaching.handout import ChartRenderer, build_handout, png_chart

FORMATS = {
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def write_md(layout: Layout) -> bytes:
    from perspectives.exports.markdown import write_markdown

    return write_markdown(layout).encode("utf-8")


def write_docx(layout: Layout) -> bytes:
    from perspectives.exports.word import write_docx as write

    return write(layout)


def write_pdf(layout: Layout) -> bytes:
    from perspectives.exports.pdf import write_pdf as write

    return write(layout)


# Format -> writer. The writers import python-docx and fpdf2 only when a file is asked for.
WRITERS: dict[str, Callable[[Layout], bytes]] = {
    "md": write_md,
    "docx": write_docx,
    "pdf": write_pdf,
}


def check_format(fmt: str) -> None:
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def render(layout: Layout, fmt: str) -> bytes:
    check_format(fmt)
    return WRITERS[fmt](layout)


@dataclass(frozen=True)
class Export:
    filename: str
    data: bytes
    mime: str
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self, path: str) -> dict:
        return {"path": path, "bytes": len(self.data), "mime": self.mime, "counts": self.counts}


_HOUSE = re.compile(r"^this house (believes that|believes|would|holds:?)\s+", re.IGNORECASE)


def motion_slug(text: str, words: int = 6, limit: int = 48) -> str:
    """A file name's words for a motion's wording: ASCII, lower case, its first few words
    after "This House believes that" ("" when none are left, as for a script without Latin
    letters)."""
    plain = unicodedata.normalize("NFKD", _HOUSE.sub("", text.strip()))
    found = re.findall(r"[a-z0-9]+", plain.encode("ascii", "ignore").decode().lower())
    return "-".join(found[:words])[:limit].strip("-")


def brief_name(motion: Motion, side: str, custom: bool) -> str:
    """A brief's file name (no extension) made of what it holds: the motion's id and the side;
    for a motion of one's own, its topic, pole and the first words of its wording."""
    if custom:
        wording = "" if motion.text.startswith("On “") else motion_slug(motion.text)
        return f"brief-{motion.topic}-{motion.proposition}-{wording or 'custom'}-{side}"
    return f"brief-{motion.id}-{side}"


def brief_export(corpus: Corpus, motion: Motion, side: str, fmt: str) -> Export:
    brief = build_brief(corpus, motion, side)
    name = brief_name(motion, side, brief.motion_id is None)
    data = render(brief_layout(brief), fmt)
    return Export(f"{name}.{fmt}", data, FORMATS[fmt], brief.counts())


def handout_name(topic_ids: Sequence[str]) -> str:
    ids = list(dict.fromkeys(topic_ids))
    return "handout-" + ("-".join(ids) if len(ids) <= 3 else f"{len(ids)}-topics")


def pdf_chart(corpus: Corpus, topic_id: str) -> bytes:
    """The spectrum as SVG (drawn as vectors), its labels measured in the font the PDF sets
    them in: measured in another, a legend's labels overlap."""
    from perspectives.charts.printable import spectrum_svg, use_font_folder
    from perspectives.exports.pdf_printer import UNICODE_FAMILY, unicode_font

    files = unicode_font()
    if files is None:
        return spectrum_svg(corpus, topic_id)  # the PDF's Helvetica, vl-convert's sans-serif
    use_font_folder(str(files[""].parent))
    return spectrum_svg(corpus, topic_id, UNICODE_FAMILY)


# The chart each format takes: none in Markdown, a PNG in DOCX, an SVG in a PDF.
CHARTS: dict[str, ChartRenderer | None] = {"md": None, "docx": png_chart, "pdf": pdf_chart}


def handout_export(corpus: Corpus, topic_ids: Sequence[str], fmt: str) -> Export:
    check_format(fmt)
    handout = build_handout(corpus, topic_ids, chart=CHARTS[fmt])
    data = render(handout_layout(handout), fmt)
    return Export(f"{handout_name(topic_ids)}.{fmt}", data, FORMATS[fmt], handout.counts())


def guide_export(corpus: Corpus, document_id: str, fmt: str) -> Export:
    guide = build_guide(corpus, document_id)
    data = render(guide_layout(guide), fmt)
    return Export(f"guide-{document_id}.{fmt}", data, FORMATS[fmt], guide.counts())
