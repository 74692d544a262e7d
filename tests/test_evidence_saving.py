"""Using a passage as evidence (perspectives.workspace.evidence): the quote added to a voice's
position, or a new position (and voice), saved as one revision that the strict loader reads
back with the quote at its offsets; refusals write nothing and say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.store import workspaces as store
from perspectives.store.workspace_model import ConflictError
from perspectives.workspace.adding import Pending, save_document
from perspectives.workspace.evidence import (
    EvidenceChoice,
    EvidenceError,
    NewVoice,
    add_evidence,
)
from perspectives.workspace.ingest import ingest_text
from perspectives.workspace.quoting import quote_for

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
NEW_TEXT = (
    "Rents and the tram line\n"
    "By Dana Fields\n"
    "Since the tram opened, rents along the line have doubled. "
    "Families who rented there for decades are leaving for the suburbs.\n"
    "A cap on yearly increases would let them stay while the city builds.\n"
)
FORM = {
    "title": "Rents and the tram line",
    "authors": "Dana Fields",
    "outlet": "The Civic Review",
    "date": "2024",
    "date_certainty": "high",
    "url": "",
    "genre": "essay",
    "notes_outlet": "",
    "notes_text": "",
    "doc_id": "fields-2024",
}


@pytest.fixture
def rent(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_copy("Rent", RENT)
        yield ws


def quote_in(ws, doc_id: str, paragraph: int, sentence: int = 0):
    text = ws.corpus("Rent").document(doc_id).text
    return quote_for(text, paragraph, (sentence, sentence))


def test_a_quote_is_added_to_the_voices_position_on_the_topic(rent):
    quote = quote_in(rent, "okafor-2021", 5)  # "But a cap does nothing ..."
    choice = EvidenceChoice("okafor-2021", "what-to-do", quote, voice_id="adaeze-okafor")
    added = add_evidence(rent, "Rent", choice, base=1, author="test")
    assert (added.position_id, added.new_position, added.new_voice) == (
        "adaeze-okafor/what-to-do",
        False,
        False,
    )
    assert added.quotes == 2 and added.revision.number == 2
    assert [str(c) for c in added.revision.changes] == [
        "analysis/positions/okafor-2021.yaml changed"
    ]
    position = rent.corpus("Rent").position_by_id("adaeze-okafor/what-to-do")
    assert position.stance == -2  # the position's own stance is kept
    last = position.evidence[-1]
    assert (last.start, last.end, last.text) == (quote.start, quote.end, quote.text)


def test_a_new_position_of_a_voice_with_the_users_stance(rent):
    document = rent.corpus("Rent").document("brandt-2022")
    quote = quote_for(document.text, 3, (0, 0))
    choice = EvidenceChoice(
        "brandt-2022",
        "who-benefits",
        quote,
        voice_id="jonas-brandt",
        stance=1,
        state="mixed",
        summary="Brandt says the cap keeps long-standing tenants in their homes.",
    )
    added = add_evidence(rent, "Rent", choice, base=1)
    assert added.new_position and added.quotes == 1
    position = rent.corpus("Rent").position_by_id("jonas-brandt/who-benefits")
    assert (position.stance, position.state, position.document) == (1, "mixed", "brandt-2022")
    assert position.evidence[0].start == quote.start


def test_a_new_document_and_a_new_voice_from_its_author(rent):
    pending = Pending.from_ingested(ingest_text(NEW_TEXT, "tram.txt"))
    save_document(rent, "Rent", pending, FORM, base=1)
    quote = quote_in(rent, "fields-2024", 3, 1)  # "Families who rented there ..."
    choice = EvidenceChoice(
        "fields-2024",
        "who-benefits",
        quote,
        new_voice=NewVoice("Dana Fields", "author", camp="tenant-advocates", role="Journalist"),
        stance=2,
        state="asserts",
        summary="Fields sees long-standing families pushed out by rising rents.",
    )
    added = add_evidence(rent, "Rent", choice, base=2)
    assert (added.position_id, added.new_position, added.new_voice) == (
        "dana-fields/who-benefits",
        True,
        True,
    )
    assert sorted(str(c) for c in added.revision.changes) == [
        "analysis/positions/fields-2024.yaml added",
        "analysis/voices.yaml changed",
    ]
    corpus = rent.corpus("Rent")  # the strict loader
    voice = corpus.voice("dana-fields")
    assert (voice.camp, voice.documents, voice.relation, voice.role) == (
        "tenant-advocates",
        ("fields-2024",),
        "author",
        "Journalist",
    )
    assert corpus.position_by_id("dana-fields/who-benefits").evidence[0].text == quote.text
    # a second quote for the same voice and topic goes to the same position
    second = quote_in(rent, "fields-2024", 4)
    more = add_evidence(
        rent,
        "Rent",
        EvidenceChoice("fields-2024", "who-benefits", second, voice_id="dana-fields"),
        base=3,
    )
    assert (more.new_position, more.quotes) == (False, 2)


def test_an_existing_voice_gets_the_document_added_to_its_list(rent):
    quote = quote_in(rent, "lindqvist-2023", 3)
    choice = EvidenceChoice(
        "lindqvist-2023",
        "who-benefits",
        quote,
        voice_id="jonas-brandt",
        stance=2,
        state="asserts",
        summary="A summary in our words.",
    )
    add_evidence(rent, "Rent", choice, base=1)
    assert rent.corpus("Rent").voice("jonas-brandt").documents == ("brandt-2022", "lindqvist-2023")


def refused(ws, choice, base=1, field=None, match=""):
    head = ws.get("Rent").head
    with pytest.raises(EvidenceError) as caught:
        add_evidence(ws, "Rent", choice, base=base)
    assert ws.get("Rent").head == head  # nothing written
    if field:
        assert field in caught.value.errors, caught.value.errors
        assert match in caught.value.errors[field], caught.value.errors
    return caught.value.errors


def test_refusals_name_the_field_and_write_nothing(rent):
    brandt = rent.corpus("Rent").document("brandt-2022")
    quote = quote_for(brandt.text, 3, (0, 0))
    new = EvidenceChoice("brandt-2022", "who-benefits", quote, voice_id="jonas-brandt")
    errors = refused(rent, new)
    assert set(errors) == {"stance", "summary"}
    refused(
        rent,
        EvidenceChoice(
            "brandt-2022",
            "who-benefits",
            quote,
            voice_id="jonas-brandt",
            state="mentions",
            stance=1,
            summary="x",
        ),
        field="stance",
        match="takes no place on its axis",
    )
    refused(rent, EvidenceChoice("brandt-2022", "who-benefits", quote), field="voice")
    # the voice's position on the topic is in another document
    refused(
        rent,
        EvidenceChoice("brandt-2022", "caps-and-supply", quote, voice_id="adaeze-okafor"),
        field="voice",
        match="rests on document 'okafor-2021'",
    )


def test_a_fourth_quote_and_a_repeated_quote_are_refused(rent):
    for sentence_paragraph in (3, 4):
        add_evidence(
            rent,
            "Rent",
            EvidenceChoice(
                "okafor-2021",
                "what-to-do",
                quote_in(rent, "okafor-2021", sentence_paragraph),
                voice_id="adaeze-okafor",
            ),
            base=rent.get("Rent").head,
        )
    head = rent.get("Rent").head
    again = quote_in(rent, "okafor-2021", 3)
    refused(
        rent,
        EvidenceChoice("okafor-2021", "what-to-do", again, voice_id="adaeze-okafor"),
        base=head,
        field="quote",
        match="already evidence",
    )
    fourth = quote_in(rent, "okafor-2021", 5)
    refused(
        rent,
        EvidenceChoice("okafor-2021", "what-to-do", fourth, voice_id="adaeze-okafor"),
        base=head,
        field="quote",
        match="3 quotes",
    )


def test_what_the_loader_refuses_is_not_written(rent):
    """A quoted voice must be named in its document: the strict loader says no, so nothing is
    saved and the loader's message is passed on."""
    quote = quote_in(rent, "okafor-2021", 5)
    errors = refused(
        rent,
        EvidenceChoice(
            "okafor-2021",
            "who-benefits",
            quote,
            new_voice=NewVoice("Somebody Unnamed", "quoted"),
            stance=0,
            state="mixed",
            summary="Not in the text.",
        ),
        field="corpus",
    )
    assert "voices.yaml" in errors["corpus"]


def test_a_stale_base_is_a_conflict_and_writes_nothing(rent):
    quote = quote_in(rent, "okafor-2021", 5)
    choice = EvidenceChoice("okafor-2021", "what-to-do", quote, voice_id="adaeze-okafor")
    add_evidence(rent, "Rent", choice, base=1)
    other = EvidenceChoice(
        "okafor-2021",
        "caps-and-supply",
        quote_in(rent, "okafor-2021", 10),
        voice_id="adaeze-okafor",
    )
    with pytest.raises(ConflictError) as caught:
        add_evidence(rent, "Rent", other, base=1)
    assert [str(c) for c in caught.value.changes] == ["analysis/positions/okafor-2021.yaml changed"]
    assert rent.get("Rent").head == 2
