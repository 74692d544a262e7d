"""Adding a document on the Workspace page: upload or paste, then the metadata form.

No lost edits: the document read from the file and every field of the form are kept as this
browser's drafts in the store (`browserkey`), written as the user types, so a refresh (or a
new session of the same browser) brings them back. A save is one revision against the revision
the document was read on; when someone saved in between, the page says what changed, keeps
the typing and offers to save again on the new revision. The checks and the save are in
`perspectives.workspace.adding`.
"""

from __future__ import annotations

import streamlit as st

from perspectives.markup import st_escape
from perspectives.store.workspaces import ConflictError, WorkspaceStore
from perspectives.ui import browserkey, links
from perspectives.ui.workspaceview import author, conflict_warning, notice
from perspectives.wording import counted
from perspectives.workspace.adding import (
    CERTAINTIES,
    FIELDS,
    LABELS,
    FormError,
    Pending,
    existing_texts,
    save_document,
    taken_ids,
)
from perspectives.workspace.ingest import MAX_FILE_BYTES, IngestError, ingest_bytes, ingest_text

PENDING = "add/pending"  # the draft holding the document read from the file (JSON)
FIELD = "add/meta/"  # + field name: the draft of one form field
TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
UPLOAD_MB = MAX_FILE_BYTES // (1024 * 1024)
PREVIEW = 3  # paragraphs shown before saving
MULTILINE = {"notes_outlet", "notes_text"}


def _state(name: str) -> dict:
    """This page's state for workspace `name` in the session: pending, base, errors, conflict."""
    states: dict[str, dict] = st.session_state.setdefault("_adding", {})
    return states.setdefault(name, {})


def _widget(name: str, field: str) -> str:
    return f"add-{name}-{field}"


def restore(store: WorkspaceStore, name: str) -> dict:
    """The session's pending document, else this browser's drafts of one (after a refresh)."""
    state = _state(name)
    if "pending" in state:
        return state
    drafts = store.drafts.get(name, browserkey.browser_key())
    kept = drafts.get(PENDING)
    pending = Pending.from_json(kept.value) if kept else None
    if pending is None:
        return state
    state["pending"], state["base"] = pending, kept.base if kept else None
    for field in FIELDS:
        draft = drafts.get(FIELD + field)
        st.session_state[_widget(name, field)] = (
            draft.value if draft is not None else pending.form.get(field, "")
        )
    state["restored"] = True
    return state


def start(store: WorkspaceStore, name: str, pending: Pending, base: int) -> None:
    """A document was read: keep it (session and drafts) and fill the form from it."""
    state = _state(name)
    state.clear()
    state["pending"], state["base"] = pending, base
    owner = browserkey.browser_key()
    store.drafts.discard(name, owner)
    store.drafts.put(name, owner, PENDING, pending.to_json(), base)
    for field in FIELDS:
        st.session_state[_widget(name, field)] = pending.form.get(field, "")


def forget(store: WorkspaceStore, name: str) -> None:
    _state(name).clear()
    store.drafts.discard(name, browserkey.browser_key())
    for field in FIELDS:
        st.session_state.pop(_widget(name, field), None)


def _keep_field(name: str, field: str) -> None:
    """on_change: the field's typing into the drafts store."""
    from perspectives.store.workspaces import workspace_store

    value = st.session_state.get(_widget(name, field), "")
    with workspace_store() as store:
        store.drafts.put(
            name, browserkey.browser_key(), FIELD + field, str(value), _state(name).get("base")
        )


def reader(store: WorkspaceStore, name: str) -> None:
    """Upload a file or paste a text; refusals name the file and change nothing."""
    snapshot = store.snapshot(name)
    upload_tab, paste_tab = st.tabs(["Upload a file", "Paste text"])
    with upload_tab:
        counter = _state(name).get("uploads", 0)
        upload = st.file_uploader(
            f"A text: {', '.join('.' + t for t in TYPES if t != 'htm')} (up to {UPLOAD_MB} MB)",
            type=TYPES,
            max_upload_size=UPLOAD_MB,
            key=f"add-upload-{name}-{counter}",
        )
        if upload is not None:
            _state(name)["uploads"] = counter + 1  # a fresh uploader: read each file once
            _read(
                store,
                name,
                snapshot,
                lambda texts: ingest_bytes(upload.getvalue(), upload.name, texts),
            )
    with paste_tab:
        pasted = st.text_area(
            "The text, one paragraph per line", height=200, key=f"add-paste-{name}"
        )
        if st.button("Read the pasted text", key=f"add-paste-go-{name}"):
            _read(store, name, snapshot, lambda texts: ingest_text(pasted, "pasted text", texts))


