"""A real browser against `streamlit run`: Debian's Chromium driven by Playwright.

Without /usr/bin/chromium the tests skip with the reason, unless PERSPECTIVES_REQUIRE_BROWSER
is set (as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("PERSPECTIVES_ARTIFACTS", ROOT / "artifacts"))
REQUIRED = bool(os.environ.get("PERSPECTIVES_REQUIRE_BROWSER"))


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy at {url} in {timeout} s")


def start_server(env_extra: dict[str, str] | None = None, port: int | None = None):
    browser_gate()  # no server is started for tests that cannot run
    port = port or _free_port()
    env = {**os.environ, **(env_extra or {})}
    log = open(ARTIFACTS / f"streamlit-{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
    except Exception:
        proc.terminate()
        raise
    return proc, url, log


@contextmanager
def running_server(
    env_extra: dict[str, str] | None = None, port: int | None = None
) -> Iterator[str]:
    """A `streamlit run` of the app for the length of the block (its url), stopped after; on
    `port` when given (a free one otherwise)."""
    proc, url, log = start_server(env_extra, port)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def server(artifacts):
    with running_server() as url:
        yield url


def browser_missing(chromium: str = CHROMIUM) -> str | None:
    """Why the end-to-end tests cannot run here, or None when they can."""
    if not Path(chromium).exists():
        return f"end-to-end tests need Debian's Chromium at {chromium} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "end-to-end tests need Playwright for Python (pip install -r requirements-dev.txt)"
    return None


def browser_gate(chromium: str = CHROMIUM) -> None:
    """Skip with the reason when no browser can run; fail instead when
    $PERSPECTIVES_REQUIRE_BROWSER is set (read at call time), as in CI."""
    reason = browser_missing(chromium)
    if reason is None:
        return
    if os.environ.get("PERSPECTIVES_REQUIRE_BROWSER"):
        pytest.fail(reason + "; PERSPECTIVES_REQUIRE_BROWSER is set", pytrace=False)
    pytest.skip(reason)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    browser_gate()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def open_app(page, url: str) -> None:
    """Go to `url` and wait until the script has finished running."""
    page.goto(url)
    # The app reads "notRunning" before its first run has begun: wait for the page's first
    # element, so a slow first run (a loaded CI machine) is not taken for a finished one.
    page.wait_for_selector("[data-testid='stMain'] [data-testid='stElementContainer']")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def shot(page, artifacts: Path, name: str, whole: bool = False) -> Path:
    """Save a screenshot. Streamlit scrolls inside its main container, so a full-page shot holds
    only the viewport; `whole=True` grows the viewport to the content for the shot (up to 8000
    px) and restores it (this loses the scroll position: take scrolled views with the default)."""
    path = artifacts / f"{name}.png"
    size = page.viewport_size
    if whole and size:
        height = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]');"
            " return m ? m.scrollHeight : document.documentElement.scrollHeight; }"
        )
        page.set_viewport_size({"width": size["width"], "height": min(max(height, 1), 8000)})
        page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    if whole and size:
        page.set_viewport_size(size)
    return path


@pytest.fixture(scope="session")
def poll_server(artifacts, tmp_path_factory):
    """A server of its own whose poll store is a fresh SQLite file ($PERSPECTIVES_DB), so the
    poll tests never touch a user's workspace, nor a PostgreSQL named by $DATABASE_URL."""
    db = tmp_path_factory.mktemp("poll-store") / "workspace.db"
    env = {"PERSPECTIVES_DB": str(db), "DATABASE_URL": ""}
    with running_server(env) as url:
        yield url
