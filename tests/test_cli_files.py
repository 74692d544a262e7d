"""Files the command line writes: never over an existing file (the next free name, said in the
output), with the permissions of the user's umask, and named after what they hold."""

from __future__ import annotations

import json
import os
import stat
from contextlib import contextmanager
from pathlib import Path

import pytest

from perspectives.exports.files import free_name, write_atomic
from perspectives.exports.printed import motion_slug
from tests.cli_run import run


@contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_honour_the_umask(tmp_path, mask, expected):
    with umask(mask):
        path = write_atomic(tmp_path / "a.md", "text")
        kept = write_atomic(tmp_path / "a.md", "more", replace=False)
    assert mode(path) == expected and mode(kept) == expected


def test_without_replace_an_existing_file_is_left_and_the_next_free_name_taken(tmp_path):
    first = write_atomic(tmp_path / "brief.pdf", b"one", replace=False)
    second = write_atomic(tmp_path / "brief.pdf", b"two", replace=False)
    third = write_atomic(tmp_path / "brief.pdf", b"three", replace=False)
    assert [first.name, second.name, third.name] == ["brief.pdf", "brief-2.pdf", "brief-3.pdf"]
    assert first.read_bytes() == b"one" and third.read_bytes() == b"three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief-2.pdf", "brief-3.pdf", "brief.pdf"]
    assert write_atomic(tmp_path / "brief.pdf", b"new").read_bytes() == b"new"  # replace: asked
    (tmp_path / "brief-4.pdf").symlink_to(tmp_path / "nowhere")  # a dangling link is taken too
    assert free_name(tmp_path / "brief.pdf").name == "brief-5.pdf"


def test_brief_text_twice_keeps_the_first_file_and_names_the_second(tmp_path):
    args = ["brief", "--topic", "covid-19", "--side", "critical", "--format", "md",
            "--text", "This House believes that lockdowns were worth it"]  # fmt: skip
    with umask(0o022):
        first = run(*args, cwd=tmp_path)
        second = run(*args, cwd=tmp_path)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    name = "brief-covid-19-low-lockdowns-were-worth-it-proposition"
    one, two = tmp_path / f"{name}.md", tmp_path / f"{name}-2.md"
    assert f"wrote {one.name} (" in first.stdout
    assert f"wrote {two.name} (" in second.stdout and "already exists" in second.stdout
    assert one.read_bytes() == two.read_bytes()
    assert mode(one) == 0o644 and mode(two) == 0o644


def test_export_and_bundle_never_overwrite_what_out_names(tmp_path):
    out = tmp_path / "positions.csv"
    out.write_text("mine\n", "utf-8")
    result = run("export", "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8") == "mine\n"
    written = tmp_path / "positions-2.csv"
    assert f"wrote {written} ({out} already exists" in result.stderr
    assert written.read_text("utf-8").startswith("document_id,")
    zipped = tmp_path / "corpus.zip"
    zipped.write_bytes(b"keep")
    result = run("bundle", "export", "--out", str(zipped), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["path"] == str(tmp_path / "corpus-2.zip")
    assert zipped.read_bytes() == b"keep"


def test_a_custom_motion_s_file_name_is_made_of_its_first_words():
    assert motion_slug("This House believes that rent caps work") == "rent-caps-work"
    assert motion_slug("This House would ban “social” apps, now!") == "ban-social-apps-now"
    assert motion_slug("Élus: más café") == "elus-mas-cafe"
    assert motion_slug("租金管制") == ""
    assert len(motion_slug("word " * 40, words=40)) <= 48
