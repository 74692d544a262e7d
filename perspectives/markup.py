"""Text from documents and users shown as written, never as markup: the two places the project
writes Markdown, each with its own escaping, side by side so neither is mistaken for the other.

- `st_escape`: for `st.markdown` and widget labels. Streamlit's Markdown reads more than
  CommonMark: `$...$` as maths, `:name:` as an icon or colour, so those are escaped too, and a
  newline becomes a hard line break.
- `md_escape`: for one line of a `.md` export, read by other programs as CommonMark:
  inline markup escaped, a line never starting as a heading, list or quote, and characters no
  file can hold replaced first (`safe_text.printable`).
"""

from __future__ import annotations

import re

from perspectives.safe_text import printable

_STREAMLIT_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^])")
_FILE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_HASH = re.compile(r"(^|\s)#")
_LINE_START = re.compile(r"^([+=-]|\d+[.)])")


def st_escape(text: str) -> str:
    """`text` for st.markdown: every character Streamlit could read as markup backslashed."""
    return _STREAMLIT_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def md_escape(text: str, line_start: bool = True) -> str:
    """One line of a Markdown file with inline markup escaped; a '#' that could close a
    heading, and (unless `line_start` is False: a heading's text) a leading list marker, are
    kept literal too."""
    text = _HASH.sub(r"\1\\#", _FILE_SPECIAL.sub(r"\\\1", " ".join(printable(text).split())))
    return _LINE_START.sub(r"\\\1", text) if line_start else text
