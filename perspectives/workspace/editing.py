"""Editing a workspace's analysis: the manifest's orientation, topics, camps, voices, motions.

    files = store.snapshot("Seminar 3").files
    changes = put_entry(files, "topic", {"id": "caps", "label": "Caps", ...}, original=None)
    check_result(files, changes)                   # the strict loader on the result
    store.save("Seminar 3", changes, base=snapshot.revision, message=...)

Every edit reads the files as they are at one revision and returns the files it changes
({path: bytes}); the caller saves them as one revision against that revision, so a save made by
someone else in between is a `ConflictError` and nothing is written (`save_edit`). Values come
as the form's text; an edit that cannot be made raises `EditError`, naming each field (or, under
the key "", the whole entry) in words a course builder reads:
- each field is checked by the loader's own models (`Topic`, `Camp`, `Voice`, `Orientation`);
- an id is fixed once made (links and other entries point to it); a new id must be free;
- deleting what something else refers to is refused, naming what refers to it;
- the corpus with the edit applied is loaded strictly (`check_result`): a problem the edit would
  add is refused (problems the workspace already had do not block an unrelated edit).

The files are read with a plain YAML parser and written back in the format's layout (keys in
the order FORMAT.md gives them, optional fields left out when empty); comments in an edited
file are not kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from perspectives.corpus.entities import Camp, Motion, Orientation, Topic, Voice
from perspectives.corpus.files import CorpusFiles, MemoryFiles
from perspectives.corpus.loading import load_corpus
from perspectives.corpus.problems import CorpusError, Problem
from perspectives.store.revisions import Changes
from perspectives.store.workspace_files import STANDARD_FOLDERS
from perspectives.store.workspace_model import Revision
from perspectives.store.workspaces import WorkspaceStore
from perspectives.workspace.references import referrers

MANIFEST = "corpus.yaml"
LIST_PATHS = {
    "topic": "analysis/topics.yaml",
    "camp": "analysis/camps.yaml",
    "voice": "analysis/voices.yaml",
    "motion": "analysis/motions.yaml",
}
NOUNS = {
    "topic": "topic",
    "camp": "camp",
    "voice": "voice",
    "motion": "motion",
    "position": "position",
}
MODELS: dict[str, type[BaseModel]] = {
    "topic": Topic,
    "camp": Camp,
    "voice": Voice,
    "motion": Motion,
}
# The form's fields of each kind (all text), in the order the editor shows them.
FIELDS = {
    "topic": ("id", "label", "question", "description", "pole_low", "pole_high"),
    "camp": ("id", "name", "description", "colour"),
    "voice": ("id", "name", "role", "affiliation", "camp", "documents", "relation", "aliases"),
    "motion": ("id", "topic", "text", "proposition"),
    "orientation": ("low_id", "low_label", "high_id", "high_label"),
}
REQUIRED = {
    "topic": ("id", "label", "question", "pole_low", "pole_high"),
    "camp": ("id", "name", "colour"),
    "voice": ("id", "name", "documents", "relation"),
    "motion": ("id", "topic", "text", "proposition"),
    "orientation": FIELDS["orientation"],
}
RELATIONS = ("author", "excerpted", "quoted")
MAX_CHARS = 2000
# libyaml's safe loader and dumper where PyYAML was built with it (the same YAML, 5-10x faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class EditError(ValueError):
    """The edit cannot be made: `errors` maps a form field ("" for the entry as a whole) to
    what is wrong, in plain words."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in self.errors.items()))


# reading and writing the files


def read_yaml(files: CorpusFiles, path: str, default: Any = None) -> Any:
    """A file's data (plain YAML types), `default` when it is not there; EditError when it
    cannot be read (the Problems page shows why)."""
    if files.kind(path) != "file":
        return default
    try:
        data = yaml.load(files.read(path).decode("utf-8").removeprefix("\ufeff"), Loader=_LOADER)
    except (UnicodeDecodeError, yaml.YAMLError):
        raise EditError(
            {"": f"{path} cannot be read as it is: see the Problems page; it was not changed"}
        ) from None
    return default if data is None else data


