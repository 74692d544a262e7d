"""Whose words a passage of a document is: the voices a search hit speaks for.

Words are a voice's own when the corpus says so:
- **evidence**: they lie inside a quote the corpus gives as a voice's evidence (a quote of one
  of its positions, or of a claim it states);
- **author**: outside every evidence quote and outside quotation marks, in a document whose
  voices are its author(s) and people it quotes briefly, they are the author's (the author's
  own prose, or their paraphrase of others);
- otherwise they are **not attributed**: words in quotation marks that no evidence claims (the
  text quotes someone), or text of a document that excerpts other voices at length (a
  compilation: its unquoted passages may be the editor's or an excerpt's), or of a document
  with no author voice.

Attribution is by the matched words (`Hit.matches`), so a paragraph where a compiler frames a
quoted voice gives the quoted words to that voice and nothing of it to the others.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from perspectives.corpus.document import Paragraph
from perspectives.corpus.model import Corpus
from perspectives.recent import Recent
from perspectives.views.reader import paragraphs_touched

Span = tuple[int, int]
# Text in quotation marks: “…”, "…", and ‘…’ closed by a ’ that is not an apostrophe.
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|‘[^‘]*?’(?![\w])")

MAX_QUOTED_PARAGRAPHS = 20_000  # paragraphs whose quotation spans an Attribution keeps
EVIDENCE, AUTHOR = "evidence", "author"
QUOTED = "in quotation marks, and no evidence says whose"
EXCERPTS = "outside the evidence of a document that excerpts several voices"
NO_AUTHOR = "outside the evidence, and the document has no author voice"


@dataclass(frozen=True)
class Speakers:
    """Whose the matched words of one hit are."""

    evidence: tuple[str, ...] = ()  # voice ids whose evidence holds some of the words
    authors: tuple[str, ...] = ()  # author voice ids some words are attributed to
    unattributed: str = ""  # why some words are nobody's ("" when all are attributed)

    @property
    def voices(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.evidence, *self.authors)))


class Attribution:
    """The corpus' evidence spans by document, and the documents' author voices, for looking
    up whose words a passage is."""

    def __init__(self, corpus: Corpus):
        spans: dict[str, list[tuple[int, int, str]]] = {}
        quotes = [(e, p.voice) for p in corpus.positions for e in p.evidence]
        quotes += [(c.quote, c.voice) for c in corpus.claims if c.voice]
        for evidence, speaker in quotes:
            spans.setdefault(evidence.document_id, []).append(
                (evidence.start, evidence.end, str(speaker))
            )
        self._spans = {doc: sorted(found) for doc, found in spans.items()}
        self._starts = {doc: [s for s, _, _ in found] for doc, found in self._spans.items()}
        self._longest = {doc: max(e - s for s, e, _ in found) for doc, found in self._spans.items()}
        self._documents = {d.id: d for d in corpus.documents}
        self._quotes: dict[tuple[str, int], tuple[Span, ...]] = {}
        self.authors: dict[str, tuple[str, ...]] = {}
        self.excerpting: set[str] = set()
        for voice in corpus.voices:
            for doc in voice.documents:
                if voice.relation == "author":
                    self.authors[doc] = (*self.authors.get(doc, ()), voice.id)
                elif voice.relation == "excerpted":
                    self.excerpting.add(doc)

    def _covering(self, doc: str, start: int, end: int) -> list[str]:
        """Voices whose evidence overlaps [start, end)."""
        found, starts = self._spans.get(doc, []), self._starts.get(doc, [])
        first = bisect_left(starts, start - self._longest.get(doc, 0))
        voices = []
        for s, e, voice in found[first:]:
            if s >= end:
                break
            if e > start:
                voices.append(voice)
        return voices

    def _quoted(self, doc: str, start: int, end: int) -> bool:
        """Whether [start, end) lies inside quotation marks within its paragraph."""
        paragraph = self._documents[doc].paragraph_at(start)
        if paragraph is None:
            return False
        return any(s < start and end <= e for s, e in self._quoted_spans(doc, paragraph))

    def _quoted_spans(self, doc: str, paragraph: Paragraph) -> tuple[Span, ...]:
        """The quotation-mark spans of a paragraph, remembered (a search hit's words fall in
        the same few paragraphs query after query; the regex scan was a sixth of a search)."""
        key = (doc, paragraph.start)
        found = self._quotes.get(key)
        if found is None:
            text = self._documents[doc].text
            found = tuple(m.span() for m in _QUOTED.finditer(text, paragraph.start, paragraph.end))
            if len(self._quotes) >= MAX_QUOTED_PARAGRAPHS:
                self._quotes.clear()  # a plain bound: dict operations are atomic across threads
            self._quotes[key] = found
        return found

    def of_words(self, doc: str, matches: tuple[Span, ...] | list[Span]) -> Speakers:
        """Whose the words at `matches` (character offsets in document `doc`) are."""
        evidence: list[str] = []
        authors: tuple[str, ...] = ()
        why = ""
        for start, end in matches:
            covering = self._covering(doc, start, end)
            if covering:
                evidence += covering
            elif self._quoted(doc, start, end):
                why = why or QUOTED
            elif doc in self.excerpting:
                why = why or EXCERPTS
            elif not self.authors.get(doc):
                why = why or NO_AUTHOR
            else:
                authors = self.authors[doc]
        return Speakers(tuple(dict.fromkeys(evidence)), authors, why)

    def voice_paragraphs(self, voice: str) -> frozenset[tuple[str, int]]:
        """(document, paragraph) pairs that may hold `voice`'s words: those with its evidence,
        and every paragraph of a document it is the attributed author of."""
        found: set[tuple[str, int]] = set()
        for doc, spans in self._spans.items():
            for start, end, who in spans:
                if who == voice:
                    touched = paragraphs_touched(self._documents[doc], start, end)
                    found.update((doc, paragraph.number) for paragraph in touched)
        for doc, authors in self.authors.items():
            if voice in authors and doc not in self.excerpting:
                found.update((doc, p.number) for p in self._documents[doc].paragraphs)
        return frozenset(found)


_ATTRIBUTIONS: Recent[str, Attribution] = Recent(8, serial=True)


def attribution(corpus: Corpus) -> Attribution:
    """The corpus' attribution, built once per corpus fingerprint (the last few kept)."""
    return _ATTRIBUTIONS.get(corpus.fingerprint, lambda: Attribution(corpus))


def describe(corpus: Corpus, speakers: Speakers) -> str:
    """Whose words, in plain words: "John Keane (evidence); Ann Writer (the document's author);
    some words not attributed: in quotation marks, and no evidence says whose"."""
    parts = []
    if speakers.evidence:
        names = ", ".join(corpus.voice(v).name for v in speakers.evidence)
        parts.append(f"{names} (evidence)")
    authors = [v for v in speakers.authors if v not in speakers.evidence]
    if authors:
        names = ", ".join(corpus.voice(v).name for v in authors)
        parts.append(f"{names} (the document's author{'s' if len(authors) > 1 else ''})")
    if speakers.unattributed:
        lead = "some words not attributed: " if parts else "not attributed: "
        parts.append(lead + speakers.unattributed)
    return "; ".join(parts) or "not attributed"
