"""Editing positions: a voice on a topic, as one document presents it, resting on quotes.

    quote = quote_from_sentences(text, paragraph=4, chosen=[1, 2])   # sentences 2-3 of ¶4
    form = PositionForm("jonas-brandt", "who-benefits", "brandt-2022", "asserts", 2,
                        "Summary.", evidence=(quote.text,))
    changes = put_position(files, form, original=None)

Evidence is chosen in the document, never typed from memory: a paragraph and a run of its
sentences (`quote_from_sentences`, through `workspace.quoting.quote_for`, which grows the span
until its words occur nowhere earlier, so the loader locates it where it was chosen), or text
that must be a verbatim passage of the document (`quote_from_typed`, the loader's tolerance of
whitespace and quote marks). The file holds the quote's words; the loader finds its offsets.

A position's voice, topic and document are fixed once made (its id VOICE/TOPIC is what answers
point to); a voice gets the document added to its `documents` when it did not list it yet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from perspectives.corpus.document import Document
from perspectives.corpus.fields import MAX_EVIDENCE, STANCE_MAX, STANCE_MIN
from perspectives.corpus.files import CorpusFiles
from perspectives.corpus.quotes import closest_passage, locate
from perspectives.store.revisions import Changes
from perspectives.wording import quoted
from perspectives.workspace.adding import existing_texts
from perspectives.workspace.editing import EditError, dump, read_list, read_yaml, replaced
from perspectives.workspace.quoting import Quote, quote_for, sentence_spans
from perspectives.workspace.references import POSITIONS, position_files, positions, referrers

STATES = ("asserts", "mixed", "mentions")
DISAGREEMENTS = ("fact", "value", "prediction", "policy", "definition")
MAX_SUMMARY = 2000


@dataclass(frozen=True)
class PositionForm:
    """What the position editor holds: the choices, the words, the chosen quotes."""

    voice: str
    topic: str
    document: str
    state: str
    stance: int | None
    summary: str
    disagreement: str = ""  # "" when not said
    answers: tuple[str, ...] = ()
    evidence: tuple[str, ...] = field(default=())
    contests: tuple[str, ...] = ()  # kept as read: an edit never drops a declared dispute

    @property
    def id(self) -> str:
        return f"{self.voice}/{self.topic}"


def position_form(files: CorpusFiles, position_id: str) -> PositionForm | None:
    """The form of an existing position (None when there is none with that id)."""
    for _, entry in positions(files):
        if f"{entry.get('voice')}/{entry.get('topic')}" == position_id:
            stance = entry.get("stance")
            return PositionForm(
                str(entry.get("voice")),
                str(entry.get("topic")),
                str(entry.get("document")),
                str(entry.get("state") or ""),
                stance if isinstance(stance, int) and not isinstance(stance, bool) else None,
                str(entry.get("summary") or ""),
                str(entry.get("disagreement") or ""),
                tuple(str(a) for a in entry.get("answers") or ()),
                tuple(str(q) for q in entry.get("evidence") or ()),
                tuple(str(c) for c in entry.get("contests") or ()),
            )
    return None


def position_ids(files: CorpusFiles) -> list[str]:
    return sorted(f"{e.get('voice')}/{e.get('topic')}" for _, e in positions(files))


# choosing evidence


def quote_from_sentences(text: str, paragraph: int, chosen: Sequence[int]) -> Quote:
    """The quote of sentences `chosen` (0-based, next to each other) of paragraph number
    `paragraph` of a document's `text`."""
    picked = sorted(set(chosen))
    if not picked:
        raise EditError({"evidence": "choose one or more sentences of the paragraph"})
    if picked != list(range(picked[0], picked[-1] + 1)):
        raise EditError(
            {"evidence": "choose sentences that follow each other (a quote is one passage)"}
        )
    try:
        return quote_for(text, paragraph, (picked[0], picked[-1]))
    except ValueError as error:
        raise EditError({"evidence": str(error)}) from None


def quote_from_typed(text: str, typed: str) -> Quote:
    """The passage of `text` that `typed` is (verbatim, up to whitespace and quote marks);
    EditError with the closest passage when it is not there."""
    if not typed.strip():
        raise EditError({"evidence": "paste a passage of the document"})
    found = locate(text, typed)
    if found is None:
        hint = closest_passage(text, typed)
        raise EditError(
            {
                "evidence": "these words are not in the document as written (a quote must be "
                "copied exactly)" + (f"; the closest passage is: “{hint}”" if hint else "")
            }
        )
    start, end = found
    where = _document(text).paragraph_at(start)
    return Quote(text[start:end], start, end, where.number if where else 1)


def sentences_of(text: str, paragraph: int) -> list[str]:
    """The sentences of paragraph number `paragraph` (for the editor's choice)."""
    found = _document(text).paragraphs
    if not 1 <= paragraph <= len(found):
        return []
    para = found[paragraph - 1]
    return [para.text[a:b] for a, b in sentence_spans(para.text)]


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a document's text, as the loader cuts them (numbered from 1)."""
    return [p.text for p in _document(text).paragraphs]


def _document(text: str) -> Document:
    """A bare Document around `text`, for the loader's own paragraph cut."""
    return Document.model_construct(text=text)  # type: ignore[call-arg]


# the edits


