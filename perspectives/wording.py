"""Small wording helpers shared by the pages and the exports: counts with the right plural."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 vote", "2 votes", "0 votes" ("1 topic", "3 topics"; pass `plural` when it is not
    the noun plus "s")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
