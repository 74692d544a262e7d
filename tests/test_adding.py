"""Adding a document to a workspace (perspectives.workspace.adding): the form's values from
the file, their checks in plain words, and the save as one revision against its base."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.store import workspaces as store
from perspectives.store.workspace_model import ConflictError
from perspectives.workspace.adding import (
    FIELDS,
    FormError,
    Pending,
    check_form,
    describe_change,
    existing_texts,
    form_values,
    save_document,
    split_authors,
    taken_ids,
)
from perspectives.workspace.extracted import IngestError
from perspectives.workspace.ingest import ingest_bytes, ingest_text
from perspectives.workspace.metadata import MetadataDraft
from tests.ingest_fixtures import make_docx

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
GOOD = {
    "title": "The Rent Question",
    "authors": "Dana Fields; Writer, Ann",
    "outlet": "The Civic Review",
    "date": "March 2021",
    "date_certainty": "medium",
    "url": "https://example.org/rent",
    "genre": "essay",
    "notes_outlet": "A monthly of city politics.",
    "notes_text": "",
    "doc_id": "fields-2021",
}
TEXT = (
    "The Rent Question\nCaps were introduced in 1987.\nLandlords argued the caps froze repairs.\n"
)


def test_the_form_is_prefilled_from_what_the_file_says():
    ingested = ingest_bytes(make_docx(), "housing.docx")
    values = Pending.from_ingested(ingested).form
    assert set(values) == set(FIELDS)
    assert values["title"] == "Housing and the City"
    assert values["authors"] == "Eli Moss; Fay Lin"
    assert values["date"] == "1 June 2022" and values["date_certainty"] == "low"
    assert values["doc_id"] == "moss-2022"
    taken = Pending.from_ingested(ingested, {"moss-2022"}).form["doc_id"]
    assert taken == "moss-2022-2"


def test_an_unknown_field_is_left_empty_for_the_user():
    values = form_values(MetadataDraft(title="T"), "t")
    assert values["outlet"] == values["date"] == values["date_certainty"] == values["url"] == ""


def test_a_complete_form_gives_the_loaders_metadata():
    doc_id, meta = check_form(GOOD)
    assert doc_id == "fields-2021"
    assert meta.authors == ("Dana Fields", "Writer, Ann")
    assert meta.date == date(2021, 3, 1) and meta.date_label == "March 2021"
    assert meta.date_certainty == "medium"
    assert meta.notes.outlet == "A monthly of city politics." and meta.notes.text == ""


@pytest.mark.parametrize(
    ("typed", "label", "precise"),
    [("2021-03-04", "4 March 2021", 4), ("2021", "2021", 1), ("4 March 2021", "4 March 2021", 4)],
)
def test_a_date_as_precise_as_typed(typed, label, precise):
    meta = check_form({**GOOD, "date": typed})[1]
    assert meta.date_label == label and meta.date.day == precise


def test_every_missing_or_wrong_field_is_named_at_once_in_plain_words():
    bad = {**GOOD, "title": " ", "outlet": "", "genre": "", "date": "last spring"}
    bad |= {"date_certainty": "", "url": "example.org", "doc_id": "Fields 2021"}
    with pytest.raises(FormError) as caught:
        check_form(bad)
    errors = caught.value.errors
    assert set(errors) == {"title", "outlet", "genre", "date", "date_certainty", "url", "doc_id"}
    assert "“last spring” is not a date" in errors["date"]
    assert "https://" in errors["url"]
    assert "lower-case letters" in errors["doc_id"]
    assert "title:" in str(caught.value)


def test_an_id_already_taken_and_overlong_fields_are_refused():
    with pytest.raises(FormError) as caught:
        check_form({**GOOD, "title": "x" * 501}, taken={"fields-2021"})
    assert "already a document 'fields-2021'" in caught.value.errors["doc_id"]
    assert "at most 500 characters" in caught.value.errors["title"]


def test_authors_one_per_line_or_by_semicolons():
    assert split_authors("Ann Writer\n  Ben  Critic ;; Writer, Ann\n") == (
        "Ann Writer",
        "Ben Critic",
        "Writer, Ann",
    )
    assert split_authors("") == ()


def test_a_pending_document_survives_its_draft_and_a_bad_draft_is_none():
    pending = Pending.from_ingested(ingest_text(TEXT, "rent.txt"))
    assert Pending.from_json(pending.to_json()) == pending
    assert pending.paragraphs == 3 and pending.words == 14
    assert Pending.from_json("{not json") is None
    assert Pending.from_json('{"filename": "x"}') is None


def test_existing_texts_and_ids_are_read_from_the_files(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_copy("Rent", RENT)
        files = ws.snapshot("Rent").files
    corpus = load_corpus(RENT)
    assert existing_texts(files) == {d.id: d.text for d in corpus.documents}
    assert taken_ids(files) == {d.id for d in corpus.documents}


def test_save_writes_one_revision_the_loader_reads_back(store_url):
    pending = Pending.from_ingested(ingest_text(TEXT, "rent.txt"))
    with store.workspace_store(store_url) as ws:
        ws.create_empty("Mine")
        revision = save_document(ws, "Mine", pending, GOOD, base=1, author="test")
        assert revision.number == 2
        assert [str(c) for c in revision.changes] == ["documents/fields-2021.md added"]
        document = ws.corpus("Mine").document("fields-2021")
    assert document.text == pending.text
    assert [p.text for p in document.paragraphs] == [
        "The Rent Question",
        "Caps were introduced in 1987.",
        "Landlords argued the caps froze repairs.",
    ]
    assert document.outlet == "The Civic Review" and document.url == "https://example.org/rent"


def test_save_refuses_a_duplicate_added_meanwhile_and_a_stale_base(store_url):
    pending = Pending.from_ingested(ingest_text(TEXT, "rent.txt"))
    with store.workspace_store(store_url) as ws:
        ws.create_empty("Mine")
        save_document(ws, "Mine", pending, GOOD, base=1)
        # the same text again, under another id, on the new head: a duplicate
        with pytest.raises(IngestError, match="rent.txt: the same text is already"):
            save_document(ws, "Mine", pending, {**GOOD, "doc_id": "other"}, base=2)
        # another text on the old base: a conflict naming what changed, nothing written
        other = Pending.from_ingested(ingest_text("Another text entirely.", "b.txt"))
        with pytest.raises(ConflictError) as caught:
            save_document(ws, "Mine", other, {**GOOD, "doc_id": "other"}, base=1)
        assert [str(c) for c in caught.value.changes] == ["documents/fields-2021.md added"]
        assert ws.get("Mine").head == 2
        # the same id as a document added meanwhile is a form error, on the new base
        with pytest.raises(FormError, match="already a document 'fields-2021'"):
            save_document(ws, "Mine", other, GOOD, base=2)
        assert save_document(ws, "Mine", other, {**GOOD, "doc_id": "other"}, base=2).number == 3


def test_changes_in_words():
    assert describe_change("documents/fields-2021.md", "added") == "document fields-2021 added"
    assert describe_change("analysis/topics.yaml", "changed") == "topics changed"
    assert describe_change("corpus.yaml", "changed") == "the corpus' name and sides changed"
    assert describe_change("analysis/positions/x.yaml", "deleted") == "positions/x deleted"


def test_control_characters_typed_or_pasted_into_the_form_are_dropped(store_url):
    """The loader refuses a control character in front matter, so one pasted into the form
    (a PDF copy brings U+000C) would save a document the workspace cannot load."""
    awkward = {
        **GOOD,
        "title": "The\x0c Rent\x01 Question\ufffe",
        "authors": "Dana\x00 Fields; Writer,\x7f Ann",
        "notes_text": "Copied\x1b from a PDF.\x85",
    }
    pending = Pending.from_ingested(ingest_text(TEXT, "rent.txt"))
    with store.workspace_store(store_url) as ws:
        ws.create_empty("Mine")
        save_document(ws, "Mine", pending, awkward, base=1)
        document = ws.corpus("Mine").document("fields-2021")  # raises if the loader refused it
    assert document.title == "The Rent Question"
    assert document.authors == ("Dana Fields", "Writer, Ann")
    assert document.notes.text == "Copied from a PDF."
