"""The command line on workspaces: `bundle export | import`, and `--workspace NAME` on every
command that takes `--corpus DIR`, giving the same output as the folder it was copied from."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from perspectives.cli.main import main
from perspectives.corpus.files import FolderFiles
from perspectives.store import workspaces as store
from perspectives.store.engine import dispose_engines
from perspectives.store.workspace_files import collect_files
from tests.cli_run import run


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    """A fresh SQLite store for the commands, through $PERSPECTIVES_DB."""
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PERSPECTIVES_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    yield f"sqlite:///{path.resolve()}"
    dispose_engines()


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def workspace(db, corpus_dir) -> str:
    with store.workspace_store(db) as ws:
        ws.create_copy("Test copy", corpus_dir)
    return "Test copy"


def test_bundle_export_then_import_from_the_shell(db, corpus_dir, tmp_path):
    """The contract lines, run as a user would: export a folder, import it, export it back."""
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    exported = run("bundle", "export", "--corpus", str(corpus_dir), "--out", str(first))
    assert exported.returncode == 0, exported.stderr
    assert f"wrote {first}" in exported.stdout
    imported = run("bundle", "import", str(first), "--workspace", "From shell", "--json")
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    assert (report["workspace"], report["revision"], report["created"]) == ("From shell", 1, True)
    assert report["imported"] == sorted(collect_files(FolderFiles(corpus_dir)))
    assert report["refused"] == report["problems"] == [] and report["clean"] is True
    back = run("bundle", "export", "--workspace", "From shell", "--out", str(second), "--json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["source"] == "workspace From shell"
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["search", "cage", "--json"],
        ["brief", "--motion", "trust-not-control", "--format", "md"],
        ["brief", "--topic", "social-credit", "--side", "critical", "--format", "md"],
        ["handout", "--topics", "social-credit,technology-and-control", "--format", "md"],
        ["guide", "--doc", "trust-essay", "--format", "md"],
    ],
)
def test_a_workspace_gives_what_its_folder_gives(capsys, workspace, corpus_dir, tmp_path, command):
    outputs = []
    for which, source in (
        ("folder", ["--corpus", str(corpus_dir)]),
        ("ws", ["--workspace", workspace]),
    ):
        extra = ["--out", str(tmp_path / f"{which}.out")] if command[0] != "search" else []
        code, out, err = cli(capsys, *command, *source, *extra)
        assert code == 0, err
        outputs.append((tmp_path / f"{which}.out").read_bytes() if extra else out)
    assert outputs[0] == outputs[1]
    assert outputs[0]


def test_validate_takes_a_workspace_and_lists_its_problems(capsys, workspace, db):
    code, out, _ = cli(capsys, "validate", "--workspace", "test COPY")
    assert code == 0 and out.startswith("workspace Test copy: valid: 2 documents")
    with store.workspace_store(db) as ws:
        ws.save(workspace, {"analysis/topics.yaml": b"- id: [\n"}, 1)
    code, out, err = cli(capsys, "validate", "--workspace", workspace)
    assert code == 1 and "analysis/topics.yaml" in out and "problem(s) found" in err


def test_an_unknown_workspace_exits_1_naming_those_there_are(capsys, workspace):
    for command in (["validate"], ["search", "cage"], ["bundle", "export", "--out", "x.zip"]):
        code, _, err = cli(capsys, *command, "--workspace", "Nowhere")
        assert code == 1
        assert "there is no workspace called 'Nowhere'; workspaces: Test copy" in err


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "csv", "--corpus", "data", "--workspace", "W"],
        ["search", "x", "--corpus", "data", "--workspace", "W"],
        ["guide", "--doc", "x", "--format", "md", "--corpus", "data", "--workspace", "W"],
        ["validate", "data", "--workspace", "W"],
        ["bundle", "export", "--corpus", "data", "--workspace", "W", "--out", "x.zip"],
        ["bundle", "export", "--corpus", "data"],
        ["bundle", "import", "x.zip"],
    ],
)
def test_corpus_and_workspace_together_or_missing_options_are_usage_errors(capsys, db, args):
    try:
        code = main(args)
    except SystemExit as stop:  # argparse's own usage errors
        code = stop.code
    assert code == 2
    assert "not allowed with" in capsys.readouterr().err or args[0] != "export"


def test_import_refuses_a_taken_name_unless_replace(capsys, workspace, corpus_dir, tmp_path):
    bundle = tmp_path / "b.zip"
    assert (
        cli(capsys, "bundle", "export", "--corpus", str(corpus_dir), "--out", str(bundle))[0] == 0
    )
    code, _, err = cli(capsys, "bundle", "import", str(bundle), "--workspace", "TEST copy")
    assert code == 1 and "already a workspace called 'Test copy'" in err and "--replace" in err
    code, out, _ = cli(
        capsys, "bundle", "import", str(bundle), "--workspace", workspace, "--replace"
    )
    assert code == 0 and "replaced the contents of workspace Test copy" in out


def test_a_bundle_with_problems_imports_the_rest_and_exits_1(capsys, db, corpus_dir, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for path, data in collect_files(FolderFiles(corpus_dir)).items():
            zf.writestr(path, data)
        zf.writestr("../escape.yaml", b"x")
    bundle = tmp_path / "mixed.zip"
    bundle.write_bytes(buffer.getvalue())
    code, out, err = cli(capsys, "bundle", "import", str(bundle), "--workspace", "Mixed", "--json")
    report = json.loads(out)
    assert code == 1 and "1 member(s) refused" in err
    assert report["refused"] == [
        {
            "member": "../escape.yaml",
            "reason": "unsafe path: a path with an empty, '.' or '..' part (it could point "
            "outside the corpus)",
        }
    ]
    assert len(report["imported"]) == len(collect_files(FolderFiles(corpus_dir)))
    code, out, _ = cli(capsys, "bundle", "import", str(bundle), "--workspace", "Mixed 2")
    assert code == 1 and "refused: ../escape.yaml: unsafe path" in out


@pytest.mark.parametrize(
    ("content", "message"), [(b"not a zip", "not a zip file"), (None, "cannot read")]
)
def test_a_file_that_is_no_bundle_exits_1(capsys, db, tmp_path, content, message):
    path = tmp_path / "thing.zip"
    if content is not None:
        path.write_bytes(content)
    code, _, err = cli(capsys, "bundle", "import", str(path), "--workspace", "W")
    assert code == 1 and message in err
    with store.workspace_store(db) as ws:
        assert ws.list() == []


def test_bundle_export_of_a_missing_folder_exits_1(capsys, db, tmp_path):
    code, _, err = cli(
        capsys,
        "bundle",
        "export",
        "--corpus",
        str(tmp_path / "nothing"),
        "--out",
        str(tmp_path / "x.zip"),
    )
    assert code == 1 and "corpus folder not found" in err
    assert not (tmp_path / "x.zip").exists()


def test_the_default_corpus_exports_when_no_source_is_named(capsys, db, tmp_path):
    out = tmp_path / "default.zip"
    code, text, _ = cli(capsys, "bundle", "export", "--out", str(out))
    assert code == 0
    names = zipfile.ZipFile(out).namelist()
    assert "corpus.yaml" in names and any(n.startswith("documents/") for n in names)
    assert Path(text.split("(")[0].removeprefix("wrote ").strip()) == out
