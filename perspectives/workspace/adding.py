"""Adding a document to a workspace: the metadata form's values, their checks in plain words,
and the save (one revision, against the revision the user started from).

    pending = Pending.from_ingested(ingest_bytes(data, "essay.pdf", existing_texts(files)))
    values = pending.form                          # the form, prefilled from the file
    values["outlet"] = "The Review"                # what the user typed
    revision = save_document(store, "Seminar 3", pending, values, base=snapshot.revision)

The page and `python -m perspectives ingest` both go through `save_document`: the form is
checked (`check_form` raises FormError with a message per field), the text is checked again
against the corpus as it is at `base` (a duplicate that another session added meanwhile is
refused), and documents/ID.md is written as one revision; `ConflictError` (someone saved since
`base`) writes nothing and leaves the caller to show what changed and keep the typing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from pydantic import ValidationError

from perspectives.corpus.document import DocumentMeta
from perspectives.corpus.fields import SLUG
from perspectives.corpus.files import CorpusFiles
from perspectives.corpus.yamlfile import FrontMatterError, split_front_matter
from perspectives.store.workspace_model import Revision
from perspectives.store.workspaces import WorkspaceStore
from perspectives.workspace.extracted import IngestError
from perspectives.workspace.ingest import IngestedDocument, find_duplicate
from perspectives.workspace.metadata import (
    MetadataDraft,
    date_label,
    parse_date,
    render_document,
)
from perspectives.workspace.textnorm import clean_characters

DOCUMENTS = "documents"
CERTAINTIES = ("high", "medium", "low")
# The form's fields, in the order it shows them; every value is text.
FIELDS = (
    "title",
    "authors",
    "outlet",
    "date",
    "date_certainty",
    "url",
    "genre",
    "notes_outlet",
    "notes_text",
    "doc_id",
)
LABELS = {
    "title": "Title",
    "authors": "Authors",
    "outlet": "Outlet",
    "date": "Date",
    "date_certainty": "How certain is the date",
    "url": "Link to the original",
    "genre": "Genre",
    "notes_outlet": "About the outlet",
    "notes_text": "About this text",
    "doc_id": "Document id",
}
MAX_FIELD_CHARS = {"notes_outlet": 2000, "notes_text": 2000}
MAX_SHORT_CHARS = 500


class FormError(ValueError):
    """The form cannot be saved: `errors` maps a field to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(
            "; ".join(f"{LABELS.get(k, k).lower()}: {v}" for k, v in self.errors.items())
        )


@dataclass(frozen=True)
class Pending:
    """A document read from a file or a paste, waiting for its metadata: the frozen text and
    the form prefilled from what the file says about itself. Kept as JSON in a draft, so a
    page refresh keeps it."""

    filename: str
    kind: str
    text: str
    form: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_ingested(cls, ingested: IngestedDocument, taken_ids: Iterable[str] = ()) -> Pending:
        return cls(
            ingested.filename,
            ingested.kind,
            ingested.text,
            form_values(ingested.metadata, ingested.suggested_id(taken_ids)),
            tuple(ingested.warnings),
        )

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def paragraphs(self) -> int:
        return sum(1 for block in self.text.split("\n\n") if block.strip())

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> Pending | None:
        """The pending document a draft holds (None when the draft is not one)."""
        try:
            raw = json.loads(data)
            return cls(
                str(raw["filename"]),
                str(raw["kind"]),
                str(raw["text"]),
                {str(k): str(v) for k, v in dict(raw.get("form") or {}).items()},
                tuple(str(w) for w in raw.get("warnings") or ()),
            )
        except (ValueError, KeyError, TypeError):
            return None


def form_values(draft: MetadataDraft, doc_id: str) -> dict[str, str]:
    """The form's values (all text) from the metadata the file gave."""
    return {
        "title": draft.title,
        "authors": "; ".join(draft.authors),
        "outlet": draft.outlet,
        "date": draft.date_label or (draft.date.isoformat() if draft.date else ""),
        "date_certainty": draft.date_certainty or "",
        "url": draft.url or "",
        "genre": draft.genre,
        "notes_outlet": draft.notes_outlet,
        "notes_text": draft.notes_text,
        "doc_id": doc_id,
    }