def _checked(files: CorpusFiles, form: PositionForm, original: str | None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    voices = {str(v.get("id")): v for v in read_list(files, "voice")}
    topics = {str(t.get("id")) for t in read_list(files, "topic")}
    texts = existing_texts(files)
    if form.voice not in voices:
        errors["voice"] = "choose a voice (add it under Voices first)"
    if form.topic not in topics:
        errors["topic"] = "choose a topic (add it under Topics first)"
    if form.document not in texts:
        errors["document"] = "choose one of the workspace's documents"
    if form.state not in STATES:
        errors["state"] = "say whether the voice asserts a view, weighs both, or only mentions it"
    elif form.state == "mentions" and form.stance is not None:
        errors["stance"] = "a voice that only mentions the topic takes no place on its axis"
    elif form.state != "mentions" and form.stance is None:
        errors["stance"] = "place the voice on the topic's axis"
    if form.stance is not None and not STANCE_MIN <= form.stance <= STANCE_MAX:
        errors["stance"] = "a place on the axis runs from −2 to +2"
    summary = " ".join(form.summary.split())
    if not summary:
        errors["summary"] = "sum the position up in one to three sentences, in your own words"
    elif len(summary) > MAX_SUMMARY:
        errors["summary"] = f"at most {MAX_SUMMARY} characters (this has {len(summary)})"
    if form.disagreement and form.disagreement not in DISAGREEMENTS:
        errors["disagreement"] = f"one of {', '.join(DISAGREEMENTS)}, or none"
    if not 1 <= len(form.evidence) <= MAX_EVIDENCE:
        errors["evidence"] = f"choose 1 to {MAX_EVIDENCE} quotes from the document"
    elif form.document in texts:
        for quote in form.evidence:
            if locate(texts[form.document], quote) is None:
                errors["evidence"] = f"{quoted(quote[:80])} is not in document {form.document}"
    taken = _where(files)
    for answered in form.answers:
        if answered not in taken or answered == form.id:
            errors["answers"] = f"{answered} is not another position of this corpus"
    for contested in form.contests:
        if contested not in taken or contested == form.id:
            errors["contests"] = f"{contested} is not another position of this corpus"
    if original is None and form.id in taken:
        errors.setdefault(
            "topic",
            f"{form.voice} already has a position on {form.topic}: edit that one instead",
        )
    if original is not None and original != form.id:
        errors[""] = f"a position's voice and topic are fixed once made (it is {original})"
    if errors:
        raise EditError(errors)
    entry: dict[str, Any] = {"voice": form.voice, "topic": form.topic}
    if form.stance is not None:
        entry["stance"] = form.stance
    entry |= {"state": form.state, "summary": summary}
    if form.disagreement:
        entry["disagreement"] = form.disagreement
    if form.answers:
        entry["answers"] = list(form.answers)
    if form.contests:
        entry["contests"] = list(form.contests)
    entry["evidence"] = list(form.evidence)
    return entry


def _where(files: CorpusFiles) -> dict[str, str]:
    """The file of each position, by id."""
    return {f"{e.get('voice')}/{e.get('topic')}": path for path, e in positions(files)}


def _file_of(files: CorpusFiles, document: str) -> tuple[str, dict]:
    """The positions file of `document` and its data (a new one when there is none)."""
    for path, data in position_files(files).items():
        if isinstance(data, dict) and data.get("document") == document:
            return path, data
    path = f"{POSITIONS}/{document}.yaml"
    if files.kind(path) != "missing":
        raise EditError({"": f"{path} exists but is not about document {document}"})
    return path, {"document": document, "positions": []}


def put_position(files: CorpusFiles, form: PositionForm, original: str | None) -> Changes:
    """Add (original None) or replace (original: its id) a position; the voice gets the
    document among its `documents` when it did not list it."""
    entry = _checked(files, form, original)
    changes: dict[str, bytes | str | None] = {}
    if original is not None:
        old = position_form(files, original)
        if old is None:
            raise EditError({"": f"the position {original} is no longer there"})
        if old.document != form.document:
            raise EditError({"document": f"a position's document is fixed (it is {old.document})"})
    path, data = _file_of(files, form.document)
    listed = [p for p in data.get("positions") or () if isinstance(p, dict)]
    ids = [f"{p.get('voice')}/{p.get('topic')}" for p in listed]
    if original is not None and original in ids:
        listed[ids.index(original)] = entry
    else:
        listed.append(entry)
    changes[path] = dump({**data, "positions": listed})
    for voice in read_list(files, "voice"):
        if voice.get("id") == form.voice and form.document not in (voice.get("documents") or ()):
            grown = {**voice, "documents": [*(voice.get("documents") or ()), form.document]}
            changes |= replaced(files, "voice", form.voice, grown)
    return changes


def delete_position(files: CorpusFiles, position_id: str) -> Changes:
    """Remove a position no other position answers; its file goes when it is left empty."""
    path = _where(files).get(position_id)
    if path is None:
        raise EditError({"": f"the position {position_id} is no longer there"})
    using = referrers(files, "position", position_id)
    if using:
        raise EditError(
            {
                "": f"the position {position_id} cannot be deleted: {', '.join(using)} "
                "refer to it. Change or delete them first."
            }
        )
    data = read_yaml(files, path, {})
    kept = [
        p
        for p in data.get("positions") or ()
        if not (isinstance(p, dict) and f"{p.get('voice')}/{p.get('topic')}" == position_id)
    ]
    return {path: dump({**data, "positions": kept}) if kept else None}


def form_from_values(values: Mapping[str, Any], evidence: Sequence[str]) -> PositionForm:
    """The form from the editor's widgets' values (stance an int or None)."""
    stance = values.get("stance")
    return PositionForm(
        str(values.get("voice") or ""),
        str(values.get("topic") or ""),
        str(values.get("document") or ""),
        str(values.get("state") or ""),
        stance if isinstance(stance, int) and values.get("state") != "mentions" else None,
        str(values.get("summary") or ""),
        str(values.get("disagreement") or ""),
        tuple(values.get("answers") or ()),
        tuple(evidence),
        tuple(values.get("contests") or ()),
    )
