"""What the loader refuses before it builds anything: files too large, files that are not
ordinary files, and invisible characters no page, chart or export should ever meet.

Limits are generous for a reading list (a long book is about a million characters) and small
enough that one careless or hostile file cannot exhaust the server's memory or time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MAX_YAML_BYTES = 4 * 1024 * 1024  # one analysis file; the default corpus' largest is 22 KB
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024  # one document file, front matter included
MAX_DOCUMENT_CHARS = 1_000_000  # a document's text: about 170,000 words, a long book
MAX_PARAGRAPHS = 20_000  # non-empty lines of one document

# Control characters (line breaks and tabs aside), the C1 controls, lone surrogates (only a
# "\ud800" escape in double quotes makes one) and the non-characters: invisible, meaningless in
# a text, and fatal to some renderers (a chart's PDF writer aborts on them).
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
    + "]"
)


def size_text(count: int) -> str:
    """A byte count as a person reads it: "8 MB", "950 KB"."""
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    return f"{max(1, round(count / 1024))} KB"


def char_name(char: str) -> str:
    """How a message names an invisible character: "U+0001"."""
    return f"U+{ord(char):04X}"


def forbidden_in_text(text: str) -> tuple[int, int, str] | None:
    """(line, column, character) of the first forbidden character of `text`, 1-based."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    start = found.start()
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\n", 0, start) + 1, start - line_start + 1, found.group()


def forbidden_in_data(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, character) for each string of parsed YAML holding a forbidden character
    (keys included: a key is text too)."""
    if isinstance(data, str):
        found = FORBIDDEN.search(data)
        if found:
            yield path, found.group()
    elif isinstance(data, dict):
        for key, value in data.items():
            name = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and FORBIDDEN.search(key):
                yield name, FORBIDDEN.search(key).group()  # type: ignore[union-attr]
            yield from forbidden_in_data(value, name)
    elif isinstance(data, list):
        for number, item in enumerate(data):
            yield from forbidden_in_data(item, f"{path}[{number}]")


def invisible_message(where: str, char: str) -> str:
    return (
        f"{where} holds an invisible control character ({char_name(char)}), which is not "
        "allowed: delete it (it often comes with text copied from a PDF)"
    )


NOT_A_FILE = {
    "special": (
        "is not an ordinary file (a pipe, socket, device or linked folder), so it is not read: "
        "replace it with an ordinary file"
    ),
    "outside": (
        "is a link to a file outside the corpus folder, so it is not read: copy the file into "
        "the folder instead"
    ),
}


def slug_form(value: str) -> str:
    """The id a careless hand most likely meant ("Adaeze Okafor" -> "adaeze-okafor"): what the
    references to a badly written id were probably written as."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
