"""Every page on a 390 px phone: no exception, no horizontal scrolling of the page; every bad
deep link names the bad id; and a poll participant who reloads the page stays one participant.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_app, shot

PHONE = {"width": 390, "height": 844}
PAGES = {
    "compare": "/?topic=covid-19",
    "head-to-head": "/?view=head-to-head&voices=bing-song,viola-rothschild,the-bl,john-keane",
    "matrix": "/matrix?topic=covid-19&voice=the-bl",
    "voices": "/voices?voice=the-bl",
    "documents": "/documents?doc=yang-2023&p=3",
    "search": "/search?q=democracy",
    "timeline": "/timeline?topic=tiananmen-legacy",
    "debate": "/debate?motion=economic-nato&side=proposition",
    "seminar": "/seminar?topics=social-credit,covid-19",
    "poll": "/poll",
    "quiz": "/quiz",
    "corpus": "/corpus",
}
BAD_LINKS = {
    "/?topic=nope-topic": "nope-topic",
    "/voices?voice=nope-voice": "nope-voice",
    "/documents?doc=nope-doc&p=999": "nope-doc",
    "/debate?motion=nope-motion": "nope-motion",
    "/seminar?topics=nope-topics": "nope-topics",
    "/poll?code=ZZZZZZ": "ZZZZZZ",
}
PAGE_STATE = """() => ({
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  exceptions: document.querySelectorAll('[data-testid=stException]').length,
  traceback: document.body.innerText.includes('Traceback'),
})"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_fits_a_phone_without_an_exception(server, phone, artifacts, name):
    open_app(phone, server + PAGES[name])
    state = phone.evaluate(PAGE_STATE)
    shot(phone, artifacts, f"phone-page-{name}")
    assert state["exceptions"] == 0 and not state["traceback"], state
    assert state["overflow"] <= 1, state


@pytest.mark.parametrize("path", list(BAD_LINKS))
def test_a_bad_deep_link_names_the_bad_id(server, phone, path):
    open_app(phone, server + path)
    alerts = phone.locator("[data-testid=stAlertContentWarning], [data-testid=stAlertContentError]")
    expect(alerts.filter(has_text=BAD_LINKS[path]).first).to_be_visible()
    assert phone.evaluate(PAGE_STATE)["exceptions"] == 0


def test_a_participant_who_reloads_stays_one_participant(poll_server, browser, page):
    open_app(page, f"{poll_server}/poll")
    page.get_by_role("button", name="Open poll").click()
    page.wait_for_url(re.compile(r"code="))
    code = re.search(r"code=([A-Z0-9]+)", page.url).group(1)
    context = browser.new_context(viewport=PHONE)
    try:
        voter = context.new_page()
        voter.set_default_timeout(30_000)
        open_app(voter, f"{poll_server}/poll?code={code}")
        voter.get_by_role("button", name="Send my vote").click()
        expect(voter.get_by_text("Your vote is in")).to_be_visible()
        voter.reload()  # a new Streamlit session: the token comes back from the cookie
        open_app(voter, f"{poll_server}/poll?code={code}")
        voter.get_by_role("button", name="Change my vote").click()
        expect(voter.get_by_text("Your vote is in")).to_be_visible()
    finally:
        context.close()
    votes = page.locator("[data-testid='stMetric']").filter(has_text="Votes in round 1")
    expect(votes.locator("[data-testid='stMetricValue']")).to_have_text("1", timeout=15_000)
