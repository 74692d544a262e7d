"""The end-to-end tests' browser gate: skip with the reason where Chromium is missing, fail
where $PERSPECTIVES_REQUIRE_BROWSER asks for a browser (as CI does)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import CHROMIUM, browser_gate, browser_missing

MISSING = "/nonexistent/chromium"


def test_missing_browser_skips_with_the_reason(monkeypatch):
    monkeypatch.delenv("PERSPECTIVES_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="need Debian's Chromium at /nonexistent"):
        browser_gate(MISSING)


def test_missing_browser_fails_when_required(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="PERSPECTIVES_REQUIRE_BROWSER is set"):
        browser_gate(MISSING)


def test_missing_playwright_is_a_reason_too(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setitem(__import__("sys").modules, "playwright.sync_api", None)
    assert "Playwright" in browser_missing(str(fake))


def test_present_browser_passes_the_gate(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setenv("PERSPECTIVES_REQUIRE_BROWSER", "1")
    pytest.importorskip("playwright.sync_api")
    assert browser_missing(str(fake)) is None
    browser_gate(str(fake))  # neither skips nor fails


def test_the_default_browser_path_is_debians():
    assert CHROMIUM == "/usr/bin/chromium"