def split_authors(value: str) -> tuple[str, ...]:
    """Authors typed one per line or separated by ';' ("Writer, Ann" stays one name)."""
    parts = value.replace("\n", ";").split(";")
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def check_form(values: Mapping[str, str], taken: Iterable[str] = ()) -> tuple[str, DocumentMeta]:
    """The document id and the validated metadata, or FormError naming each field that is
    missing or wrong, in words a course builder reads."""
    # Control characters pasted in (a PDF copy brings form feeds) are dropped: the loader
    # would refuse the saved document for them.
    typed = {name: clean_characters(str(value or "")) for name, value in values.items()}
    get = {name: " ".join(typed.get(name, "").split()) for name in FIELDS}
    get["notes_outlet"] = typed.get("notes_outlet", "").strip()
    get["notes_text"] = typed.get("notes_text", "").strip()
    errors: dict[str, str] = {}
    for name in ("title", "outlet", "genre"):
        if not get[name]:
            errors[name] = {
                "title": "give the text's title",
                "outlet": "name where it was published (a newspaper, a journal, a website, "
                "a publisher; 'unpublished' if it was not)",
                "genre": "say what kind of text it is (an essay, a report, a speech, a law…)",
            }[name]
    for name, value in get.items():
        limit = MAX_FIELD_CHARS.get(name, MAX_SHORT_CHARS)
        if len(value) > limit:
            errors[name] = f"at most {limit} characters (this has {len(value)})"
    parsed = parse_date(get["date"]) if get["date"] else None
    if not get["date"]:
        errors["date"] = "give the date of publication (2021-03-04, March 2021 or 2021)"
    elif parsed is None:
        errors["date"] = f"“{get['date']}” is not a date: write 2021-03-04, March 2021 or 2021"
    certainty = get["date_certainty"].lower()
    if certainty not in CERTAINTIES:
        errors["date_certainty"] = "say how certain the date is: high, medium or low"
    url = get["url"]
    if url and not url.startswith(("https://", "http://")):
        errors["url"] = "a link starts with https:// or http:// (leave it empty if there is none)"
    doc_id = get["doc_id"]
    if not SLUG.fullmatch(doc_id):
        errors["doc_id"] = (
            "an id is lower-case letters a-z and digits joined by single '-' "
            "(for example writer-2021)"
        )
    elif doc_id in set(taken):
        errors["doc_id"] = f"there is already a document {doc_id!r}: choose another id"
    if errors:
        raise FormError(errors)
    assert parsed is not None
    day, precision = parsed
    data: dict[str, Any] = {
        "title": get["title"],
        "authors": list(split_authors(typed.get("authors", ""))),
        "outlet": get["outlet"],
        "date": day.isoformat(),
        "date_label": date_label(day, precision),
        "date_certainty": certainty,
        "url": url or None,
        "genre": get["genre"],
        "notes": {"outlet": get["notes_outlet"], "text": get["notes_text"]},
    }
    try:
        return doc_id, DocumentMeta.model_validate(data)
    except ValidationError as error:  # the loader's own check, should the rules above miss one
        raise FormError(
            {str(e["loc"][0]) if e["loc"] else "title": str(e["msg"]) for e in error.errors()}
        ) from None


def existing_texts(files: CorpusFiles) -> dict[str, str]:
    """The text of each document file (documents/ID.md) as the loader would read it, by id;
    files that cannot be read are left out (the loader reports them)."""
    texts: dict[str, str] = {}
    if files.kind(DOCUMENTS) != "folder":
        return texts
    for name in files.names(DOCUMENTS):
        if not name.endswith(".md"):
            continue
        try:
            content = files.read(f"{DOCUMENTS}/{name}").decode("utf-8").removeprefix("\ufeff")
            texts[name.removesuffix(".md")] = split_front_matter(content)[1]
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
    return texts


def taken_ids(files: CorpusFiles) -> set[str]:
    """The ids of every file in documents/ (readable or not): a new document needs another."""
    if files.kind(DOCUMENTS) != "folder":
        return set()
    return {name.removesuffix(".md") for name in files.names(DOCUMENTS)}


def document_path(doc_id: str) -> str:
    return f"{DOCUMENTS}/{doc_id}.md"


def save_document(
    store: WorkspaceStore,
    workspace: str,
    pending: Pending,
    values: Mapping[str, str],
    base: int,
    author: str = "",
) -> Revision:
    """Write the document as one new revision on top of `base`. Raises FormError for the
    form, IngestError when the same text is already in the workspace at `base`, ConflictError
    (nothing written) when someone saved since `base`."""
    files = store.snapshot(workspace, base).files
    texts = existing_texts(files)
    doc_id, meta = check_form(values, taken_ids(files))
    duplicate = find_duplicate(pending.text, texts)
    if duplicate is not None:
        raise IngestError(
            pending.filename, f"the same text is already in the corpus as document {duplicate!r}"
        )
    content = render_document(meta, pending.text)
    return store.save(
        workspace,
        {document_path(doc_id): content},
        base,
        f"Added document {doc_id} ({pending.filename})",
        author,
    )


def describe_change(path: str, change: str) -> str:
    """A changed file in words: "document writer-2021 added", "topics changed"."""
    if path.startswith(f"{DOCUMENTS}/") and path.endswith(".md"):
        return f"document {path[len(DOCUMENTS) + 1 : -3]} {change}"
    if path.startswith("analysis/") and path.endswith(".yaml"):
        return f"{path[len('analysis/') : -5]} {change}"
    if path == "corpus.yaml":
        return f"the corpus' name and sides {change}"
    return f"{path} {change}"
