"""fpdf2's line breaking, the same lines made in one pass.

fpdf2 (`fpdf.line_break.MultiLineBreak`) finds where a line ends one character at a time,
and for each character measures the whole line again (a string join and a width sum per
fragment): most of the time of a PDF with much text, such as an all-topics handout. This
subclass makes the same `TextLine`s, breaking at the same places with the same floating-point
widths, but keeps the line's width as a running sum of font units: a few arithmetic steps per
character.

It takes the fast path only for what the printed layout uses (`Printer`'s DejaVu fonts
without text shaping, character spacing or stretching, word wrapping, no soft hyphens) and
hands anything else to fpdf2's own code, so other documents are broken exactly as before.
`install` puts it where `FPDF.write` and `FPDF.multi_cell` look the class up.
"""

from __future__ import annotations

from typing import Any

import fpdf.fpdf
from fpdf.enums import Align, WrapMode
from fpdf.errors import FPDFException
from fpdf.line_break import (
    BREAKING_SPACE_SYMBOLS_STR,
    FORM_FEED,
    NBSP,
    NEWLINE,
    SOFT_HYPHEN,
    Fragment,
    MultiLineBreak,
    TextLine,
)
from fpdf.util import FloatTolerance

TOLERANCE = FloatTolerance.TOLERANCE
_FAST_FONTS: tuple[type, ...] = ()


def _plain(fragment: Any) -> bool:
    """A fragment whose width is its characters' widths summed (no shaping, spacing,
    stretching or soft hyphen) in one of the fonts `install` was given."""
    font: Any = fragment.font
    return (
        type(fragment) is Fragment
        and isinstance(font, _FAST_FONTS)
        and not fragment.font.is_symbol  # type: ignore[union-attr]
        and not fragment.text_shaping_parameters
        and fragment.font_stretching == 100
        and fragment.char_spacing == 0
        and SOFT_HYPHEN not in fragment.characters
    )


def _joins(fragment: Fragment, before: Fragment) -> bool:
    """Whether `fragment`'s characters continue `before`'s on a line (fpdf2's rule)."""
    return fragment.has_same_style(before) and fragment.link == before.link


class FastLineBreak(MultiLineBreak):
    """`MultiLineBreak` with a one-pass `get_line` for plain fragments (see the module)."""

    def __init__(self, fragments, max_width, margins, *args, **kwargs) -> None:
        super().__init__(fragments, max_width, margins, *args, **kwargs)
        self.fast = (
            self.wrapmode == WrapMode.WORD
            and not self.print_sh
            and not self.skip_leading_spaces
            and not self.first_line_indent
            and all(_plain(f) for f in fragments)
        )

    def get_line(self) -> TextLine | None:  # noqa: C901 - one loop, as fpdf2's
        if not self.fast:
            return super().get_line()
        forced_before, self.idx_last_forced_break = self.idx_last_forced_break, None
        fragments, count = self.fragments, len(self.fragments)
        fi, ci = self.fragment_index, self.character_index
        if fi == count:
            return None
        align = self.align
        plain_align = Align.L if align == Align.J else align
        font_height = 0.0
        line_max = self.get_width(font_height)
        max_width = line_max - sum(float(m) for m in self.margins)
        # The line: [source fragment, characters, font units] per style; `done` is the width
        # of all but the last, summed in order as fpdf2 does.
        line: list[list[Any]] = []
        done, height, spaces = 0.0, 0.0, 0
        hint: tuple[int, int, int, int, int, float, int] | None = None
        joined = -1  # the source fragment whose style the line's last one was checked against

        def finish(spaces_: int, nl: bool = False, ff: bool = False, how=plain_align) -> TextLine:
            width = 0.0 if not line else done + line[-1][3]
            self.fragment_index, self.character_index = fi, ci
            self._is_first_line = False
            return TextLine(
                fragments=[src.clone(characters=chars, link=src.link) for src, chars, *_ in line],
                text_width=width if line else 0,
                number_of_spaces=spaces_,
                align=how,
                height=height,
                max_width=line_max,
                trailing_nl=nl,
                trailing_form_feed=ff,
            )

        while fi < count:
            fragment = fragments[fi]
            chars = fragment.characters
            if ci >= len(chars):
                ci, fi = 0, fi + 1
                continue
            if fragment.font_size - font_height > TOLERANCE:
                font_height = fragment.font_size
                line_max = self.get_width(font_height)
                max_width = line_max - sum(float(m) for m in self.margins)
            font: Any = fragment.font  # a TTFFont: `_plain` checked it
            cw, size_pt, k = font.cw, fragment.font_size_pt, fragment.k
            if size_pt > font.biggest_size_pt:
                font.biggest_size_pt = size_pt
            row_height = font_height * self.line_height
            while ci < len(chars):
                char = chars[ci]
                if char in (NEWLINE, FORM_FEED):
                    ci += 1
                    height = max(height, row_height)
                    return finish(spaces, nl=char == NEWLINE, ff=char == FORM_FEED)
                char_width = float(cw[ord(char)]) * size_pt * 0.001 / k
                width = (done + line[-1][3]) if line else 0
                if width + char_width - max_width > TOLERANCE:
                    if char in BREAKING_SPACE_SYMBOLS_STR:
                        ci += 1
                        return finish(spaces, how=align)
                    if hint is not None:
                        fi, ci, kept, kept_chars, spaces, done, units = hint
                        del line[kept:]
                        last = line[-1]
                        last[1], last[2] = last[1][:kept_chars], units
                        last[3] = float(units) * last[4] * 0.001 / last[5]
                        ci += 1
                        return finish(spaces, how=align)
                    if forced_before == (fi, ci):
                        raise FPDFException("Not enough horizontal space for a single character")
                    self.idx_last_forced_break = (fi, ci)
                    return finish(spaces)
                height = row_height
                if not line or (joined != fi and not _joins(fragment, line[-1][0])):
                    if line:
                        done += line[-1][3]
                    line.append([fragment, [], 0, 0.0, size_pt, k])
                joined = fi
                last = line[-1]
                if char in BREAKING_SPACE_SYMBOLS_STR:
                    hint = (fi, ci, len(line), len(last[1]), spaces, done, last[2])
                    spaces += 1
                elif char == NBSP:
                    char = " "
                    spaces += 1
                last[1].append(char)
                last[2] += cw[ord(char)]
                last[3] = float(last[2]) * last[4] * 0.001 / last[5]
                ci += 1
        if line and done + line[-1][3]:
            return finish(spaces)
        self.fragment_index, self.character_index = fi, ci
        return None


def install(*fonts: type) -> None:
    """Break lines with `FastLineBreak` in `FPDF.write` and `FPDF.multi_cell`, taking its fast
    path for fragments in these font classes."""
    global _FAST_FONTS
    _FAST_FONTS = tuple(dict.fromkeys((*_FAST_FONTS, *fonts)))
    fpdf.fpdf.MultiLineBreak = FastLineBreak  # type: ignore[misc]
