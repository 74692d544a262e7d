"""The Workspace page's management parts: the list of workspaces and the switch between them,
making one (empty, a copy of the default corpus, from a bundle), renaming, deleting, the
bundle download, and the history with undo. The work is done by `WorkspaceStore` and
`workspace.bundles`; this module draws and reports."""

from __future__ import annotations

import re

import streamlit as st

from perspectives.corpus import default_corpus_path
from perspectives.markup import st_escape
from perspectives.store.workspaces import (
    ConflictError,
    NothingToUndo,
    WorkspaceError,
    WorkspaceStore,
    workspace_store,
)
from perspectives.ui import active, browserkey
from perspectives.wording import counted
from perspectives.workspace.adding import describe_change
from perspectives.workspace.bundles import BundleError, ImportReport, import_bundle
from perspectives.workspace.bundles import Limits as BundleLimits

NOTICE = "_ws_notice"  # a message to show on the next run (after a switch or a rerun)
REPORT = "_ws_import_report"
CONFIRM_DELETE = "_ws_confirm_delete"
MADE = "_ws_made"
BUNDLE_MB = BundleLimits().bundle_bytes // (1024 * 1024)
HISTORY_SHOWN = 15


def author() -> str:
    """Who saved, in the history: this browser, by the start of its key."""
    return f"browser {browserkey.browser_key()[:8]}"


def notice(kind: str, text: str) -> None:
    """Keep a message for the next run (the page reruns after a switch)."""
    st.session_state[NOTICE] = (kind, text)


def show_notice() -> None:
    kind, text = st.session_state.pop(NOTICE, (None, None))
    if kind == "success":
        st.success(text, icon=":material/check:")
    elif kind == "warning":
        st.warning(text, icon=":material/warning:")
    elif kind == "info":
        st.info(text)


def switch_to(name: str | None) -> None:
    active.set_active(name)
    st.session_state.pop(CONFIRM_DELETE, None)


def chooser(store: WorkspaceStore, current: str | None) -> None:
    """Every workspace with a button to make it the active one; and the default corpus."""
    st.subheader("Your workspaces", anchor=False)
    listed = store.list()
    if not listed:
        st.caption("No workspace yet: make one below.")
    for workspace in listed:
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            when = workspace.updated_at.strftime("%d %b %Y %H:%M")
            st.markdown(
                f"**{st_escape(workspace.name)}**  \n"
                f":gray[revision {workspace.head} · last saved {when} UTC]"
            )
            if workspace.name == current:
                st.badge("Active", icon=":material/check:", color="green")
            else:
                st.button(
                    "Open",
                    key=f"open-{workspace.id}",
                    icon=":material/folder_open:",
                    on_click=switch_to,
                    args=(workspace.name,),
                )
    if current is not None:
        st.button(
            "Back to the default corpus",
            icon=":material/library_books:",
            on_click=switch_to,
            args=(None,),
        )


def creator(store: WorkspaceStore) -> None:
    """Make a workspace: empty, a copy of the default corpus, or from a bundle."""
    st.subheader("New workspace", anchor=False)
    start = st.radio(
        "Start from",
        ["Nothing (empty)", "A copy of the default corpus", "A bundle (.zip)"],
        horizontal=True,
        key="ws-start",
    )
    made = st.session_state.get(MADE, 0)  # a fresh name field and uploader after each creation
    name = st.text_input("Name", max_chars=60, key=f"ws-new-name-{made}", placeholder="Seminar 3")
    if start == "Nothing (empty)":
        st.caption(
            "Every topic is an axis from −2 to +2. Say what its two ends mean across your "
            "reading list (you can change it later)."
        )
        low = st.text_input("What −2 means", value="Against", max_chars=80, key="ws-low")
        high = st.text_input("What +2 means", value="For", max_chars=80, key="ws-high")
    upload = None
    if start == "A bundle (.zip)":
        upload = st.file_uploader(
            "Bundle",
            type=["zip"],
            key=f"ws-bundle-{made}",
            max_upload_size=BUNDLE_MB,
            help="A zip of the corpus folder format, as the Download button below writes it.",
        )
    if not st.button("Create workspace", type="primary", icon=":material/add:", key="ws-create"):
        return
    try:
        if start == "A bundle (.zip)":
            if upload is None:
                st.error("Choose the bundle file (.zip) to import.")
                return
            report = import_bundle(store, name, upload.getvalue(), upload.name, author=author())
            st.session_state[REPORT] = report
            created = report.workspace
        elif start == "A copy of the default corpus":
            created = store.create_copy(name, default_corpus_path(), author=author()).name
        else:
            created = store.create_empty(name, low, high, author=author()).name
    except BundleError as error:
        st.error(f"{st_escape(upload.name if upload else 'The file')}: {st_escape(str(error))}")
        return
    except WorkspaceError as error:
        st.error(f"Nothing was created: {st_escape(str(error))}.")
        return
    notice("success", f"Workspace “{st_escape(created)}” created; it is now the active one.")
    st.session_state[MADE] = made + 1
    switch_to(created)
    st.rerun()


