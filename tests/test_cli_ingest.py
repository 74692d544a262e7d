"""`python -m perspectives ingest FILE --workspace NAME`: what the Workspace page's upload
does, from the shell; refusals name the file and change nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from perspectives.cli.main import main
from perspectives.store import workspaces as store
from perspectives.store.engine import dispose_engines
from tests.cli_run import run
from tests.ingest_fixtures import DOCX_PARAGRAPHS, make_docx, make_pdf

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
META = ["--outlet", "The Civic Review", "--date", "2021-03", "--date-certainty", "high"]
META += ["--genre", "essay"]


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PERSPECTIVES_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with store.workspace_store(f"sqlite:///{path.resolve()}") as ws:
        ws.create_copy("Rent", RENT)
    yield f"sqlite:///{path.resolve()}"
    dispose_engines()


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def head(db: str) -> int:
    with store.workspace_store(db) as ws:
        return ws.get("Rent").head


def test_a_docx_is_added_with_its_own_metadata_and_the_options(capsys, db, tmp_path):
    path = tmp_path / "housing.docx"
    path.write_bytes(make_docx())
    code, out, err = cli(capsys, "ingest", str(path), "--workspace", "rent", *META, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["workspace"] == "Rent" and summary["revision"] == 2
    assert summary["document_id"] == "moss-2022" and summary["kind"] == "docx"
    assert summary["authors"] == ["Eli Moss", "Fay Lin"]  # from the file
    assert summary["date_label"] == "March 2021" and summary["outlet"] == "The Civic Review"
    with store.workspace_store(db) as ws:
        document = ws.corpus("Rent").document("moss-2022")
    assert [p.text for p in document.paragraphs] == DOCX_PARAGRAPHS
    assert [(p["start"], p["end"]) for p in summary["paragraphs"]] == [
        (p.start, p.end) for p in document.paragraphs
    ]


def test_plain_output_and_standard_input(capsys, db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Pasted title\nA pasted paragraph.\n"))
    code, out, _ = cli(capsys, "ingest", "-", "--workspace", "Rent", *META, "--id", "pasted")
    assert code == 0
    assert out.startswith("added document pasted to workspace Rent (revision 2): 2 paragraphs")


def test_missing_metadata_names_each_option_and_changes_nothing(capsys, db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("A title\nSome text.\n")
    code, out, err = cli(capsys, "ingest", str(path), "--workspace", "Rent", "--date", "soon")
    assert code == 1 and not out
    assert "notes.txt: the metadata is incomplete, nothing was changed" in err
    for option in ("--outlet", "--genre", "--date-certainty"):
        assert f"{option}: " in err
    assert "--date: “soon” is not a date" in err
    assert head(db) == 1


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blob.txt", b"\x00\x01binary\x00", "binary"),
        ("locked.pdf", make_pdf(encrypt="secret"), "needs a password"),
        ("broken.docx", b"PK\x03\x04 nope", "not a readable .docx"),
        ("essay.odt", b"data", "unsupported file type .odt"),
    ],
)
def test_bad_files_exit_1_naming_the_file(capsys, db, tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = cli(capsys, "ingest", str(path), "--workspace", "Rent", *META)
    assert code == 1 and not out
    assert f"error: ingest: {name}: " in err and problem in err and "nothing was changed" in err
    assert head(db) == 1


def test_a_text_already_in_the_workspace_is_refused(capsys, db, tmp_path):
    with store.workspace_store(db) as ws:
        document = ws.corpus("Rent").documents[0]
    path = tmp_path / "again.txt"
    path.write_text(document.text)
    code, _, err = cli(capsys, "ingest", str(path), "--workspace", "Rent", *META)
    assert code == 1
    assert f"again.txt: the same text is already in the corpus as document {document.id!r}" in err


def test_an_unknown_workspace_and_a_missing_file(capsys, db, tmp_path):
    code, _, err = cli(capsys, "ingest", str(tmp_path / "x.txt"), "--workspace", "Nope", *META)
    assert code == 1 and "there is no workspace called 'Nope'; workspaces: Rent" in err
    code, _, err = cli(capsys, "ingest", str(tmp_path / "x.txt"), "--workspace", "Rent", *META)
    assert code == 1 and "x.txt: cannot read the file" in err


def test_the_workspace_is_required(capsys, db, tmp_path):
    with pytest.raises(SystemExit) as caught:
        main(["ingest", str(tmp_path / "x.txt")])
    assert caught.value.code == 2


def test_ingest_from_the_shell_then_the_workspace_validates(db, tmp_path):
    path = tmp_path / "rent.pdf"
    path.write_bytes(make_pdf())
    done = run("ingest", str(path), "--workspace", "Rent", *META)
    assert done.returncode == 0, done.stderr
    assert "added document fields-2021 to workspace Rent (revision 2)" in done.stdout
    checked = run("validate", "--workspace", "Rent")
    assert checked.returncode == 0, checked.stdout + checked.stderr
