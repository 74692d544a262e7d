""" "Use as evidence" on the Find passages page, in a workspace, under AppTest: a quote added to
a voice's position, a new position with the stance the user chose, a new voice from a new
document's author, the checks named under the form, and the version conflict between two
sessions (nothing written, the choices kept, saved again on the new revision)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.store import workspaces as store
from perspectives.store.engine import dispose_engines
from perspectives.workspace.adding import Pending, save_document
from perspectives.workspace.evidence import EvidenceChoice, add_evidence
from perspectives.workspace.ingest import ingest_text
from perspectives.workspace.quoting import quote_for
from perspectives.workspace.suggest.passages import find_passages
from tests.apptest import open_page

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"


@pytest.fixture
def ws(tmp_path, monkeypatch) -> str:
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PERSPECTIVES_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    url = f"sqlite:///{path.resolve()}"
    with store.workspace_store(url) as workspaces:
        workspaces.create_copy("Rent", RENT)
    yield url
    dispose_engines()


def texts(at, kind: str) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", str(element.value)) for element in at.get(kind)]


def corpus_of(url: str):
    with store.workspace_store(url) as workspaces:
        return workspaces.corpus("Rent"), workspaces.get("Rent").head


def fresh_passage(url: str, doc_id: str, topic_id: str):
    """A suggested passage whose quote is not evidence yet."""
    corpus, _ = corpus_of(url)
    quoted = {e.text for p in corpus.positions for e in p.evidence}
    found = find_passages(corpus, doc_id, topic_id, 20)
    return next(p for p in found.passages if p.quote.text not in quoted and not p.quoted_by)


def open_form(doc_id: str, topic_id: str, number: int):
    at = open_page("passages", ws="Rent", topic=topic_id, doc=doc_id, n="20")
    at.button(key=f"evidence-{number}-use").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert has_button(at, f"evidence-{number}-save")
    return at


def has_button(at, key: str) -> bool:
    return any(b.key == key for b in at.button)


def save(at, number: int):
    at.button(key=f"evidence-{number}-save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_quote_goes_to_the_voices_position_in_this_document(ws):
    passage = fresh_passage(ws, "okafor-2021", "what-to-do")
    at = open_form("okafor-2021", "what-to-do", passage.number)
    assert at.selectbox(key=f"evidence-{passage.number}-voice").value == "adaeze-okafor"
    assert any("Adds this quote to Adaeze Okafor's position" in c for c in texts(at, "caption"))
    assert not at.get("text_area")  # no summary asked: the position exists
    save(at, passage.number)
    assert any("Quote added to Adaeze Okafor's position" in s for s in texts(at, "success"))
    compare = [link for link in at.get("page_link") if link.proto.label == "See it on Compare"]
    assert compare and "topic=what-to-do" in compare[0].proto.query_string
    corpus, head = corpus_of(ws)
    evidence = corpus.position_by_id("adaeze-okafor/what-to-do").evidence
    assert head == 2 and (evidence[-1].start, evidence[-1].end) == (
        passage.quote.start,
        passage.quote.end,
    )
    assert not has_button(at, f"evidence-{passage.number}-save")  # the form is closed


def test_a_new_position_needs_the_users_stance_and_summary(ws):
    passage = fresh_passage(ws, "brandt-2022", "who-benefits")
    number = passage.number
    at = open_form("brandt-2022", "who-benefits", number)
    at.selectbox(key=f"evidence-{number}-voice").select("jonas-brandt").run()
    stance = at.selectbox(key=f"evidence-{number}-stance")
    assert stance.value is None  # the hint is shown, never chosen for the user
    if passage.hint is not None:
        assert "the hint says" in stance.placeholder
    save(at, number)
    assert any("place the voice on the topic's axis" in c for c in texts(at, "caption"))
    assert any("in your own words" in c for c in texts(at, "caption"))
    assert corpus_of(ws)[1] == 1  # nothing written
    at.selectbox(key=f"evidence-{number}-stance").select(1).run()
    at.radio(key=f"evidence-{number}-state").set_value("mixed").run()
    at.text_area(key=f"evidence-{number}-summary").input("Brandt sees sitting tenants kept.")
    save(at, number)
    assert any("New position of Jonas Brandt" in s for s in texts(at, "success"))
    position = corpus_of(ws)[0].position_by_id("jonas-brandt/who-benefits")
    assert (position.stance, position.state) == (1, "mixed")
    assert position.evidence[0].text == passage.quote.text


def test_a_new_voice_from_a_new_documents_author(ws):
    text = (
        "Rents and the tram line\nBy Dana Fields\n"
        "Since the tram opened, rents along the line have doubled and families are leaving.\n"
        "A cap on yearly increases would let sitting tenants stay while the city builds.\n"
    )
    form = {
        "title": "Rents and the tram line",
        "authors": "Dana Fields",
        "outlet": "The Civic Review",
        "date": "2024",
        "date_certainty": "high",
        "genre": "essay",
        "doc_id": "fields-2024",
    }
    with store.workspace_store(ws) as workspaces:
        save_document(
            workspaces, "Rent", Pending.from_ingested(ingest_text(text, "t.txt")), form, 1
        )
    corpus, _ = corpus_of(ws)
    number = find_passages(corpus, "fields-2024", "who-benefits", 1).passages[0].number
    at = open_form("fields-2024", "who-benefits", number)
    assert at.selectbox(key=f"evidence-{number}-voice").value == "+new"  # no voice here yet
    assert at.text_input(key=f"evidence-{number}-name").value == "Dana Fields"
    at.selectbox(key=f"evidence-{number}-camp").select("tenant-advocates").run()
    at.selectbox(key=f"evidence-{number}-stance").select(2).run()
    at.text_area(key=f"evidence-{number}-summary").input("Fields wants a cap.")
    save(at, number)
    assert any("New position of Dana Fields" in s for s in texts(at, "success"))
    corpus, head = corpus_of(ws)
    assert head == 3 and corpus.voice("dana-fields").camp == "tenant-advocates"
    assert corpus.position_by_id("dana-fields/who-benefits").stance == 2


def test_a_position_resting_on_another_document_cannot_take_the_quote(ws):
    passage = fresh_passage(ws, "lindqvist-2023", "caps-and-supply")
    at = open_form("lindqvist-2023", "caps-and-supply", passage.number)
    at.selectbox(key=f"evidence-{passage.number}-voice").select("adaeze-okafor").run()
    assert any("a position quotes one document only" in w for w in texts(at, "warning"))
    assert at.button(key=f"evidence-{passage.number}-save").disabled


def test_someone_saving_meanwhile_is_a_conflict_that_keeps_the_choices(ws):
    passage = fresh_passage(ws, "brandt-2022", "who-benefits")
    number = passage.number
    at = open_form("brandt-2022", "who-benefits", number)
    at.selectbox(key=f"evidence-{number}-voice").select("jonas-brandt").run()
    at.selectbox(key=f"evidence-{number}-stance").select(2).run()
    at.text_area(key=f"evidence-{number}-summary").input("Keeps tenants in their homes.")
    with store.workspace_store(ws) as workspaces:  # another session adds a quote meanwhile
        text = workspaces.corpus("Rent").document("okafor-2021").text
        other = EvidenceChoice(
            "okafor-2021", "what-to-do", quote_for(text, 4, (0, 0)), voice_id="adaeze-okafor"
        )
        add_evidence(workspaces, "Rent", other, base=1)
    save(at, number)
    warning = next(w for w in texts(at, "warning") if "Someone else saved" in w)
    assert "revision 1 → 2" in warning and "positions/okafor-2021 changed" in warning
    assert corpus_of(ws)[1] == 2  # nothing of this session written
    assert at.text_area(key=f"evidence-{number}-summary").value == "Keeps tenants in their homes."
    assert at.button(key=f"evidence-{number}-save").label == "Save again on the new revision"
    save(at, number)
    corpus, head = corpus_of(ws)
    assert head == 3 and corpus.position_by_id("jonas-brandt/who-benefits").stance == 2
    assert len(corpus.position_by_id("adaeze-okafor/what-to-do").evidence) == 2  # theirs kept


def test_an_empty_workspace_says_what_to_add_first_and_where(ws):
    with store.workspace_store(ws) as workspaces:
        workspaces.create_empty("Blank")
    at = open_page("passages", ws="Blank")
    assert any("no topics yet" in i for i in texts(at, "info"))
    link = next(x.proto for x in at.get("page_link") if x.proto.label.startswith("Add a topic"))
    assert link.page.endswith("edit") and "ws=Blank" in link.query_string
