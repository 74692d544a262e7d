"""Using a passage as evidence: its sentences become an evidence quote of a voice's position on
a topic, saved in a workspace as one revision.

    choice = EvidenceChoice("okafor-2021", "caps-and-supply", quote, voice_id="adaeze-okafor",
                            stance=-2, state="asserts", summary="Why the voice thinks so.")
    added = add_evidence(store, "Seminar 3", choice, base=snapshot.revision)

The quote is appended to the voice's position on the topic when the document already holds one
(at most three quotes: the format's limit), otherwise a new position is written with the stance,
state and summary the user chose; the voice is an existing one (the document is added to its
`documents` when missing) or a new one (`NewVoice`). The files are edited by the editors' own
functions (`workspace.editing.put_entry`, `workspace.position_editing.put_position`: one way of
writing an entry, one set of checks), then loaded by the strict loader before anything is
written: the save is refused (`EvidenceError`, one message per field of this form) when the
result would add a problem, or when the quote would not be located where it was chosen.
`ConflictError` (someone saved since `base`) writes nothing either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from perspectives.corpus import CorpusError, load_corpus
from perspectives.corpus.fields import MAX_EVIDENCE
from perspectives.corpus.files import CorpusFiles, MemoryFiles
from perspectives.corpus.problems import Problem
from perspectives.corpus.salvage import load_valid
from perspectives.corpus.yamlfile import FrontMatterError, split_front_matter
from perspectives.store.revisions import Changes
from perspectives.store.workspace_files import slug
from perspectives.store.workspace_model import Revision
from perspectives.store.workspaces import WorkspaceStore
from perspectives.workspace.editing import EditError, applied, put_entry, read_list
from perspectives.workspace.position_editing import PositionForm, position_form, put_position
from perspectives.workspace.quoting import Quote

RELATIONS = ("author", "quoted", "excerpted")
# the editors' fields -> this form's ("" and the rest: the corpus as a whole)
FIELD_OF = {
    "voice": "voice",
    "name": "voice",
    "camp": "voice",
    "relation": "voice",
    "role": "voice",
    "id": "voice",
    "state": "stance",
    "stance": "stance",
    "summary": "summary",
    "evidence": "quote",
}


class EvidenceError(ValueError):
    """Nothing was saved: `errors` maps a field ("voice", "stance", "summary", "quote",
    "corpus") to what is wrong, in plain words."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))

    @classmethod
    def of(cls, error: EditError) -> EvidenceError:
        """The editors' refusal, by this form's fields."""
        errors: dict[str, str] = {}
        for field, message in error.errors.items():
            errors.setdefault(FIELD_OF.get(field, "corpus"), message)
        return cls(errors)


@dataclass(frozen=True)
class NewVoice:
    name: str
    relation: str = "author"
    camp: str | None = None  # None: no camp
    role: str = ""


@dataclass(frozen=True)
class EvidenceChoice:
    document_id: str
    topic_id: str
    quote: Quote
    voice_id: str | None = None  # an existing voice, or None with `new_voice`
    new_voice: NewVoice | None = None
    stance: int | None = None  # for a new position (None with state "mentions")
    state: str = "asserts"
    summary: str = ""


@dataclass(frozen=True)
class EvidenceAdded:
    revision: Revision
    position_id: str  # VOICE/TOPIC
    new_position: bool
    new_voice: bool
    quotes: int  # how many quotes the position has now


@dataclass(frozen=True)
class Plan:
    changes: dict[str, bytes | str | None]  # path -> new content
    position_id: str
    new_position: bool


def _new_voice(files: MemoryFiles, choice: EvidenceChoice, new: NewVoice) -> tuple[str, Changes]:
    """The new voice's id (made from its name) and the change that adds it."""
    voices = read_list(files, "voice")
    name = " ".join(new.name.split())
    if not name:
        raise EvidenceError({"voice": "give the new voice's name"})
    if any(v.get("name") == name for v in voices):
        raise EvidenceError({"voice": f"there is already a voice called {name!r}: choose it"})
    ids = {str(v.get("id")) for v in voices}
    base = slug(name, "voice")
    voice_id, number = base, 2
    while voice_id in ids:
        voice_id, number = f"{base}-{number}", number + 1
    values = {
        "id": voice_id,
        "name": name,
        "role": new.role,
        "camp": new.camp or "",
        "documents": choice.document_id,
        "relation": new.relation,
    }
    try:
        return voice_id, put_entry(files, "voice", values, None)
    except EditError as error:
        raise EvidenceError.of(error) from None


