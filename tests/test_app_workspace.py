"""The Workspace page (`/workspace`) under AppTest: make, open, rename, delete and download
workspaces; add documents by upload or paste; refusals; the version conflict between two
sessions; a refresh that keeps the typing; undo."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from perspectives.corpus.files import FolderFiles
from perspectives.store import workspaces as store
from perspectives.store.engine import dispose_engines
from perspectives.ui import browserkey
from perspectives.workspace import ingest as ingest_module
from perspectives.workspace.bundles import write_bundle
from tests.apptest import open_page
from tests.ingest_fixtures import make_docx, make_pdf

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
TEXT = (
    b"The Rent Question\n\nCaps were introduced in 1987.\n\n"
    b"Landlords argued the caps froze repairs.\n"
)
META = {"outlet": "The Civic Review", "date": "March 2021", "genre": "essay"}


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PERSPECTIVES_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    yield f"sqlite:///{path.resolve()}"
    dispose_engines()


def ws_param(at) -> str | None:
    value = at.query_params.get("ws")
    return value[0] if isinstance(value, list) else value


def texts(at, kind: str) -> list[str]:
    """What elements of `kind` say, with Markdown's backslash escapes taken out."""
    return [re.sub(r"\\(.)", r"\1", str(element.value)) for element in at.get(kind)]


