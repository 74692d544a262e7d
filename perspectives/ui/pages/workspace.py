"""Your reading list (`/workspace`): workspaces to make, open, rename, delete and download, the
active one's documents to add (upload or paste, with a metadata form), and its history."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.store.workspaces import workspace_store
from perspectives.ui import active, addview, links, workspaceview

EDIT_PAGE = "perspectives/ui/pages/edit.py"  # relative to app.py, as st.page_link wants

st.title("Your reading list", anchor=False)
st.caption(
    "A workspace is your own corpus, kept by the app: add your texts, then every page "
    "(Compare, Documents, Search…) works on it. Links you copy keep it."
)
current = active.active_workspace()
missing = active.take_missing()
if missing:
    st.warning(f"There is no workspace called “{st_escape(missing)}”.")
active.sidebar_note()
workspaceview.show_notice()
workspaceview.import_report()

with workspace_store() as store:
    workspaceview.chooser(store, current)
    if current is not None:
        st.header(f"Add a document to “{st_escape(current)}”", anchor=False)
        addview.add_documents(store, current)
        links.page_link(
            EDIT_PAGE, "Edit its topics, voices and positions", icon=":material/edit_note:"
        )
        st.header("History", anchor=False)
        workspaceview.history(store, current)
        st.header("Manage", anchor=False)
        workspaceview.downloader(current)
        workspaceview.renamer(store, current)
        workspaceview.deleter(store, current)
    else:
        st.info(
            "You are reading the default corpus, which is not edited here. Make a workspace "
            "(a copy of it, or an empty one for your own texts) or open one above."
        )
        st.caption(
            "Nothing of yours to download yet: a workspace downloads as a bundle (.zip) here; "
            "the default corpus' documents and positions download from the Corpus page."
        )
        links.page_link(links.CORPUS, "The Corpus page", icon=":material/library_books:")
    workspaceview.creator(store)
st.divider()
links.copy_link("workspace")
