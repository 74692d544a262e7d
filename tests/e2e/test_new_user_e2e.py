"""A new user in a real browser, from nothing to a position on Compare: makes an empty workspace,
uploads a .txt and fills in its metadata; Find passages says there is no topic yet and leads to
the Edit page, where a topic is made; back on Find passages, the text's paragraphs are ranked
for it and the best is used as evidence of a new voice (the text's author) with a stance and a
summary; the position is on Compare, and in the bundle downloaded. The same with a workspace
made from a bundle of the rent-control corpus instead of an empty one."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
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


def fill_first(page, label: str, value: str) -> None:
    """Type into the first field of that label (the Edit page's tabs all hold an "Id")."""
    box = page.get_by_label(label, exact=True).first
    box.fill(value)
    box.press("Tab")
    idle(page)


def use_the_best_passage(page, artifacts, name: str) -> str:
    """Find passages of the tram text for "who benefits", and use the best one as evidence of
    its author, a new voice, at +2; the position is then on Compare."""
    to_page(page, "Find passages")
    choose(page, "Topic", "Who benefits from a cap")
    choose(page, "Document", "Rents and the tram line")
    expect(page.get_by_text(re.compile(r"paragraphs of “Rents and the tram line”"))).to_be_visible()
    assert "doc=" in page.url and "topic=" in page.url
    shot(page, artifacts, f"{name}-passages", whole=True)
    page.get_by_role("button", name="Use as evidence").first.click()
    idle(page)
    expect(page.get_by_label("The new voice's name", exact=True)).to_have_value("Dana Fields")
    heading = page.get_by_text(re.compile("^Use as evidence: ")).first.inner_text()
    quote = re.search(r"“(.+)”", heading).group(1)  # the highlighted sentences
    pick(page, "Its stance on", "+2 · fully")
    summary = page.get_by_label("Summary, in your words", exact=True)
    summary.fill("Fields sees families with old leases kept and newcomers priced out.")
    summary.press("Tab")
    idle(page)
    shot(page, artifacts, f"{name}-evidence-form", whole=True)
    page.get_by_role("button", name="Save as evidence").click()
    idle(page)
    expect(
        page.get_by_text("New position of Dana Fields on “Who benefits from a cap”")
    ).to_be_visible()
    expect(page.get_by_text("already quoted here by Dana Fields").first).to_be_visible()
    page.get_by_role("link", name="See it on Compare").click()
    idle(page)
    assert "/compare" in page.url, page.url
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("Dana Fields").first).to_be_visible()
    expect(main.get_by_text("Fields sees families with old leases kept").first).to_be_visible()
    expect(main.get_by_text(quote).first).to_be_visible()
    shot(page, artifacts, f"{name}-compare", whole=True)
    return quote


def test_a_new_user_from_an_empty_workspace_to_a_position_on_compare(
    new_user_server, page, artifacts
):
    """Everything in the app: an empty workspace, a text, a topic made on the Edit page."""
    open_app(page, f"{new_user_server}/workspace")
    type_into(page, "Name", "Own reading")
    page.get_by_role("button", name="Create workspace").click()
    idle(page)
    expect(page.get_by_text("“Own reading” created")).to_be_visible()
    add_the_text(page)
    to_page(page, "Find passages")
    expect(page.get_by_text("This corpus has no topics yet")).to_be_visible()
    assert "ws=Own+reading" in page.url
    page.get_by_role("link", name="Add a topic on the Edit page").click()
    idle(page)
    assert "/edit" in page.url and "ws=Own+reading" in page.url, page.url
    fill_first(page, "Id", "who-benefits")
    fill_first(page, "Label (a few words, for menus and headings)", "Who benefits from a cap")
    fill_first(
        page, "Question (ends with a question mark)", "Whom does a rent cap help, and whom hurt?"
    )
    fill_first(page, "Low pole (−2): a claim someone holds", "sitting tenants gain at others' cost")
    fill_first(page, "High pole (+2): a claim someone holds", "caps protect tenants at risk")
    page.get_by_role("button", name="Add the topic").click()
    idle(page)
    shot(page, artifacts, "new-user-topic-added", whole=True)
    quote = use_the_best_passage(page, artifacts, "new-user-empty")
    assert "ws=Own+reading" in page.url, page.url

    # the bundle to hand to a colleague holds the topic, the voice and the position
    to_page(page, "Workspace")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the bundle (.zip)").click()
    with zipfile.ZipFile(download.value.path()) as bundle:
        names = bundle.namelist()
        positions = [
            n for n in names if n.startswith("analysis/positions/") and n.endswith(".yaml")
        ]
        assert len(positions) == 1, names
        written = yaml.safe_load(bundle.read(positions[0]))
        voices = yaml.safe_load(bundle.read("analysis/voices.yaml"))
    assert written["positions"][0]["evidence"] == [quote]
    assert written["positions"][0]["stance"] == 2
    assert [v["name"] for v in voices] == ["Dana Fields"]


def test_a_new_user_with_a_bundle_goes_to_a_position_on_compare(new_user_server, page, artifacts):
    """A workspace from a bundle of the rent-control corpus (topics, camps, voices made), the
    new text uploaded into it, then the same passage used as evidence."""
    open_app(page, f"{new_user_server}/workspace")
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
    use_the_best_passage(page, artifacts, "new-user-bundle")
    assert "ws=Rent+seminar" in page.url, page.url
    # the bundle's voices are there beside the new one
    expect(page.locator("[data-testid='stMain']").get_by_text("Marta Silva").first).to_be_visible()