def create(at, name: str, start: str | None = None, bundle: bytes | None = None):
    if start:
        at.radio(key="ws-start").set_value(start).run()
    next(t for t in at.text_input if t.label == "Name").input(name)
    if bundle is not None:
        at.get("file_uploader")[0].set_value(("reading.zip", bundle, "application/zip"))
    at.button(key="ws-create").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at, filename: str, data: bytes):
    at.get("file_uploader")[0].set_value((filename, data, "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def field(at, name: str, key: str):
    return at.text_input(key=f"add-{name}-{key}")


def fill_and_save(at, name: str, certainty: str = "high", **values: str):
    for key, value in {**META, **values}.items():
        field(at, name, key).input(value)
    at.selectbox(key=f"add-{name}-date_certainty").select(certainty)
    at.button(key=f"add-save-{name}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def head(db: str, name: str) -> int:
    with store.workspace_store(db) as ws:
        return ws.get(name).head


def test_create_an_empty_workspace_and_it_becomes_the_active_one(db):
    at = create(open_page("workspace"), "Seminar 3")
    assert ws_param(at) == "Seminar 3"
    assert any("“Seminar 3” created" in s for s in texts(at, "success"))
    assert next(t for t in at.text_input if t.label == "Name").value == ""  # ready for another
    assert "Add a document to “Seminar 3”" in texts(at, "header")
    assert any("Workspace **Seminar 3**" in c for c in texts(at, "caption"))
    with store.workspace_store(db) as ws:
        corpus = ws.corpus("Seminar 3")
        assert corpus.orientation.low.label == "Against" and not corpus.documents


def test_a_copy_of_the_default_corpus_holds_its_documents(db):
    create(open_page("workspace"), "Copy", start="A copy of the default corpus")
    at = open_page("corpus", ws="Copy")
    default = open_page("corpus")
    assert at.title[0].value == default.title[0].value
    assert texts(at, "subheader") == texts(default, "subheader")


def test_a_bundle_imports_with_its_report_of_problems(db):
    files = FolderFiles(RENT)
    data = write_bundle(files)
    # a bundle with a member that escapes the folder and a voice that names no camp
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("../evil.txt", "x")
    at = create(
        open_page("workspace"), "From bundle", start="A bundle (.zip)", bundle=buffer.getvalue()
    )
    assert ws_param(at) == "From bundle"
    shown = "\n".join(texts(at, "markdown"))
    assert "Imported into “From bundle”" in shown
    assert ":red[refused] ../evil.txt: " in shown, shown
    assert open_page("corpus", ws="From bundle").title[0].value.startswith("Rent control")


def test_a_file_that_is_no_bundle_is_named_and_nothing_is_created(db):
    at = create(open_page("workspace"), "Nope", start="A bundle (.zip)", bundle=b"not a zip")
    assert any("reading.zip" in e for e in texts(at, "error"))
    with store.workspace_store(db) as ws:
        assert ws.find("Nope") is None


def test_a_taken_name_is_refused_with_a_message(db):
    at = create(open_page("workspace"), "Seminar 3")
    at = create(at, "seminar  3")
    assert any(
        "Nothing was created" in e and "already a workspace" in e for e in texts(at, "error")
    )


def test_switch_between_workspaces_and_back_to_the_default_corpus(db):
    at = create(open_page("workspace"), "One")
    at = create(at, "Two")
    assert ws_param(at) == "Two"
    with store.workspace_store(db) as ws:
        one = ws.get("One")
    at.button(key=f"open-{one.id}").click().run()
    assert ws_param(at) == "One"
    assert "Add a document to “One”" in texts(at, "header")
    next(b for b in at.button if b.label == "Back to the default corpus").click().run()
    assert ws_param(at) is None
    assert not any(h.startswith("Add a document") for h in texts(at, "header"))


def test_rename_then_delete_after_confirmation(db):
    at = create(open_page("workspace"), "Old name")
    rename = next(t for t in at.text_input if t.label == "New name")
    rename.input("New name")
    next(b for b in at.button if b.label == "Rename").click().run()
    assert ws_param(at) == "New name"
    at.button(key="ws-delete").click().run()
    assert any("cannot be undone" in w for w in texts(at, "warning"))
    with store.workspace_store(db) as ws:
        assert ws.find("New name") is not None  # the first click deletes nothing
    at.button(key="ws-delete-yes").click().run()
    assert ws_param(at) is None
    with store.workspace_store(db) as ws:
        assert ws.list() == []


def test_upload_a_txt_and_a_docx_and_read_them_on_the_documents_page(db):
    at = create(open_page("workspace"), "Mine")
    upload(at, "rent.txt", TEXT)
    assert any("rent.txt" in m and "3 paragraphs" in m for m in texts(at, "markdown"))
    assert field(at, "Mine", "title").value == "The Rent Question"
    fill_and_save(at, "Mine", authors="Dana Fields", doc_id="fields-2021")
    assert any("Added “The Rent Question” (revision 2)" in s for s in texts(at, "success"))
    upload(at, "housing.docx", make_docx())
    assert field(at, "Mine", "authors").value == "Eli Moss; Fay Lin"
    assert field(at, "Mine", "date").value == "1 June 2022"
    fill_and_save(at, "Mine", certainty="low")
    assert head(db, "Mine") == 3
    documents = open_page("documents", ws="Mine")
    options = documents.selectbox(key="reader-doc").options
    assert sorted(options) == ["Housing and the City", "The Rent Question"]
    reader = open_page("documents", ws="Mine", doc="moss-2022")
    assert any("The council will vote in May." in m for m in texts(reader, "markdown"))


def test_paste_a_text(db):
    at = create(open_page("workspace"), "Mine")
    at.button(key="add-paste-go-Mine").click().run()
    assert any("pasted text: the text is empty" in e for e in texts(at, "error"))
    at.text_area(key="add-paste-Mine").input("A pasted title\nA pasted paragraph of words.")
    at.button(key="add-paste-go-Mine").click().run()
    assert field(at, "Mine", "title").value == "A pasted title"
    fill_and_save(at, "Mine")
    with store.workspace_store(db) as ws:
        document = ws.corpus("Mine").document("a-pasted-title")
    assert [p.text for p in document.paragraphs] == [
        "A pasted title",
        "A pasted paragraph of words.",
    ]


@pytest.mark.parametrize(
    ("filename", "data", "problem"),
    [
        ("empty.txt", b"   \n", "the file is empty"),
        ("blob.txt", b"\x00\x01\x02binary\x00data", "binary"),
        ("locked.pdf", make_pdf(encrypt="secret"), "needs a password"),
        ("broken.docx", b"PK\x03\x04 truncated zip", "not a readable .docx"),
        ("big.txt", b"word " * 300, "too large"),
    ],
)
def test_bad_files_are_refused_by_name_and_change_nothing(db, monkeypatch, filename, data, problem):
    if filename == "big.txt":
        monkeypatch.setattr(ingest_module, "MAX_FILE_BYTES", 1000)
    at = create(open_page("workspace"), "Mine")
    upload(at, filename, data)
    errors = texts(at, "error")
    assert any(filename in e and problem in e and "Nothing was changed" in e for e in errors), (
        errors
    )
    assert head(db, "Mine") == 1
    assert at.get("file_uploader"), "the uploader is offered again"


def test_a_duplicate_text_is_refused_naming_the_document_it_repeats(db):
    at = create(open_page("workspace"), "Mine")
    fill_and_save(upload(at, "rent.txt", TEXT), "Mine", doc_id="fields-2021")
    upload(at, "again.txt", TEXT.replace(b"\n\n", b"\n"))
    assert any("again.txt" in e and "fields-2021" in e for e in texts(at, "error"))
    assert head(db, "Mine") == 2


def test_form_errors_are_shown_by_field_and_nothing_is_saved(db):
    at = create(open_page("workspace"), "Mine")
    upload(at, "rent.txt", TEXT)
    field(at, "Mine", "date").input("last spring")
    at.button(key="add-save-Mine").click().run()
    shown = [c for c in texts(at, "caption") if c.startswith(":red[")]
    assert any("is not a date" in c for c in shown) and any(
        "where it was published" in c for c in shown
    )
    assert head(db, "Mine") == 1
    assert field(at, "Mine", "date").value == "last spring"


def test_a_version_conflict_shows_what_changed_and_keeps_the_typing(db):
    first = create(open_page("workspace"), "Shared")
    upload(first, "rent.txt", TEXT)
    field(first, "Shared", "outlet").input("My typing")
    second = open_page("workspace", ws="Shared")
    fill_and_save(upload(second, "housing.docx", make_docx()), "Shared", certainty="low")
    assert head(db, "Shared") == 2
    fill_and_save(first, "Shared", outlet="My typing")
    warnings = texts(first, "warning")
    assert any("Someone else saved" in w and "document moss-2022 added" in w for w in warnings), (
        warnings
    )
    assert field(first, "Shared", "outlet").value == "My typing"
    assert head(db, "Shared") == 2
    again = next(b for b in first.button if b.label == "Save again on the new revision")
    again.click().run()
    assert any("(revision 3)" in s for s in texts(first, "success"))
    with store.workspace_store(db) as ws:
        assert {d.id for d in ws.corpus("Shared").documents} == {"moss-2022", "the-rent-question"}


def test_a_refresh_keeps_the_document_and_the_typing(db, monkeypatch):
    monkeypatch.setattr(browserkey, "cookie_value", lambda: "a" * 32)
    at = create(open_page("workspace"), "Mine")
    upload(at, "rent.txt", TEXT)
    field(at, "Mine", "outlet").input("Typed before the refresh")
    at.selectbox(key="add-Mine-date_certainty").select("medium").run()
    refreshed = open_page("workspace", ws="Mine")  # a new session of the same browser
    assert any("kept from your last visit" in i for i in texts(refreshed, "info"))
    assert field(refreshed, "Mine", "outlet").value == "Typed before the refresh"
    assert field(refreshed, "Mine", "title").value == "The Rent Question"
    assert refreshed.selectbox(key="add-Mine-date_certainty").value == "medium"
    other_browser = "b" * 32
    monkeypatch.setattr(browserkey, "cookie_value", lambda: other_browser)
    stranger = open_page("workspace", ws="Mine")
    assert stranger.get("file_uploader"), "another browser does not see this one's typing"
    monkeypatch.setattr(browserkey, "cookie_value", lambda: "a" * 32)
    fill_and_save(refreshed, "Mine", outlet="Typed before the refresh")
    assert head(db, "Mine") == 2
    after_save = open_page("workspace", ws="Mine")
    assert after_save.get("file_uploader"), "the drafts were discarded once saved"


def test_undo_the_last_edit_from_the_history(db):
    at = create(open_page("workspace"), "Mine")
    assert at.button(key="ws-undo").disabled
    fill_and_save(upload(at, "rent.txt", TEXT), "Mine")
    at.button(key="ws-undo").click().run()
    assert any(
        "Undo “Added document the-rent-question (rent.txt)” (back to revision 1)" in s
        for s in texts(at, "success")
    )
    with store.workspace_store(db) as ws:
        assert ws.get("Mine").head == 3 and not ws.corpus("Mine").documents


def test_the_bundle_download_is_offered_with_a_safe_file_name(db):
    from perspectives.ui.workspaceview import bundle_file_name

    at = create(open_page("workspace"), "Seminar 3 / spring")
    assert at.get("download_button")
    assert bundle_file_name("Seminar 3 / spring") == "Seminar-3-spring.zip"
    assert bundle_file_name("../..") == "workspace.zip"
