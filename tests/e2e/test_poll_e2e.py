"""A class poll in a real browser, as in a room: the leader opens the app at 127.0.0.1 on the
laptop, a phone (another browser context) joins by the link the page shows, which is on the
public address ($PERSPECTIVES_PUBLIC_URL, a name the browser maps to this machine), votes with
a sentence, and the leader's results show the vote without anyone pressing anything. Then the
leader starts round 2 while the phone is still on round 1: the phone moves on by itself with
its answer kept, votes again, and the leader sees it arrive; the leader downloads the results
and closes the poll, and the phone shows it closed."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, _free_port, browser_gate, open_app, running_server, shot

SENTENCE = "Trust is built <b>slowly</b>, not scored."
PUBLIC_HOST = "class-poll.test"  # mapped to 127.0.0.1 inside the browser only
LIVE = 15_000  # ms: several of the leader's 3 s refreshes, the phone's 5 s round check


@pytest.fixture(scope="module")
def public_poll(artifacts, tmp_path_factory):
    """A server of its own (a fresh SQLite store) whose public url is http://PUBLIC_HOST:PORT."""
    port = _free_port()
    db = tmp_path_factory.mktemp("poll-public") / "workspace.db"
    env = {
        "PERSPECTIVES_DB": str(db),
        "DATABASE_URL": "",
        "PERSPECTIVES_PUBLIC_URL": f"http://{PUBLIC_HOST}:{port}",
    }
    with running_server(env, port=port) as url:
        yield url, f"http://{PUBLIC_HOST}:{port}"


@pytest.fixture(scope="module")
def mapped_browser():
    """Chromium that resolves PUBLIC_HOST to this machine (as a room's DNS would)."""
    browser_gate()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                f"--host-resolver-rules=MAP {PUBLIC_HOST} 127.0.0.1",
            ],
        )
        yield browser
        browser.close()


def _wait_idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def _metric(page, label: str):
    return page.locator("[data-testid='stMetric']").filter(has_text=label).first


def _value(page, label: str):
    return _metric(page, label).locator("[data-testid='stMetricValue']")


def test_a_phone_joins_by_the_public_link_and_the_leader_sees_votes_arrive(
    public_poll, mapped_browser, artifacts
):
    local_url, public_url = public_poll
    leader_context = mapped_browser.new_context(viewport={"width": 1366, "height": 900})
    phone_context = mapped_browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = leader_context.new_page()
        page.set_default_timeout(30_000)
        open_app(page, f"{local_url}/poll")  # the leader on the laptop, at 127.0.0.1
        page.get_by_role("button", name="Open poll").click()
        _wait_idle(page)
        code = _value(page, "Session code").inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{6}", code), code
        link = page.locator("[data-testid='stCode']").filter(has_text=f"/poll?code={code}").first
        participant_url = link.inner_text().strip()
        assert participant_url == f"{public_url}/poll?code={code}"
        qr = page.get_by_role("img", name=re.compile("QR code"))
        expect(qr).to_be_visible()
        for text in (participant_url, qr.get_attribute("alt") or ""):
            assert "127.0.0.1" not in text and "localhost" not in text, text
        expect(page.locator("[data-testid='stAlertContentWarning']")).to_have_count(0)
        expect(page.get_by_role("button", name="Refresh")).to_have_count(0)
        expect(_value(page, "Votes in round 1")).to_have_text("0")
        shot(page, artifacts, "poll-leader-open")

        phone = phone_context.new_page()
        phone.set_default_timeout(30_000)
        open_app(phone, participant_url)  # by the public name, as a scanned QR code would
        expect(phone.get_by_text(f"Session {code} · round 1")).to_be_visible()
        expect(phone.get_by_role("button", name=re.compile("Run again"))).to_have_count(0)
        slider = phone.get_by_role("slider")
        slider.focus()
        slider.press("ArrowLeft")  # from 0 to -1
        slider.press("ArrowLeft")  # to -2
        expect(slider).to_have_attribute("aria-valuetext", re.compile("−2 · fully"))
        sentence = phone.get_by_label("One sentence on why (optional)")
        sentence.fill(SENTENCE)
        sentence.press("Tab")
        _wait_idle(phone)
        phone.get_by_role("button", name="Send my vote").click()
        _wait_idle(phone)
        expect(phone.get_by_text("Your vote is in")).to_be_visible()
        shot(phone, artifacts, "poll-participant-voted")

        # The leader presses nothing: the results fragment redraws itself.
        expect(_value(page, "Votes in round 1")).to_have_text("1", timeout=LIVE)
        expect(_value(page, "Class mean")).to_have_text("-2.00")
        expect(page.get_by_text(SENTENCE, exact=True)).to_be_visible()  # as text, not HTML
        expect(page.locator("b", has_text="slowly")).to_have_count(0)
        shot(page, artifacts, "poll-leader-live-results")

        page.get_by_role("button", name="Run again (start round 2)").click()
        _wait_idle(page)
        expect(_value(page, "Votes in round 2")).to_have_text("0")
        # The phone, untouched, moves to round 2 with its answer kept.
        expect(phone.get_by_text("The leader has started round 2")).to_be_visible(timeout=LIVE)
        expect(phone.get_by_text(f"Session {code} · round 2")).to_be_visible()
        expect(slider).to_have_attribute("aria-valuetext", re.compile("−2 · fully"))
        expect(phone.get_by_text("takes no votes")).to_have_count(0)
        shot(phone, artifacts, "poll-participant-moved")
        slider.focus()
        slider.press("ArrowRight")  # to -1
        _wait_idle(phone)
        phone.get_by_role("button", name="Send my vote").click()
        _wait_idle(phone)
        expect(phone.get_by_text("Your vote is in")).to_be_visible()

        expect(_value(page, "Votes in round 2")).to_have_text("1", timeout=LIVE)
        expect(_metric(page, "Changed their stance")).to_contain_text("1 of 1")
        shot(page, artifacts, "poll-leader-round-2", whole=True)

        files = {}
        for label in ("Votes (CSV)", "Votes (JSON)", "Chart (PNG)"):
            with page.expect_download() as download:
                page.get_by_role("button", name=label).click()
            path = download.value.path()
            files[download.value.suggested_filename] = Path(path).read_bytes()
        stem = f"poll-{code}-social-credit"
        assert sorted(files) == [f"{stem}.csv", f"{stem}.json", f"{stem}.png"]
        rows = list(csv.DictReader(io.StringIO(files[f"{stem}.csv"].decode())))
        assert [(r["round"], r["stance"]) for r in rows] == [("1", "-2"), ("2", "-1")]
        assert rows[0]["sentence"] == SENTENCE
        assert [r["stance"] for r in json.loads(files[f"{stem}.json"])] == [-2, -1]
        assert files[f"{stem}.png"][:8] == b"\x89PNG\r\n\x1a\n"
        (artifacts / "poll-results-chart.png").write_bytes(files[f"{stem}.png"])

        page.get_by_role("button", name="Close the poll").click()
        _wait_idle(page)
        expect(page.get_by_text("Closed: round 2 takes no more votes")).to_be_visible()
        expect(phone.get_by_text("The leader has closed the poll")).to_be_visible(timeout=LIVE)
        expect(phone.get_by_role("button", name="Change my vote")).to_be_disabled()
        shot(phone, artifacts, "poll-participant-closed")
    finally:
        phone_context.close()
        leader_context.close()
