"""Ballot stuffing attempts in a real browser (issue 12): reloading and voting again counts once
(the poll's cookie keeps the participant); a forged, malformed cookie is not taken as a token;
a participant the leader removes no longer counts. See DECISIONS, "Poll integrity"."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import open_app, shot


def _idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def _votes(page):
    return page.locator("[data-testid='stMetric']").filter(has_text="Votes in round 1").first


def _send(phone, label: str = "Send my vote") -> None:
    phone.get_by_role("button", name=label).click()
    _idle(phone)
    expect(phone.get_by_text("Your vote is in")).to_be_visible()


def test_reloading_to_vote_again_counts_once_and_the_leader_removes_a_stuffer(
    poll_server, browser, page, artifacts
):
    open_app(page, f"{poll_server}/poll")
    page.get_by_role("button", name="Open poll").click()
    _idle(page)
    code = re.search(r"code=([A-Z0-9]{6})", page.url).group(1)

    context = browser.new_context(viewport={"width": 420, "height": 860})
    try:
        phone = context.new_page()
        phone.set_default_timeout(30_000)
        open_app(phone, f"{poll_server}/poll?code={code}")
        _send(phone)
        cookie = f"perspectives_participant_{code}"
        kept = {c["name"]: c["value"] for c in context.cookies()}
        assert re.fullmatch(r"[0-9a-f]{32}", kept.get(cookie, "")), kept
        for _ in range(3):  # reload (a new session) and vote again: the same participant
            open_app(phone, f"{poll_server}/poll?code={code}")
            _send(phone, "Change my vote")
        # A forged cookie that is not a token is ignored: a new participant, never a crash.
        context.add_cookies([{"name": cookie, "value": "x'%3B<script>", "url": poll_server}])
        open_app(phone, f"{poll_server}/poll?code={code}")
        expect(phone.locator("[data-testid='stException']")).to_have_count(0)
        _send(phone)
    finally:
        context.close()

    page.get_by_role("button", name="Refresh").click()
    _idle(page)
    expect(_votes(page)).to_contain_text("2")
    page.get_by_text("Who voted in round 1").click()
    expect(page.get_by_text("2 participants")).to_be_visible()
    removes = page.get_by_role("button", name="Remove")
    expect(removes).to_have_count(2)
    expect(removes.first).to_be_visible()
    removes.first.scroll_into_view_if_needed()
    shot(page, artifacts, "poll-who-voted")
    removes.last.click()
    _idle(page)
    expect(_votes(page)).to_contain_text("1")
    expect(page.get_by_role("button", name="Remove")).to_have_count(1)
