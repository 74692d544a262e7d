"""The Edit page's position editor: a voice on a topic in one document, placed on the topic's
own axis (its pole labels), with a state, a summary and one to three quotes chosen in the
document: a paragraph, then the sentence(s) of it, or a passage pasted that must be in the text
word for word. The checks and the edit are in `perspectives.workspace.position_editing`."""

from __future__ import annotations

from typing import Any

import streamlit as st

from perspectives.corpus.fields import MAX_EVIDENCE
from perspectives.corpus.files import CorpusFiles
from perspectives.markup import st_escape
from perspectives.store.workspaces import WorkspaceStore
from perspectives.ui import editstate as es
from perspectives.ui.editview import NEW, chooser
from perspectives.workspace import position_editing as pe
from perspectives.workspace.adding import existing_texts
from perspectives.workspace.editing import EditError, read_list
from perspectives.workspace.quoting import Quote

FIELDS = (
    "voice",
    "topic",
    "document",
    "state",
    "stance",
    "disagreement",
    "answers",
    "summary",
    "evidence",
)
STATE_WORDS = {
    "asserts": "asserts a view",
    "mixed": "mixed: weighs both readings",
    "mentions": "mentions the topic, takes no side",
}
SIGNS = {-2: "−2", -1: "−1", 0: "0", 1: "+1", 2: "+2"}
DEGREE = {2: "fully", 1: "mostly"}


def scale(topic: dict | None) -> dict[int, str]:
    """The five places on the topic's axis, in its own pole labels."""
    poles = (topic or {}).get("poles") or {}
    low, high = str(poles.get("low") or "low end"), str(poles.get("high") or "high end")
    return {
        s: f"{SIGNS[s]} · {DEGREE[abs(s)]}: {low if s < 0 else high}"
        if s
        else f"0 · between “{low}” and “{high}”, or both"
        for s in (-2, -1, 0, 1, 2)
    }


def values_of(form: pe.PositionForm | None) -> dict[str, Any]:
    if form is None:
        return {
            "voice": None,
            "topic": None,
            "document": None,
            "state": "asserts",
            "stance": 0,
            "disagreement": NEW,
            "answers": [],
            "summary": "",
            "evidence": [],
        }
    return {
        "voice": form.voice,
        "topic": form.topic,
        "document": form.document,
        "state": form.state,
        "stance": form.stance if form.stance is not None else 0,
        "disagreement": form.disagreement,
        "answers": list(form.answers),
        "summary": form.summary,
        "evidence": list(form.evidence),
    }


def position_editor(store: WorkspaceStore, name: str, files: CorpusFiles, head: int) -> None:
    try:
        voices = {
            str(v.get("id")): str(v.get("name") or v.get("id")) for v in read_list(files, "voice")
        }
        topics = {str(t.get("id")): t for t in read_list(files, "topic")}
    except EditError as error:
        st.error(st_escape(error.errors.get("", str(error))))
        return
    texts = existing_texts(files)
    if not (voices and topics and texts):
        st.info("A position needs a document, a topic and a voice: add them first.")
        return
    ids = pe.position_ids(files)
    shown = {
        i: f"{voices.get(i.split('/')[0], i.split('/')[0])} on "
        f"{topics.get(i.split('/')[1], {}).get('label', i.split('/')[1])}"
        for i in ids
    }
    chosen = chooser(store, name, "position", ids, shown)
    form = f"position/{chosen or 'new'}"
    existing = pe.position_form(files, chosen) if chosen else None
    es.load(store, name, form, values_of(existing), head)
    errors = es.messages(name, form)
    common: dict[str, Any] = {"on_change": es.keep, "disabled": bool(chosen)}

    def args(field: str) -> dict[str, Any]:
        return {"key": es.key(name, form, field), "args": (name, form, field)}

    st.selectbox(
        "Voice",
        [*voices],
        format_func=lambda v: voices.get(v, v),
        placeholder="Choose…",
        **args("voice"),
        **common,
    )
    es.field_error(errors, "voice")
    st.selectbox(
        "Topic",
        list(topics),
        format_func=lambda t: str(topics[t].get("label") or t),
        placeholder="Choose…",
        **args("topic"),
        **common,
    )
    es.field_error(errors, "topic")
    st.selectbox("Document", sorted(texts), placeholder="Choose…", **args("document"), **common)
    es.field_error(errors, "document")
    common["disabled"] = False
    st.radio(
        "The voice…",
        list(STATE_WORDS),
        format_func=STATE_WORDS.get,
        horizontal=True,
        **args("state"),
        **common,
    )
    topic = topics.get(es.value(name, form, "topic") or "")
    mentions = es.value(name, form, "state") == "mentions"
    st.select_slider(
        "Where the voice stands on the topic's axis",
        options=[-2, -1, 0, 1, 2],
        format_func=scale(topic).get,
        disabled=mentions,
        key=es.key(name, form, "stance"),
        on_change=es.keep,
        args=(name, form, "stance"),
    )
    if topic is not None and not mentions:
        st.caption(st_escape(f"Reads: {scale(topic)[int(es.value(name, form, 'stance', 0))]}"))
    es.field_error(errors, "stance")
    st.text_area(
        "Summary: one to three sentences, in your words, that the voice would accept",
        height=90,
        **args("summary"),
        **common,
    )
    es.field_error(errors, "summary")
    st.selectbox(
        "Kind of disagreement (optional)",
        [NEW, *pe.DISAGREEMENTS],
        format_func=lambda d: "Not said" if d == NEW else d,
        **args("disagreement"),
        **common,
    )
    topic_id = es.value(name, form, "topic") or ""
    voice_id = es.value(name, form, "voice") or ""
    others = [i for i in ids if i.endswith(f"/{topic_id}") and i != f"{voice_id}/{topic_id}"]
    kept = [a for a in es.value(name, form, "answers", []) or [] if a in others]
    st.session_state[es.key(name, form, "answers")] = kept
    st.multiselect(
        "Answers: the positions on this topic it contests (optional)",
        others,
        format_func=lambda i: shown.get(i, i),
        **args("answers"),
        **common,
    )
    es.field_error(errors, "answers")
    document = es.value(name, form, "document")
    evidence_part(name, form, document or "", texts.get(document or ""), errors)
    values = {f: es.value(name, form, f) for f in FIELDS}
    values["stance"] = None if mentions else values["stance"]
    position = pe.form_from_values(values, values["evidence"] or [])
    save, delete = st.columns(2)
    label = es.save_label(name, form, "Save the position" if chosen else "Add the position")
    if save.button(label, type="primary", icon=":material/save:", key=f"ed-save-{name}-{form}"):
        es.save(
            store,
            name,
            form,
            FIELDS,
            lambda f: pe.put_position(f, position, chosen or None),
            f"{'Edited' if chosen else 'Added'} position {position.id}",
            f"{'Saved' if chosen else 'Added'} the position {st_escape(position.id)}",
            select=(es.key(name, "choice-position", "value"), position.id),
        )
    if chosen and delete.button(
        "Delete this position", icon=":material/delete:", key=f"ed-del-{name}-{form}"
    ):
        es.save(
            store,
            name,
            form,
            FIELDS,
            lambda f: pe.delete_position(f, chosen),
            f"Deleted position {chosen}",
            f"Deleted the position {st_escape(chosen)}; undo it on the Workspace page",
            select=(es.key(name, "choice-position", "value"), NEW),
        )


