"""Debate and seminar pages in a real browser: the deep link shows the brief, and the download
buttons, which build their file only on click, deliver a real PDF and DOCX."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import open_app, shot


def _download(page, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).first.click()
    return open(info.value.path(), "rb").read()


def test_debate_deep_link_and_pdf_download(server, page, artifacts):
    open_app(page, f"{server}/debate?motion=economic-nato&side=opposition")
    expect(page.get_by_role("heading", name="Debate brief")).to_be_visible()
    expect(page.get_by_text("Our side: the opposition", exact=False)).to_be_visible()
    # in the page, not the sidebar's collapsed list of what the corpus leaves out
    expect(page.locator("[data-testid=stMain]").get_by_text("Bing Song").first).to_be_visible()
    shot(page, artifacts, "debate-brief")
    pdf = _download(page, "Download brief as PDF")
    assert pdf.startswith(b"%PDF")
    docx = _download(page, "Download brief as Word (DOCX)")
    assert docx.startswith(b"PK")  # a zip container


def test_seminar_handout_download(server, page, artifacts):
    open_app(page, f"{server}/seminar?topics=social-credit,covid-19&doc=yang-2023")
    expect(page.get_by_role("heading", name="Seminar handout")).to_be_visible()
    expect(page.get_by_role("heading", name="Covid-19")).to_be_visible()
    shot(page, artifacts, "seminar-handout")
    pdf = _download(page, "Download handout as PDF")
    assert pdf.startswith(b"%PDF")
