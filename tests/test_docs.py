"""The docs must not drift from the code: every page, command and file kind is documented."""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from perspectives.cli.main import build_parser
from perspectives.corpus.document import DocumentMeta
from perspectives.corpus.file_shapes import (
    LIST_FILES,
    ManifestInput,
    PositionInput,
    PositionsFileInput,
)
from perspectives.corpus.loader import ANALYSIS, DOCUMENTS, MANIFEST, POSITIONS
from perspectives.corpus.yamlfile import split_front_matter
from perspectives.ui.navigation import PAGE_SPECS
from perspectives.views.tables import POSITION_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMAT = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in _commands() if f"python -m perspectives {name}" not in README]
    assert not missing, missing


def test_every_page_and_its_url_is_in_the_readme():
    for specs in PAGE_SPECS.values():
        for file, title, url, _icon in specs:
            assert (ROOT / "perspectives" / "ui" / "pages" / file).is_file(), file
            assert f"| {title} |" in README, title
            path = f"/{url}"
            assert re.search(rf"`{re.escape(path)}[`?]", README), (title, path)
    assert re.search(r"`/\?topic=", README), "the root url of the first page"


def test_the_export_columns_are_in_the_readme():
    listed = README.split("`export` writes one row", 1)[1].split("\n\n", 1)[0]
    missing = [column for column in POSITION_COLUMNS if column not in listed]
    assert not missing, missing


def test_every_kind_of_corpus_file_is_in_the_format_doc():
    """The list comes from the loader itself, so a new kind of file must be documented."""
    names = [MANIFEST, f"{DOCUMENTS}/", f"{ANALYSIS}/{POSITIONS}/"]
    names += [f"{ANALYSIS}/{f.name}.yaml" for f in LIST_FILES]
    names += [f"{ANALYSIS}/{f.name}/" for f in LIST_FILES]
    missing = [name for name in names if name not in FORMAT]
    assert not missing, missing


def test_the_readme_test_line_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_line = next(line for line in README.splitlines() if line.rstrip().endswith("# test"))
    command = test_line.split("&&")[-1].split("#")[0].strip()
    assert command == "python -m pytest"
    assert re.search(rf"^{re.escape(command)}\s*$", ci, re.M)


def test_the_readme_says_how_to_turn_the_source_watcher_back_on():
    """The shipped config turns Streamlit's source watcher off (a cold start's first page comes
    a few tenths of a second sooner); a developer reads in the README how to have it back."""
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))["server"]
    assert server["fileWatcherType"] == "none"
    assert "streamlit run app.py --server.fileWatcherType auto" in README


# --- every YAML example in the docs is valid -------------------------------------------------

FENCE = re.compile(r"^```(yaml|markdown)\n(.*?)^```", re.M | re.S)
HEADING = re.compile(r"^#{2,3} (\S+)", re.M)
FILE_COMMENT = re.compile(
    r"^# (corpus\.yaml|analysis/[\w/*.-]+\.yaml|documents/[\w.-]+\.md)\b.*$", re.M
)


def _file_kind(path: str) -> str:
    """corpus.yaml, documents, positions, or a list file's name (read from the loader)."""
    if path == MANIFEST:
        return "manifest"
    if path.startswith(f"{DOCUMENTS}/"):
        return "document"
    parts = path.split("/")
    if parts[0] == ANALYSIS and len(parts) > 2 and parts[1] == POSITIONS:
        return "positions"
    name = parts[1].removesuffix(".yaml") if parts[0] == ANALYSIS else ""
    assert name in {f.name for f in LIST_FILES}, f"no such kind of corpus file: {path}"
    return name


def _examples() -> list[tuple[str, str, str]]:
    """(where, file kind, text) for every YAML example (and document example) in the docs."""
    found = []
    for doc_name, text in (("README.md", README), ("docs/FORMAT.md", FORMAT)):
        for match in FENCE.finditer(text):
            lang, body = match.group(1), match.group(2)
            headings = HEADING.findall(text[: match.start()])
            heading = headings[-1] if headings else ""
            line = text[: match.start()].count("\n") + 1
            pieces = FILE_COMMENT.split(body)
            if len(pieces) > 1:  # "# analysis/topics.yaml" comments split one block into files
                for path, piece in zip(pieces[1::2], pieces[2::2], strict=True):
                    found.append((f"{doc_name}:{line} ({path})", _file_kind(path), piece))
            elif lang == "markdown" and heading.startswith(f"{DOCUMENTS}/"):
                found.append((f"{doc_name}:{line}", "document", body))
            elif lang == "yaml":
                found.append((f"{doc_name}:{line} ({heading})", _file_kind(heading), body))
    return found


def _validate(kind: str, text: str) -> None:
    if kind == "document":
        front, _body = split_front_matter(text)
        DocumentMeta.model_validate(yaml.safe_load(front))
        return
    data = yaml.safe_load(text)
    if kind == "manifest":
        ManifestInput.model_validate(data)
    elif kind == "positions":
        header = PositionsFileInput.model_validate(data)
        for position in header.positions:
            PositionInput.model_validate(position)
    else:
        model = next(f.model for f in LIST_FILES if f.name == kind)
        assert isinstance(data, list) and data, "a list file's example is a list of entries"
        for entry in data:
            model.model_validate(entry)


EXAMPLES = _examples()


def test_the_docs_show_an_example_of_every_kind_of_file():
    kinds = {kind for _, kind, _ in EXAMPLES}
    expected = {"manifest", "document", "positions"} | {f.name for f in LIST_FILES}
    assert expected <= kinds, expected - kinds


@pytest.mark.parametrize("where, kind, text", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_example_in_the_docs_is_valid_when_copied(where, kind, text):
    _validate(kind, text)
