"""Small wording helpers shared by the pages and the exports: counts with the right plural."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 vote", "2 votes", "0 votes" ("1 topic", "3 topics"; pass `plural` when it is not
    the noun plus "s")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


DOUBLE_MARKS = '"“”„″'


def quoted(text: str) -> str:
    """`text` inside quotation marks, never doubled: “text”, or ‘text’ when the text itself
    begins or ends with a double mark (a verbatim quote that opens with someone else's quoted
    words must not print as ““...”)."""
    bare = text.strip()
    if bare[:1] in DOUBLE_MARKS or bare[-1:] in DOUBLE_MARKS:
        return f"‘{text}’"
    return f"“{text}”"
