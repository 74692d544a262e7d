"""Every page of a corpus whose every free-text field holds markup and script, in a real browser:
no dialog fires, no element the payload describes appears, and the payload is visible as text.

AppTest sees what Streamlit is asked to draw; only a browser shows whether Markdown, HTML or a
chart tooltip turned a field into markup.
"""

from __future__ import annotations

import pytest

from perspectives.corpus import load_corpus
from tests.conftest import make_corpus_files, write_files
from tests.e2e.conftest import open_app, running_server, shot

# One marker per payload kind, each naming an element or a link that must never exist.
PAYLOAD = (
    ' <img id="pwned-img" src="x" onerror="alert(1)">'
    " <script id='pwned-script'>alert(2)</script>"
    " [pwned](javascript:alert(3)) **pwned-bold** :red[pwned-red]"
)
# Fields that are free text for a reader (never ids, references, dates or quotes).
TEXT_FIELDS = {
    "name",
    "description",
    "label",
    "question",
    "role",
    "summary",
    "about",
    "attributed_to",
    "text",
    "thesis",
    "title",
    "outlet",
    "genre",
    "low",
    "high",
}


def _poison(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_FIELDS:
        return value + PAYLOAD
    return value


@pytest.fixture(scope="module")
def payload_dir(tmp_path_factory):
    files = make_corpus_files()
    for name, content in files.items():
        if name.startswith("documents/"):
            content.meta = _poison(content.meta)
            content.meta["notes"] = {k: v + PAYLOAD for k, v in content.meta["notes"].items()}
            content.text = content.text + "Closing line." + PAYLOAD + "\n"
        elif name == "corpus.yaml":
            content["name"] += PAYLOAD
            content["description"] += PAYLOAD
            for end in ("low", "high"):
                content["orientation"][end]["label"] += PAYLOAD
        else:
            files[name] = _poison(content)
    files["analysis/guides.yaml"][0]["cautions"] = ["One-sided." + PAYLOAD]
    root = write_files(tmp_path_factory.mktemp("payloads") / "corpus", files)
    corpus = load_corpus(root)  # the payloads are valid text: the corpus loads whole
    assert PAYLOAD in corpus.topics[0].label and PAYLOAD in corpus.voices[0].name
    return root


@pytest.fixture(scope="module")
def payload_server(payload_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("payload-db") / "store.db"
    env = {"PERSPECTIVES_CORPUS": str(payload_dir), "PERSPECTIVES_DB": str(db)}
    with running_server(env) as url:
        yield url


PAGES = [
    ("compare", "/compare?topic=social-credit"),
    ("head-to-head", "/compare?topic=social-credit&view=head&voices=ann-writer,ben-critic"),
    ("matrix", "/matrix?topic=social-credit&voice=ben-critic"),
    ("voices", "/voices?voice=ben-critic"),
    ("documents", "/documents?doc=trust-essay"),
    ("search", "/search?q=trust"),
    ("timeline", "/timeline"),
    ("debate", "/debate?motion=trust-not-control"),
    ("seminar", "/seminar?topic=social-credit"),
    ("poll", "/poll"),
    ("quiz", "/quiz"),
    ("workspace", "/workspace"),
    ("corpus", "/corpus"),
    ("problems", "/problems"),
]
# Pages whose payload-bearing text is drawn in a chart or a data grid (a canvas: no inner text),
# or that show no corpus text (Workspace, Problems of a valid corpus).
SHOWN_IN_CHARTS_AND_TABLES = {"timeline", "workspace", "problems"}
INJECTED = """() => ({
  img: document.querySelectorAll('#pwned-img').length,
  script: document.querySelectorAll('#pwned-script').length,
  js_links: document.querySelectorAll('a[href^="javascript"]').length,
  bold: [...document.querySelectorAll('strong, b')]
    .filter(e => e.textContent === 'pwned-bold').length,
})"""


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_payloads_in_every_field_stay_text(payload_server, page, artifacts, name, path):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, f"{payload_server}{path}")
    page.wait_for_timeout(700)  # charts and their tooltips draw after the script ends
    for chart in page.locator("[data-testid=stVegaLiteChart] canvas, .vega-embed svg").all()[:2]:
        chart.hover()  # a tooltip is HTML the chart library writes
        page.wait_for_timeout(200)
    shot(page, artifacts, f"payloads-{name}", whole=True)
    assert page.evaluate(INJECTED) == {"img": 0, "script": 0, "js_links": 0, "bold": 0}
    assert dialogs == []
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "Traceback" not in text
    if name not in SHOWN_IN_CHARTS_AND_TABLES:
        assert '<img id="pwned-img"' in text, f"{name}: the payload is not shown as text"
