""" "Use as evidence" on the Find passages page: the suggested sentences become an evidence quote
of a voice's position on the topic, saved in the active workspace as one revision.

The form opens under the passage. It asks whose view the passage gives (a voice of the corpus,
or a new one, prefilled with the document's authors) and, when that voice has no position on
the topic yet, its stance (the hint is shown, never chosen for the user), whether it asserts or
weighs both readings, and a summary. The save is `workspace.evidence.add_evidence`, against the
revision the page showed when the form was opened: when someone saved in between, nothing is
written, the page says what changed and keeps the choices; what the loader would refuse is
named under the form. On the default corpus, the page says to copy it to a workspace first.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from perspectives import stance
from perspectives.corpus.document import Document
from perspectives.corpus.entities import Topic
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.store.workspaces import ConflictError, workspace_store
from perspectives.ui import links
from perspectives.ui.active import WORKSPACE_PAGE
from perspectives.ui.workspaceview import author
from perspectives.workspace.adding import describe_change
from perspectives.workspace.evidence import (
    RELATIONS,
    EvidenceChoice,
    EvidenceError,
    NewVoice,
    add_evidence,
)
from perspectives.workspace.suggest.passages import Passage

EDIT_PAGE = f"{links.PAGES}/edit.py"
STATE = "_use_as_evidence"
NEW = "+new"  # the voice choice "a new voice"
MENTIONS = "mentions"
NO_CAMP = ""


def _state() -> dict[str, Any]:
    return st.session_state.setdefault(STATE, {})


def _key(number: int, field: str) -> str:
    return f"evidence-{number}-{field}"


def _open(document_id: str, topic_id: str, passage: Passage, base: int) -> None:
    close()
    _state().update(open=(document_id, topic_id, passage.number), quote=passage.quote, base=base)


def close() -> None:
    state = _state()
    opened = state.get("open")
    if opened is not None:
        for key in [k for k in st.session_state if str(k).startswith(f"evidence-{opened[2]}-")]:
            del st.session_state[key]
    state.clear()


def nothing_to_rank(corpus: Corpus, workspace: str | None) -> None:
    """A corpus without topics or documents: what to add first, and where."""
    missing = "topics" if not corpus.topics else "documents"
    st.info(
        f"This corpus has no {missing} yet: add "
        + (
            "a topic (its question and the two ends of its axis)"
            if missing == "topics"
            else "a text"
        )
        + " first, then come back to find passages.",
        icon=":material/info:",
    )
    if workspace is None:
        return
    if missing == "topics":
        links.page_link(EDIT_PAGE, "Add a topic on the Edit page", icon=":material/edit_note:")
    else:
        links.page_link(
            WORKSPACE_PAGE, "Add a text on the Workspace page", icon=":material/upload:"
        )


def default_corpus_note() -> None:
    """On the default corpus: where "Use as evidence" saves (a workspace), and how to get one."""
    st.info(
        "This is the default corpus, which is not edited in the app. To use a passage as "
        "evidence, copy it to a workspace first (or make your own) on the Workspace page.",
        icon=":material/folder_copy:",
    )
    links.page_link(WORKSPACE_PAGE, "Go to the Workspace page", icon=":material/folder_open:")


def use_button(
    workspace: str | None, document_id: str, topic_id: str, passage: Passage, base: int | None
) -> None:
    if workspace is None or base is None:
        st.button(
            "Use as evidence",
            key=_key(passage.number, "use"),
            icon=":material/format_quote:",
            disabled=True,
            help="Copy the corpus to a workspace first: the default corpus is not edited here.",
        )
        return
    st.button(
        "Use as evidence",
        key=_key(passage.number, "use"),
        icon=":material/format_quote:",
        on_click=_open,
        args=(document_id, topic_id, passage, base),
    )


def is_open(document_id: str, topic_id: str, passage: Passage) -> bool:
    return _state().get("open") == (document_id, topic_id, passage.number)


def saved_notice(corpus: Corpus) -> None:
    """What the last save did, once, with a link to the position on Compare."""
    saved = st.session_state.pop("_evidence_saved", None)
    if saved is None:
        return
    text, topic_id = saved
    st.success(text, icon=":material/check_circle:")
    if topic_id in {t.id for t in corpus.topics}:
        links.page_link(
            links.COMPARE, "See it on Compare", icon=":material/compare_arrows:", topic=topic_id
        )


def _voice_options(corpus: Corpus, document: Document) -> list[str]:
    here = [v.id for v in corpus.voices if document.id in v.documents]
    return [*here, *(v.id for v in corpus.voices if v.id not in here), NEW]


def _error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.caption(f":red[{st_escape(errors[field])}]")


def form(
    workspace: str, corpus: Corpus, topic: Topic, document: Document, passage: Passage
) -> None:
    """The form under an opened passage, and its save."""
    state, number = _state(), passage.number
    errors: dict[str, str] = state.get("errors", {})
    with st.container(border=True, key=f"evidence-form-{number}"):
        st.markdown("**Use as evidence:** " + f"“{st_escape(state['quote'].text)}”")
        options = _voice_options(corpus, document)
        names = {v.id: v.name for v in corpus.voices}
        if _key(number, "voice") not in st.session_state:  # a voice of this text, else a new one
            here = document.id in corpus.voice(options[0]).documents if len(options) > 1 else False
            st.session_state[_key(number, "voice")] = options[0] if here else NEW
        voice_id = st.selectbox(
            "Whose view does it give?",
            options,
            format_func=lambda v: (
                "A new voice…"
                if v == NEW
                else names[v]
                + ("" if document.id in corpus.voice(v).documents else " (other text)")
            ),
            key=_key(number, "voice"),
        )
        new_voice = _new_voice_fields(corpus, document, number) if voice_id == NEW else None
        _error(errors, "voice")
        existing = next(
            (p for p in corpus.positions if p.voice == voice_id and p.topic == topic.id), None
        )
        blocked = False
        if existing is not None and existing.document != document.id:
            blocked = True
            st.warning(
                f"{st_escape(names[existing.voice])}'s position on this topic rests on "
                f"“{st_escape(corpus.document(existing.document).title)}”: a position quotes "
                "one document only.",
                icon=":material/block:",
            )
        elif existing is not None:
            st.caption(
                f"Adds this quote to {st_escape(names[existing.voice])}'s position "
                f"({st_escape(stance.describe(topic, existing.stance, existing.state))}), "
                f"which has {len(existing.evidence)} of at most 3 quotes."
            )
        placed = None if existing is not None else _position_fields(topic, passage, number, errors)
        _error(errors, "quote")
        _error(errors, "corpus")
        conflict: ConflictError | None = state.get("conflict")
        if conflict is not None:
            changed = ", ".join(describe_change(c.path, c.change) for c in conflict.changes)
            st.warning(
                f"Someone else saved this workspace since this passage was shown (revision "
                f"{conflict.base} → {conflict.head}): {st_escape(changed) or 'no file changed'}. "
                "Nothing was saved and your choices are kept: check, then save again.",
                icon=":material/sync_problem:",
            )
        buttons = st.container(horizontal=True, gap="small")
        label = "Save again on the new revision" if conflict else "Save as evidence"
        if buttons.button(
            label,
            type="primary",
            icon=":material/save:",
            key=_key(number, "save"),
            disabled=blocked,
        ):
            choice = EvidenceChoice(
                document.id,
                topic.id,
                state["quote"],
                voice_id=None if voice_id == NEW else voice_id,
                new_voice=new_voice,
                stance=placed[0] if placed else None,
                state=placed[1] if placed else "asserts",
                summary=placed[2] if placed else "",
            )
            _save(workspace, choice, topic, names)
        if buttons.button("Cancel", icon=":material/close:", key=_key(number, "cancel")):
            close()
            st.rerun()


def _new_voice_fields(corpus: Corpus, document: Document, number: int) -> NewVoice:
    known = {v.name for v in corpus.voices}
    authors = [a for a in document.authors if a not in known]
    name_key = _key(number, "name")
    if name_key not in st.session_state:
        st.session_state[name_key] = authors[0] if authors else ""
    name = st.text_input("The new voice's name", key=name_key)
    relation = st.selectbox(
        "How the text presents it",
        RELATIONS,
        format_func={
            "author": "its author",
            "quoted": "quoted by the author",
            "excerpted": "excerpted at length",
        }.__getitem__,
        key=_key(number, "relation"),
        help="A voice that is not the author must be named in the text.",
    )
    camps = {NO_CAMP: "No camp", **{c.id: c.name for c in corpus.camps}}
    camp = st.selectbox(
        "Camp", list(camps), format_func=camps.__getitem__, key=_key(number, "camp")
    )
    role = st.text_input("Role (optional)", key=_key(number, "role"))
    return NewVoice(name, relation, camp or None, role)


def _position_fields(
    topic: Topic, passage: Passage, number: int, errors: dict[str, str]
) -> tuple[int | None, str, str]:
    """A new position's stance, state and summary as chosen (stance None: not chosen)."""
    labels: dict[Any, str] = {**stance.scale_labels(topic), MENTIONS: stance.STATES["mentions"]}
    hint = passage.hint
    placeholder = (
        f"Choose a stance (the hint says {stance.sign(hint.stance)}, "
        f"confidence {hint.confidence:.2f}, {hint.level})"
        if hint is not None and not hint.negligible
        else "Choose a stance"
    )
    chosen = st.selectbox(
        f"Its stance on “{topic.question}”",
        list(labels),
        format_func=labels.__getitem__,
        index=None,
        placeholder=placeholder,
        key=_key(number, "stance"),
    )
    state = MENTIONS
    if chosen != MENTIONS:
        state = st.radio(
            "On the topic, the voice",
            ["asserts", "mixed"],
            format_func=stance.STATES.__getitem__,
            horizontal=True,
            key=_key(number, "state"),
        )
    _error(errors, "stance")
    summary = st.text_area(
        "Summary, in your words",
        help="One to three sentences: what the voice holds on the topic, and why.",
        key=_key(number, "summary"),
        height=90,
    )
    _error(errors, "summary")
    value = chosen if isinstance(chosen, int) else None
    return value, state, summary


def _save(workspace: str, choice: EvidenceChoice, topic: Topic, names: dict[str, str]) -> None:
    state = _state()
    conflict: ConflictError | None = state.pop("conflict", None)
    base = conflict.head if conflict is not None else state["base"]
    try:
        with workspace_store() as store:
            added = add_evidence(store, workspace, choice, base, author())
    except EvidenceError as error:
        state["errors"] = error.errors
        st.rerun()
    except ConflictError as error:
        state["conflict"], state["errors"] = error, {}
        st.rerun()
    voice = choice.new_voice.name if choice.new_voice else names.get(choice.voice_id or "", "")
    what = (
        f"New position of {voice} on “{topic.label}”"
        if added.new_position
        else f"Quote added to {voice}'s position on “{topic.label}” ({added.quotes} quotes)"
    )
    st.session_state["_evidence_saved"] = (
        st_escape(f"{what}, saved as revision {added.revision.number}."),
        topic.id,
    )
    close()
    st.rerun()
