"""Using a passage as evidence: its sentences become an evidence quote of a voice's position on
a topic, saved in a workspace as one revision.

    choice = EvidenceChoice("okafor-2021", "caps-and-supply", quote, voice_id="adaeze-okafor",
                            stance=-2, state="asserts", summary="Why the voice thinks so.")
    added = add_evidence(store, "Seminar 3", choice, base=snapshot.revision)

The quote is appended to the voice's position on the topic when the document already holds one
(at most three quotes: the format's limit), otherwise a new position is written with the stance,
state and summary the user chose; the voice is an existing one (the document is added to its
`documents` when missing) or a new one (`NewVoice`). The files are edited, then loaded by the
strict loader before anything is written: the save is refused (`EvidenceError`, one message per
field) when the result would add a problem, or when the quote would not be located where it was
chosen. `ConflictError` (someone saved since `base`) writes nothing either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from perspectives.corpus import CorpusError, load_corpus
from perspectives.corpus.fields import check_stance
from perspectives.corpus.files import CorpusFiles, MemoryFiles
from perspectives.corpus.problems import Problem
from perspectives.corpus.salvage import load_valid
from perspectives.corpus.yamlfile import FrontMatterError, split_front_matter
from perspectives.store.workspace_files import STANDARD_FOLDERS, collect_files, slug
from perspectives.store.workspace_model import Revision
from perspectives.store.workspaces import WorkspaceStore
from perspectives.workspace.quoting import Quote

VOICES = "analysis/voices.yaml"
POSITIONS = "analysis/positions"
MAX_QUOTES = 3  # the format's limit of evidence quotes per position
RELATIONS = ("author", "quoted", "excerpted")
STATES = ("asserts", "mixed", "mentions")


class EvidenceError(ValueError):
    """Nothing was saved: `errors` maps a field ("voice", "stance", "summary", "quote",
    "corpus") to what is wrong, in plain words."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


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


def _load_list(files: CorpusFiles, path: str) -> list[Any]:
    if files.kind(path) != "file":
        return []
    data = yaml.safe_load(files.read(path).decode("utf-8").removeprefix("\ufeff"))
    if data is None:
        return []
    if not isinstance(data, list):
        raise EvidenceError({"corpus": f"{path} is not a list: fix it on the Problems page"})
    return data


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def appended(raw: bytes | None, items: list[Any], item: Any) -> bytes:
    """A list file with `item` added at its end: the file's own text kept (comments and all)
    with the item's lines after it when that reads back as the same list plus the item,
    else the whole list written again."""
    if raw is not None and raw.strip() not in (b"", b"[]"):
        text = raw.decode("utf-8")
        candidate = (text if text.endswith("\n") else text + "\n") + dump([item]).decode("utf-8")
        try:
            if yaml.safe_load(candidate) == [*items, item]:
                return candidate.encode("utf-8")
        except yaml.YAMLError:
            pass
    return dump([*items, item])


def _positions_file(files: CorpusFiles, document_id: str) -> tuple[str, dict[str, Any] | None]:
    """The positions file of a document (the one whose `document` names it) and its content;
    analysis/positions/ID.yaml and None when there is none yet."""
    if files.kind(POSITIONS) == "folder":
        for name in files.names(POSITIONS):
            path = f"{POSITIONS}/{name}"
            if not name.endswith((".yaml", ".yml")) or files.kind(path) != "file":
                continue
            try:
                data = yaml.safe_load(files.read(path).decode("utf-8").removeprefix("\ufeff"))
            except (yaml.YAMLError, UnicodeDecodeError):
                continue
            if isinstance(data, dict) and data.get("document") == document_id:
                return path, data
    return f"{POSITIONS}/{document_id}.yaml", None


def _other_position(files: CorpusFiles, voice: str, topic: str, document_id: str) -> str | None:
    """The document of the voice's position on the topic, when another document holds it."""
    if files.kind(POSITIONS) != "folder":
        return None
    for name in files.names(POSITIONS):
        path = f"{POSITIONS}/{name}"
        try:
            data = yaml.safe_load(files.read(path).decode("utf-8").removeprefix("\ufeff"))
        except (yaml.YAMLError, UnicodeDecodeError, OSError):
            continue
        if not isinstance(data, dict) or data.get("document") == document_id:
            continue
        for item in data.get("positions") or []:
            if isinstance(item, dict) and (item.get("voice"), item.get("topic")) == (voice, topic):
                return str(data.get("document"))
    return None


def _voice(
    voices: list[Any], choice: EvidenceChoice, camps: set[str]
) -> tuple[str, list[Any] | None]:
    """The voice's id and the new voices list (None when voices.yaml is unchanged)."""
    ids = [v.get("id") for v in voices if isinstance(v, dict)]
    if choice.new_voice is None:
        if not choice.voice_id or choice.voice_id not in ids:
            raise EvidenceError({"voice": "choose whose view this passage gives"})
        index = ids.index(choice.voice_id)
        documents = list(voices[index].get("documents") or [])
        if choice.document_id in documents:
            return choice.voice_id, None
        changed = [dict(v) if isinstance(v, dict) else v for v in voices]
        changed[index]["documents"] = [*documents, choice.document_id]
        return choice.voice_id, changed
    new = choice.new_voice
    name = " ".join(new.name.split())
    if not name:
        raise EvidenceError({"voice": "give the new voice's name"})
    if new.relation not in RELATIONS:
        relations = ", ".join(RELATIONS)
        raise EvidenceError({"voice": f"say how the text presents the voice: {relations}"})
    if new.camp is not None and new.camp not in camps:
        raise EvidenceError({"voice": f"there is no camp {new.camp!r}"})
    if any(isinstance(v, dict) and v.get("name") == name for v in voices):
        raise EvidenceError({"voice": f"there is already a voice called {name!r}: choose it"})
    base = slug(name, "voice")
    voice_id, number = base, 2
    while voice_id in ids:
        voice_id, number = f"{base}-{number}", number + 1
    item: dict[str, Any] = {"id": voice_id, "name": name}
    if new.role.strip():
        item["role"] = " ".join(new.role.split())
    if new.camp is not None:
        item["camp"] = new.camp
    item |= {"documents": [choice.document_id], "relation": new.relation}
    return voice_id, [*voices, item]


