"""Editing claims: a fact or figure a document cites, resting on one quote of that document.

Claims live in `analysis/claims.yaml` and/or `analysis/claims/*.yaml` (FORMAT.md): an edited
claim stays in the file that holds it; a new one goes to `analysis/claims/DOCUMENT.yaml` when
the corpus keeps its claims in that folder, else to `analysis/claims.yaml`. The quote is chosen
in the document as a position's evidence is (`position_editing.quote_from_sentences`,
`quote_from_typed`). Nothing in the format refers to a claim, so a claim is always deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

from perspectives.corpus.fields import SourceKind
from perspectives.corpus.file_shapes import ClaimInput
from perspectives.corpus.files import CorpusFiles
from perspectives.corpus.quotes import locate
from perspectives.store.revisions import Changes
from perspectives.workspace.adding import existing_texts
from perspectives.workspace.editing import EditError, dump, model_errors, read_list, read_yaml

FILE = "analysis/claims.yaml"
FOLDER = "analysis/claims"
FIELDS = ("id", "document", "quote", "figure", "about", "attributed_to", "source_kind", "voice")
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
ASK = {
    "id": "give an id: lower-case letters a-z, digits and '-' (for example homes-built-2020)",
    "document": "choose the document that cites it",
    "quote": "choose the passage of the document that states it",
    "figure": "give the number or fact, short",
    "about": "say what the figure is about: what was counted, where and when",
    "attributed_to": "say whom the document attributes it to",
    "source_kind": "choose the kind of source: " + ", ".join(SOURCE_KINDS),
}


def claim_files(files: CorpusFiles) -> dict[str, list[dict]]:
    """The claims of each claims file that can be read, by path."""
    paths = [FILE] if files.kind(FILE) == "file" else []
    if files.kind(FOLDER) == "folder":
        paths += [f"{FOLDER}/{n}" for n in files.names(FOLDER) if n.endswith(".yaml")]
    found: dict[str, list[dict]] = {}
    for path in paths:
        data = read_yaml(files, path, [])
        if not isinstance(data, list):
            raise EditError({"": f"{path} is not a list: see the Problems page"})
        found[path] = [entry for entry in data if isinstance(entry, dict)]
    return found


def claims(files: CorpusFiles) -> dict[str, dict]:
    """Every claim, by id."""
    return {str(c.get("id")): c for entries in claim_files(files).values() for c in entries}


def claim_values(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values of a claim of the file (empty for a new one)."""
    values: dict[str, Any] = {f: str(entry.get(f) or "") for f in FIELDS}
    values["topics"] = [str(t) for t in entry.get("topics") or ()]
    return values


def put_claim(files: CorpusFiles, values: Mapping[str, Any], original: str | None) -> Changes:
    """Add (original None) or replace (original: its id) a claim, checked at each field."""
    get = {f: " ".join(str(values.get(f) or "").split()) for f in FIELDS}
    errors = {f: ASK[f] for f in ASK if not get[f]}
    data: dict[str, Any] = {f: get[f] for f in FIELDS if f != "voice"}
    if get["voice"]:
        data["voice"] = get["voice"]
    topics = [str(t) for t in values.get("topics") or ()]
    if topics:
        data["topics"] = topics
    for name, message in model_errors(ClaimInput, data, {}).items():
        errors.setdefault(name, message)
    texts = existing_texts(files)
    if get["document"] and get["document"] not in texts:
        errors["document"] = f"there is no document {get['document']!r}"
    elif get["quote"] and locate(texts.get(get["document"], ""), get["quote"]) is None:
        errors["quote"] = "these words are not in the document as written"
    if get["voice"] and get["voice"] not in {v.get("id") for v in read_list(files, "voice")}:
        errors["voice"] = f"there is no voice {get['voice']!r}"
    known_topics = {t.get("id") for t in read_list(files, "topic")}
    unknown = [t for t in topics if t not in known_topics]
    if unknown:
        errors["topics"] = f"no such topic: {', '.join(unknown)}"
    by_file = claim_files(files)
    where = {str(c.get("id")): path for path, entries in by_file.items() for c in entries}
    if original is None and get["id"] in where:
        errors["id"] = f"there is already a claim {get['id']!r}: choose another id"
    if original is not None and get["id"] != original:
        errors["id"] = f"an id is fixed once made (keep {original!r})"
    if original is not None and original not in where:
        errors[""] = f"the claim {original!r} is no longer there"
    if errors:
        raise EditError(errors)
    if original is not None:
        path = where[original]
        entries = [data if c.get("id") == original else c for c in by_file[path]]
    else:
        folder_used = any(p.startswith(f"{FOLDER}/") for p in by_file)
        path = f"{FOLDER}/{get['document']}.yaml" if folder_used else FILE
        entries = [*by_file.get(path, []), data]
    return {path: dump(entries)}


def delete_claim(files: CorpusFiles, claim_id: str) -> Changes:
    """Remove a claim (nothing refers to one); a folder file left empty goes."""
    for path, entries in claim_files(files).items():
        kept = [c for c in entries if c.get("id") != claim_id]
        if len(kept) != len(entries):
            if not kept and path != FILE:
                return {path: None}
            return {path: dump(kept)}
    raise EditError({"": f"the claim {claim_id!r} is no longer there"})