def evidence_part(name: str, form: str, document_id: str, text: str | None, errors: dict) -> None:
    """The chosen quotes (each removable) and the choice of a new one in the document."""
    st.markdown("**Evidence: the document's own words (1 to 3 quotes)**")
    evidence: list[str] = list(es.value(name, form, "evidence", []) or [])
    for number, chosen_words in enumerate(evidence):
        left, right = st.columns([6, 1])
        left.markdown(f"> {st_escape(chosen_words)}")
        if right.button("Remove", key=f"ed-ev-drop-{name}-{form}-{number}"):
            es.keep_value(name, form, "evidence", evidence[:number] + evidence[number + 1 :])
            st.rerun()
    es.field_error(errors, "evidence")
    if text is None:
        st.caption("Choose the document to quote from.")
        return
    if len(evidence) >= MAX_EVIDENCE:
        st.caption(f"A position rests on at most {MAX_EVIDENCE} quotes.")
        return
    paragraphs = pe.paragraphs_of(text)
    round_key = f"ed-ev-round-{name}-{form}"
    fresh = st.session_state.get(round_key, 0)  # in the choice widgets' keys: +1 empties them
    number = st.selectbox(
        "Paragraph",
        range(1, len(paragraphs) + 1),
        format_func=lambda n: (
            f"¶{n} · {paragraphs[n - 1][:90]}{'…' if len(paragraphs[n - 1]) > 90 else ''}"
        ),
        key=f"ed-ev-para-{name}-{form}-{document_id}",
    )
    sentences = pe.sentences_of(text, number)
    picked = st.multiselect(
        "The sentence(s) to quote (next to each other)",
        range(len(sentences)),
        format_func=lambda i: sentences[i],
        key=f"ed-ev-sent-{name}-{form}-{document_id}-{number}-{fresh}",
    )
    pasted = st.text_input(
        "…or paste a passage copied from the document (word for word)",
        key=f"ed-ev-typed-{name}-{form}-{fresh}",
    )
    problem = st.session_state.pop(f"ed-ev-problem-{name}-{form}", None)
    if problem:
        st.caption(f":red[{st_escape(problem)}]")
    if st.button("Add as evidence", icon=":material/format_quote:", key=f"ed-ev-add-{name}-{form}"):
        try:
            quote: Quote = (
                pe.quote_from_typed(text, pasted)
                if pasted.strip() and not picked
                else pe.quote_from_sentences(text, number, picked)
            )
        except EditError as error:
            st.session_state[f"ed-ev-problem-{name}-{form}"] = error.errors.get(
                "evidence", str(error)
            )
            st.rerun()
        if quote.text not in evidence:
            es.keep_value(name, form, "evidence", [*evidence, quote.text])
        st.session_state[round_key] = fresh + 1  # new, empty choice widgets
        st.rerun()
