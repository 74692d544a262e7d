"""The Edit page's claim editor: a fact or figure a document cites, its one quote chosen in the
document as a position's evidence is, what it is about and whom the document attributes it to.
The checks and the edit are in `perspectives.workspace.claim_editing`."""

from __future__ import annotations

from typing import Any

import streamlit as st

from perspectives.corpus.files import CorpusFiles
from perspectives.markup import st_escape
from perspectives.store.workspaces import WorkspaceStore
from perspectives.ui import editstate as es
from perspectives.ui.editview import NEW, chooser
from perspectives.ui.positionview import evidence_part
from perspectives.workspace import claim_editing as ce
from perspectives.workspace.adding import existing_texts
from perspectives.workspace.editing import EditError, read_list

FIELDS = (*[f for f in ce.FIELDS if f != "quote"], "topics", "evidence")
TEXTS = {
    "id": "Id",
    "figure": "The figure or fact, short (a number with its unit, or a few words)",
    "about": "What it is about (what was counted, where and when)",
    "attributed_to": "Whom the document attributes it to",
}


def claim_editor(store: WorkspaceStore, name: str, files: CorpusFiles, head: int) -> None:
    try:
        known = ce.claims(files)
        voices = {
            str(v.get("id")): str(v.get("name") or v.get("id")) for v in read_list(files, "voice")
        }
        topics = {
            str(t.get("id")): str(t.get("label") or t.get("id")) for t in read_list(files, "topic")
        }
    except EditError as error:
        st.error(st_escape(error.errors.get("", str(error))))
        return
    texts = existing_texts(files)
    if not texts:
        st.info("A claim quotes a document: add one first.")
        return
    labels = {i: f"{c.get('figure') or i}: {c.get('about') or ''}" for i, c in known.items()}
    chosen = chooser(store, name, "claim", sorted(known), labels)
    form = f"claim/{chosen or 'new'}"
    values: dict[str, Any] = ce.claim_values(known.get(chosen, {}))
    values["evidence"] = [values.pop("quote")] if values.get("quote") else []
    values["document"] = values["document"] or None
    values["source_kind"] = values["source_kind"] or None
    es.load(store, name, form, values, head)
    errors = es.messages(name, form)

    def args(field: str) -> dict[str, Any]:
        return {"key": es.key(name, form, field), "on_change": es.keep, "args": (name, form, field)}

    st.text_input("Id", disabled=bool(chosen), live="1s", **args("id"))
    es.field_error(errors, "id")
    st.selectbox("Document", sorted(texts), placeholder="Choose…", **args("document"))
    es.field_error(errors, "document")
    document = es.value(name, form, "document") or ""
    evidence_part(name, form, document, texts.get(document), errors, limit=1)
    es.field_error(errors, "quote")
    for field, label in TEXTS.items():
        if field != "id":
            st.text_input(label, live="1s", **args(field))
            es.field_error(errors, field)
    st.selectbox("Kind of source", ce.SOURCE_KINDS, placeholder="Choose…", **args("source_kind"))
    es.field_error(errors, "source_kind")
    st.selectbox(
        "The voice who states it (optional)",
        [NEW, *voices],
        format_func=lambda v: "None of the voices" if v == NEW else voices.get(v, v),
        **args("voice"),
    )
    es.field_error(errors, "voice")
    st.multiselect(
        "Topics it bears on (optional)",
        [*topics],
        format_func=lambda t: topics.get(t, t),
        **args("topics"),
    )
    es.field_error(errors, "topics")
    typed = {f: es.value(name, form, f) for f in FIELDS}
    evidence = typed.pop("evidence") or []
    typed["quote"] = evidence[0] if evidence else ""
    new_id = " ".join(str(typed.get("id") or "").split())
    save, delete = st.columns(2)
    label = es.save_label(name, form, "Save the claim" if chosen else "Add the claim")
    if save.button(label, type="primary", icon=":material/save:", key=f"ed-save-{name}-{form}"):
        es.save(
            store,
            name,
            form,
            FIELDS,
            lambda f: ce.put_claim(f, typed, chosen or None),
            f"{'Edited' if chosen else 'Added'} claim {chosen or new_id}",
            f"{'Saved' if chosen else 'Added'} the claim “{st_escape(chosen or new_id)}”",
            select=(es.key(name, "choice-claim", "value"), chosen or new_id),
        )
    if chosen and delete.button(
        "Delete this claim", icon=":material/delete:", key=f"ed-del-{name}-{form}"
    ):
        es.save(
            store,
            name,
            form,
            FIELDS,
            lambda f: ce.delete_claim(f, chosen),
            f"Deleted claim {chosen}",
            f"Deleted the claim “{st_escape(chosen)}”",
            select=(es.key(name, "choice-claim", "value"), NEW),
        )
