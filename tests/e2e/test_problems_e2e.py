"""A corpus with a broken entry, in a real browser: Compare still shows the valid part under a
warning, and the Problems page names the file, the entry and the closest passage."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_app, running_server, shot

pytestmark = pytest.mark.e2e
RENT = Path(__file__).resolve().parents[1] / "corpora" / "rent-control"


@pytest.fixture(scope="module")
def broken_server(artifacts, tmp_path_factory):
    root = Path(shutil.copytree(RENT, tmp_path_factory.mktemp("broken") / "rent"))
    path = root / "analysis" / "positions" / "okafor-2021.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(evidence:\n\s*- )([\"']?)(\w)", r"\1\2XYZZY \3", text, count=1), "utf-8"
    )
    with running_server({"PERSPECTIVES_CORPUS": str(root)}) as url:
        yield url


def test_a_broken_entry_leaves_the_rest_of_the_corpus_open(broken_server, page, artifacts):
    open_app(page, broken_server)  # Compare, the default page, is served at /
    expect(page.get_by_text("The corpus files have 1 problem")).to_be_visible()
    expect(page.get_by_text("Ella Lindqvist").first).to_be_visible()  # a valid voice still shows
    shot(page, artifacts, "problems-compare")
    page.get_by_role("link", name="See the problems").click()
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    expect(page.get_by_text("quote not found in document okafor-2021").first).to_be_visible()
    expect(page.get_by_text("Left out until fixed")).to_be_visible()
    shot(page, artifacts, "problems-page", whole=True)
