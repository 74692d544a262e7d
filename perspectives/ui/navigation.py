"""The app's pages, their titles and url paths (the url paths are a contract)."""

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).parent / "pages"

# section -> [(file, title, url path, icon)]; the first page is the default one, served at "/".
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
    ],
    "About": [
        ("corpus.py", "Corpus", "corpus", ":material/library_books:"),
        ("problems.py", "Problems", "problems", ":material/build:"),
    ],
}


def pages() -> dict[str, list]:
    sections: dict[str, list] = {}
    first = True
    for section, specs in PAGE_SPECS.items():
        for file, title, url, icon in specs:
            page = st.Page(PAGES_DIR / file, title=title, url_path=url, icon=icon, default=first)
            sections.setdefault(section, []).append(page)
            first = False
    return sections