def list_paths(files: CorpusFiles, kind: str) -> list[str]:
    """The files that hold a kind's entries, in the loader's order: analysis/NAME.yaml, then
    the folder analysis/NAME/*.yaml (a long list may be split into one)."""
    single = LIST_PATHS[kind]
    folder = single.removesuffix(".yaml")
    paths = [single] if files.kind(single) == "file" else []
    if files.kind(folder) == "folder":
        names = (f"{folder}/{name}" for name in files.names(folder) if name.endswith(".yaml"))
        paths += [path for path in names if files.kind(path) == "file"]
    return paths


def read_lists(files: CorpusFiles, kind: str) -> dict[str, list[dict]]:
    """A kind's entries, by the file that holds them."""
    found: dict[str, list[dict]] = {}
    for path in list_paths(files, kind):
        data = read_yaml(files, path, [])
        if not isinstance(data, list):
            raise EditError({"": f"{path} is not a list: see the Problems page"})
        found[path] = [entry for entry in data if isinstance(entry, dict)]
    return found


def read_list(files: CorpusFiles, kind: str) -> list[dict]:
    return [entry for entries in read_lists(files, kind).values() for entry in entries]


def replaced(files: CorpusFiles, kind: str, entry_id: str, entry: dict | None) -> Changes:
    """The change that replaces the entry `entry_id` (removes it, for None) in its own file."""
    for path, entries in read_lists(files, kind).items():
        ids = [str(e.get("id")) for e in entries]
        if entry_id in ids:
            at = ids.index(entry_id)
            entries[at : at + 1] = [] if entry is None else [entry]
            return {path: dump(entries)}
    raise EditError({"": f"the {NOUNS[kind]} {entry_id!r} is no longer there"})


def dump(data: Any) -> bytes:
    """YAML as the format writes it: keys in the given order, Unicode as is."""
    if data == []:
        return b"[]\n"
    text = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    return text.encode("utf-8")


def split_list(value: str) -> list[str]:
    """A list typed one per line or separated by ';' (aliases, a voice's documents)."""
    parts = str(value or "").replace("\n", ";").split(";")
    return [" ".join(p.split()) for p in parts if p.strip()]


def _clean(values: Mapping[str, Any], kind: str) -> dict[str, str]:
    return {f: " ".join(str(values.get(f) or "").split()) for f in FIELDS[kind]}


def model_errors(model: type[BaseModel], data: dict, to_field: Mapping[tuple, str]) -> dict:
    """The model's complaints about `data`, by form field."""
    try:
        model.model_validate(data)
    except ValidationError as error:
        found: dict[str, str] = {}
        for item in error.errors():
            loc = tuple(item["loc"])
            name = to_field.get(loc) or to_field.get(loc[:1]) or (str(loc[0]) if loc else "")
            found.setdefault(name, str(item["msg"]).removeprefix("Value error, "))
        return found
    return {}


ASK = {
    "id": "give an id: lower-case letters a-z, digits and '-' (for example rent-caps)",
    "colour": 'choose a colour ("#RRGGBB")',
    "documents": "choose the documents in which the voice speaks",
    "relation": "say how the voice appears in its documents: author, excerpted or quoted",
    "topic": "choose the topic the motion is about",
    "text": "write the motion as it is debated: This House …",
    "proposition": "choose the pole of the topic's axis the proposition defends",
}


def _required(get: Mapping[str, str], kind: str, labels: Mapping[str, str]) -> dict[str, str]:
    errors = {
        f: ASK.get(f) or f"give the {labels.get(f, f)}" for f in REQUIRED[kind] if not get.get(f)
    }
    errors |= {
        f: f"at most {MAX_CHARS} characters (this has {len(v)})"
        for f, v in get.items()
        if len(v) > MAX_CHARS
    }
    return errors


