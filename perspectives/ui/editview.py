"""The Edit page's editors of the corpus' own words: the two ends of the axis (orientation),
topics, camps and voices. Each is a form over one entry (or a new one); the checks and the
edits are in `perspectives.workspace.editing`, the drafts and the save in `ui.editstate`."""

from __future__ import annotations

from typing import Any

import streamlit as st

from perspectives.corpus.files import CorpusFiles
from perspectives.markup import st_escape
from perspectives.store.workspaces import WorkspaceStore
from perspectives.ui import editstate as es
from perspectives.ui.workspaceview import undo_last_edit
from perspectives.workspace import editing
from perspectives.workspace.adding import taken_ids
from perspectives.workspace.editing import RELATIONS, EditError

NOUN = {
    "topic": "topic",
    "camp": "camp",
    "voice": "voice",
    "motion": "motion",
    "claim": "claim",
    "position": "position",
}
LABELS = {
    "id": "Id",
    "label": "Label (a few words, for menus and headings)",
    "question": "Question (ends with a question mark)",
    "description": "Description (what the axis measures)",
    "pole_low": "Low pole (−2): a claim someone holds",
    "pole_high": "High pole (+2): a claim someone holds",
    "name": "Name",
    "colour": "Colour",
    "role": "Role",
    "affiliation": "Affiliation",
    "camp": "Camp",
    "documents": "Documents in which the voice speaks",
    "relation": "How the voice appears in them",
    "aliases": "Other names the text uses (separated by ';')",
    "topic": "Topic",
    "text": "The motion, as debated (This House …)",
    "proposition": "The side the proposition defends",
    "low_id": "Id of the low end (−2): the word typed for that side",
    "low_label": "What −2 means across the corpus",
    "high_id": "Id of the high end (+2)",
    "high_label": "What +2 means across the corpus",
}
HELP = {
    "id": "How links and files name it: lower-case letters, digits and '-'. Fixed once saved.",
    "pole_low": "Read inside quotation marks in sentences: start in lower case, no full stop.",
    "pole_high": "Read inside quotation marks in sentences: start in lower case, no full stop.",
    "colour": "Colour-blind-safe choices: #E69F00 #56B4E9 #009E73 #F0E442 #0072B2 #D55E00 #CC79A7",
}
AREAS = {"description"}
NEW = ""


def widget_values(kind: str, entry: dict[str, Any]) -> dict[str, Any]:
    """The form's widgets' values for an entry of the file (empty for a new one)."""
    values: dict[str, Any] = editing.form_of(kind, entry)
    if kind == "motion":
        values["topic"] = values["topic"] or None
        values["proposition"] = values["proposition"] or None
    if kind == "voice":
        values["documents"] = [str(d) for d in entry.get("documents") or ()]
        values["relation"] = values["relation"] if values["relation"] in RELATIONS else None
    if kind == "camp" and not values["colour"]:
        values["colour"] = "#999999"
    return values


def chooser(store: WorkspaceStore, name: str, kind: str, ids: list[str], labels: dict) -> str:
    """Which entry to edit (kept as a draft too, so a refresh comes back to it)."""
    form = f"choice-{kind}"
    es.load(store, name, form, {"value": NEW}, 0)
    wkey = es.key(name, form, "value")
    if st.session_state.get(wkey) not in [NEW, *ids]:
        st.session_state[wkey] = NEW
    return st.selectbox(
        f"Choose a {NOUN[kind]} to edit, or make a new one",
        [NEW, *ids],
        format_func=lambda i: f"New {NOUN[kind]}…" if i == NEW else labels.get(i, i),
        key=wkey,
        on_change=es.keep,
        args=(name, form, "value"),
    )


def _widget(name: str, form: str, field: str, options: dict, disabled: bool = False) -> None:
    wkey, args = es.key(name, form, field), (name, form, field)
    common: dict[str, Any] = {"key": wkey, "on_change": es.keep, "args": args}
    label = LABELS.get(field, field)
    if field in options:
        choices, show = options[field]
        if field == "documents":
            st.multiselect(label, choices, format_func=show, **common)
        else:
            st.selectbox(label, choices, format_func=show, placeholder="Choose…", **common)
    elif field == "colour":
        st.color_picker(label, help=HELP["colour"], **common)
    elif field in AREAS:
        st.text_area(label, height=80, **common)
    else:
        st.text_input(label, help=HELP.get(field), disabled=disabled, live="1s", **common)


