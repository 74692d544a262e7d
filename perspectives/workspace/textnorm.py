"""Normalise a text once and cut it into paragraphs, keeping where each paragraph came from.

An extracted or decoded text (the *source*) is cut into blocks, each a span of the source. A
block's raw text is cleaned into one paragraph of the frozen text:

- words hyphenated across a line break are mended ("hyphen-\\nated" -> "hyphenated") unless the
  document writes the hyphenated form elsewhere on one line ("well-\\nknown" stays "well-known"
  when "well-known" occurs in the text) or the next part does not begin in lower case
  ("COVID-\\n19" -> "COVID-19"); a soft hyphen at a line end always joins;
- Unicode NFC; control characters (but line breaks), non-characters, and invisible format
  characters that carry no meaning in running text (soft hyphen, zero-width space, byte order
  mark, word joiner) are dropped; typographic quotes, dashes and joiners are kept;
- every run of whitespace (line breaks, tabs, no-break spaces ...) becomes one space, and the
  paragraph is trimmed.

A block with no letter or digit left (a rule such as "* * *", a lone bullet) is not a paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

# Invisible characters dropped from running text (category Cf that carry no meaning there);
# joiners (U+200C, U+200D) and bidirectional marks are kept: some scripts need them.
_DROPPED_FORMAT = {"\u00ad", "\u200b", "\ufeff", "\u2060", "\u180e"}
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_WHITESPACE = re.compile(r"\s+")
_HAS_WORD = re.compile(r"\w")
# A word broken at a line end: letter, hyphen (or soft hyphen), line break, lower-case letter.
_BROKEN_WORD = re.compile(r"(\w+)([-\u2010\u00ad])[ \t]*\n\s*(\w+)")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _keep(char: str) -> bool:
    if char in "\n\t":
        return True
    if char in _DROPPED_FORMAT or _is_noncharacter(ord(char)):
        return False
    return unicodedata.category(char) != "Cc"


def unify_line_breaks(text: str) -> str:
    """CR LF, CR, and the Unicode line and paragraph separators all become LF."""
    return _LINE_BREAKS.sub("\n", text)


def clean_characters(text: str) -> str:
    """NFC, without control characters (line breaks and tabs kept) or non-characters."""
    text = unicodedata.normalize("NFC", unify_line_breaks(text))
    if text.isascii() and text.isprintable():
        return text
    return "".join(char for char in text if _keep(char))


def mend_hyphenation(text: str, context: str = "") -> str:
    """Join words broken by a hyphen at a line end, unless `context` (the whole document)
    writes the hyphenated form on one line, which marks a real compound."""

    def join(match: re.Match) -> str:
        before, hyphen, after = match.groups()
        if hyphen == "\u00ad":
            return before + after
        if not after[0].islower() or f"{before}{hyphen}{after}" in context:
            return f"{before}{hyphen}{after}"  # "Franco-German", "COVID-19", "well-known"
        return before + after

    return _BROKEN_WORD.sub(join, text)


def collapse_whitespace(text: str) -> str:
    """Every run of whitespace becomes one space; no space at either end."""
    return _WHITESPACE.sub(" ", text).strip()


def clean_paragraph(raw: str, context: str = "") -> str:
    """One paragraph of the frozen text from a block's raw text ('' when nothing is left)."""
    text = collapse_whitespace(clean_characters(mend_hyphenation(unify_line_breaks(raw), context)))
    return text if _HAS_WORD.search(text) else ""


def duplicate_key(text: str) -> str:
    """What two texts share when they are "the same text": equal after NFC, without invisible
    characters, with every whitespace run one space. Case and punctuation still count."""
    return collapse_whitespace(clean_characters(text))


@dataclass(frozen=True)
class Block:
    """A span of the source and the raw text of one paragraph-to-be (usually the span itself;
    Markdown gives the text without its markup)."""

    start: int
    end: int
    raw: str


def line_blocks(source: str) -> list[Block]:
    """Each non-empty line is a block (the corpus format's own rule); LF, CR LF or CR end a
    line."""
    blocks = []
    for match in re.finditer(r"[^\r\n]+", source):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            blocks.append(Block(start, start + len(stripped), stripped))
    return blocks


_NON_BLANK_LINES = re.compile(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+")


def blank_line_blocks(source: str) -> list[Block]:
    """Each run of non-empty lines, up to a blank line, is a block (lines wrapped by hand)."""
    blocks = []
    for match in _NON_BLANK_LINES.finditer(source):
        raw = match.group()
        start = match.start() + len(raw) - len(raw.lstrip())
        end = match.start() + len(raw.rstrip())
        if end > start:
            blocks.append(Block(start, end, source[start:end]))
    return blocks


Layout = Literal["lines", "wrapped"]


def guess_layout(source: str) -> Layout:
    """Whether a plain text has one paragraph per line ("lines") or paragraphs wrapped over
    several lines and separated by blank lines ("wrapped", as in e-mail or e-texts).

    Wrapped: there is a blank line, most non-empty lines sit in blocks of two or more lines,
    lines are short (a median under 100 characters), and most lines that a block continues
    end mid-sentence (not with . ! ? : or a closing quote).
    """
    source = unify_line_breaks(source)
    if not re.search(r"\n[ \t]*\n", source):
        return "lines"
    blocks = [b.raw.split("\n") for b in blank_line_blocks(source)]
    lengths = [len(line) for line in source.split("\n") if line.strip()]
    if not blocks or not lengths:
        return "lines"
    in_long_blocks = sum(len(lines) for lines in blocks if len(lines) > 1)
    continued = [line.rstrip() for lines in blocks for line in lines[:-1]]
    ended = sum(bool(_SENTENCE_END.search(line)) for line in continued)
    median = sorted(lengths)[len(lengths) // 2]
    wrapped = in_long_blocks * 2 > len(lengths) and median < 100 and ended * 2 < len(continued)
    return "wrapped" if wrapped else "lines"


_SENTENCE_END = re.compile(r"""[.!?:…"”’»)]$""")


def plain_blocks(source: str) -> list[Block]:
    """The blocks of a plain text, by its layout (see `guess_layout`)."""
    return blank_line_blocks(source) if guess_layout(source) == "wrapped" else line_blocks(source)
