"""The Edit page in a real browser, on a workspace copy of the second corpus: add a topic (its
pole labels previewed as they will read), then a position on it whose evidence is a sentence
chosen in a paragraph of the document, and see the position on Compare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from perspectives.store.workspaces import workspace_store
from tests.e2e.conftest import open_app, running_server, shot

RENT = Path(__file__).resolve().parents[1] / "corpora" / "rent-control"


@pytest.fixture(scope="module")
def edit_server(artifacts, tmp_path_factory):
    db = tmp_path_factory.mktemp("edit-store") / "workspace.db"
    with workspace_store(f"sqlite:///{db}") as store:
        store.create_copy("Rent", RENT)
    with running_server({"PERSPECTIVES_DB": str(db), "DATABASE_URL": ""}) as url:
        yield url


def idle(page) -> None:
    page.wait_for_timeout(400)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def panel(page):
    """The tab shown."""
    return page.get_by_role("tabpanel").filter(visible=True)


def type_into(page, label: str, value: str) -> None:
    box = panel(page).get_by_label(label, exact=True)
    box.fill(value)
    box.press("Tab")
    idle(page)


def choose(page, label: str, option: str) -> None:
    """Pick `option` in a select box: click it open; if the list does not open (a click can
    land while the page redraws), type the option's words into the box instead."""
    box = panel(page).get_by_label(label, exact=True)
    box.click()
    choice = page.get_by_role("option", name=option).first
    try:
        choice.wait_for(state="visible", timeout=5_000)
    except PlaywrightTimeoutError:
        box.click()
        page.keyboard.type(option)
        choice.wait_for(state="visible", timeout=10_000)
    choice.click()
    idle(page)


def test_add_a_topic_and_a_position_with_a_chosen_sentence(edit_server, page, artifacts):
    open_app(page, f"{edit_server}/edit?ws=Rent")
    type_into(page, "Id", "deposits")
    type_into(page, "Label (a few words, for menus and headings)", "Deposits")
    type_into(page, "Question (ends with a question mark)", "Should deposits be capped?")
    type_into(page, "Low pole (−2): a claim someone holds", "deposits are the landlord's business")
    type_into(page, "High pole (+2): a claim someone holds", "a cap on deposits protects tenants")
    expect(
        page.get_by_text("A voice at −2 argues for “deposits are the landlord's business”")
    ).to_be_visible()
    shot(page, artifacts, "edit-topic", whole=True)
    panel(page).get_by_role("button", name="Add the topic").click()
    idle(page)
    expect(page.get_by_text("Added the topic “deposits” (revision 2)")).to_be_visible()

    page.get_by_role("tab", name="Positions").click()
    idle(page)
    choose(page, "Voice", "Jonas Brandt")
    choose(page, "Topic", "Deposits")
    choose(page, "Document", "brandt-2022")
    slider = panel(page).get_by_role("slider")
    slider.fill("3")  # the fourth place, +1; the key press commits the change, to +2
    slider.press("ArrowRight")
    expect(slider).to_have_attribute("aria-valuetext", re.compile("fully: a cap on deposits"))
    page.wait_for_timeout(800)
    idle(page)
    reads = "Reads: +2 · fully: a cap on deposits protects tenants"
    expect(page.get_by_text(reads)).to_be_visible()
    box = panel(page).get_by_label(
        "Summary: one to three sentences, in your words, that the voice would accept"
    )
    box.fill("A cap keeps people in their homes while the city builds.")
    box.press("Tab")
    idle(page)
    choose(page, "Paragraph", "¶5 · A cap is not a housing policy")
    sentences = panel(page).get_by_label(
        "The sentence(s) to quote (next to each other)", exact=True
    )
    sentences.click()
    sentences.press_sequentially("A cap is not")  # filters the sentences; Enter takes the first
    page.get_by_role("option", name="A cap is not a housing policy").first.wait_for()
    page.keyboard.press("Enter")
    idle(page)
    page.keyboard.press("Escape")
    panel(page).get_by_role("button", name="Add as evidence").click()
    idle(page)
    expect(panel(page).locator("blockquote")).to_contain_text("it is a brake that keeps people")
    shot(page, artifacts, "edit-position", whole=True)
    panel(page).get_by_role("button", name="Add the position").click()
    idle(page)
    added = "Added the position jonas-brandt/deposits (revision 3)"
    expect(page.get_by_text(added)).to_be_visible()

    open_app(page, f"{edit_server}/compare?topic=deposits&ws=Rent")
    summary = "A cap keeps people in their homes while the city builds."
    expect(page.get_by_text(summary)).to_be_visible()
    shot(page, artifacts, "edit-on-compare")
