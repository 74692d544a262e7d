"""Find quotes in a document's text.

A quote matches a span of the text when the two are equal after normalisation, which forgives
exactly two kinds of difference and nothing else:

- whitespace: any run of whitespace (spaces, tabs, newlines, non-breaking spaces ...) equals any
  other run; whitespace at either end of the quote is ignored;
- quote marks: curly and straight quote marks are the same (’ ‘ ‛ ′ are ', and “ ” „ ″ are ").

Offsets returned are those of the exact span in the original text, so `text[start:end]` is what
the document says and normalises equal to the quote.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

_QUOTE_MARKS = {"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
_LONG_WHITESPACE = re.compile(r"\s{2,}")
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Collapse each whitespace run to one space and make quote marks straight."""
    text = _WHITESPACE.sub(" ", text)
    # One str.replace per mark: several times faster than str.translate on a long text.
    for mark, plain in _QUOTE_MARKS.items():
        if mark in text:
            text = text.replace(mark, plain)
    return text


class TextIndex:
    """A document's normalised text, and the way back to the original offsets.

    A whitespace run of the original becomes one space, mapped to the run's first character;
    every other character maps one to one, so an original offset is the normalised one plus the
    characters dropped by the longer runs before it (kept as a short table, not per character:
    the loader holds one index per document of a large corpus at once).
    """

    __slots__ = ("__dict__", "norm", "points", "shifts")

    def __init__(self, text: str) -> None:
        self.norm = normalise(text)
        self.points = array("q")  # normalised offsets where the shift grows ...
        self.shifts = array("q")  # ... and the shift from there on
        shift = 0
        for run in _LONG_WHITESPACE.finditer(text):
            shift += len(run.group()) - 1
            self.points.append(run.start() - (shift - len(run.group()) + 1) + 1)
            self.shifts.append(shift)

    def original(self, at: int) -> int:
        """The offset in the original text of normalised offset `at`."""
        found = bisect_right(self.points, at)
        return at + (self.shifts[found - 1] if found else 0)

    @cached_property
    def folded(self) -> str:
        return self.norm.casefold()

    @cached_property
    def words(self) -> tuple[tuple[int, int, str], ...]:
        """(start, end, casefolded word) in `norm`."""
        return tuple((m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(self.norm))


@lru_cache(maxsize=16)
def text_index(text: str) -> TextIndex:
    """The index of a text, for callers outside the loader (which keeps its own per document)."""
    return TextIndex(text)


def locate(text: str, quote: str, index: TextIndex | None = None) -> tuple[int, int] | None:
    """The (start, end) offsets in `text` of the first span matching `quote`, or None.
    `index`: `text`'s index, where the caller keeps one."""
    wanted = normalise(quote).strip()
    if not wanted:
        return None
    index = index or text_index(text)
    at = index.norm.find(wanted)
    if at < 0:
        return None
    # `wanted` begins and ends with a non-space character, and those map one to one.
    return index.original(at), index.original(at + len(wanted) - 1) + 1


def mentions_name(text: str, name: str, index: TextIndex | None = None) -> bool:
    """Whether `text` names `name` as a whole word or phrase, ignoring case, with the same
    tolerance of whitespace and quote marks as `locate`."""
    wanted = normalise(name).strip().casefold()
    if not wanted:
        return False
    # str.find and a look at the characters either side, as `(?<!\w)NAME(?!\w)` would (\w is
    # what isalnum() accepts, and "_"): a pattern per name overflowed re's cache of compiled
    # patterns on a corpus of thousands of voices, and each search compiled its own again.
    folded = (index or text_index(text)).folded
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if not (at and _word_char(folded[at - 1])) and not (
            end < len(folded) and _word_char(folded[end])
        ):
            return True
        at = folded.find(wanted, at + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def closest_passage(
    text: str, quote: str, *, candidates: int = 8, index: TextIndex | None = None
) -> str:
    """The passage of `text` most like `quote`, whitespace collapsed: a hint for a quote that
    `locate` did not find. Empty when the text or the quote is empty.

    Windows as many words long as the quote are ranked by the quote's words they share, rare
    words weighing more (one pass over the text); the best few are compared character by
    character.
    """
    wanted = normalise(quote).strip()
    index = index or text_index(text)
    if not wanted or not index.norm.strip():
        return ""
    quote_words = Counter(_WORD.findall(wanted.casefold()))
    words = index.words
    size = max(1, sum(quote_words.values()))
    if not words or not quote_words:
        return _span(text, index, 0, min(len(index.norm), len(wanted)))
    if len(words) <= size:
        return _span(text, index, words[0][0], words[-1][1])

    # A shared word counts more the rarer it is in the text: "the" says little, "homicidal" a lot.
    frequency = Counter(word for _, _, word in words)
    hits = [1 / frequency[word] if word in quote_words else 0.0 for _, _, word in words]
    score = sum(hits[:size])
    scores = [score]
    for first in range(1, len(words) - size + 1):
        score += hits[first + size - 1] - hits[first - 1]
        scores.append(score)
    ranked = sorted(range(len(scores)), key=lambda first: (-scores[first], first))

    chosen: list[int] = []
    for first in ranked:
        if all(abs(first - other) >= max(1, size // 2) for other in chosen):
            chosen.append(first)
            if len(chosen) == candidates:
                break

    target = wanted.casefold()

    def similarity(window: tuple[int, int]) -> float:
        start, end = words[window[0]][0], words[window[1] - 1][1]
        return SequenceMatcher(None, target, index.norm[start:end].casefold()).ratio()

    best = max(((first, first + size) for first in chosen), key=similarity)
    # Let the best window's edges move by up to two words, in case it starts or ends early.
    first, last = best
    shifted = {
        (max(0, first + move_first), min(len(words), last + move_last))
        for move_first in range(-2, 3)
        for move_last in range(-2, 3)
    }
    best = max((w for w in shifted if w[0] < w[1]), key=lambda w: (similarity(w), w == best))
    return _span(text, index, words[best[0]][0], words[best[1] - 1][1])


def _span(text: str, index: TextIndex, norm_start: int, norm_end: int) -> str:
    """The original text behind index.norm[norm_start:norm_end], whitespace collapsed."""
    if norm_end <= norm_start:
        return ""
    start = index.original(norm_start)
    end = index.original(norm_end - 1) + 1
    return " ".join(text[start:end].split())


@dataclass
class Located:
    """Every quote and every name asked for, looked up in its document's text: what the
    loader's checks read. Made by `locate_in_texts`, one document at a time, so only one
    document's index is held at once (the checks visit the documents kind by kind, and holding
    every index for the whole load doubled the memory of the texts)."""

    spans: dict[tuple[str, str], tuple[int, int] | None] = field(default_factory=dict)
    hints: dict[tuple[str, str], str] = field(default_factory=dict)  # for each quote not found
    # (document, a voice's names): whether the document names the voice by any of them
    named: dict[tuple[str, tuple[str, ...]], bool] = field(default_factory=dict)

    def add(
        self,
        document_id: str,
        text: str,
        index: TextIndex,
        quotes: Iterable[str] = (),
        names: Iterable[tuple[str, ...]] = (),
    ) -> None:
        for quote in quotes:
            span = self.spans[document_id, quote] = locate(text, quote, index)
            if span is None:
                self.hints[document_id, quote] = closest_passage(text, quote, index=index)
        for ways in names:
            found = any(mentions_name(text, name, index) for name in ways)
            self.named[document_id, ways] = found

    def span(self, document_id: str, text: str, quote: str) -> tuple[int, int] | None:
        """Where `quote` is in the text of `document_id` (None: not found)."""
        if (document_id, quote) not in self.spans:  # not asked for beforehand
            self.add(document_id, text, text_index(text), quotes=(quote,))
        return self.spans[document_id, quote]

    def names(self, document_id: str, text: str, ways: tuple[str, ...]) -> bool:
        """Whether the text of `document_id` names any of `ways` (`mentions_name`)."""
        if (document_id, ways) not in self.named:
            self.add(document_id, text, text_index(text), names=(ways,))
        return self.named[document_id, ways]


def locate_in_texts(
    texts: Mapping[str, str],
    quotes: Mapping[str, Iterable[str]],
    names: Mapping[str, Iterable[tuple[str, ...]]],
) -> Located:
    """Each document's quotes (`locate`, with a hint where not found) and voices' names (each
    voice's name and aliases: whether `mentions_name` finds any), by document id; documents
    without a text are left out."""
    located = Located()
    for document_id in sorted(quotes.keys() | names.keys()):
        text = texts.get(document_id)
        if text is not None:
            index = TextIndex(text)
            located.add(
                document_id, text, index, quotes.get(document_id, ()), names.get(document_id, ())
            )
    return located
