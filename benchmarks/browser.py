"""The browser figures of benchmarks/run.py: the app against a one-line Streamlit app in
headless Chromium (Playwright, /usr/bin/chromium, as the end-to-end tests drive it).

- cold start: from launching `streamlit run` to a rendered first page (the app's Compare with
  its chart; the floor's one line), median of `runs`;
- page switch: a click in the sidebar's menu to the end of the new page's run (the app: to
  Voices, to Documents and back to Compare; the floor: between its two pages);
- widget: choosing another option of a select box (the app: Compare's topic) to the end of the
  rerun.

An action ends when the main area's headings have changed (each page has its own; the topic's
question is Compare's heading; the floor app writes the chosen option as a heading) and the
script is no longer running.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"

FLOOR_APP = """import streamlit as st


def one():
    st.title("One")
    st.header(st.selectbox("Topic", ["First", "Second", "Third"], key="one-topic"))


def two():
    st.title("Two")
    st.header(st.selectbox("Topic", ["First", "Second", "Third"], key="two-topic"))


pages = [st.Page(one, title="One", url_path="one"), st.Page(two, title="Two", url_path="two")]
st.navigation(pages).run()
"""

HEADINGS = """() => [...document.querySelectorAll(
  "[data-testid='stMain'] [data-testid='stHeading']")].map((e) => e.textContent).join("|")"""
FINISHED = """(before) => {
  const now = [...document.querySelectorAll(
    "[data-testid='stMain'] [data-testid='stHeading']")].map((e) => e.textContent).join("|");
  const app = document.querySelector("[data-testid='stApp']");
  return now !== "" && now !== before
    && app.getAttribute('data-test-script-state') === 'notRunning';
}"""
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch(script: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit run {script.name} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    raise RuntimeError(f"streamlit run {script.name} did not start")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _rendered(page, floor: bool) -> None:
    if floor:
        page.get_by_role("heading", name="One").wait_for()
    else:
        page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.wait_for()
        page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    page.wait_for_selector(IDLE)


def _open(browser, url: str, floor: bool):
    """A new browser context with `url` open and its first page rendered."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(url)
    _rendered(page, floor)
    return context, page


def cold_start(browser, script: Path, floor: bool) -> float:
    """Seconds from launching the server to a rendered first page in a new browser context."""
    started = time.perf_counter()
    proc, url = _launch(script)
    try:
        context, page = _open(browser, url, floor)
        took = time.perf_counter() - started
        context.close()
        return took
    finally:
        _stop(proc)


def _act(page, action) -> float:
    before = page.evaluate(HEADINGS)
    started = time.perf_counter()
    action()
    page.wait_for_function(FINISHED, arg=before, polling=10)
    return time.perf_counter() - started


def _choose(page, option: int):
    def act() -> None:
        page.locator("[role='option']").nth(option).click()

    page.locator("[data-testid='stSelectbox']").filter(has_text="Topic").first.click()
    page.locator("[role='option']").first.wait_for()
    return act


def interactions(browser, script: Path, floor: bool, runs: int) -> tuple[float, float]:
    """(median page switch, median select box change) in seconds."""
    proc, url = _launch(script)
    try:
        context, page = _open(browser, url, floor)
        page.wait_for_timeout(500)
        tour = ["Two", "One"] if floor else ["Voices", "Documents", "Compare"]
        nav = page.locator("[data-testid='stSidebarNav']")
        switches = []
        for _ in range(runs):
            for title in tour:
                link = nav.get_by_role("link", name=title, exact=True)
                switches.append(_act(page, link.click))
                page.wait_for_timeout(200)
        changes = []
        for number in range(max(runs, 2) * 2):
            act = _choose(page, 1 + number % 2)
            changes.append(_act(page, act))
            page.wait_for_timeout(200)
        context.close()
        return statistics.median(switches), statistics.median(changes)
    finally:
        _stop(proc)


def browser_figures(runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"the browser figures need Chromium at {CHROMIUM}")
    with tempfile.TemporaryDirectory() as tmp:
        # The app's corpus snapshots and store go to this run's folder, not the user's.
        os.environ["PERSPECTIVES_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ["PERSPECTIVES_DB"] = str(Path(tmp) / "workspace.db")
        floor_app = Path(tmp) / "floor_app.py"
        floor_app.write_text(FLOOR_APP, encoding="utf-8")
        app = ROOT / "app.py"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
            )
            try:
                cold = [cold_start(browser, app, False) for _ in range(runs)]
                cold_floor = [cold_start(browser, floor_app, True) for _ in range(runs)]
                switch, widget = interactions(browser, app, False, runs)
                switch_floor, widget_floor = interactions(browser, floor_app, True, runs)
            finally:
                browser.close()
    return {
        "cold_start_ms": round(statistics.median(cold) * 1000),
        "cold_start_floor_ms": round(statistics.median(cold_floor) * 1000),
        "switch_ms": round(switch * 1000),
        "switch_floor_ms": round(switch_floor * 1000),
        "switch_ratio": round(switch / switch_floor, 2),
        "widget_ms": round(widget * 1000),
        "widget_floor_ms": round(widget_floor * 1000),
        "widget_ratio": round(widget / widget_floor, 2),
    }
