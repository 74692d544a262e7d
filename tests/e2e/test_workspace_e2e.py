"""A new user in a real browser: creates a workspace, uploads two documents (a .txt and a
.docx), completes their metadata, and reads them on the Documents page, reached through the
sidebar (which drops the query string: the workspace must stay active). A refresh in the middle
of typing keeps the typing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_app, running_server, shot
from tests.ingest_fixtures import make_docx
from tests.test_app_workspace import TEXT


@pytest.fixture(scope="module")
def ws_server(artifacts, tmp_path_factory):
    """A server with a fresh store of its own and the default corpus."""
    db = tmp_path_factory.mktemp("workspace-store") / "workspace.db"
    with running_server({"PERSPECTIVES_DB": str(db), "DATABASE_URL": ""}) as url:
        yield url


def idle(page) -> None:
    page.wait_for_timeout(400)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def type_into(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Tab")  # commit now rather than after the live pause
    idle(page)


def choose(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    idle(page)


def upload(page, name: str, data: bytes, mime: str) -> None:
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    idle(page)
    expect(page.get_by_text("Ready to add:")).to_be_visible()


def complete_and_add(page, certainty: str) -> None:
    type_into(page, "Outlet", "The Civic Review")
    type_into(page, "Date", "March 2021")
    type_into(page, "Genre", "essay")
    choose(page, "How certain is the date", certainty)
    page.get_by_role("button", name="Add to the workspace").click()
    idle(page)


def test_a_new_user_builds_a_reading_list_and_reads_it(ws_server, page, artifacts):
    open_app(page, f"{ws_server}/workspace")
    shot(page, artifacts, "workspace-start")
    type_into(page, "Name", "Rent seminar")
    page.get_by_role("button", name="Create workspace").click()
    idle(page)
    expect(page.get_by_text("“Rent seminar” created")).to_be_visible()
    assert "ws=Rent+seminar" in page.url

    upload(page, "rent.txt", TEXT, "text/plain")
    expect(page.get_by_label("Title", exact=True)).to_have_value("The Rent Question")
    complete_and_add(page, "high")
    expect(page.get_by_text("Added “The Rent Question” (revision 2)")).to_be_visible()

    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    upload(page, "housing.docx", make_docx(), docx)
    expect(page.get_by_label("Authors", exact=True)).to_have_value("Eli Moss; Fay Lin")
    shot(page, artifacts, "workspace-form", whole=True)
    complete_and_add(page, "low")
    expect(page.get_by_text("Added “Housing and the City” (revision 3)")).to_be_visible()
    shot(page, artifacts, "workspace-added", whole=True)

    # the sidebar's link drops the query string; the workspace stays active
    page.get_by_role("link", name="Documents").first.click()
    idle(page)
    expect(
        page.get_by_role("heading", name="Housing and the City")
        .or_(page.get_by_role("heading", name="The Rent Question"))
        .first
    ).to_be_visible()
    assert re.search(r"/documents\?.*ws=Rent\+seminar", page.url), page.url
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("Workspace Rent seminar")).to_be_visible()
    page.get_by_label("Document").click()
    options = page.get_by_role("option")
    expect(options).to_have_count(2)
    names = sorted(options.all_inner_texts())
    assert names == ["Housing and the City", "The Rent Question"], names
    page.get_by_role("option", name="The Rent Question").click()
    idle(page)
    expect(page.get_by_text("Landlords argued the caps froze repairs.")).to_be_visible()
    shot(page, artifacts, "workspace-documents")


def test_a_refresh_while_typing_keeps_the_typing(ws_server, page, artifacts):
    open_app(page, f"{ws_server}/workspace")
    type_into(page, "Name", "Refresh test")
    page.get_by_role("button", name="Create workspace").click()
    idle(page)
    upload(page, "notes.txt", b"Notes on rent\n\nA paragraph to keep.\n", "text/plain")
    page.get_by_label("Outlet", exact=True).fill("Typed, not yet saved")
    page.wait_for_timeout(1600)  # the field commits after a pause in typing
    idle(page)
    page.reload()
    idle(page)
    expect(page.get_by_text("kept from your last visit")).to_be_visible()
    expect(page.get_by_label("Outlet", exact=True)).to_have_value("Typed, not yet saved")
    expect(page.get_by_label("Title", exact=True)).to_have_value("Notes on rent")
    shot(page, artifacts, "workspace-after-refresh")