def _read(store: WorkspaceStore, name: str, snapshot, read) -> None:
    try:
        ingested = read(existing_texts(snapshot.files))
    except IngestError as error:
        _state(name)["refused"] = f"{error.filename}: {error.problem}"
        st.rerun()
    pending = Pending.from_ingested(ingested, taken_ids(snapshot.files))
    start(store, name, pending, snapshot.revision)
    st.rerun()


def form(store: WorkspaceStore, name: str) -> None:
    """The pending document's summary, its metadata form, and save / discard."""
    state = _state(name)
    pending: Pending = state["pending"]
    st.markdown(
        f"**Ready to add:** {st_escape(pending.filename)} · "
        f"{counted(pending.paragraphs, 'paragraph')} · {counted(pending.words, 'word')}"
    )
    if state.pop("restored", False):
        st.info("Your unsaved document and its form were kept from your last visit.")
    for warning in pending.warnings:
        st.warning(st_escape(warning))
    with st.expander("The text as it will be saved (first paragraphs)"):
        for paragraph in [p for p in pending.text.split("\n\n") if p.strip()][:PREVIEW]:
            st.markdown(st_escape(paragraph))
    errors: dict[str, str] = state.get("errors", {})
    for field in FIELDS:
        _field(name, field, errors.get(field))
    conflict: ConflictError | None = state.get("conflict")
    if conflict is not None:
        conflict_warning(conflict)
    save, discard = st.columns(2)
    label = "Save again on the new revision" if conflict else "Add to the workspace"
    if save.button(label, type="primary", icon=":material/save:", key=f"add-save-{name}"):
        _save(store, name)
    if discard.button("Discard this document", icon=":material/close:", key=f"add-drop-{name}"):
        forget(store, name)
        st.rerun()


def _field(name: str, field: str, error: str | None) -> None:
    key, label, args = _widget(name, field), LABELS[field], (name, field)
    if field == "date_certainty":
        if st.session_state.get(key) not in CERTAINTIES:
            st.session_state[key] = None
        st.selectbox(
            label,
            CERTAINTIES,
            placeholder="Choose: high, medium or low",
            key=key,
            on_change=_keep_field,
            args=args,
        )
    elif field in MULTILINE:
        st.text_area(label, height=80, key=key, on_change=_keep_field, args=args)
    else:
        st.text_input(
            label, help=_HELP.get(field), live="1s", key=key, on_change=_keep_field, args=args
        )
    if error:
        st.caption(f":red[{st_escape(error)}]")


_HELP = {
    "authors": "One per line or separated by ';'. Leave empty for an unsigned text.",
    "date": "2021-03-04, March 2021 or 2021: as precisely as it is known.",
    "doc_id": "How links and files name the document: lower-case letters, digits and '-'.",
    "genre": "An essay, a report, a speech, a law, an interview…",
}


def _save(store: WorkspaceStore, name: str) -> None:
    state = _state(name)
    pending: Pending = state["pending"]
    conflict: ConflictError | None = state.pop("conflict", None)
    base = conflict.head if conflict is not None else state.get("base") or store.get(name).head
    values = {f: str(st.session_state.get(_widget(name, f)) or "") for f in FIELDS}
    try:
        revision = save_document(store, name, pending, values, base, author())
    except FormError as error:
        state["errors"] = error.errors
        st.rerun()
    except ConflictError as error:
        state["conflict"], state["errors"] = error, {}
        st.rerun()
    except IngestError as error:  # the same text was added meanwhile
        forget(store, name)
        _state(name)["refused"] = f"{error.filename}: {error.problem}"
        st.rerun()
    doc_id = values["doc_id"].strip()
    forget(store, name)
    _state(name)["added"] = doc_id
    notice("success", f"Added “{st_escape(values['title'].strip())}” (revision {revision.number}).")
    st.rerun()


def add_documents(store: WorkspaceStore, name: str) -> None:
    """The whole "Add a document" part for workspace `name`."""
    browserkey.keep_browser_key()
    state = restore(store, name)
    refused = state.pop("refused", None)
    if refused:
        st.error(f"Not added: {st_escape(refused)}. Nothing was changed.", icon=":material/block:")
    added = state.pop("added", None)
    if added:
        links.page_link(
            links.DOCUMENTS, "Read it on the Documents page", icon=":material/article:", doc=added
        )
    if "pending" in state:
        form(store, name)
    else:
        reader(store, name)
