"""The active corpus source (`?ws=NAME`): every page works on a workspace exactly as on the
default corpus, the choice survives page switches, and every link keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.store import workspaces as store
from perspectives.store.engine import dispose_engines
from perspectives.ui.navigation import PAGE_SPECS
from tests.apptest import open_page
from tests.test_second_corpus import FOREIGN, shown_text

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
PAGES = [file.removesuffix(".py") for specs in PAGE_SPECS.values() for file, *_ in specs]
NAME = "Rent seminar"
TITLE = "Rent control\\: three voices"  # as st.title is given it (escaped)


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    """A fresh SQLite store for the app, through $PERSPECTIVES_DB; the default corpus is left
    as shipped, so what a page shows from the rent-control texts came from the workspace."""
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PERSPECTIVES_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    yield f"sqlite:///{path.resolve()}"
    dispose_engines()


@pytest.fixture
def rent_workspace(db) -> str:
    with store.workspace_store(db) as ws:
        ws.create_copy(NAME, RENT)
    return NAME


def page_links(at) -> list:
    return [el for el in at.main if el.type == "page_link"] + [
        el for el in at.sidebar if el.type == "page_link"
    ]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_works_on_a_workspace_as_on_a_folder(rent_workspace, page):
    at = open_page(page, ws=NAME)
    text = shown_text(at)
    assert f"Workspace **{NAME}**" in text  # the sidebar says which corpus is active
    foreign = sorted({m.group(0) for m in FOREIGN.finditer(text)})
    assert not foreign, f"{page} shows the default corpus on a workspace: {foreign}"
    assert at.query_params["ws"] == [NAME] or at.query_params["ws"] == NAME
    for link in page_links(at):  # every link to another view keeps the workspace
        assert "ws=Rent+seminar" in link.proto.query_string, (page, link.proto.query_string)
    for code in at.code:  # and every copied link
        if "://" in code.value or code.value.startswith("/"):
            assert "ws=Rent+seminar" in code.value, (page, code.value)


def test_the_workspace_is_read_from_the_store_not_the_default_corpus(rent_workspace):
    at = open_page("corpus", ws=NAME)
    assert at.title[0].value == TITLE
    default = open_page("corpus")
    assert default.title[0].value != TITLE
    assert any("The default corpus" in c.value for c in default.sidebar.caption)


def test_a_name_matches_ignoring_case_and_the_url_gets_the_stored_spelling(rent_workspace):
    at = open_page("corpus", ws="rent   SEMINAR")
    assert at.title[0].value == TITLE
    assert at.query_params["ws"] in (NAME, [NAME])


def test_the_choice_survives_a_page_switch_that_drops_the_query_string(rent_workspace):
    at = open_page("compare", ws=NAME)
    at.switch_page("perspectives/ui/pages/corpus.py")
    at.query_params.clear()  # what st.navigation does on a sidebar click
    at.run()
    assert not at.exception
    assert at.title[0].value == TITLE
    assert at.query_params["ws"] in (NAME, [NAME])


def test_page_links_and_copied_links_keep_the_workspace(rent_workspace):
    at = open_page("compare", ws=NAME, topic="what-to-do")
    links = page_links(at)
    assert links, "the compare page drew no page link"
    for link in links:
        assert link.proto.query_string and f"ws={NAME.replace(' ', '+')}" in link.proto.query_string
    copied = [c.value for c in at.code if "topic=what-to-do" in c.value]
    assert copied and all("ws=Rent+seminar" in c for c in copied)


def test_an_unknown_workspace_falls_back_to_the_default_corpus_with_a_warning(db):
    at = open_page("corpus", ws="Nowhere")
    assert any("There is no workspace called “Nowhere”" in w.value for w in at.warning)
    assert at.title[0].value != TITLE
    assert "ws" not in at.query_params


def test_a_workspace_with_a_broken_entry_shows_the_rest(db):
    with store.workspace_store(db) as ws:
        ws.create_copy(NAME, RENT)
        snap = ws.snapshot(NAME)
        voices = snap.files.read("analysis/voices.yaml").decode()
        ws.save(NAME, {"analysis/voices.yaml": voices + "\n- id: ghost\n"}, base=snap.revision)
    at = open_page("corpus", ws=NAME)
    assert at.title[0].value == TITLE
    assert any("left out until" in w.value for w in at.warning)
    problems = open_page("problems", ws=NAME)
    assert any("ghost" in m.value for m in problems.markdown)