def evidence_changes(files: MemoryFiles, choice: EvidenceChoice) -> Plan:
    """The files to write for `choice` on the corpus `files`; raises EvidenceError for what
    the user must change."""
    changes: dict[str, bytes | str | None] = {}
    work = files
    if choice.new_voice is not None:
        voice_id, added = _new_voice(files, choice, choice.new_voice)
        changes |= added
        work = applied(files, added)
    elif choice.voice_id and choice.voice_id in {
        str(v.get("id")) for v in read_list(files, "voice")
    }:
        voice_id = choice.voice_id
    else:
        raise EvidenceError({"voice": "choose whose view this passage gives"})
    position_id = f"{voice_id}/{choice.topic_id}"
    existing = position_form(work, position_id)
    form: PositionForm
    if existing is None:
        form = PositionForm(
            voice_id,
            choice.topic_id,
            choice.document_id,
            choice.state,
            choice.stance,
            choice.summary,
            evidence=(choice.quote.text,),
        )
    elif existing.document != choice.document_id:
        raise EvidenceError(
            {
                "voice": f"this voice's position on the topic rests on document "
                f"{existing.document!r}; a position quotes one document only"
            }
        )
    elif choice.quote.text in existing.evidence:
        raise EvidenceError({"quote": "these sentences are already evidence of it"})
    elif len(existing.evidence) >= MAX_EVIDENCE:
        raise EvidenceError(
            {
                "quote": f"this position already rests on {MAX_EVIDENCE} quotes, the most one "
                "holds: remove one first (on the Edit page)"
            }
        )
    else:
        form = replace(existing, evidence=(*existing.evidence, choice.quote.text))
    try:
        changes |= put_position(work, form, None if existing is None else position_id)
    except EditError as error:
        raise EvidenceError.of(error) from None
    return Plan(changes, position_id, new_position=existing is None)


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return problem.file, problem.entry, problem.message


def check_changes(
    files: MemoryFiles, changes: Changes, choice: EvidenceChoice, position_id: str
) -> int:
    """Load the files with `changes` applied, strictly: EvidenceError when that adds a problem
    (one the files did not have already) or when the quote is not located where it was
    chosen; else the number of quotes the position has."""
    merged = applied(files, changes)
    try:
        corpus = load_corpus(merged)
    except CorpusError as error:
        before = {_key(p) for p in load_valid(files).problems}
        added = [p for p in error.problems if _key(p) not in before]
        if added:
            raise EvidenceError(
                {"corpus": "; ".join(f"{p.file}: {p.message}" for p in added[:5])}
            ) from None
        found = load_valid(merged).corpus
        if found is None:
            raise EvidenceError(
                {"corpus": "the corpus cannot be read: see the Problems page"}
            ) from None
        corpus = found
    position = next((p for p in corpus.positions if p.id == position_id), None)
    if position is None:
        raise EvidenceError({"corpus": "the position is left out: see the Problems page"})
    spans = {(e.document_id, e.start, e.end) for e in position.evidence}
    if (choice.document_id, choice.quote.start, choice.quote.end) not in spans:
        raise EvidenceError({"quote": "the sentences are not found where they were chosen"})
    return len(position.evidence)


def add_evidence(
    store: WorkspaceStore, workspace: str, choice: EvidenceChoice, base: int, author: str = ""
) -> EvidenceAdded:
    """Save `choice` as one revision on top of `base`. Raises EvidenceError (nothing written)
    for what the user must change, ConflictError (nothing written) when someone saved since
    `base`."""
    files = store.snapshot(workspace, base).files
    text = _document_text(files, choice.document_id)
    quote = choice.quote
    if text is None or text[quote.start : quote.end] != quote.text:
        raise EvidenceError({"quote": "the sentences are not in the document's text any more"})
    plan = evidence_changes(files, choice)
    quotes = check_changes(files, plan.changes, choice, plan.position_id)
    verb = "New position" if plan.new_position else "Evidence added to"
    revision = store.save(
        workspace,
        plan.changes,
        base,
        f"{verb} {plan.position_id} from document {choice.document_id}",
        author,
    )
    return EvidenceAdded(
        revision, plan.position_id, plan.new_position, choice.new_voice is not None, quotes
    )


def _document_text(files: CorpusFiles, document_id: str) -> str | None:
    """The document's text as the loader reads it (None when there is no such file)."""
    path = f"documents/{document_id}.md"
    if files.kind(path) != "file":
        return None
    try:
        content = files.read(path).decode("utf-8").removeprefix("\ufeff")
        return split_front_matter(content)[1]
    except (UnicodeDecodeError, FrontMatterError):
        return None
