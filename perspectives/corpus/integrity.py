"""The rules that tie a corpus' entries together, and how a broken one is worded.

One wording for two callers: the loader's cross-checks (`checks`), which report each broken
rule against its file and line, and the `Corpus` model, which refuses to hold a dangling
reference however it is constructed. A reader sees the same sentence from both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from difflib import get_close_matches
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from perspectives.corpus.document import Document
    from perspectives.corpus.model import Corpus

# Suggesting a close id compares the wrong id with every known one; past this many, only the
# ids that share its first two characters are compared (a typo rarely changes the start).
_HINT_POOL = 500


def did_you_mean(target: str, known: Collection[str]) -> str:
    """ " (did you mean 'x'?)" when an id close to `target` is known, else ""."""
    pool = list(known)
    if len(pool) > _HINT_POOL:
        pool = [item for item in pool if item[:2] == target[:2]][:_HINT_POOL]
    close = get_close_matches(target, pool, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown(kind: str, target: str, known: Collection[str]) -> str:
    return f"unknown {kind} '{target}'{did_you_mean(target, known)}"


def duplicate(kind: str, entry_id: str, first_at: str | None = None) -> str:
    where = f" (first at {first_at})" if first_at else ""
    return f"duplicate {kind} id '{entry_id}'{where}"


def second_position(voice: str, topic: str, first_at: str | None = None) -> str:
    where = f" (at {first_at})" if first_at else ""
    return (
        f"voice '{voice}' already has a position on topic '{topic}'{where}; "
        "a voice has at most one position per topic"
    )


def not_listed(voice: str, document: str, voices_file: str = "analysis/voices.yaml") -> str:
    """`voices_file`: where the voice is written (a voices folder holds many files)."""
    return (
        f"voice '{voice}' does not list document '{document}' among its documents ({voices_file})"
    )


def answers_itself() -> str:
    return "a position cannot answer itself"


def answers_unknown(answered: str) -> str:
    return f"answers unknown position '{answered}'"


def contests_itself() -> str:
    return "a position cannot contest itself"


def contests_unknown(contested: str) -> str:
    return f"contests unknown position '{contested}'"


def answers_earlier(answered: str, own: Document, theirs: Document) -> str:
    """An answer whose document predates the document of what it answers."""
    return (
        f"answers '{answered}' of document '{theirs.id}' ({theirs.date_label}), but its own "
        f"document '{own.id}' ({own.date_label}) is earlier: a text cannot reply to a later "
        "one; to say that the two dispute the same claim, list it under `contests` instead"
    )


def unknown_document_file(document: str) -> str:
    return f"unknown document '{document}' (no documents/{document}.md)"


def evidence_elsewhere(document: str, quoted_in: str) -> str:
    return f"evidence quoted from document '{quoted_in}', not from its own document '{document}'"


def dangling(corpus: Corpus) -> Iterator[str]:
    """Every broken rule of an assembled corpus, as "KIND ID: message": ids unique per kind,
    and every reference pointing to an entry the corpus holds."""
    documents = {document.id for document in corpus.documents}
    topics = {topic.id for topic in corpus.topics}
    camps = {camp.id for camp in corpus.camps}
    voices = {voice.id: voice for voice in corpus.voices}
    positions = {position.id: position for position in corpus.positions}
    by_id = {document.id: document for document in corpus.documents}
    for kind, items in (
        ("document", corpus.documents),
        ("topic", corpus.topics),
        ("camp", corpus.camps),
        ("voice", corpus.voices),
        ("claim", corpus.claims),
        ("event", corpus.events),
        ("motion", corpus.motions),
        ("blind spot", corpus.blind_spots),
    ):
        for entry_id in _repeated(item.id for item in items):
            yield f"{kind} {entry_id}: {duplicate(kind, entry_id)}"
    for document_id in _repeated(guide.document for guide in corpus.guides):
        yield f"guide {document_id}: {duplicate('guide', document_id)}"
    for position_id in _repeated(position.id for position in corpus.positions):
        voice_id, _, topic_id = position_id.partition("/")
        yield f"position {position_id}: {second_position(voice_id, topic_id)}"

    for voice in corpus.voices:
        where = f"voice {voice.id}"
        if voice.camp is not None and voice.camp not in camps:
            yield f"{where}: {unknown('camp', voice.camp, camps)}"
        for document_id in voice.documents:
            if document_id not in documents:
                yield f"{where}: {unknown('document', document_id, documents)}"
    for position in corpus.positions:
        where = f"position {position.id}"
        for kind, target, known in (
            ("voice", position.voice, voices),
            ("topic", position.topic, topics),
            ("document", position.document, documents),
        ):
            if target not in known:
                yield f"{where}: {unknown(kind, target, known)}"
        speaker = voices.get(position.voice)
        if speaker is not None and position.document not in speaker.documents:
            yield f"{where}: {not_listed(position.voice, position.document)}"
        for evidence in position.evidence:
            if evidence.document_id != position.document:
                yield f"{where}: {evidence_elsewhere(position.document, evidence.document_id)}"
        for answered in position.answers:
            if answered == position.id:
                yield f"{where}: {answers_itself()}"
            elif answered not in positions:
                yield f"{where}: {answers_unknown(answered)}"
            elif (
                (own := by_id.get(position.document)) is not None
                and (theirs := by_id.get(positions[answered].document)) is not None
                and own.date < theirs.date
            ):
                yield f"{where}: {answers_earlier(answered, own, theirs)}"
        for contested in position.contests:
            if contested == position.id:
                yield f"{where}: {contests_itself()}"
            elif contested not in positions:
                yield f"{where}: {contests_unknown(contested)}"
    for claim in corpus.claims:
        where = f"claim {claim.id}"
        if claim.voice is not None and claim.voice not in voices:
            yield f"{where}: {unknown('voice', claim.voice, voices)}"
        yield from _unknown_all(where, "topic", claim.topics, topics)
        if claim.document not in documents:
            yield f"{where}: {unknown('document', claim.document, documents)}"
        if claim.quote.document_id != claim.document:
            yield f"{where}: {evidence_elsewhere(claim.document, claim.quote.document_id)}"
    for event in corpus.events:
        where = f"event {event.id}"
        yield from _unknown_all(where, "topic", event.topics, topics)
        mentioned = (mention.document_id for mention in event.mentions)
        yield from _unknown_all(where, "document", mentioned, documents)
    for motion in corpus.motions:
        if motion.topic not in topics:
            yield f"motion {motion.id}: {unknown('topic', motion.topic, topics)}"
    for guide in corpus.guides:
        if guide.document not in documents:
            yield f"guide {guide.document}: {unknown('document', guide.document, documents)}"


def _repeated(ids: Iterable[str]) -> list[str]:
    return [entry_id for entry_id, count in Counter(ids).items() if count > 1]


def _unknown_all(where: str, kind: str, targets: Iterable[str], known: Collection[str]):
    for target in targets:
        if target not in known:
            yield f"{where}: {unknown(kind, target, known)}"
