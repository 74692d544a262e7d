"""The editors' logic (perspectives/workspace/editing.py, position_editing.py) on the second
corpus: each edit gives files the strict loader accepts, a bad field is named, a referenced
entry cannot be deleted, and a save on an old revision writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.files import FolderFiles, MemoryFiles
from perspectives.store.workspace_files import STANDARD_FOLDERS, collect_files
from perspectives.store.workspaces import ConflictError, workspace_store
from perspectives.workspace import editing
from perspectives.workspace import position_editing as pe
from perspectives.workspace.adding import existing_texts
from perspectives.workspace.editing import EditError, applied, check_result

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
TOPIC = {
    "id": "deposits",
    "label": "Deposits",
    "question": "Should deposits be capped?",
    "description": "How much a landlord may ask up front.",
    "pole_low": "deposits are the landlord's business",
    "pole_high": "a cap on deposits protects tenants",
}


@pytest.fixture
def files() -> MemoryFiles:
    return MemoryFiles(collect_files(FolderFiles(RENT)), "rent", frozenset(STANDARD_FOLDERS))


def loaded(files: MemoryFiles, changes):
    check_result(files, changes)
    return load_corpus(applied(files, changes))


def test_a_new_topic_is_added_and_loads(files):
    corpus = loaded(files, editing.put_entry(files, "topic", TOPIC, None))
    topic = corpus.topic("deposits")
    assert topic.poles.high == "a cap on deposits protects tenants"
    assert topic.description == "How much a landlord may ask up front."
    assert len(corpus.topics) == 4


def test_a_topic_edit_keeps_its_id_and_changes_its_words(files):
    values = editing.form_of("topic", editing.read_list(files, "topic")[0])
    values["question"] = "Do caps shrink supply?"
    corpus = loaded(files, editing.put_entry(files, "topic", values, "caps-and-supply"))
    assert corpus.topic("caps-and-supply").question == "Do caps shrink supply?"
    values["id"] = "renamed"
    with pytest.raises(EditError) as error:
        editing.put_entry(files, "topic", values, "caps-and-supply")
    assert "fixed once made" in error.value.errors["id"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"id": "Deposits Cap"}, "id", "'deposits-cap'"),
        ({"id": "caps-and-supply"}, "id", "already a topic"),
        ({"question": "  "}, "question", "give the question"),
        ({"pole_low": ""}, "pole_low", "low pole"),
    ],
)
def test_a_bad_topic_field_is_named(files, change, field, words):
    with pytest.raises(EditError) as error:
        editing.put_entry(files, "topic", {**TOPIC, **change}, None)
    assert words in error.value.errors[field]


def test_a_camp_colour_is_checked_by_the_loaders_rule(files):
    camp = {"id": "landlords", "name": "Landlords", "colour": "blue"}
    with pytest.raises(EditError) as error:
        editing.put_entry(files, "camp", camp, None)
    assert "is not a colour" in error.value.errors["colour"]
    corpus = loaded(files, editing.put_entry(files, "camp", {**camp, "colour": "#E69F00"}, None))
    assert corpus.camp("landlords").colour == "#E69F00"


def test_a_voice_with_no_camp_and_aliases(files):
    voice = {
        "id": "sam-hart",
        "name": "Sam Hart",
        "camp": "",
        "documents": "brandt-2022",
        "relation": "author",
        "aliases": "Hart; S. Hart",
    }
    corpus = loaded(files, editing.put_entry(files, "voice", voice, None))
    made = corpus.voice("sam-hart")
    assert made.camp is None and made.aliases == ("Hart", "S. Hart")
    assert made.documents == ("brandt-2022",)


def test_a_voice_the_document_does_not_name_is_refused_by_the_loader(files):
    voice = {"id": "nobody", "name": "Nobody Atall", "documents": "brandt-2022"}
    changes = editing.put_entry(files, "voice", {**voice, "relation": "quoted"}, None)
    with pytest.raises(EditError) as error:
        check_result(files, changes)
    assert "Nobody Atall" in error.value.errors[""] or "nobody" in error.value.errors[""]
    with pytest.raises(EditError) as error:
        editing.put_entry(files, "voice", {**voice, "relation": "friend"}, None)
    assert "author, excerpted or quoted" in error.value.errors["relation"]


@pytest.mark.parametrize(
    ("kind", "entry_id", "named"),
    [
        ("topic", "who-benefits", "position adaeze-okafor/who-benefits"),
        ("topic", "caps-and-supply", "event "),
        ("topic", "what-to-do", "motion cap-increases"),
        ("camp", "tenant-advocates", "voice marta-silva"),
        ("voice", "adaeze-okafor", "claim "),
    ],
)
def test_deleting_what_is_referred_to_is_refused_naming_it(files, kind, entry_id, named):
    with pytest.raises(EditError) as error:
        editing.delete_entry(files, kind, entry_id)
    assert named in error.value.errors[""] and "cannot be deleted" in error.value.errors[""]


def test_deleting_an_unused_entry(files):
    changes = editing.put_entry(files, "topic", TOPIC, None)
    added = applied(files, changes)
    corpus = loaded(added, editing.delete_entry(added, "topic", "deposits"))
    assert [t.id for t in corpus.topics] == ["caps-and-supply", "who-benefits", "what-to-do"]


def test_the_orientation_is_edited_and_checked(files):
    values = editing.orientation_form(files)
    assert values["low_id"] == "market"
    values["high_label"] = "Protect tenants first"
    corpus = loaded(files, editing.set_orientation(files, values))
    assert corpus.orientation.high.label == "Protect tenants first"
    assert corpus.name.startswith("Rent control")
    with pytest.raises(EditError) as error:
        editing.set_orientation(files, {**values, "high_id": "market"})
    assert "different ids" in error.value.errors["high_id"]


def text_of(files, doc):
    return existing_texts(files)[doc]


def test_a_position_from_chosen_sentences(files):
    text = text_of(files, "brandt-2022")
    paragraph = 5  # "A cap is not a housing policy on its own; it is a brake ..."
    assert pe.sentences_of(text, paragraph)[0].startswith("A cap is not a housing policy")
    quote = pe.quote_from_sentences(text, paragraph, [0])
    assert text[quote.start : quote.end] == quote.text
    topic = loaded(files, editing.put_entry(files, "topic", TOPIC, None))
    assert topic.topic("deposits")
    with_topic = applied(files, editing.put_entry(files, "topic", TOPIC, None))
    form = pe.PositionForm(
        "jonas-brandt", "deposits", "brandt-2022", "asserts", 1, "A brake.", "", (), (quote.text,)
    )
    corpus = loaded(with_topic, pe.put_position(with_topic, form, None))
    position = corpus.position("jonas-brandt", "deposits")
    assert position.stance == 1
    assert (position.evidence[0].start, position.evidence[0].end) == (quote.start, quote.end)


def test_a_typed_quote_must_be_verbatim(files):
    text = text_of(files, "brandt-2022")
    quote = pe.quote_from_typed(text, "families are  evicted this winter")
    assert quote.text == "families are evicted this winter" and quote.paragraph == 4
    with pytest.raises(EditError) as error:
        pe.quote_from_typed(text, "families were evicted this winter")
    assert "closest passage" in error.value.errors["evidence"]
    with pytest.raises(EditError) as error:
        pe.quote_from_sentences(text, 5, [0, 2])
    assert "follow each other" in error.value.errors["evidence"]


def test_a_position_for_a_new_document_of_the_voice_and_the_rules(files):
    text = text_of(files, "okafor-2021")
    quote = pe.quote_from_sentences(text, 3, [0]).text
    form = pe.PositionForm(
        "jonas-brandt", "who-benefits", "okafor-2021", "asserts", 2, "S.", "value", (), (quote,)
    )
    corpus = loaded(files, pe.put_position(files, form, None))  # the voice gains the document
    assert corpus.voice("jonas-brandt").documents == ("brandt-2022", "okafor-2021")
    assert corpus.position("jonas-brandt", "who-benefits").evidence[0].document_id == "okafor-2021"
    taken = pe.PositionForm(**{**form.__dict__, "topic": "caps-and-supply"})
    with pytest.raises(EditError) as error:  # Brandt already has a position on it
        pe.put_position(files, taken, None)
    assert "already has a position" in error.value.errors["topic"]
    bad = pe.PositionForm("jonas-brandt", "caps-and-supply", "okafor-2021", "mentions", 2, "", "")
    with pytest.raises(EditError) as error:
        pe.put_position(files, bad, None)
    assert set(error.value.errors) == {"stance", "summary", "evidence", "topic"}


def test_editing_and_deleting_a_position(files):
    form = pe.position_form(files, "ella-lindqvist/who-benefits")
    assert form is not None and form.evidence
    changed = pe.PositionForm(**{**form.__dict__, "stance": None, "state": "mentions"})
    corpus = loaded(files, pe.put_position(files, changed, form.id))
    assert corpus.position(form.voice, form.topic).stance is None
    with pytest.raises(EditError) as error:
        pe.delete_position(files, "adaeze-okafor/caps-and-supply")
    assert "position jonas-brandt/caps-and-supply (it answers it)" in error.value.errors[""]
    corpus = loaded(files, pe.delete_position(files, "ella-lindqvist/who-benefits"))
    assert "ella-lindqvist/who-benefits" not in {p.id for p in corpus.positions}


def test_a_save_on_an_old_revision_writes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'ws.db'}"
    with workspace_store(url) as store:
        store.create_copy("Rent", RENT)
        snap = store.snapshot("Rent")
        editing.save_edit(
            store, "Rent", editing.put_entry(snap.files, "topic", TOPIC, None), 1, "Topic"
        )
        other = {**TOPIC, "id": "repairs", "label": "Repairs"}
        with pytest.raises(ConflictError):
            editing.save_edit(
                store, "Rent", editing.put_entry(snap.files, "topic", other, None), 1, "T"
            )
        assert store.get("Rent").head == 2
        assert {t.id for t in store.corpus("Rent").topics} >= {"deposits"}
        assert "repairs" not in {t.id for t in store.corpus("Rent").topics}


def test_a_position_answers_only_existing_positions(files):
    form = pe.position_form(files, "ella-lindqvist/caps-and-supply")
    assert form is not None
    answering = pe.PositionForm(**{**form.__dict__, "answers": ("adaeze-okafor/caps-and-supply",)})
    corpus = loaded(files, pe.put_position(files, answering, form.id))
    assert corpus.position("ella-lindqvist", "caps-and-supply").answers == (
        "adaeze-okafor/caps-and-supply",
    )
    wrong = pe.PositionForm(**{**form.__dict__, "answers": ("nobody/caps-and-supply",)})
    with pytest.raises(EditError) as error:
        pe.put_position(files, wrong, form.id)
    assert "not another position" in error.value.errors["answers"]


def test_a_dispute_survives_an_edit_and_blocks_a_delete(files):
    """`contests` (issue 9): set in the editor, kept when the position is edited again, checked
    like `answers`, and a disputed position cannot be deleted from under it."""
    form = pe.position_form(files, "ella-lindqvist/caps-and-supply")
    assert form is not None and form.contests == ()
    disputing = pe.PositionForm(**{**form.__dict__, "contests": ("adaeze-okafor/caps-and-supply",)})
    changes = pe.put_position(files, disputing, form.id)
    corpus = loaded(files, changes)
    assert corpus.position("ella-lindqvist", "caps-and-supply").contests == (
        "adaeze-okafor/caps-and-supply",
    )
    edited = applied(files, changes)
    again = pe.position_form(edited, "ella-lindqvist/caps-and-supply")
    assert again is not None and again.contests == ("adaeze-okafor/caps-and-supply",)
    summary_only = pe.PositionForm(**{**again.__dict__, "summary": "Caps cut supply, she finds."})
    corpus = loaded(edited, pe.put_position(edited, summary_only, again.id))
    assert corpus.position("ella-lindqvist", "caps-and-supply").contests == (
        "adaeze-okafor/caps-and-supply",
    )
    with pytest.raises(EditError) as error:
        pe.delete_position(edited, "adaeze-okafor/caps-and-supply")
    assert "ella-lindqvist/caps-and-supply (it disputes it)" in error.value.errors[""]
    wrong = pe.PositionForm(**{**form.__dict__, "contests": ("nobody/caps-and-supply",)})
    with pytest.raises(EditError) as error:
        pe.put_position(files, wrong, form.id)
    assert "not another position" in error.value.errors["contests"]


def test_a_motion_on_an_existing_topic(files):
    motion = {
        "id": "no-caps",
        "topic": "caps-and-supply",
        "text": "This House would not cap rents",
        "proposition": "low",
    }
    corpus = loaded(files, editing.put_entry(files, "motion", motion, None))
    assert corpus.motion("no-caps").proposition == "low"
    with pytest.raises(EditError) as error:
        editing.put_entry(files, "motion", {**motion, "topic": "nothing"}, None)
    assert "no topic 'nothing'" in error.value.errors["topic"]
    with pytest.raises(EditError) as error:
        editing.put_entry(files, "motion", {**motion, "proposition": "proposition"}, None)
    assert "proposition" in error.value.errors


def test_entries_in_a_list_folder_are_edited_in_their_own_file(files):
    """A voices list split into analysis/voices/*.yaml: an edit or a delete changes the file
    that holds the entry; a new entry goes to analysis/voices.yaml beside the folder."""
    voices = editing.read_list(files, "voice")
    split = dict(files.files)
    split.pop("analysis/voices.yaml")
    split["analysis/voices/a.yaml"] = editing.dump(voices[:1])
    split["analysis/voices/b.yaml"] = editing.dump(voices[1:])
    folder = MemoryFiles(split, "rent", frozenset(STANDARD_FOLDERS))
    assert editing.read_list(folder, "voice") == voices
    values = editing.form_of("voice", voices[-1])
    values["role"] = "a new role"
    changes = editing.put_entry(folder, "voice", values, voices[-1]["id"])
    assert set(changes) == {"analysis/voices/b.yaml"}
    assert loaded(folder, changes).voice(voices[-1]["id"]).role == "a new role"
    new = {**editing.form_of("voice", voices[0]), "id": "new-voice", "name": "New Voice"}
    assert set(editing.put_entry(folder, "voice", new, None)) == {"analysis/voices.yaml"}
    with pytest.raises(EditError) as error:
        editing.delete_entry(folder, "voice", voices[0]["id"])
    assert "cannot be deleted" in error.value.errors[""]
