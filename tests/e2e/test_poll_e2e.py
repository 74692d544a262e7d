"""A class poll in a real browser: the leader opens it, a participant in another browser context
follows the link, votes with a sentence, and the leader's refreshed view shows the vote."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import open_app, shot

SENTENCE = "Trust is built <b>slowly</b>, not scored."


def _wait_idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def _metric(page, label: str):
    return page.locator("[data-testid='stMetric']").filter(has_text=label).first


def test_open_a_poll_vote_and_see_the_vote(poll_server, browser, page, artifacts):
    open_app(page, f"{poll_server}/poll")
    page.get_by_role("button", name="Open poll").click()
    _wait_idle(page)
    code_metric = _metric(page, "Session code")
    expect(code_metric).to_be_visible()
    code = code_metric.locator("[data-testid='stMetricValue']").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code), code
    assert f"code={code}" in page.url
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    link = page.locator("[data-testid='stCode']").filter(has_text=f"/poll?code={code}").first
    participant_url = link.inner_text().strip()
    assert participant_url == f"{poll_server}/poll?code={code}"
    expect(_metric(page, "Votes in round 1")).to_contain_text("0")
    shot(page, artifacts, "poll-leader-open")

    context = browser.new_context(viewport={"width": 420, "height": 860})  # a phone
    try:
        phone = context.new_page()
        phone.set_default_timeout(30_000)
        open_app(phone, participant_url)
        expect(phone.get_by_text(f"Session {code} · round 1")).to_be_visible()
        expect(phone.get_by_role("button", name="Run again")).to_have_count(0)
        slider = phone.get_by_role("slider")
        slider.focus()
        slider.press("ArrowLeft")  # from 0 to -1
        slider.press("ArrowLeft")  # to -2
        expect(slider).to_have_attribute("aria-valuetext", re.compile("−2 · fully"))
        phone.get_by_label("One sentence on why (optional)").fill(SENTENCE)
        phone.get_by_role("button", name="Send my vote").click()
        _wait_idle(phone)
        expect(phone.get_by_text("Your vote is in")).to_be_visible()
        shot(phone, artifacts, "poll-participant-voted")
    finally:
        context.close()

    page.get_by_role("button", name="Refresh").click()
    _wait_idle(page)
    expect(_metric(page, "Votes in round 1")).to_contain_text("1")
    expect(_metric(page, "Class mean")).to_contain_text("-2.00")
    expect(page.get_by_text(SENTENCE, exact=True)).to_be_visible()  # as text, not as HTML
    expect(page.locator("b", has_text="slowly")).to_have_count(0)
    shot(page, artifacts, "poll-leader-results")