def import_report() -> None:
    """What the last bundle import brought in and what it left out (shown once)."""
    report: ImportReport | None = st.session_state.pop(REPORT, None)
    if report is None:
        return
    with st.container(border=True):
        st.markdown(
            f"**Imported into “{st_escape(report.workspace)}”:** "
            f"{counted(len(report.files), 'file')} (revision {report.revision})."
        )
        if report.clean:
            st.caption("Every file was imported and the corpus has no problems.")
        for note in report.refused:
            st.markdown(f"- :red[refused] {st_escape(note.member)}: {st_escape(note.reason)}")
        for problem in report.problems:
            where = problem.file + (f", line {problem.line}" if problem.line else "")
            st.markdown(f"- :orange[problem] {st_escape(where)}: {st_escape(problem.message)}")
        if report.skipped:
            with st.expander(f"Skipped ({len(report.skipped)}): not part of a corpus"):
                for note in report.skipped:
                    st.markdown(f"- {st_escape(note.member)}: {st_escape(note.reason)}")


def renamer(store: WorkspaceStore, name: str) -> None:
    with st.form("ws-rename", border=False):
        new_name = st.text_input("New name", value=name, max_chars=60)
        if not st.form_submit_button("Rename", icon=":material/edit:"):
            return
    try:
        renamed = store.rename(name, new_name)
    except WorkspaceError as error:
        st.error(f"Not renamed: {st_escape(str(error))}.")
        return
    notice("success", f"Renamed to “{st_escape(renamed.name)}”.")
    switch_to(renamed.name)
    st.rerun()


def _bundle_of(name: str):
    """The download's data, made when the button is clicked (on its own connection)."""

    def make() -> bytes:
        from perspectives.workspace.bundles import export_workspace

        with workspace_store() as store:
            return export_workspace(store, name)

    return make


def bundle_file_name(name: str) -> str:
    return (re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "workspace") + ".zip"


def downloader(name: str) -> None:
    st.download_button(
        "Download the bundle (.zip)",
        _bundle_of(name),
        file_name=bundle_file_name(name),
        mime="application/zip",
        icon=":material/download:",
        key="ws-download",
        help="The whole workspace in the corpus folder format: a colleague imports it here.",
    )


def deleter(store: WorkspaceStore, name: str) -> None:
    """Delete, after a second click that names what goes."""
    if st.session_state.get(CONFIRM_DELETE) != name:
        if st.button("Delete this workspace…", icon=":material/delete:", key="ws-delete"):
            st.session_state[CONFIRM_DELETE] = name
            st.rerun()
        return
    st.warning(
        f"Delete “{st_escape(name)}” with all its revisions and unsaved drafts? "
        "This cannot be undone. Download the bundle first to keep a copy."
    )
    yes, no = st.columns(2)
    if yes.button(f"Yes, delete “{st_escape(name)}”", type="primary", key="ws-delete-yes"):
        try:
            store.delete(name)
        except WorkspaceError as error:
            st.error(f"Not deleted: {st_escape(str(error))}.")
            return
        notice("info", f"Workspace “{st_escape(name)}” deleted; showing the default corpus.")
        switch_to(None)
        st.rerun()
    if no.button("Cancel", key="ws-delete-no"):
        st.session_state.pop(CONFIRM_DELETE, None)
        st.rerun()


def history(store: WorkspaceStore, name: str) -> None:
    """The latest revisions, newest first, with undo of the last edit."""
    workspace = store.get(name)
    revisions = store.history(name, limit=HISTORY_SHOWN)
    rows = [
        {
            "revision": r.number,
            "saved (UTC)": r.created_at.strftime("%d %b %Y %H:%M"),
            "what": r.message,
            "files": ", ".join(describe_change(c.path, c.change) for c in r.changes),
            "by": r.author,
        }
        for r in revisions
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    undoable = bool(revisions) and revisions[0].undo_to is not None
    if st.button(
        "Undo the last edit",
        icon=":material/undo:",
        key="ws-undo",
        disabled=not undoable,
        help="Brings back the state before the last edit, as a new revision (undo again to "
        "step further back).",
    ):
        undo_last_edit(store, name, workspace.head, "Look at the history, then undo again.")


def undo_last_edit(store: WorkspaceStore, name: str, head: int, then: str) -> None:
    """Undo the last edit on revision `head` (a new revision); when someone saved since the
    page was drawn, nothing is undone and the warning ends with `then`."""
    try:
        done = store.undo(name, base=head, author=author())
    except ConflictError as error:
        changed = ", ".join(describe_change(c.path, c.change) for c in error.changes)
        st.warning(
            f"Someone saved this workspace since this page was drawn (now revision "
            f"{error.head}: {st_escape(changed)}). {then}"
        )
        return
    except NothingToUndo:
        st.info("There is no earlier edit to undo.")
        return
    notice("success", f"{st_escape(done.message)}, saved as revision {done.number}.")
    st.rerun()


def conflict_warning(conflict: ConflictError) -> None:
    """What a save that met someone else's says: nothing of the user's was saved, their typing
    is kept (the add-document form and the editors)."""
    changed = ", ".join(describe_change(c.path, c.change) for c in conflict.changes)
    st.warning(
        f"Someone else saved this workspace while you were typing (revision "
        f"{conflict.base} → {conflict.head}): {st_escape(changed) or 'no file changed'}. "
        "Nothing of yours was saved and your typing is kept. Check their changes, then "
        "save again.",
        icon=":material/sync_problem:",
    )
