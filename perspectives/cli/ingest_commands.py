"""`python -m perspectives ingest`: add a document to a workspace from the shell, as the
Workspace page's upload does.

    ingest FILE --workspace NAME [--json] [--title T] [--authors "A; B"] [--outlet O]
           [--date 2021-03] [--date-certainty high|medium|low] [--url U] [--genre G]
           [--outlet-note N] [--text-note N] [--id ID]

FILE is a .txt, .md, .html, .pdf or .docx file, or `-` for a text on standard input (read as
pasted text). The metadata the file gives (a PDF's or DOCX's properties, an HTML page's meta
tags, Markdown front matter) fills the fields; the options override them. The document is
saved as one revision of the workspace.

Exit codes: 0 added; 1 refused, nothing changed (an empty, binary, oversized, encrypted or
broken file, a text already in the workspace, metadata missing or wrong: the message names
each field and the option that gives it, an unknown workspace); 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from perspectives.cli import common

# form field -> (option, help)
OPTIONS = {
    "title": ("--title", "the text's title"),
    "authors": ("--authors", "the authors, separated by ';' (empty: unsigned)"),
    "outlet": ("--outlet", "where it was published ('unpublished' if it was not)"),
    "date": ("--date", "the date of publication: 2021-03-04, 2021-03, March 2021 or 2021"),
    "date_certainty": ("--date-certainty", "how certain the date is: high, medium or low"),
    "url": ("--url", "a link to the original (https://...)"),
    "genre": ("--genre", "what kind of text: essay, report, speech, law..."),
    "notes_outlet": ("--outlet-note", "a note about the outlet"),
    "notes_text": ("--text-note", "a note about this text"),
    "doc_id": ("--id", "the document id (default: the first author's surname and the year)"),
}


def _read(args: argparse.Namespace, texts: dict[str, str]):
    from perspectives.workspace.ingest import ingest_path, ingest_text

    if args.file == "-":
        return ingest_text(sys.stdin.read(), "standard input", texts)
    return ingest_path(Path(args.file), texts)


def cmd_ingest(args: argparse.Namespace) -> int:
    from perspectives.corpus.document import Document
    from perspectives.store.workspaces import ConflictError, WorkspaceError, workspace_store
    from perspectives.workspace.adding import (
        FormError,
        Pending,
        check_form,
        existing_texts,
        save_document,
        taken_ids,
    )
    from perspectives.workspace.ingest import IngestError

    with workspace_store() as store:
        workspace = store.find(args.workspace)
        if workspace is None:
            raise common.Failure(
                "ingest: "
                + common.unknown_workspace(args.workspace, [w.name for w in store.list()])
            )
        snapshot = store.snapshot(workspace.name)
        try:
            ingested = _read(args, existing_texts(snapshot.files))
        except IngestError as error:
            raise common.Failure(f"ingest: {error}; nothing was changed") from None
        pending = Pending.from_ingested(ingested, taken_ids(snapshot.files))
        values = dict(pending.form)
        values |= {f: getattr(args, f) for f in OPTIONS if getattr(args, f) is not None}
        try:
            revision = save_document(
                store, workspace.name, pending, values, snapshot.revision, "command line"
            )
        except FormError as error:
            missing = "; ".join(
                f"{OPTIONS[f][0]}: {message}" for f, message in error.errors.items()
            )
            raise common.Failure(
                f"ingest: {pending.filename}: the metadata is incomplete, nothing was changed. "
                f"Give {missing}"
            ) from None
        except IngestError as error:
            raise common.Failure(f"ingest: {error}; nothing was changed") from None
        except ConflictError as error:
            raise common.Failure(f"ingest: {error}; run the command again") from None
        except WorkspaceError as error:
            raise common.Failure(f"ingest: {error}") from None
    doc_id, meta = check_form(values)  # as saved (the corpus may have problems elsewhere)
    document = Document(id=doc_id, text=pending.text, **meta.model_dump())
    if args.json:
        summary = {
            "workspace": workspace.name,
            "revision": revision.number,
            "document_id": document.id,
            "path": f"documents/{document.id}.md",
            "file": pending.filename,
            "kind": pending.kind,
            "title": document.title,
            "authors": list(document.authors),
            "outlet": document.outlet,
            "date": document.date.isoformat(),
            "date_label": document.date_label,
            "date_certainty": document.date_certainty,
            "url": document.url,
            "genre": document.genre,
            "paragraphs": [  # offsets in the document's frozen text
                {"number": p.number, "start": p.start, "end": p.end} for p in document.paragraphs
            ],
            "words": pending.words,
            "warnings": list(pending.warnings),
        }
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(
            f"added document {document.id} to workspace {workspace.name} "
            f"(revision {revision.number}): {len(document.paragraphs)} paragraphs, "
            f"{pending.words} words, from {pending.filename}"
        )
        for warning in pending.warnings:
            print(f"warning: {warning}")
    return common.EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="add a document (.txt .md .html .pdf .docx) to a workspace",
        description="Read FILE, normalise and freeze its text into paragraphs, and save it "
        "with its metadata as a new document of the workspace (one revision, undoable). The "
        "metadata the file gives fills the fields; the options override it.",
    )
    p.add_argument("file", metavar="FILE", help="the file to add, or - for text on stdin")
    p.add_argument("--workspace", required=True, metavar="NAME", help=common.WORKSPACE_HELP)
    p.add_argument("--json", action="store_true", help="print the document added as JSON")
    for dest, (option, text) in OPTIONS.items():
        p.add_argument(option, dest=dest, metavar="TEXT", help=text)
    p.set_defaults(func=cmd_ingest)