def _new_position(choice: EvidenceChoice, voice_id: str) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if choice.state not in STATES:
        errors["stance"] = "choose a stance on the topic's axis, or that it only mentions it"
    else:
        try:
            check_stance(choice.state, choice.stance)
        except ValueError:
            errors["stance"] = (
                "choose a stance from −2 to +2"
                if choice.state != "mentions"
                else "a position that only mentions the topic has no stance"
            )
    summary = " ".join(choice.summary.split())
    if not summary:
        errors["summary"] = "say in a sentence or two, in your words, what the voice holds and why"
    if errors:
        raise EvidenceError(errors)
    item: dict[str, Any] = {"voice": voice_id, "topic": choice.topic_id}
    if choice.stance is not None:
        item["stance"] = choice.stance
    return item | {"state": choice.state, "summary": summary, "evidence": [choice.quote.text]}


@dataclass(frozen=True)
class Plan:
    changes: dict[str, bytes]  # path -> new content
    position_id: str
    new_position: bool


def evidence_changes(files: CorpusFiles, choice: EvidenceChoice) -> Plan:
    """The files to write for `choice` on the corpus `files`; raises EvidenceError for what
    the user must change."""
    camp_list = _load_list(files, "analysis/camps.yaml")
    camps = {str(c.get("id")) for c in camp_list if isinstance(c, dict)}
    voices = _load_list(files, VOICES)
    voice_id, new_voices = _voice(voices, choice, camps)
    changes: dict[str, bytes] = {}
    if new_voices is not None:
        raw = files.read(VOICES) if files.kind(VOICES) == "file" else None
        grown = choice.new_voice is not None
        changes[VOICES] = appended(raw, voices, new_voices[-1]) if grown else dump(new_voices)
    elsewhere = _other_position(files, voice_id, choice.topic_id, choice.document_id)
    if elsewhere is not None:
        raise EvidenceError(
            {
                "voice": f"this voice's position on the topic rests on document {elsewhere!r}; "
                "a position quotes one document only"
            }
        )
    path, data = _positions_file(files, choice.document_id)
    if data is None:
        data = {"document": choice.document_id, "positions": []}
    raw_positions = data.get("positions") or []
    positions = [dict(p) if isinstance(p, dict) else p for p in raw_positions]
    position_id = f"{voice_id}/{choice.topic_id}"
    for item in positions:
        if isinstance(item, dict) and (item.get("voice"), item.get("topic")) == (
            voice_id,
            choice.topic_id,
        ):
            evidence = list(item.get("evidence") or [])
            if choice.quote.text in evidence:
                raise EvidenceError({"quote": "these sentences are already evidence of it"})
            if len(evidence) >= MAX_QUOTES:
                raise EvidenceError(
                    {
                        "quote": f"this position already rests on {MAX_QUOTES} quotes, the most "
                        "one holds: remove one first"
                    }
                )
            item["evidence"] = [*evidence, choice.quote.text]
            changes[path] = dump({**data, "positions": positions})
            return Plan(changes, position_id, new_position=False)
    item = _new_position(choice, voice_id)
    raw = files.read(path) if files.kind(path) == "file" else None
    changes[path] = _with_position(raw, data, positions, item)
    return Plan(changes, position_id, new_position=True)


def _with_position(
    raw: bytes | None, data: dict[str, Any], positions: list[Any], item: dict[str, Any]
) -> bytes:
    """A positions file with a new position at the end of its list: the file's own text kept
    with the entry's lines after it when that reads back right, else the file written again."""
    expected = {**data, "positions": [*positions, item]}
    if raw is not None and positions:
        text = raw.decode("utf-8")
        text = text if text.endswith("\n") else text + "\n"
        lines = dump([item]).decode("utf-8").splitlines(keepends=True)
        for indent in ("  ", ""):
            candidate = text + "".join(indent + line for line in lines)
            try:
                if yaml.safe_load(candidate) == expected:
                    return candidate.encode("utf-8")
            except yaml.YAMLError:
                continue
    return dump(expected)


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return problem.file, problem.entry, problem.message


def check_changes(
    files: CorpusFiles, changes: Mapping[str, bytes], choice: EvidenceChoice, position_id: str
) -> int:
    """Load the files with `changes` applied, strictly: EvidenceError when that adds a problem
    (one the files did not have already) or when the quote is not located where it was
    chosen; else the number of quotes the position has."""
    held = collect_files(files) | dict(changes)
    merged = MemoryFiles(held, files.label, frozenset(STANDARD_FOLDERS))
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
