"""A small page-layout layer over fpdf2: fonts, headings, runs of mixed styles, quote cards.

Fonts: DejaVu Sans, a Unicode TrueType font, from the first of these folders that holds it:
$PERSPECTIVES_PDF_FONT_DIR, Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu),
other usual system folders, and matplotlib's bundled copy if matplotlib is installed. Without
any of them the PDF falls back to the core Helvetica font, which only covers Latin-1: curly
quotes become straight ones, dashes hyphens, an ellipsis three dots, and any other character
outside Latin-1 its closest unaccented letter or "?" (see `ascii_safe`).

Every string is made printable first (`safe_text.printable`); with DejaVu Sans, a character the
font has no glyph for (Chinese, most emoji) prints as U+FFFD "�" rather than as an empty box
or nothing. Text is laid out left to right without shaping: right-to-left scripts print, in
logical order.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import struct
import unicodedata
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from perspectives.exports import pdf_lines
from perspectives.exports.pdf_svg import SVG_ERRORS, for_fpdf, is_svg, raster, svg_size
from perspectives.safe_text import REPLACEMENT, printable
from perspectives.wording import quoted

FONT_ENV = "PERSPECTIVES_PDF_FONT_DIR"
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
UNICODE_FAMILY = "DejaVu Sans"  # the font's family name, as other programs (vl-convert) know it
SYSTEM_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)
TRANSLITERATION = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": ",",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "—": "--",
        "–": "-",
        "−": "-",
        "…": "...",
        "◀": "<",
        "▶": ">",
        "•": "-",
    }
)
GREY, INK, CARD_FILL = (85, 85, 85), (20, 20, 20), (242, 242, 238)
_GLYPHS: dict[tuple[str, ...], frozenset[int]] = {}
Part = tuple[str, str, str]  # (style, text, link): "B" bold, "I" italic, "g" grey; link or ""


def font_dirs() -> list[Path]:
    dirs = [os.environ.get(FONT_ENV, ""), *SYSTEM_DIRS]
    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.origin:
        dirs.append(str(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"))
    return [Path(d) for d in dirs if d]


@lru_cache(maxsize=1)
def unicode_font() -> dict[str, Path] | None:
    """The DejaVu Sans files by style ("" regular, "B", "I", "BI"), or None if not found."""
    for folder in font_dirs():
        if (folder / FONT_FILES[""]).is_file():
            return {
                style: folder / name if (folder / name).is_file() else folder / FONT_FILES[""]
                for style, name in FONT_FILES.items()
            }
    return None


def ascii_safe(text: str) -> str:
    """Text the core fonts can print: typographic marks to ASCII, the rest to Latin-1."""
    text = printable(text).translate(TRANSLITERATION)
    if all(ord(ch) < 256 for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) < 256:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 128)
        out.append(base or "?")
    return "".join(out)


def picture_size(picture: bytes) -> tuple[float, float]:
    """Width and height: an SVG's from its root, a PNG's in pixels from its IHDR chunk."""
    if is_svg(picture):
        return svg_size(picture)
    width, height = struct.unpack(">II", picture[16:24])
    return width, height


class _FastTTFFont(TTFFont):
    """A TrueType font whose width function remembers its recent texts.

    fpdf2's line breaker asks for the width of a fragment's whole text again for each character
    it adds (quadratic in a paragraph's length, each width a Python loop over the characters):
    most of an all-topics handout's PDF time. A text one character longer than one measured
    just before costs one lookup here; the widths are the same integer sums fpdf2 makes (they
    depend on the font file alone, which keys the cache)."""

    __slots__ = ()
    _units: dict[tuple[str, str], float] = {}

    def get_text_width(self, text, font_size_pt, text_shaping_params):
        if text_shaping_params or self.is_symbol:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        self.biggest_size_pt = max(self.biggest_size_pt, font_size_pt)
        units, file = self._units, str(self.ttffile)
        found: float | None = units.get((file, text))
        if found is None:
            before = units.get((file, text[:-1])) if len(text) > 1 else None
            if before is not None:
                found = before + self.cw[ord(text[-1])]
            else:
                found = float(sum(map(self.cw.__getitem__, map(ord, text))))
            if len(units) > 20_000:
                units.clear()
            units[(file, text)] = found
        return len(text), found * font_size_pt * 0.001


pdf_lines.install(_FastTTFFont)


class Printer(FPDF):
    """An A4 page with a running footer; `scale` shrinks type and images to fit a page."""

    unicode: bool  # DejaVu Sans (True) or the core Helvetica (False)
    glyphs: frozenset[int]  # what every DejaVu style prints

    def __init__(
        self, title: str, use_unicode: bool | None = None, fonts_of: Printer | None = None
    ) -> None:
        """`fonts_of`: a printer whose parsed fonts this one borrows, for a scratch document
        that measures and is never output (see `_borrow`)."""
        super().__init__(format="A4")
        self.doc_title = title
        self.scale = 1.0
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.set_title(printable(title))
        self.set_author("Perspectives")
        files = unicode_font() if use_unicode is not False else None
        if fonts_of is not None and fonts_of.unicode and use_unicode is not False:
            self._borrow(fonts_of)
        elif files:
            for style, path in files.items():
                self.add_font("dejavu", style, str(path))
                added = self.fonts[f"dejavu{style}"]
                if type(added) is TTFFont:
                    added.__class__ = _FastTTFFont
            self.family_name, self.unicode = "dejavu", True
            key = tuple(str(path) for path in files.values())
            if key not in _GLYPHS:  # what all four styles can print, found once per process
                fonts = [self.fonts[f"dejavu{style}"] for style in files]
                cmaps = [frozenset(f.cmap) for f in fonts if isinstance(f, TTFFont)]
                _GLYPHS[key] = frozenset.intersection(*cmaps)
            self.glyphs = _GLYPHS[key]
        else:
            self.family_name, self.unicode = "helvetica", False
            self.glyphs = frozenset()

    def _borrow(self, other: Printer) -> None:
        """The other printer's parsed fonts, each with a subset of its own: parsing DejaVu's
        four files takes longer than laying out a handout's page. Only for a document that
        is never output: writing a PDF subsets the font's tables in place."""
        for key, font in other.fonts.items():
            if isinstance(font, TTFFont):
                font = copy.copy(font)
                font.subset, font.missing_glyphs = SubsetMap(font), []
            self.fonts[key] = font
        self.family_name, self.unicode, self.glyphs = other.family_name, True, other.glyphs

    def t(self, text: str) -> str:
        """Text this document's font can print (see the module's note)."""
        if not self.unicode:
            return ascii_safe(text)
        text = printable(text)
        if all(ord(ch) in self.glyphs or ch in "\n\t" for ch in text):
            return text
        return "".join(ch if ord(ch) in self.glyphs or ch in "\n\t" else REPLACEMENT for ch in text)

    def font(self, size: float, style: str = "", colour=INK) -> None:
        self.set_font(self.family_name, style, size * self.scale)
        self.set_text_color(*colour)

    def footer(self) -> None:
        self.set_y(-12)
        self.font(7.5, "", GREY)
        self.cell(0, 5, self.t(f"{self.doc_title}  ·  page {self.page_no()}/{{nb}}"), align="C")

    def line_height(self, size: float) -> float:
        return size * self.scale * 0.45

    def heading(self, text: str, level: int = 1) -> None:
        size = {0: 18, 1: 14, 2: 11.5, 3: 10.5}[level]
        self.ln(1.5 * self.scale if level > 1 else 3 * self.scale)
        self.font(size, "B")
        self.multi_cell(0, self.line_height(size) * 1.1, self.t(text), align="L")
        self.ln(0.8 * self.scale)

    def para(self, text: str, size: float = 10, style: str = "", colour=INK, indent=0.0) -> None:
        self.font(size, style, colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, self.line_height(size), self.t(text), align="L")
        self.ln(1 * self.scale)

    def runs(self, parts, size: float = 10, indent: float = 0.0, bullet: str = "") -> None:
        """One paragraph of (style, text) or (style, text, link) runs that wrap together; a
        bullet hangs left of it."""
        margin = self.l_margin
        h = self.line_height(size)
        if bullet:
            self.font(size)
            self.set_x(margin + indent)
            self.cell(5 * self.scale, h, self.t(bullet))
            indent += 5 * self.scale
        self.set_left_margin(margin + indent)
        self.set_x(margin + indent)
        carry = ""
        for style, text, *link in parts:
            # A run's trailing space moves to the start of the next run, so that the line can
            # break there: write() cannot break at a space that ended the previous run.
            text, carry = carry + text.rstrip(" "), " " * (len(text) - len(text.rstrip(" ")))
            colour = GREY if "g" in style else INK
            self.font(size, style.replace("g", ""), colour)
            self.write(h, self.t(text), link=link[0] if link else "")
        self.set_left_margin(margin)
        self.ln(h + 1 * self.scale)

    def card(self, quote: str, speaker: str, citation: str, indent: float = 4.0) -> None:
        """A quote on a tinted block, then who said it and where."""
        self.set_fill_color(*CARD_FILL)
        self.font(10, "I")
        self.set_x(self.l_margin + indent)
        height = self.line_height(10) * 1.05
        self.multi_cell(0, height, self.t(quoted(quote)), fill=True, padding=1.2, align="L")  # type: ignore[arg-type]
        self.runs([("g", f"— {speaker}. "), ("gI", citation)], size=8.5, indent=indent)
        self.ln(0.5 * self.scale)

    def picture(self, picture: bytes, max_w: float, max_h: float) -> None:
        """A PNG or SVG at most `max_w` x `max_h` mm, keeping its proportions. An SVG is drawn
        as vectors; one that fpdf2 cannot read is rasterised instead (`pdf_svg.raster`)."""
        width, height = picture_size(picture)
        ratio = height / width
        w = min(max_w, max_h / ratio)
        drawable = picture
        if is_svg(picture):
            drawable = for_fpdf(picture, self.family_name, self.t)
        try:
            self.image(BytesIO(drawable), x=self.l_margin, w=w, h=w * ratio)
        except SVG_ERRORS:
            if drawable is picture:
                raise
            self.image(BytesIO(raster(picture)), x=self.l_margin, w=w, h=w * ratio)
        self.ln(1.5 * self.scale)

    def output_bytes(self) -> bytes:
        return bytes(self.output())