def entry_editor(store: WorkspaceStore, name: str, kind: str, files: CorpusFiles, head: int):
    """The editor of one kind of entry: choose one (or new), its fields, save and delete."""
    try:
        entries = editing.read_list(files, kind)
    except EditError as error:
        st.error(st_escape(error.errors.get("", str(error))))
        return
    ids = [str(e.get("id")) for e in entries]
    shown = {
        str(e.get("id")): str(e.get("label") or e.get("name") or e.get("text") or e.get("id"))
        for e in entries
    }
    chosen = chooser(store, name, kind, ids, shown)
    form = f"{kind}/{chosen or 'new'}"
    entry = next((e for e in entries if e.get("id") == chosen), {})
    es.load(store, name, form, widget_values(kind, entry), head)
    errors = es.messages(name, form)
    options = _options(kind, files, es.value(name, form, "topic", None))
    for field in editing.FIELDS[kind]:
        _widget(name, form, field, options, disabled=field == "id" and bool(chosen))
        es.field_error(errors, field)
    if kind == "topic":
        preview_topic(name, form)
    values = {f: es.value(name, form, f) for f in editing.FIELDS[kind]}
    if kind == "voice":
        values["documents"] = "; ".join(values["documents"] or ())
    save, delete = st.columns(2)
    fields = editing.FIELDS[kind]
    noun = NOUN[kind]
    label = es.save_label(name, form, f"Save the {noun}" if chosen else f"Add the {noun}")
    if save.button(label, type="primary", icon=":material/save:", key=f"ed-save-{name}-{form}"):
        new_id = " ".join(str(values.get("id") or "").split())
        es.save(
            store,
            name,
            form,
            fields,
            lambda f: editing.put_entry(f, kind, values, chosen or None),
            f"{'Edited' if chosen else 'Added'} {noun} {chosen or new_id}",
            f"{'Saved' if chosen else 'Added'} the {noun} “{st_escape(chosen or new_id)}”",
            select=(es.key(name, f"choice-{kind}", "value"), chosen or new_id),
        )
    if chosen and delete.button(
        f"Delete this {noun}", icon=":material/delete:", key=f"ed-del-{name}-{form}"
    ):
        es.save(
            store,
            name,
            form,
            fields,
            lambda f: editing.delete_entry(f, kind, chosen),
            f"Deleted {noun} {chosen}",
            f"Deleted the {noun} “{st_escape(chosen)}”; undo it on the Workspace page",
            select=(es.key(name, f"choice-{kind}", "value"), NEW),
        )


def _options(kind: str, files: CorpusFiles, topic_id: Any) -> dict[str, tuple[list, Any]]:
    if kind == "motion":
        return _motion_options(files, topic_id)
    if kind != "voice":
        return {}
    camps = {str(c.get("id")): str(c.get("name") or c.get("id")) for c in _camps(files)}
    return {
        "camp": ([NEW, *camps], lambda c: "No camp" if c == NEW else camps.get(c, c)),
        "documents": (sorted(taken_ids(files)), str),
        "relation": (list(RELATIONS), _RELATION_WORDS.get),
    }


def _motion_options(files: CorpusFiles, topic_id: Any) -> dict[str, tuple[list, Any]]:
    """A motion's topic, and its side named by the topic's own pole labels."""
    try:
        topics = {str(t.get("id")): t for t in editing.read_list(files, "topic")}
    except EditError:
        topics = {}
    poles = (topics.get(str(topic_id)) or {}).get("poles") or {}

    def side(pole: str) -> str:
        sign = "−2" if pole == "low" else "+2"
        label = poles.get(pole) if isinstance(poles, dict) else None
        return f"{sign}: “{label}”" if label else f"the {pole} end ({sign})"

    return {
        "topic": ([*topics], lambda t: str(topics.get(t, {}).get("label") or t)),
        "proposition": (["low", "high"], side),
    }


def _camps(files: CorpusFiles) -> list[dict]:
    try:
        return editing.read_list(files, "camp")
    except EditError:
        return []


_RELATION_WORDS = {
    "author": "author: wrote the text",
    "excerpted": "excerpted: the text reprints their words",
    "quoted": "quoted: the text quotes them",
}


def preview_topic(name: str, form: str) -> None:
    """The topic's words as they will read in the app's sentences."""
    low, high = es.value(name, form, "pole_low").strip(), es.value(name, form, "pole_high").strip()
    question = es.value(name, form, "question").strip()
    if not (low and high):
        return
    with st.container(border=True):
        st.caption("How it will read")
        lines = [
            f"From “{low}” (−2) to “{high}” (+2)",
            f"A voice at −2 argues for “{low}”; at +1 it is mostly toward “{high}”.",
            f"0 · between “{low}” and “{high}”",
        ]
        if question:
            lines.append(f"How might they answer “{question}”?")
        for line in lines:
            st.markdown(st_escape(line))


def orientation_editor(store: WorkspaceStore, name: str, files: CorpusFiles, head: int) -> None:
    """The two ends of every topic's axis: their ids (typed for a side) and labels."""
    form = "orientation/manifest"
    try:
        values = editing.orientation_form(files)
    except EditError as error:
        st.error(st_escape(error.errors.get("", str(error))))
        return
    es.load(store, name, form, values, head)
    errors = es.messages(name, form)
    fields = editing.FIELDS["orientation"]
    for field in fields:
        _widget(name, form, field, {})
        es.field_error(errors, field)
    low, high = es.value(name, form, "low_label").strip(), es.value(name, form, "high_label")
    if low and high.strip():
        st.caption(st_escape(f"Stance runs from −2 ({low}) to +2 ({high.strip()})."))
    typed = {f: es.value(name, form, f) for f in fields}
    label = es.save_label(name, form, "Save the two ends")
    if st.button(label, type="primary", icon=":material/save:", key=f"ed-save-{name}-{form}"):
        es.save(
            store,
            name,
            form,
            fields,
            lambda f: editing.set_orientation(f, typed),
            "Edited the orientation",
            "Saved the two ends of the axis",
        )


def undo_last(store: WorkspaceStore, name: str, head: int) -> None:
    """The last save in words, and its undo (a new revision; refused when someone saved since
    the page was drawn)."""
    last = store.history(name, limit=1)
    if not last:
        return
    st.caption(st_escape(f"Last saved: revision {last[0].number}, “{last[0].message}”."))
    if not st.button(
        "Undo the last edit",
        icon=":material/undo:",
        key=f"ed-undo-{name}",
        disabled=last[0].undo_to is None,
        help="Brings back the state before the last edit, as a new revision (undo again to "
        "step further back). What you are typing in a form stays.",
    ):
        return
    undo_last_edit(store, name, head, "Nothing was undone; look, then undo again.")
