"""What refers to an entry of a corpus (read from the files as they are, so a corpus with
problems is read as far as it can be): a topic's positions, claims, events and motions; a
camp's voices; a voice's positions and claims; a position's answers. The editors refuse to
delete what something refers to, naming it."""

from __future__ import annotations

from typing import Any

from perspectives.corpus.files import CorpusFiles

POSITIONS = "analysis/positions"


def _read(files: CorpusFiles, path: str, default: Any) -> Any:
    from perspectives.workspace.editing import EditError, read_yaml

    try:
        return read_yaml(files, path, default)
    except EditError:
        return default


def position_files(files: CorpusFiles) -> dict[str, Any]:
    """Every positions file's data, by path (files that cannot be read are skipped)."""
    found: dict[str, Any] = {}
    if files.kind(POSITIONS) != "folder":
        return found
    for name in files.names(POSITIONS):
        path = f"{POSITIONS}/{name}"
        if name.endswith(".yaml") and files.kind(path) == "file":
            found[path] = _read(files, path, {})
    return found


def _list_entries(files: CorpusFiles, name: str) -> list[dict]:
    """The entries of analysis/NAME.yaml and of analysis/NAME/*.yaml, where they can be read."""
    paths = [f"analysis/{name}.yaml"]
    folder = f"analysis/{name}"
    if files.kind(folder) == "folder":
        paths += [f"{folder}/{n}" for n in files.names(folder) if n.endswith(".yaml")]
    entries: list[dict] = []
    for path in paths:
        data = _read(files, path, [])
        if isinstance(data, list):
            entries += [e for e in data if isinstance(e, dict)]
    return entries


def positions(files: CorpusFiles) -> list[tuple[str, dict]]:
    """(path of its file, entry) of every position, with `document` set from its file."""
    found = []
    for path, data in position_files(files).items():
        if not isinstance(data, dict):
            continue
        for entry in data.get("positions") or ():
            if isinstance(entry, dict):
                found.append((path, {**entry, "document": data.get("document")}))
    return found


def referrers(files: CorpusFiles, kind: str, entry_id: str) -> list[str]:
    """What refers to the entry, in words ("position jonas-brandt/who-benefits", "motion m")."""
    found: list[str] = []
    for _, pos in positions(files):
        pid = f"{pos.get('voice')}/{pos.get('topic')}"
        if (kind == "topic" and pos.get("topic") == entry_id) or (
            kind == "voice" and pos.get("voice") == entry_id
        ):
            found.append(f"position {pid}")
        elif kind == "position" and entry_id in (pos.get("answers") or ()):
            found.append(f"position {pid} (it answers it)")
        elif kind == "position" and entry_id in (pos.get("contests") or ()):
            found.append(f"position {pid} (it disputes it)")
    if kind == "camp":
        found += [
            f"voice {v.get('id')}"
            for v in _list_entries(files, "voices")
            if v.get("camp") == entry_id
        ]
    for claim in _list_entries(files, "claims"):
        if (kind == "voice" and claim.get("voice") == entry_id) or (
            kind == "topic" and entry_id in (claim.get("topics") or ())
        ):
            found.append(f"claim {claim.get('id')}")
    if kind == "topic":
        found += [
            f"event {e.get('id')}"
            for e in _list_entries(files, "events")
            if entry_id in (e.get("topics") or ())
        ]
        found += [
            f"motion {m.get('id')}"
            for m in _list_entries(files, "motions")
            if m.get("topic") == entry_id
        ]
    return found
