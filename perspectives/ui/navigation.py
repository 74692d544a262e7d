"""The app's pages, their titles and url paths (the url paths are a contract).

Compare is served twice: at `/compare`, its entry in the menu, and at the app's root `/`, a
hidden default page running the same script, so `/?topic=ID` keeps working. Links always go to
`/compare`: Streamlit writes a link to the default page as a bare `?query`, which a browser
resolves against the page it is on (a link from `/voices?voice=A` to the default page opened in
a new tab landed on `/voices?topic=...`, another voice's profile).
"""

import logging
import sys
from pathlib import Path

import streamlit as st

from perspectives.ui import present

PAGES_DIR = Path(__file__).parent / "pages"

# section -> [(file, title, url path, icon)]; every page has its own url path.
PAGE_SPECS = {
    "Explore": [
        ("compare.py", "Compare", "compare", ":material/compare_arrows:"),
        ("matrix.py", "Matrix", "matrix", ":material/grid_on:"),
        ("voices.py", "Voices", "voices", ":material/record_voice_over:"),
        ("documents.py", "Documents", "documents", ":material/article:"),
        ("search.py", "Search", "search", ":material/search:"),
        ("timeline.py", "Timeline", "timeline", ":material/timeline:"),
    ],
    "Teach and debate": [
        ("debate.py", "Debate brief", "debate", ":material/gavel:"),
        ("seminar.py", "Seminar handout", "seminar", ":material/school:"),
        ("poll.py", "Class poll", "poll", ":material/how_to_vote:"),
        ("quiz.py", "Quiz", "quiz", ":material/quiz:"),
    ],
    "Your reading list": [
        ("workspace.py", "Workspace", "workspace", ":material/folder_open:"),
        ("edit.py", "Edit", "edit", ":material/edit_note:"),
        ("passages.py", "Find passages", "passages", ":material/manage_search:"),
    ],
    "About": [
        ("corpus.py", "Corpus", "corpus", ":material/library_books:"),
        ("problems.py", "Problems", "problems", ":material/build:"),
    ],
}
# The page at the app's root: a hidden second entry for the first page (registered last, so
# that a link to the file by its path finds the page's own url first).
HOME = ("compare.py", "Compare", "home")


def pages() -> dict[str, list]:
    sections: dict[str, list] = {}
    for section, specs in PAGE_SPECS.items():
        for file, title, url, icon in specs:
            page = st.Page(PAGES_DIR / file, title=title, url_path=url, icon=icon)
            sections.setdefault(section, []).append(page)
    file, title, url = HOME
    home = st.Page(PAGES_DIR / file, title=title, url_path=url, default=True, visibility="hidden")
    sections[list(sections)[-1]].append(home)
    return sections


def run(navigation) -> None:
    """Run the page chosen by `st.navigation`; a database that cannot be reached (or fails)
    is one plain message, never a traceback: the driver's words name the server's host, port
    and user, which participants must not see. The details go to the server's log."""
    st.session_state[_ON_HOME] = navigation.url_path == ""
    present.base()  # the stylesheet every page has
    try:
        navigation.run()
    except Exception as error:
        if not store_failed(error):
            raise
        store_unavailable()


def store_failed(error: BaseException) -> bool:
    """Whether `error` is the database's (SQLAlchemy's). Looked up in `sys.modules`, not
    imported: SQLAlchemy takes half a second to import, and a page that never used the store
    (Compare on the default corpus, the first page a cold start shows) cannot raise its errors."""
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.SQLAlchemyError)


_ON_HOME = "_on_home"


def on_home() -> bool:
    """Whether this run shows the app's root page `/` (the landing page), not `/compare`."""
    return bool(st.session_state.get(_ON_HOME, False))


def store_unavailable() -> None:
    logging.getLogger("perspectives.store").exception("the store failed")
    st.error(STORE_UNAVAILABLE, icon=":material/cloud_off:")


STORE_UNAVAILABLE = (
    "The app's database cannot be reached just now, so this page cannot show or save the "
    "class's data. Try again in a minute; if it goes on, tell whoever runs the app (the "
    "details are in its log)."
)
