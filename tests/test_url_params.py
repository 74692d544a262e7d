"""Every url parameter of every page, hand-edited into anything (issue 12): no traceback. A
page shows what it can and says what it could not find."""

from __future__ import annotations

import pytest

from perspectives.store.engine import dispose_engines
from perspectives.ui.navigation import PAGE_SPECS
from tests.apptest import open_page

PAGES = [file.removesuffix(".py") for specs in PAGE_SPECS.values() for file, *_ in specs]
PARAMS = (
    "camp", "code", "doc", "lead", "motion", "p", "pole", "q", "side", "text", "topic", "view",
    "voice", "topics", "voices", "ws", "n", "present",
)  # fmt: skip
VALUES = {
    "awkward-and-long": "é\x00\u202e<script>alert(1)</script>,../..%00" + "a" * 5000,
    "numbers": "-99999999999999999999",
}


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    yield
    dispose_engines()


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
@pytest.mark.parametrize("page", PAGES)
def test_any_value_of_any_parameter_is_no_traceback(page, value):
    at = open_page(page, **dict.fromkeys(PARAMS, value))  # fails on any exception shown
    assert not any("<script>" in m.value for m in at.markdown if "\\<script" not in m.value)
