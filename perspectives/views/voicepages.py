"""The Matrix's voices a page at a time: a long reading list has thousands of voices, and a
grid (or a list per topic) of all of them is neither readable nor quick to draw (2,200 voice
columns at 100 copies of the default corpus took seconds per run). The voices keep the
matrix's order (`matrix.voice_order`); a camp filter narrows them, and pages of `PAGE_SIZE`
cover the rest, each saying which voices it shows of how many."""

from __future__ import annotations

from dataclasses import dataclass

from perspectives.corpus.model import Corpus

PAGE_SIZE = 40  # voices in the grid at once: columns stay wide enough to read on a laptop


@dataclass(frozen=True)
class VoicePage:
    voices: list[str]  # the ids shown, in the matrix's order
    page: int  # 0-based
    pages: int
    first: int  # 1-based position of the first voice shown among `total`
    total: int  # voices that pass the filter


def camp_options(corpus: Corpus, order: list[str]) -> list[str]:
    """The camps (ids; "" for voices with none) that hold at least one voice, corpus order."""
    present = {corpus.voice(v).camp or "" for v in order}
    found = [c.id for c in corpus.camps if c.id in present]
    return found + ([""] if "" in present else [])


def in_camp(corpus: Corpus, order: list[str], camp: str | None) -> list[str]:
    """The voices of `order` in `camp` ("" for no camp; None for every voice)."""
    if camp is None:
        return list(order)
    return [v for v in order if (corpus.voice(v).camp or "") == camp]


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def page_of(voice_ids: list[str], voice_id: str | None, size: int = PAGE_SIZE) -> int | None:
    """The page that shows `voice_id`, or None when it is not among `voice_ids`."""
    try:
        return voice_ids.index(voice_id) // size if voice_id is not None else None
    except ValueError:
        return None


def voice_page(voice_ids: list[str], page: int, size: int = PAGE_SIZE) -> VoicePage:
    """Page `page` (clamped to the pages there are) of `voice_ids`."""
    pages = page_count(len(voice_ids), size)
    page = min(max(page, 0), pages - 1)
    shown = voice_ids[page * size : (page + 1) * size]
    return VoicePage(shown, page, pages, page * size + 1 if shown else 0, len(voice_ids))


def range_label(page: int, total: int, size: int = PAGE_SIZE) -> str:
    """ "voices 41–80" for page 1 (0-based) of `total`."""
    first, last = page * size + 1, min((page + 1) * size, total)
    return f"voices {first:,}–{last:,}"


def count_line(shown: VoicePage) -> str:
    """ "Voices 1–40 of 2,200" ("No voice" for an empty filter)."""
    if not shown.total:
        return "No voice"
    return f"V{range_label(shown.page, shown.total)[1:]} of {shown.total:,}"
