"""Cross-checks between the entries of a corpus, and the building of its domain objects.

Every check reports through `report(file, entry, line, message)` and goes on, so that one run
lists every problem. An entry that exists but is invalid (its own problem already reported) is
"broken": references to it are not reported again, and quotes are still checked against the text
of a document whose front matter is broken. The objects built are used only when no problem was
reported at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from perspectives.corpus import integrity
from perspectives.corpus.compact import shared
from perspectives.corpus.document import Document
from perspectives.corpus.entities import (
    Claim,
    Event,
    Evidence,
    Position,
    claim_kind,
    figure_without_number,
    holds_number,
)
from perspectives.corpus.entries import Entry
from perspectives.corpus.quotes import Located, locate_in_texts
from perspectives.corpus.yamlfile import line_of

Report = Callable[[str, "str | None", "int | None", str], None]


def cross_check(
    report: Report,
    *,
    documents: list[Document],
    texts: Mapping[str, str],
    broken: Mapping[str, Collection[str]],
    topics: list[Entry],
    camps: list[Entry],
    voices: list[Entry],
    positions: list[Entry],
    claims: list[Entry],
    events: list[Entry],
    motions: list[Entry],
    guides: list[Entry],
    blind_spots: list[Entry],
) -> dict[str, tuple[Any, ...]]:
    """Check every reference and every quote; return the fields of a Corpus."""
    check = _Checker(report, {doc.id: doc for doc in documents}, texts, broken)
    topic_ids = check.unique(topics, "topic")
    camp_ids = check.unique(camps, "camp")
    voice_ids = check.unique(voices, "voice")
    check.unique(motions, "motion")
    check.unique(blind_spots, "blind spot")
    check.unique(guides, "guide", key=lambda guide: guide.document)

    check.locate_all(voices, positions, claims, events)
    for entry in voices:
        check.voice(entry, camp_ids)
    built_positions = check.positions(positions, voice_ids, topic_ids)
    built_claims = [
        claim
        for entry in check.unique(claims, "claim").values()
        if (claim := check.claim(entry, voice_ids, topic_ids)) is not None
    ]
    built_events = [
        event
        for entry in check.unique(events, "event").values()
        if (event := check.event(entry, topic_ids)) is not None
    ]
    for entry in motions:
        check.reference(entry, entry.value.id, "topic", entry.value.topic, topic_ids)
    for entry in guides:
        guide = entry.value
        check.reference(entry, guide.document, "document", guide.document, check.documents)

    return {
        "documents": tuple(documents),
        "topics": _values(topics),
        "camps": _values(camps),
        "voices": _values(voices),
        "positions": tuple(built_positions),
        "claims": tuple(built_claims),
        "events": tuple(built_events),
        "motions": _values(motions),
        "guides": _values(guides),
        "blind_spots": _values(blind_spots),
    }


class _Checker:
    def __init__(
        self,
        report: Report,
        documents: dict[str, Document],
        texts: Mapping[str, str],
        broken: Mapping[str, Collection[str]],
    ) -> None:
        self.report = report
        self.documents = documents
        self.texts = texts
        self.broken = broken
        self.located = Located()

    def locate_all(
        self, voices: list[Entry], positions: list[Entry], claims: list[Entry], events: list[Entry]
    ) -> None:
        """Look up every quote and every name first, document by document (`locate_in_texts`):
        the checks that follow visit the documents kind by kind, and an index of each kept for
        all of them held a second copy of every text."""
        quotes: dict[str, set[str]] = defaultdict(set)
        names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for entry in positions:
            quotes[entry.document or ""].update(entry.value.evidence)
        for entry in claims:
            quotes[entry.value.document].add(entry.value.quote)
        for entry in events:
            for mention in entry.value.mentions:
                quotes[mention.document].add(mention.quote)
        for entry in voices:
            if entry.value.relation != "author":
                for document_id in entry.value.documents:
                    names[document_id].add(entry.value.names)
        self.located = locate_in_texts(self.texts, quotes, names)

    def is_broken(self, kind: str, entry_id: str) -> bool:
        return entry_id in self.broken.get(kind, ())

    def unique(
        self,
        entries: Iterable[Entry],
        kind: str,
        key: Callable[[Any], str] = lambda value: value.id,
    ) -> dict[str, Entry]:
        """The entries by id; a repeated id is reported where it repeats."""
        first: dict[str, Entry] = {}
        for entry in entries:
            entry_id = key(entry.value)
            if entry_id in first:
                seen = first[entry_id]
                self.report(
                    entry.file,
                    entry_id,
                    entry.line,
                    integrity.duplicate(kind, entry_id, _at(seen)),
                )
            else:
                first[entry_id] = entry
        return first

    def reference(
        self,
        entry: Entry,
        entry_id: str,
        field: str,
        target: str,
        known: Collection[str],
        line: int | None = None,
    ) -> bool:
        """Whether `target` is a valid entry of the kind `field` names. An unknown target is
        reported; a broken one is not (its own problem is)."""
        if target in known:
            return True
        kind = field.rstrip("s")
        if self.is_broken(kind, target):
            return False
        self.report(
            entry.file,
            entry_id,
            line or line_of(entry.raw, (field,)),
            integrity.unknown(kind, target, known),
        )
        return False

    def references(
        self,
        entry: Entry,
        entry_id: str,
        field: str,
        targets: Iterable[str],
        known: Collection[str],
    ) -> bool:
        ok = True
        for number, target in enumerate(targets):
            line = line_of(entry.raw, (field, number))
            ok &= self.reference(entry, entry_id, field, target, known, line=line)
        return ok

    def evidence(
        self, entry: Entry, entry_id: str, document_id: str, quote: str, loc: tuple[Any, ...]
    ) -> Evidence | None:
        """The quote located in its document; None (reported) where it is not found, and None
        (not reported) where the document has no text to look in or is broken."""
        text = self.texts.get(document_id)
        if text is None:
            return None
        span = self.located.span(document_id, text, quote)
        if span is None:
            self.report(
                entry.file,
                entry_id,
                line_of(entry.raw, loc),
                f'quote not found in document {document_id}: "{_clip(quote)}" '
                f'(closest passage: "{self.located.hints[document_id, quote]}")',
            )
            return None
        document = self.documents.get(document_id)
        if document is None:
            return None
        start, end = span
        exact = text[start:end]
        return shared(
            Evidence(
                document_id=document.id,  # one string for every quote of a document
                quote=quote,
                start=start,
                end=end,
                text=quote if exact == quote else exact,  # most quotes are exact: one string
                paragraph=document.paragraph_number_at(start) or 1,
            )
        )

    def voice(self, entry: Entry, camp_ids: Collection[str]) -> None:
        voice = entry.value
        if voice.camp is not None:  # a voice may have no camp
            self.reference(entry, voice.id, "camp", voice.camp, camp_ids)
        for number, document_id in enumerate(voice.documents):
            line = line_of(entry.raw, ("documents", number))
            self.reference(entry, voice.id, "documents", document_id, self.documents, line=line)
            text = self.texts.get(document_id)
            if text is None or voice.relation == "author":
                continue
            if not self.located.names(document_id, text, voice.names):
                self.report(
                    entry.file,
                    voice.id,
                    line,
                    f"voice {voice.relation} in document {document_id} is not named "
                    f"there: none of {', '.join(map(repr, voice.names))} occurs in its "
                    "text (add the spelling the text uses to aliases)",
                )

    def positions(
        self, entries: list[Entry], voices: dict[str, Entry], topics: Collection[str]
    ) -> list[Position]:
        built: list[Position] = []
        first: dict[str, Entry] = {}
        reported_files: set[str] = set()
        for entry in entries:
            position, document_id = entry.value, entry.document or ""
            position_id = f"{position.voice}/{position.topic}"
            known_document = document_id in self.documents or self.is_broken(
                "document", document_id
            )
            if not known_document and entry.file not in reported_files:
                reported_files.add(entry.file)
                self.report(
                    entry.file,
                    None,
                    entry.document_line,
                    integrity.unknown_document_file(document_id),
                )
            ok = self.reference(entry, position_id, "voice", position.voice, voices)
            ok &= self.reference(entry, position_id, "topic", position.topic, topics)
            if ok and known_document and document_id not in voices[position.voice].value.documents:
                ok = False
                self.report(
                    entry.file,
                    position_id,
                    line_of(entry.raw, ("voice",)),
                    integrity.not_listed(position.voice, document_id, voices[position.voice].file),
                )
            if position_id in first:
                ok = False
                self.report(
                    entry.file,
                    position_id,
                    entry.line,
                    integrity.second_position(
                        position.voice, position.topic, _at(first[position_id])
                    ),
                )
            else:
                first[position_id] = entry
            evidence = [
                self.evidence(entry, position_id, document_id, quote, ("evidence", n))
                for n, quote in enumerate(position.evidence)
            ]
            if ok and all(evidence):
                built.append(
                    shared(
                        Position(
                            **{
                                **dict(position),
                                "document": document_id,
                                "evidence": tuple(evidence),
                            }
                        )
                    )
                )
        for position_id, entry in first.items():
            self.links(entry, position_id, first)
        return built

    def links(self, entry: Entry, position_id: str, first: Mapping[str, Entry]) -> None:
        """A position's `answers` (known, not itself, not earlier than what it answers) and
        `contests` (known, not itself)."""
        for number, answered in enumerate(entry.value.answers):
            line = line_of(entry.raw, ("answers", number))
            if answered == position_id:
                self.report(entry.file, position_id, line, integrity.answers_itself())
            elif answered in first:
                own = self.documents.get(entry.document or "")
                theirs = self.documents.get(first[answered].document or "")
                if own is not None and theirs is not None and own.date < theirs.date:
                    message = integrity.answers_earlier(answered, own, theirs)
                    self.report(entry.file, position_id, line, message)
            elif not self.is_broken("position", answered):
                self.report(entry.file, position_id, line, integrity.answers_unknown(answered))
        for number, contested in enumerate(entry.value.contests):
            line = line_of(entry.raw, ("contests", number))
            if contested == position_id:
                self.report(entry.file, position_id, line, integrity.contests_itself())
            elif contested not in first and not self.is_broken("position", contested):
                self.report(entry.file, position_id, line, integrity.contests_unknown(contested))

    def claim(self, entry: Entry, voices: Collection[str], topics: Collection[str]) -> Claim | None:
        claim = entry.value
        ok = claim.voice is None or self.reference(entry, claim.id, "voice", claim.voice, voices)
        ok &= self.references(entry, claim.id, "topics", claim.topics, topics)
        ok &= self.reference(entry, claim.id, "document", claim.document, self.documents)
        quote = self.evidence(entry, claim.id, claim.document, claim.quote, ("quote",))
        if claim.kind == "figure" and not holds_number(claim.figure):
            ok = False
            line = line_of(entry.raw, ("kind",))
            self.report(entry.file, claim.id, line, figure_without_number(claim.figure))
        if not ok or quote is None:
            return None
        kind = claim_kind(claim.figure, claim.kind)
        return shared(Claim(**{**dict(claim), "quote": quote, "kind": kind}))

    def event(self, entry: Entry, topics: Collection[str]) -> Event | None:
        event = entry.value
        ok = self.references(entry, event.id, "topics", event.topics, topics)
        mentions = []
        for number, mention in enumerate(event.mentions):
            line = line_of(entry.raw, ("mentions", number, "document"))
            ok &= self.reference(
                entry, event.id, "document", mention.document, self.documents, line=line
            )
            mentions.append(
                self.evidence(
                    entry, event.id, mention.document, mention.quote, ("mentions", number, "quote")
                )
            )
        if not ok or not all(mentions):
            return None
        return shared(Event(**{**dict(event), "mentions": tuple(mentions)}))


def _values(entries: Iterable[Entry]) -> tuple[Any, ...]:
    return tuple(entry.value for entry in entries)


def _at(entry: Entry) -> str:
    return entry.file if entry.line is None else f"{entry.file}:{entry.line}"


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
