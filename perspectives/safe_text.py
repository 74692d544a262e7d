"""Text that every output format can hold: the characters a file format or a renderer cannot
take, replaced before they reach it.

The loader cleans or refuses such characters at load; the exports and the charts still pass
every string through `printable` (defence in depth), because one of them is enough to make
python-docx raise, vl-convert abort the whole process (not an exception: the server dies) and
UTF-8 encoding fail. What is replaced:
- control characters other than tab and newline (C0, DEL, C1): those that separate text (vertical
  tab, form feed, the information separators, next line) become a space, the others U+FFFD "�",
  so a quote shows where a character was rather than silently closing up;
- a carriage return becomes a newline;
- lone surrogates (a YAML "\\ud800" escape gives one) and the non-characters (U+FDD0..U+FDEF and
  every U+xFFFE / U+xFFFF) become U+FFFD.
Everything else stays as written: right-to-left text and marks, zero-width characters, emoji.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x1f\x85"
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\r":
        return "\n"
    return " " if char in _SEPARATORS else REPLACEMENT


def printable(text: str) -> str:
    """`text` with the characters above replaced (the same string when there are none)."""
    text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_replace, text) if _UNSAFE.search(text) else text


def has_unsafe(text: str) -> bool:
    """Whether `printable` would change `text` (other than a CRLF line end)."""
    return _UNSAFE.search(text.replace("\r\n", "\n")) is not None


def printable_data(data: Any) -> Any:
    """`data` (dicts, lists and strings, as a chart spec or a table's rows) with every string
    made `printable`, keys included."""
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {printable_data(key): printable_data(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [printable_data(item) for item in data]
    return data
