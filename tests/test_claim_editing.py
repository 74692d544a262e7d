"""Claims edited on the second corpus: a new claim quoting a chosen sentence loads strictly;
each field is checked; a claim kept in a claims folder stays there, and a new one goes there."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.files import FolderFiles, MemoryFiles
from perspectives.store.workspace_files import STANDARD_FOLDERS, collect_files
from perspectives.workspace import claim_editing as ce
from perspectives.workspace import position_editing as pe
from perspectives.workspace.adding import existing_texts
from perspectives.workspace.editing import EditError, applied, check_result

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"


@pytest.fixture
def files() -> MemoryFiles:
    return MemoryFiles(collect_files(FolderFiles(RENT)), "rent", frozenset(STANDARD_FOLDERS))


def claim(files, **change):
    text = existing_texts(files)["brandt-2022"]
    values = {
        "id": "rent-rise",
        "document": "brandt-2022",
        "quote": pe.quote_from_typed(text, "whose rent rose by 40 percent in one year").text,
        "figure": "40 percent",
        "about": "a family's rent rise in one year",
        "attributed_to": "Jonas Brandt",
        "source_kind": "author",
        "voice": "jonas-brandt",
        "topics": ["who-benefits"],
    }
    return {**values, **change}


def test_a_new_claim_loads(files):
    changes = ce.put_claim(files, claim(files), None)
    assert list(changes) == ["analysis/claims.yaml"]
    check_result(files, changes)
    made = load_corpus(applied(files, changes)).claims
    found = next(c for c in made if c.id == "rent-rise")
    assert found.quote.text == "whose rent rose by 40 percent in one year"
    assert found.topics == ("who-benefits",)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"quote": "whose rent fell"}, "quote", "not in the document"),
        ({"figure": ""}, "figure", "number or fact"),
        ({"source_kind": "rumour"}, "source_kind", ""),
        ({"voice": "nobody"}, "voice", "no voice 'nobody'"),
        ({"topics": ["nothing"]}, "topics", "no such topic: nothing"),
    ],
)
def test_a_bad_claim_field_is_named(files, change, field, words):
    with pytest.raises(EditError) as error:
        ce.put_claim(files, claim(files, **change), None)
    assert words in error.value.errors[field]


def test_claims_kept_in_a_folder_stay_there_and_can_be_deleted(files):
    moved = dict(files.files)
    moved["analysis/claims/okafor-2021.yaml"] = moved.pop("analysis/claims.yaml")
    folder = MemoryFiles(moved, "rent", frozenset(STANDARD_FOLDERS))
    changes = ce.put_claim(folder, claim(folder), None)
    assert list(changes) == ["analysis/claims/brandt-2022.yaml"]
    after = applied(folder, changes)
    check_result(folder, changes)
    some = next(iter(ce.claims(folder)))
    edited = ce.put_claim(folder, {**ce.claim_values(ce.claims(folder)[some]), "figure": "X"}, some)
    assert list(edited) == ["analysis/claims/okafor-2021.yaml"]
    assert ce.delete_claim(after, "rent-rise") == {"analysis/claims/brandt-2022.yaml": None}
