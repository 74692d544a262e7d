"""What the Edit page keeps for each of its forms: the widgets' values, the revision the typing
started from, the errors and a version conflict; and the save that goes with them.

A form is named by its kind and entry ("topic/new", "voice/jonas-brandt", "position/new").
Its widgets are filled once per session: from this browser's drafts (`browserkey`) when there
are any (after a refresh), else from the entry as the workspace holds it. Each change is written
to the drafts as the user types (`keep`, the value as JSON), so a refresh loses nothing; a
successful save discards them and the form is filled again from the new revision.

A save computes the edit on the files of the form's base revision and saves it on that base
(`perspectives.workspace.editing.save_edit`). When someone saved in between, nothing is written:
the form shows what changed and keeps the typing, and "Save again on the new revision" makes the
same edit on the new head's files. A form not typed into follows the head; a conflict with
nothing but this session's own saves in between (another form of the page) is not one: the
edit is made again on the new head at once.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from perspectives.corpus.files import CorpusFiles
from perspectives.markup import st_escape
from perspectives.store.revisions import Changes
from perspectives.store.workspaces import ConflictError, WorkspaceStore, workspace_store
from perspectives.ui import browserkey
from perspectives.ui.workspaceview import author, conflict_warning, notice
from perspectives.workspace.editing import EditError, save_edit

DRAFT = "edit/"  # + form + "/" + field: the draft of one field
OWN = "_edit_own_revisions"  # the revisions this session saved


def state(name: str, form: str) -> dict:
    """The session's state of one form of workspace `name`: base, errors, conflict."""
    forms: dict[str, dict] = st.session_state.setdefault("_editing", {})
    return forms.setdefault(f"{name}\n{form}", {})


def key(name: str, form: str, field: str) -> str:
    return f"ed-{name}-{form}-{field}"


def value(name: str, form: str, field: str, default: Any = "") -> Any:
    return st.session_state.get(key(name, form, field), default)


def load(
    store: WorkspaceStore,
    name: str,
    form: str,
    values: Mapping[str, Any],
    base: int,
) -> dict:
    """Fill the form's widgets once per session: this browser's drafts of it, else `values`
    (the entry at revision `base`). Returns the form's state."""
    current = state(name, form)
    if "base" in current:
        if not current.get("dirty") and current["base"] != base:  # untouched: follow the head
            current["base"] = base
            for field, given in values.items():
                st.session_state[key(name, form, field)] = given
        return current
    drafts = store.drafts.get(name, browserkey.browser_key())
    prefix = f"{DRAFT}{form}/"
    kept = {f.removeprefix(prefix): d for f, d in drafts.items() if f.startswith(prefix)}
    current["base"] = base
    for field, given in values.items():
        draft = kept.get(field)
        if draft is not None:
            with contextlib.suppress(ValueError):
                given = json.loads(draft.value)
            if draft.base is not None:
                current["base"] = min(current["base"], draft.base)
            current["restored"] = current["dirty"] = True
        st.session_state[key(name, form, field)] = given
    return current


def keep(name: str, form: str, field: str) -> None:
    """on_change: the field's value into this browser's drafts (as JSON)."""
    data = json.dumps(value(name, form, field, None), ensure_ascii=False)
    state(name, form)["dirty"] = True
    with workspace_store() as store:
        store.drafts.put(
            name,
            browserkey.browser_key(),
            f"{DRAFT}{form}/{field}",
            data,
            state(name, form)["base"],
        )


def keep_value(name: str, form: str, field: str, data: Any) -> None:
    """Set a field that has no widget (the evidence list) and keep it as a draft."""
    st.session_state[key(name, form, field)] = data
    keep(name, form, field)


def forget(store: WorkspaceStore, name: str, form: str, fields: Any) -> None:
    """The form as never opened: its drafts, widgets and state gone."""
    drafts = store.drafts.get(name, browserkey.browser_key())
    prefix = f"{DRAFT}{form}/"
    store.drafts.discard(
        name, browserkey.browser_key(), [f for f in drafts if f.startswith(prefix)]
    )
    for field in fields:
        st.session_state.pop(key(name, form, field), None)
    st.session_state.get("_editing", {}).pop(f"{name}\n{form}", None)


def messages(name: str, form: str) -> dict[str, str]:
    """Show the form's general error, its conflict and its restored note; return the errors by
    field (each shown under its field by the caller)."""
    current = state(name, form)
    if current.pop("restored", False):
        st.info("Your unsaved typing in this form was kept from your last visit.")
    errors: dict[str, str] = current.get("errors", {})
    if errors.get(""):
        st.error(st_escape(errors[""]), icon=":material/block:")
    conflict: ConflictError | None = current.get("conflict")
    if conflict is not None:
        conflict_warning(conflict)
    return errors


def field_error(errors: Mapping[str, str], field: str) -> None:
    if errors.get(field):
        st.caption(f":red[{st_escape(errors[field])}]")


def save_label(name: str, form: str, label: str) -> str:
    return "Save again on the new revision" if state(name, form).get("conflict") else label


def save(
    store: WorkspaceStore,
    name: str,
    form: str,
    fields: Any,
    make: Callable[[CorpusFiles], Changes],
    message: str,
    done: str,
    select: tuple[str, str] | None = None,
) -> None:
    """Make the edit (`make` on the files of the form's base, or of the head after a conflict
    the user has seen) and save it as one revision; then rerun with `done` as a notice. On an
    error or a conflict nothing is written and the typing stays. `select`: (widget key, value)
    to choose in a selectbox on the next run (the entry just made)."""
    current = state(name, form)
    conflict: ConflictError | None = current.pop("conflict", None)
    base = conflict.head if conflict is not None else current.get("base") or store.get(name).head
    try:
        changes = make(store.snapshot(name, base).files)
        revision = save_edit(store, name, changes, base, message, author())
    except EditError as error:
        current["errors"] = error.errors
        if conflict is not None:
            current["conflict"] = conflict
        st.rerun()
    except ConflictError as error:
        own: set[int] = st.session_state.setdefault(OWN, set())
        if all(r.number in own for r in error.revisions):  # only this session's saves since
            current["base"] = error.head
            return save(store, name, form, fields, make, message, done, select)
        current["conflict"], current["errors"] = error, {}
        st.rerun()
    st.session_state.setdefault(OWN, set()).add(revision.number)
    forget(store, name, form, fields)
    if select is not None:
        st.session_state["_edit_select"] = select
    notice("success", f"{done} (revision {revision.number}).")
    st.rerun()


def apply_selection() -> None:
    """Before the page's widgets are drawn: choose the entry a save just made."""
    chosen = st.session_state.pop("_edit_select", None)
    if chosen is not None:
        st.session_state[chosen[0]] = chosen[1]
