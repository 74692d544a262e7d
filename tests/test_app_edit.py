"""The Edit page (`/edit`) under AppTest on a workspace copy of the second corpus: a topic, a
voice with no camp and a position with evidence chosen as sentences are made and load strictly;
a version conflict between two sessions writes nothing and keeps the typing; a delete of what
is referred to is refused naming it; a refresh keeps the typing; the default corpus is not
edited here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.store import workspaces as store
from perspectives.store.engine import dispose_engines
from perspectives.ui import browserkey
from tests.apptest import open_page

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
WS = "Rent"
TOPIC = {
    "id": "deposits",
    "label": "Deposits",
    "question": "Should deposits be capped?",
    "pole_low": "deposits are the landlord's business",
    "pole_high": "a cap on deposits protects tenants",
}


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PERSPECTIVES_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    url = f"sqlite:///{path.resolve()}"
    with store.workspace_store(url) as ws:
        ws.create_copy(WS, RENT)
    yield url
    dispose_engines()


def key(form: str, field: str) -> str:
    return f"ed-{WS}-{form}-{field}"


def texts(at, kind: str) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", str(element.value)) for element in at.get(kind)]


def run(target):
    """Run the app (`target`: the AppTest, or an element just clicked or set)."""
    at = target.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def fill_topic(at, values=TOPIC):
    for field, value in values.items():
        at.text_input(key=key("topic/new", field)).input(value)
    return run(at)


def corpus(db: str):
    with store.workspace_store(db) as ws:
        return load_corpus(ws.snapshot(WS).files)  # the strict loader


def head(db: str) -> int:
    with store.workspace_store(db) as ws:
        return ws.get(WS).head


def test_the_default_corpus_is_not_edited_here(db):
    at = open_page("edit")
    assert any("copy it to a workspace" in i.lower() for i in texts(at, "info"))
    assert not at.button


def test_create_a_topic_with_its_words_previewed_in_sentences(db):
    at = fill_topic(open_page("edit", ws=WS))
    shown = "\n".join(texts(at, "markdown"))
    assert "From “deposits are the landlord's business” (−2) to" in shown
    assert "A voice at −2 argues for “deposits are the landlord's business”" in shown
    at.button(key=f"ed-save-{WS}-topic/new").click()
    run(at)
    assert any("Added the topic “deposits” (revision 2)" in s for s in texts(at, "success"))
    assert at.selectbox(key=key("choice-topic", "value")).value == "deposits"
    assert at.text_input(key=key("topic/deposits", "id")).disabled
    assert corpus(db).topic("deposits").poles.high == "a cap on deposits protects tenants"


def test_a_bad_field_is_named_under_it_and_nothing_is_saved(db):
    at = fill_topic(open_page("edit", ws=WS), {**TOPIC, "id": "Deposits Cap", "question": ""})
    at.button(key=f"ed-save-{WS}-topic/new").click()
    run(at)
    captions = "\n".join(texts(at, "caption"))
    assert "'deposits-cap'" in captions and "give the question" in captions
    assert head(db) == 1


def test_a_voice_with_no_camp(db):
    at = open_page("edit", ws=WS)
    at.text_input(key=key("voice/new", "id")).input("sam-hart")
    at.text_input(key=key("voice/new", "name")).input("Sam Hart")
    at.multiselect(key=key("voice/new", "documents")).select("lindqvist-2023")
    at.selectbox(key=key("voice/new", "relation")).select("author")
    assert at.selectbox(key=key("voice/new", "camp")).value == ""  # shown as "No camp"
    at.button(key=f"ed-save-{WS}-voice/new").click()
    run(at)
    voice = corpus(db).voice("sam-hart")
    assert voice.camp is None and voice.documents == ("lindqvist-2023",)


def test_a_position_with_evidence_chosen_as_sentences(db):
    at = fill_topic(open_page("edit", ws=WS))
    run(at.button(key=f"ed-save-{WS}-topic/new").click())
    form = "position/new"
    at.selectbox(key=key(form, "voice")).select("jonas-brandt")
    at.selectbox(key=key(form, "topic")).select("deposits")
    at.selectbox(key=key(form, "document")).select("brandt-2022")
    run(at)
    at.select_slider(key=key(form, "stance")).set_value(2)
    at.text_area(key=key(form, "summary")).input("A cap keeps people in their homes.")
    run(at)
    assert any("fully: a cap on deposits protects tenants" in c for c in texts(at, "caption"))
    at.selectbox(key=f"ed-ev-para-{WS}-{form}-brandt-2022").select(5)
    run(at)
    sentences = at.multiselect(key=f"ed-ev-sent-{WS}-{form}-brandt-2022-5-0")
    assert sentences.options[0].startswith("A cap is not a housing policy")
    sentences.select(0)
    run(at.button(key=f"ed-ev-add-{WS}-{form}").click())
    assert any("A cap is not a housing policy" in m for m in texts(at, "markdown"))
    assert at.multiselect(key=f"ed-ev-sent-{WS}-{form}-brandt-2022-5-1").value == []
    run(at.button(key=f"ed-save-{WS}-{form}").click())
    assert any("Added the position jonas-brandt/deposits" in s for s in texts(at, "success")), (
        texts(at, "error"),
        texts(at, "caption"),
        texts(at, "success"),
    )
    position = corpus(db).position("jonas-brandt", "deposits")
    assert position.stance == 2 and position.state == "asserts"
    quote = position.evidence[0]
    assert quote.paragraph == 5 and quote.text.startswith("A cap is not a housing policy")


def test_a_pasted_quote_must_be_in_the_document(db):
    at = open_page("edit", ws=WS)
    form = "position/new"
    at.selectbox(key=key(form, "document")).select("brandt-2022")
    run(at)
    at.text_input(key=f"ed-ev-typed-{WS}-{form}-0").input("families were evicted this winter")
    run(at.button(key=f"ed-ev-add-{WS}-{form}").click())
    assert any("closest passage" in c for c in texts(at, "caption"))


def test_a_conflict_between_two_sessions_writes_nothing_and_keeps_the_typing(db):
    first = fill_topic(open_page("edit", ws=WS))
    second = open_page("edit", ws=WS)
    other = {**TOPIC, "id": "repairs", "label": "Repairs", "question": "Who pays for repairs?"}
    for field, value in other.items():
        second.text_input(key=key("topic/new", field)).input(value)
    run(second.button(key=f"ed-save-{WS}-topic/new").click())
    assert head(db) == 2
    run(first.button(key=f"ed-save-{WS}-topic/new").click())
    warnings = texts(first, "warning")
    assert any("Someone else saved" in w and "topics changed" in w for w in warnings), warnings
    assert first.text_input(key=key("topic/new", "label")).value == "Deposits"
    assert head(db) == 2
    again = next(b for b in first.button if b.label == "Save again on the new revision")
    run(again.click())
    assert head(db) == 3
    assert {"deposits", "repairs"} <= {t.id for t in corpus(db).topics}


def test_deleting_a_referenced_topic_is_refused_naming_what_refers(db):
    at = open_page("edit", ws=WS)
    at.selectbox(key=key("choice-topic", "value")).select("who-benefits")
    run(at)
    run(at.button(key=f"ed-del-{WS}-topic/who-benefits").click())
    errors = texts(at, "error")
    assert any(
        "cannot be deleted" in e and "position adaeze-okafor/who-benefits" in e for e in errors
    )
    assert head(db) == 1


def test_deleting_an_unused_camp(db):
    at = open_page("edit", ws=WS)
    at.text_input(key=key("camp/new", "id")).input("landlords")
    at.text_input(key=key("camp/new", "name")).input("Landlords")
    run(at.button(key=f"ed-save-{WS}-camp/new").click())
    assert at.selectbox(key=key("choice-camp", "value")).value == "landlords"
    run(at.button(key=f"ed-del-{WS}-camp/landlords").click())
    assert "landlords" not in {c.id for c in corpus(db).camps}
    assert head(db) == 3


def test_a_refresh_keeps_the_typing(db, monkeypatch):
    monkeypatch.setattr(browserkey, "cookie_value", lambda: "b" * 32)
    at = open_page("edit", ws=WS)
    at.text_input(key=key("topic/new", "label")).input("Typed before the refresh")
    at.selectbox(key=key("choice-camp", "value")).select("tenant-advocates")
    run(at)
    at.text_input(key=key("camp/tenant-advocates", "name")).input("Renters first")
    run(at)
    refreshed = open_page("edit", ws=WS)  # a new session of the same browser
    assert refreshed.text_input(key=key("topic/new", "label")).value == "Typed before the refresh"
    assert refreshed.selectbox(key=key("choice-camp", "value")).value == "tenant-advocates"
    assert refreshed.text_input(key=key("camp/tenant-advocates", "name")).value == "Renters first"
    assert any("kept from your last visit" in i for i in texts(refreshed, "info"))


def test_a_motion_names_its_side_by_the_topics_pole(db):
    at = open_page("edit", ws=WS)
    form = "motion/new"
    at.text_input(key=key(form, "id")).input("no-caps")
    at.selectbox(key=key(form, "topic")).select("caps-and-supply")
    at.text_input(key=key(form, "text")).input("This House would not cap rents")
    run(at)
    side = at.selectbox(key=key(form, "proposition"))
    assert side.format_func("low") == "−2: “Caps shrink and degrade the rented stock”"
    side.select("low")
    run(at.button(key=f"ed-save-{WS}-{form}").click())
    assert corpus(db).motion("no-caps").topic == "caps-and-supply"


def test_undo_the_last_edit_from_the_edit_page(db):
    at = open_page("edit", ws=WS)
    at.text_input(key=key("camp/new", "id")).input("landlords")
    at.text_input(key=key("camp/new", "name")).input("Landlords")
    run(at.button(key=f"ed-save-{WS}-camp/new").click())
    assert "landlords" in {c.id for c in corpus(db).camps}
    assert any("Last saved: revision 2, “Added camp landlords”" in c for c in texts(at, "caption"))
    run(at.button(key=f"ed-undo-{WS}").click())
    assert "landlords" not in {c.id for c in corpus(db).camps}
    assert head(db) == 3
