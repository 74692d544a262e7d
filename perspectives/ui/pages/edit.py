"""Edit the active workspace (`/edit`): the two ends of the axis, topics, camps, voices and
positions with their evidence chosen in the documents. The default corpus is not edited here:
the page offers to copy it to a workspace first."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.store.workspaces import workspace_store
from perspectives.ui import (
    active,
    browserkey,
    editstate,
    editview,
    links,
    positionview,
    workspaceview,
)
from perspectives.ui.workspaceview import show_notice

st.title("Edit", anchor=False)
current = active.active_workspace()
missing = active.take_missing()
if missing:
    st.warning(f"There is no workspace called “{st_escape(missing)}”.")
active.sidebar_note()
if current is None:
    st.info(
        "You are reading the default corpus, which is not edited in the app. Copy it to a "
        "workspace (or make an empty one for your own texts) on the Workspace page, then come "
        "back here to edit its topics, voices and positions."
    )
    links.page_link(
        active.WORKSPACE_PAGE, "Go to the Workspace page", icon=":material/folder_open:"
    )
    st.caption(
        "Nothing of yours to download yet: a workspace downloads as a bundle (.zip) here and on "
        "the Workspace page; the default corpus' documents and positions download from the "
        "Corpus page."
    )
    links.copy_link("edit")
    st.stop()

st.caption(
    f"Editing workspace “{st_escape(current)}”. Each save is one revision (undo it on the "
    "Workspace page); what you type is kept until you save, even across a refresh."
)
# What appears only on some runs goes in one container that is always there, so the tabs below
# keep their place in the page and the tab the user is on stays open after a rerun.
with st.container():
    browserkey.keep_browser_key()
    show_notice()
editstate.apply_selection()
with workspace_store() as store:
    snapshot = store.snapshot(current)
    files, head = snapshot.files, snapshot.revision
    topics, voices, camps, positions, motions, sides = st.tabs(
        ["Topics", "Voices", "Camps", "Positions", "Motions", "The two ends of the axis"]
    )
    with topics:
        editview.entry_editor(store, current, "topic", files, head)
    with voices:
        editview.entry_editor(store, current, "voice", files, head)
    with camps:
        editview.entry_editor(store, current, "camp", files, head)
    with positions:
        positionview.position_editor(store, current, files, head)
    with motions:
        editview.entry_editor(store, current, "motion", files, head)
    with sides:
        editview.orientation_editor(store, current, files, head)
    editview.undo_last(store, current, head)
st.divider()
workspaceview.downloader(current)
links.copy_link("edit")
