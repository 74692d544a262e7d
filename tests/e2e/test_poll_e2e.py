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
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port, open_app, running_server, shot

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
def mapped_browser(browser):
    """Chromium that resolves PUBLIC_HOST to this machine (as a room's DNS would), launched by
    the session's Playwright: a second `sync_playwright()` in the same thread is refused while
    the first one runs."""
    mapped = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {PUBLIC_HOST} 127.0.0.1"],
    )
    yield mapped
    mapped.close()


def _qr_text_matches(page, qr, url: str) -> bool:
    """Whether the QR image the page serves has exactly the modules of `url`'s QR code: its
    module centres sampled (no QR decoder needed), against `exports.qr.qr_matrix`."""
    from PIL import Image

    from perspectives.exports.qr import qr_matrix

    src = qr.get_attribute("src") or ""
    data = page.request.get(urljoin(page.url, src)).body()
    image = Image.open(io.BytesIO(data)).convert("L")
    expected = qr_matrix(url)
    n = len(expected)
    step_x, step_y = image.width / n, image.height / n
    seen = [
        [image.getpixel((int((x + 0.5) * step_x), int((y + 0.5) * step_y))) < 128 for x in range(n)]
        for y in range(n)
    ]
    return seen == [list(row) for row in expected]


def _phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def _slide(phone, presses: str, *keys: str) -> None:
    slider = phone.get_by_role("slider")
    slider.focus()
    for key in keys:
        slider.press(key)
    expect(slider).to_have_attribute("aria-valuetext", re.compile(presses))
    _wait_idle(phone)


def _send(phone) -> None:
    phone.get_by_role("button", name=re.compile("(Send|Change) my vote")).click()
    _wait_idle(phone)
    expect(phone.get_by_text("Your vote is in")).to_be_visible()


def _wait_idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def _metric(page, label: str):
    return page.locator("[data-testid='stMetric']").filter(has_text=label).first


def _value(page, label: str):
    return _metric(page, label).locator("[data-testid='stMetricValue']")


def test_phones_join_by_the_public_link_and_the_leader_sees_votes_arrive(
    public_poll, mapped_browser, artifacts
):
    local_url, public_url = public_poll
    leader_context = mapped_browser.new_context(viewport={"width": 1366, "height": 900})
    phones = [_phone(mapped_browser) for _ in range(3)]
    (_, one), (_, two), (_, three) = phones
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
        assert _qr_text_matches(page, qr, participant_url)  # the QR code holds the public link
        expect(page.locator("[data-testid='stAlertContentWarning']")).to_have_count(0)
        expect(page.get_by_role("button", name="Refresh")).to_have_count(0)
        expect(_value(page, "Votes in round 1")).to_have_text("0")
        shot(page, artifacts, "poll-leader-open")

        for phone in (one, two, three):  # by the public name, as a scanned QR code would
            open_app(phone, participant_url)
            expect(phone.get_by_text(f"Session {code} · round 1")).to_be_visible()
            expect(phone.get_by_role("button", name=re.compile("Run again"))).to_have_count(0)
            expect(phone.get_by_role("button", name="Close the poll")).to_have_count(0)
        _slide(one, "−2 · fully", "ArrowLeft", "ArrowLeft")
        sentence = one.get_by_label("One sentence on why (optional)")
        sentence.fill(SENTENCE)
        sentence.press("Tab")
        _wait_idle(one)
        _send(one)
        shot(one, artifacts, "poll-participant-voted")

        # The leader presses nothing: the results fragment redraws itself.
        expect(_value(page, "Votes in round 1")).to_have_text("1", timeout=LIVE)
        expect(_value(page, "Class mean")).to_have_text("-2.00")
        expect(page.get_by_text(SENTENCE, exact=True)).to_be_visible()  # as text, not HTML
        expect(page.locator("b", has_text="slowly")).to_have_count(0)
        _slide(two, r"\+1 · mostly", "ArrowRight")
        _send(two)
        expect(_value(page, "Votes in round 1")).to_have_text("2", timeout=LIVE)
        expect(_value(page, "Class mean")).to_have_text("-0.50")
        shot(page, artifacts, "poll-leader-live-results")

        _slide(three, r"\+2 · fully", "ArrowRight", "ArrowRight")  # chosen, not sent
        page.get_by_role("button", name="Run again (start round 2)").click()
        _wait_idle(page)
        expect(_value(page, "Votes in round 2")).to_have_text("0")
        # The phones, untouched, move to round 2 with their answers kept.
        for phone, kept in ((one, "−2 · fully"), (two, r"\+1 · mostly"), (three, r"\+2 · fully")):
            expect(phone.get_by_text("The leader has started round 2")).to_be_visible(timeout=LIVE)
            expect(phone.get_by_text(f"Session {code} · round 2")).to_be_visible()
            expect(phone.get_by_role("slider")).to_have_attribute(
                "aria-valuetext", re.compile(kept)
            )
            expect(phone.get_by_text("takes no votes")).to_have_count(0)
        shot(three, artifacts, "poll-participant-moved")
        _send(three)
        _slide(one, "−1 · mostly", "ArrowRight")
        _send(one)

        expect(_value(page, "Votes in round 2")).to_have_text("2", timeout=LIVE)
        expect(_metric(page, "Changed their stance")).to_contain_text("1 of 1")
        shot(page, artifacts, "poll-leader-round-2", whole=True)

        files = {}
        for label in ("Votes (CSV)", "Votes (JSON)", "Chart (PNG)"):
            with page.expect_download() as download:
                page.get_by_role("button", name=label).click()
            assert download.value.failure() is None, (label, download.value.failure())
            path = download.value.path()
            files[download.value.suggested_filename] = Path(path).read_bytes()
        stem = f"poll-{code}-social-credit"
        assert sorted(files) == [f"{stem}.csv", f"{stem}.json", f"{stem}.png"]
        rows = list(csv.DictReader(io.StringIO(files[f"{stem}.csv"].decode())))
        votes = [("1", "-2"), ("1", "1"), ("2", "2"), ("2", "-1")]
        assert [(r["round"], r["stance"]) for r in rows] == votes
        assert rows[0]["sentence"] == SENTENCE
        assert [r["stance"] for r in json.loads(files[f"{stem}.json"])] == [-2, 1, 2, -1]
        assert files[f"{stem}.png"][:8] == b"\x89PNG\r\n\x1a\n"
        (artifacts / "poll-results-chart.png").write_bytes(files[f"{stem}.png"])

        page.get_by_role("button", name="Close the poll").click()
        _wait_idle(page)
        expect(page.get_by_text("Closed: round 2 takes no more votes")).to_be_visible()
        expect(one.get_by_text("The leader has closed the poll")).to_be_visible(timeout=LIVE)
        expect(one.get_by_role("button", name="Change my vote")).to_be_disabled()
        shot(one, artifacts, "poll-participant-closed")
    finally:
        for context, _ in phones:
            context.close()
        leader_context.close()