# entries: what the form shows, and what the file gets


def form_of(kind: str, entry: Mapping[str, Any]) -> dict[str, str]:
    """An entry of the file as the form's text values."""
    if kind == "topic":
        poles = entry.get("poles") or {}
        return {
            "id": str(entry.get("id") or ""),
            "label": str(entry.get("label") or ""),
            "question": str(entry.get("question") or ""),
            "description": str(entry.get("description") or ""),
            "pole_low": str(poles.get("low") or "") if isinstance(poles, dict) else "",
            "pole_high": str(poles.get("high") or "") if isinstance(poles, dict) else "",
        }
    values = {f: str(entry.get(f) or "") for f in FIELDS[kind]}
    if kind == "voice":
        values["documents"] = "; ".join(str(d) for d in entry.get("documents") or ())
        values["aliases"] = "; ".join(str(a) for a in entry.get("aliases") or ())
    return values


def entry_of(kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The file's entry for the form's values, checked field by field (EditError)."""
    get = _clean(values, kind)
    get["description"] = str(values.get("description") or "").strip()
    errors = _required(get, kind, {"pole_low": "low pole's label", "pole_high": "high one's"})
    data: dict[str, Any]
    if kind == "topic":
        data = {"id": get["id"], "label": get["label"], "question": get["question"]}
        if get["description"]:
            data["description"] = get["description"]
        data["poles"] = {"low": get["pole_low"], "high": get["pole_high"]}
        to_field = {("poles", "low"): "pole_low", ("poles", "high"): "pole_high"}
    elif kind == "camp":
        data = {"id": get["id"], "name": get["name"]}
        if get["description"]:
            data["description"] = get["description"]
        data["colour"] = get["colour"]
        to_field = {}
    elif kind == "motion":
        data = {f: get[f] for f in FIELDS["motion"]}
        to_field = {}
    else:
        data = {"id": get["id"], "name": get["name"]}
        data |= {f: get[f] for f in ("role", "affiliation", "camp") if get[f]}
        data["documents"] = split_list(str(values.get("documents") or ""))
        data["relation"] = get["relation"]
        aliases = split_list(str(values.get("aliases") or ""))
        if aliases:
            data["aliases"] = aliases
        if get["relation"] and get["relation"] not in RELATIONS:
            errors.setdefault("relation", "choose author, excerpted or quoted")
        to_field = {}
    for name, message in model_errors(MODELS[kind], data, to_field).items():
        errors.setdefault(name, message)
    if errors:
        raise EditError(errors)
    return data


# the edits


def put_entry(
    files: CorpusFiles, kind: str, values: Mapping[str, Any], original: str | None
) -> Changes:
    """Add (original None) or replace (original: its id) a topic, camp, voice or motion."""
    entry = entry_of(kind, values)
    if kind == "motion" and entry["topic"] not in {t.get("id") for t in read_list(files, "topic")}:
        raise EditError({"topic": f"there is no topic {entry['topic']!r}: choose one"})
    ids = [str(e.get("id")) for e in read_list(files, kind)]
    noun = NOUNS[kind]
    if original is None:
        if entry["id"] in ids:
            raise EditError({"id": f"there is already a {noun} {entry['id']!r}: choose another id"})
        # a new entry goes to analysis/NAME.yaml (beside a folder of them, if there is one)
        added = read_lists(files, kind).get(LIST_PATHS[kind], [])
        return {LIST_PATHS[kind]: dump([*added, entry])}
    if original not in ids:
        raise EditError({"": f"the {noun} {original!r} is no longer there"})
    if entry["id"] != original:
        raise EditError({"id": f"an id is fixed once made (keep {original!r})"})
    return replaced(files, kind, original, entry)


def delete_entry(files: CorpusFiles, kind: str, entry_id: str) -> Changes:
    """Remove a topic, camp, voice or motion that nothing refers to; else EditError naming
    them."""
    changes = replaced(files, kind, entry_id, None)
    using = referrers(files, kind, entry_id)
    if using:
        shown = ", ".join(using[:8]) + (f" and {len(using) - 8} more" if len(using) > 8 else "")
        raise EditError(
            {
                "": f"the {NOUNS[kind]} {entry_id!r} cannot be deleted: {shown} "
                "refer to it. Change or delete them first."
            }
        )
    return changes


def orientation_form(files: CorpusFiles) -> dict[str, str]:
    manifest = read_yaml(files, MANIFEST, {})
    orientation = manifest.get("orientation") if isinstance(manifest, dict) else None
    values = dict.fromkeys(FIELDS["orientation"], "")
    for pole in ("low", "high"):
        given = orientation.get(pole) if isinstance(orientation, dict) else None
        if isinstance(given, dict):
            values[f"{pole}_id"] = str(given.get("id") or "")
            values[f"{pole}_label"] = str(given.get("label") or "")
    return values


def set_orientation(files: CorpusFiles, values: Mapping[str, Any]) -> Changes:
    """The manifest with its orientation (the two poles' ids and labels) replaced."""
    get = _clean(values, "orientation")
    errors = _required(get, "orientation", _POLE_WORDS)
    data = {p: {"id": get[f"{p}_id"], "label": get[f"{p}_label"]} for p in ("low", "high")}
    to_field = {(p, k): f"{p}_{k}" for p in ("low", "high") for k in ("id", "label")}
    for name, message in model_errors(Orientation, data, to_field).items():
        errors.setdefault(name, message)
    if not errors.get("high_id") and get["low_id"] and get["low_id"] == get["high_id"]:
        errors["high_id"] = "the two ends need different ids"
    if errors:
        raise EditError(errors)
    manifest = read_yaml(files, MANIFEST, {})
    if not isinstance(manifest, dict):
        raise EditError({"": "corpus.yaml cannot be read as it is: see the Problems page"})
    manifest = {**manifest, "orientation": data}
    return {MANIFEST: dump(manifest)}


_POLE_WORDS = {
    "low_id": "id of the low end (−2)",
    "low_label": "label of the low end (−2)",
    "high_id": "id of the high end (+2)",
    "high_label": "label of the high end (+2)",
}


# the check and the save


def applied(files: MemoryFiles, changes: Changes) -> MemoryFiles:
    """The files with `changes` made (in memory)."""
    merged = dict(files.files)
    for path, content in changes.items():
        if content is None:
            merged.pop(path, None)
        else:
            merged[path] = content.encode("utf-8") if isinstance(content, str) else content
    return MemoryFiles(merged, files.name, frozenset(STANDARD_FOLDERS))


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return problem.file, problem.entry, problem.message


def check_result(files: MemoryFiles, changes: Changes) -> None:
    """Load the corpus with the edit made, strictly; EditError listing each problem the edit
    would add (problems already there before it do not count)."""
    try:
        load_corpus(applied(files, changes))
        return
    except CorpusError as after:
        added = after.problems
    try:
        load_corpus(files)
    except CorpusError as before:
        known = {_key(p) for p in before.problems}
        added = tuple(p for p in added if _key(p) not in known)
    if added:
        shown = "; ".join(str(p) for p in added[:5])
        more = f" (and {len(added) - 5} more)" if len(added) > 5 else ""
        raise EditError({"": f"this would make the corpus invalid: {shown}{more}"})


def save_edit(
    store: WorkspaceStore,
    workspace: str,
    changes: Changes,
    base: int,
    message: str,
    author: str = "",
) -> Revision:
    """Check the edit against the files at `base`, then save it as one revision on `base`
    (ConflictError, nothing written, when someone saved since)."""
    check_result(store.snapshot(workspace, base).files, changes)
    return store.save(workspace, changes, base, message, author)
