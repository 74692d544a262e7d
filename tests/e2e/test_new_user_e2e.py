"""A new user in a real browser, from nothing to a position on Compare: makes an empty workspace
and uploads a .txt (Find passages then says there are no topics yet), makes a second workspace
from a bundle of the rent-control corpus (which has topics), uploads the text there, fills in
its metadata, finds the passages of the text that bear on a topic, uses one as evidence of a
new voice (its author) with a stance and a summary, and sees the position on Compare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from perspectives.corpus.files import FolderFiles
from perspectives.workspace.bundles import write_bundle
from tests.e2e.conftest import open_app, running_server, shot
from tests.e2e.test_workspace_e2e import choose, idle, type_into, upload

RENT = Path(__file__).resolve().parents[1] / "corpora" / "rent-control"
TRAM = (
    b"Rents and the tram line\n\n"
    b"By Dana Fields\n\n"
    b"Since the tram opened, rents along the line have doubled in five years. "
    b"Families who rented there for decades are leaving for the suburbs.\n\n"
    b"The tenants who stay are those with old leases; newcomers cannot find a flat they can "
    b"afford.\n\n"
    b"A cap on yearly increases would let sitting tenants stay while the city builds more "
    b"homes along the line.\n"
)


@pytest.fixture(scope="module")
def new_user_server(artifacts, tmp_path_factory):
    """A server with a fresh store of its own and the default corpus."""
    db = tmp_path_factory.mktemp("new-user-store") / "workspace.db"
    with running_server({"PERSPECTIVES_DB": str(db), "DATABASE_URL": ""}) as url:
        yield url


def add_the_text(page) -> None:
    upload(page, "tram.txt", TRAM, "text/plain")
    expect(page.get_by_label("Title", exact=True)).to_have_value("Rents and the tram line")
    type_into(page, "Authors", "Dana Fields")
    type_into(page, "Outlet", "The Civic Review")
    type_into(page, "Date", "2024")
    type_into(page, "Genre", "essay")
    choose(page, "How certain is the date", "high")
    page.get_by_role("button", name="Add to the workspace").click()
    idle(page)
    expect(page.get_by_text("Added “Rents and the tram line”")).to_be_visible()


def pick(page, label: str, typed: str) -> None:
    """Choose the option of the selectbox labelled `label...` that typing `typed` finds."""
    box = page.locator("[data-testid='stSelectbox']").filter(
        has=page.locator("label", has_text=label)
    )
    box.locator("input").first.click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    idle(page)


def to_page(page, title: str) -> None:
    """Through the sidebar, as a user does (opening the collapsed part of the menu first)."""
    sidebar = page.locator("[data-testid='stSidebar']")
    link = sidebar.get_by_role("link", name=title)
    more = sidebar.get_by_text(re.compile(r"^View \d+ more$"))
    if not link.count() and more.count():
        more.first.click()
    link.first.click()
    idle(page)


def test_a_new_user_goes_from_an_uploaded_text_to_a_position_on_compare(
    new_user_server, page, artifacts
):
    # an empty workspace and a text: nothing to find passages for without a topic
    open_app(page, f"{new_user_server}/workspace")
    type_into(page, "Name", "First try")
    page.get_by_role("button", name="Create workspace").click()
    idle(page)
    expect(page.get_by_text("“First try” created")).to_be_visible()
    add_the_text(page)
    to_page(page, "Find passages")
    expect(page.get_by_text("This corpus has no topics yet")).to_be_visible()
    assert "ws=First+try" in page.url

    # a workspace from a bundle that has topics, and the same text in it
    to_page(page, "Workspace")
    page.get_by_text("A bundle (.zip)", exact=True).click()
    idle(page)
    type_into(page, "Name", "Rent seminar")
    bundle = write_bundle(FolderFiles(RENT))
    bundle_box = page.locator("[data-testid='stFileUploader']").filter(has_text="Bundle")
    bundle_box.locator("input[type='file']").set_input_files(
        files=[{"name": "rent-control.zip", "mimeType": "application/zip", "buffer": bundle}]
    )
    idle(page)
    page.get_by_role("button", name="Create workspace").click()
    idle(page)
    expect(page.get_by_text("Imported into “Rent seminar”")).to_be_visible()
    add_the_text(page)

    # Find passages: a topic and the new text
    to_page(page, "Find passages")
    assert "ws=Rent+seminar" in page.url, page.url
    choose(page, "Topic", "Who benefits from a cap")
    choose(page, "Document", "Rents and the tram line")
    expect(page.get_by_text(re.compile(r"paragraphs of “Rents and the tram line”"))).to_be_visible()
    assert "topic=who-benefits" in page.url and "doc=" in page.url
    shot(page, artifacts, "new-user-passages", whole=True)

    # use the best passage as evidence of a new voice, its author
    page.get_by_role("button", name="Use as evidence").first.click()
    idle(page)
    expect(page.get_by_label("The new voice's name", exact=True)).to_have_value("Dana Fields")
    pick(page, "Camp", "Tenant advocates")
    pick(page, "Its stance on", "+2 · fully")
    summary = page.get_by_label("Summary, in your words", exact=True)
    summary.fill("Fields sees families with old leases kept and newcomers priced out.")
    summary.press("Tab")
    idle(page)
    shot(page, artifacts, "new-user-evidence-form", whole=True)
    page.get_by_role("button", name="Save as evidence").click()
    idle(page)
    expect(
        page.get_by_text("New position of Dana Fields on “Who benefits from a cap”")
    ).to_be_visible()
    expect(page.get_by_text("already quoted here by Dana Fields").first).to_be_visible()

    # the position on Compare
    page.get_by_role("link", name="See it on Compare").click()
    idle(page)
    assert "/compare" in page.url and "topic=who-benefits" in page.url, page.url
    assert "ws=Rent+seminar" in page.url, page.url
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("Dana Fields").first).to_be_visible()
    expect(main.get_by_text("Fields sees families with old leases kept").first).to_be_visible()
    shot(page, artifacts, "new-user-compare", whole=True)
