"""The docs must not drift from the code: every page, command and file kind is documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from perspectives.cli.main import build_parser
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
    first = True
    for specs in PAGE_SPECS.values():
        for file, title, url, _icon in specs:
            assert (ROOT / "perspectives" / "ui" / "pages" / file).is_file(), file
            assert f"| {title} |" in README, title
            path = "/" if first else f"/{url}"
            assert re.search(rf"`{re.escape(path)}[`?]", README), (title, path)
            first = False


def test_the_export_columns_are_in_the_readme():
    listed = README.split("`export` writes one row", 1)[1].split("\n\n", 1)[0]
    missing = [column for column in POSITION_COLUMNS if column not in listed]
    assert not missing, missing


def test_every_kind_of_analysis_file_is_in_the_format_doc():
    for name in (
        "corpus.yaml",
        "topics.yaml",
        "camps.yaml",
        "voices.yaml",
        "positions/",
        "claims",
        "events",
        "motions.yaml",
        "guides",
        "blind_spots.yaml",
    ):
        assert name in FORMAT, name


def test_the_readme_test_line_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_line = next(line for line in README.splitlines() if line.rstrip().endswith("# test"))
    command = test_line.split("&&")[-1].split("#")[0].strip()
    assert command == "python -m pytest"
    assert re.search(rf"^{re.escape(command)}\s*$", ci, re.M)
