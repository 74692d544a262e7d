"""Workspaces: editable corpora kept in the store, each the corpus folder format held as files,
with every save kept as a revision.

    with workspace_store() as ws:                     # one connection for the block
        ws.create_copy("Seminar 3", default_corpus_path())
        snap = ws.snapshot("Seminar 3")               # files at the head revision
        corpus = load_corpus(snap.files)              # or ws.corpus("Seminar 3"), cached
        ws.save("Seminar 3", {"analysis/topics.yaml": new_bytes}, base=snap.revision)
        ws.undo("Seminar 3")                          # back to the previous state, as a new save

No lost edits:
- A save is one transaction: every file it writes or deletes and the new revision appear
  together, or (the process killed, the connection lost, an error) none of them does.
- A save names the revision it was based on (`base`); when someone saved in between, it raises
  `ConflictError` listing the files that changed, and writes nothing. The caller keeps the
  user's typing, shows what changed, and saves again against the new head.
- Nothing is overwritten: a file's earlier versions stay, each valid from the revision that
  wrote it until the one that replaced it, so any revision can be read back and `undo` restores
  the state before the last edit as a new revision (undo again to step further back).
- `drafts` (see `perspectives.store.drafts`) keeps what a browser typed and has not saved, per
  field, so a page refresh loses nothing.

Names are what people type (in the app, `--workspace NAME`, `?ws=NAME`): 1 to 60 characters,
unique ignoring case and runs of spaces.
"""

from __future__ import annotations

import builtins
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, and_, delete, exc, insert, select, update

from perspectives.corpus import Corpus, CorpusError, load_corpus
from perspectives.corpus.files import CorpusFiles, FolderFiles, MemoryFiles
from perspectives.store import revisions as rev
from perspectives.store.drafts import Drafts
from perspectives.store.engine import get_engine, read_transaction, write_transaction
from perspectives.store.revisions import Changes
from perspectives.store.tables import (
    workspace_blobs,
    workspace_files,
    workspace_revisions,
    workspaces,
)
from perspectives.store.workspace_files import (
    STANDARD_FOLDERS,
    PathError,
    collect_files,
    empty_corpus_files,
)
from perspectives.store.workspace_model import (
    ConflictError,
    FileChange,
    NothingToUndo,
    Revision,
    Snapshot,
    UnknownWorkspace,
    Workspace,
    WorkspaceError,
    WorkspaceExists,
    check_name,
    name_key,
)

__all__ = [
    "ConflictError",
    "FileChange",
    "NothingToUndo",
    "PathError",
    "Revision",
    "Snapshot",
    "UnknownWorkspace",
    "Workspace",
    "WorkspaceError",
    "WorkspaceExists",
    "WorkspaceStore",
    "workspace_store",
]


@contextmanager
def workspace_store(url: str | None = None) -> Iterator[WorkspaceStore]:
    """One connection to the store for the length of the block (a page run, a command)."""
    with get_engine(url).connect() as conn:
        yield WorkspaceStore(conn)


class WorkspaceStore:
    """The workspace operations over one connection; each call is its own transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.drafts = Drafts(conn, self._id)

    # which workspaces there are

    def list(self) -> list[Workspace]:
        """Every workspace, by name."""
        with read_transaction(self.conn) as conn:
            rows = conn.execute(select(workspaces).order_by(workspaces.c.key)).all()
        return [rev.to_workspace(row) for row in rows]

    def get(self, name: str) -> Workspace:
        """The workspace called `name` (ignoring case), or raise UnknownWorkspace."""
        with read_transaction(self.conn) as conn:
            return self._row(conn, name)

    def find(self, name: str) -> Workspace | None:
        try:
            return self.get(name)
        except UnknownWorkspace:
            return None

    # making, renaming, deleting

    def create(
        self, name: str, files: Mapping[str, bytes], message: str = "Created", author: str = ""
    ) -> Workspace:
        """A new workspace holding `files` ({path: bytes}) as its revision 1."""
        name = check_name(name)
        prepared = rev.prepare(files)
        now = rev.now()
        try:
            with write_transaction(self.conn) as conn:
                if self._find_row(conn, name) is not None:
                    raise WorkspaceExists(f"there is already a workspace called {name!r}")
                ws_id = conn.execute(
                    insert(workspaces).values(
                        name=name, key=name_key(name), head=0, created_at=now, updated_at=now
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
                workspace = self._row(conn, name)
                rev.commit(conn, workspace, prepared, message, author, undo_to=None, force=True)
        except exc.IntegrityError:  # created by another session at the same moment
            raise WorkspaceExists(f"there is already a workspace called {name!r}") from None
        return self._by_id(ws_id)

    def create_empty(
        self,
        name: str,
        low_label: str = "Against",
        high_label: str = "For",
        description: str = "",
        author: str = "",
    ) -> Workspace:
        """A workspace with a manifest only: its name, and what the two ends of every topic's
        axis mean (-2 `low_label`, +2 `high_label`)."""
        name = check_name(name)
        for label in (low_label, high_label):
            if not label or not label.strip():
                raise WorkspaceError("name what the two ends of the axis mean (low and high)")
        files = empty_corpus_files(name, low_label.strip(), high_label.strip(), description)
        return self.create(name, files, "Created empty", author)

    def create_copy(
        self,
        name: str,
        source: CorpusFiles | Path | str,
        author: str = "",
        message: str | None = None,
    ) -> Workspace:
        """A workspace holding a copy of a corpus (a folder, or another workspace's files):
        corpus.yaml and every file under documents/ and analysis/."""
        files = source if not isinstance(source, Path | str) else FolderFiles(Path(source))
        if files.kind("") != "folder":
            raise WorkspaceError(f"corpus folder not found: {files.label}")
        message = message or f"Copied from {files.label}"
        return self.create(name, collect_files(files), message, author)

    def rename(self, name: str, new_name: str) -> Workspace:
        new_name = check_name(new_name)
        try:
            with write_transaction(self.conn) as conn:
                workspace = self._row(conn, name, lock=True)
                other = self._find_row(conn, new_name)
                if other is not None and other.id != workspace.id:
                    raise WorkspaceExists(f"there is already a workspace called {new_name!r}")
                conn.execute(
                    update(workspaces)
                    .where(workspaces.c.id == workspace.id)
                    .values(name=new_name, key=name_key(new_name), updated_at=rev.now())
                )
        except exc.IntegrityError:
            raise WorkspaceExists(f"there is already a workspace called {new_name!r}") from None
        return self._by_id(workspace.id)

    def delete(self, name: str) -> None:
        """Delete the workspace with all its revisions and drafts (this cannot be undone)."""
        with write_transaction(self.conn) as conn:
            workspace = self._row(conn, name, lock=True)
            for table in (workspace_files, workspace_blobs, workspace_revisions):
                conn.execute(delete(table).where(table.c.workspace_id == workspace.id))
            self.drafts.delete_all(conn, workspace.id)
            conn.execute(delete(workspaces).where(workspaces.c.id == workspace.id))

    # reading

    def snapshot(self, name: str, revision: int | None = None) -> Snapshot:
        """The files at `revision` (default: the head), with the standard folders present."""
        with read_transaction(self.conn) as conn:
            workspace = self._row(conn, name)
            number = (
                workspace.head if revision is None else self._check_revision(workspace, revision)
            )
            rows = conn.execute(
                select(workspace_files.c.path, workspace_blobs.c.data)
                .join(
                    workspace_blobs,
                    and_(
                        workspace_blobs.c.workspace_id == workspace_files.c.workspace_id,
                        workspace_blobs.c.sha == workspace_files.c.sha,
                    ),
                )
                .where(workspace_files.c.workspace_id == workspace.id, rev.alive_at(number))
            ).all()
        files = MemoryFiles(
            {row.path: bytes(row.data) for row in sorted(rows)},
            workspace.label,
            frozenset(STANDARD_FOLDERS),
        )
        return Snapshot(workspace, number, files)

    def read(self, name: str, path: str, revision: int | None = None) -> bytes:
        """One file's bytes; FileNotFoundError when it is not there at that revision."""
        return self.snapshot(name, revision).files.read(path)

    def corpus(self, name: str) -> Corpus:
        """The workspace's corpus at its head revision, loaded once per revision (cached);
        raises CorpusError as `load_corpus` does."""
        workspace = self.get(name)
        key = (str(self.conn.engine.url), workspace.id, workspace.name, workspace.head)
        with _cache_lock:
            hit = _corpus_cache.get(key)
            if hit is not None:
                _corpus_cache.move_to_end(key)
        if hit is None:
            try:
                hit = load_corpus(self.snapshot(name, workspace.head).files)
            except CorpusError as error:
                hit = error
            with _cache_lock:
                _corpus_cache[key] = hit
                while len(_corpus_cache) > CACHED_CORPORA:
                    _corpus_cache.popitem(last=False)
        if isinstance(hit, CorpusError):
            raise hit
        return hit

    # saving

    def save(
        self, name: str, changes: Changes, base: int, message: str = "", author: str = ""
    ) -> Revision:
        """Write and delete files as one new revision, on top of revision `base`.

        `changes` maps a path to its new content (bytes, or str written as UTF-8) or to None to
        delete the file. Raises ConflictError (nothing written) when the workspace is no longer
        at `base`; PathError for a path a workspace cannot hold; WorkspaceError for a file to
        delete that is not there. A save that changes nothing makes no revision and returns
        the head's."""
        prepared = rev.prepare(changes)
        with write_transaction(self.conn) as conn:
            workspace = self._row(conn, name, lock=True)
            if base != workspace.head:
                raise rev.conflict(conn, workspace, base)
            current = rev.state(conn, workspace.id, workspace.head)
            for path, content in prepared.items():
                if content is None and path not in current:
                    raise WorkspaceError(f"there is no file {path} in {workspace.label} to delete")
            number = rev.commit(
                conn,
                workspace,
                prepared,
                message or rev.describe(prepared, current),
                author,
                undo_to=workspace.head,
            )
            return rev.revision(conn, workspace.id, number or workspace.head)

    def undo(self, name: str, base: int | None = None, author: str = "") -> Revision:
        """Bring back the state before the last edit, as a new revision (so the undo can be
        undone from the history too). Again steps further back. With `base`, refuse (conflict)
        when someone saved since."""
        with write_transaction(self.conn) as conn:
            workspace = self._row(conn, name, lock=True)
            if base is not None and base != workspace.head:
                raise rev.conflict(conn, workspace, base)
            head = rev.revision(conn, workspace.id, workspace.head)
            if head.undo_to is None:
                raise NothingToUndo(f"{workspace.label} has no earlier edit to undo")
            target = rev.revision(conn, workspace.id, head.undo_to)
            undone = head
            while undone.restores is not None:  # an undo of an undo: name the edit it undoes
                undone = rev.revision(conn, workspace.id, undone.restores)
            before = rev.state(conn, workspace.id, target.number)
            now = rev.state(conn, workspace.id, workspace.head)
            wanted: dict[str, tuple[str, bytes | None] | None] = {
                path: (sha, None) for path, sha in before.items() if now.get(path) != sha
            }
            wanted |= {path: None for path in now if path not in before}
            message = f"Undo “{undone.message}” (back to revision {target.number})"
            number = rev.commit(
                conn,
                workspace,
                wanted,
                message[:500],
                author,
                undo_to=target.undo_to,
                restores=target.number,
                force=True,
            )
            return rev.revision(conn, workspace.id, number or workspace.head)

    # history

    def history(self, name: str, limit: int | None = None) -> builtins.list[Revision]:
        """The revisions, newest first, each with the files it changed."""
        with read_transaction(self.conn) as conn:
            workspace = self._row(conn, name)
            query = (
                select(workspace_revisions)
                .where(workspace_revisions.c.workspace_id == workspace.id)
                .order_by(workspace_revisions.c.number.desc())
            )
            rows = conn.execute(query.limit(limit) if limit else query).all()
            changes = rev.changes_of(conn, workspace.id, [row.number for row in rows])
        return [rev.to_revision(row, changes.get(row.number, ())) for row in rows]

    def changes_between(
        self, name: str, old: int, new: int | None = None
    ) -> builtins.list[FileChange]:
        """The files that differ between revision `old` and `new` (default: the head)."""
        with read_transaction(self.conn) as conn:
            workspace = self._row(conn, name)
            new = workspace.head if new is None else self._check_revision(workspace, new)
            return rev.diff(
                rev.state(conn, workspace.id, self._check_revision(workspace, old)),
                rev.state(conn, workspace.id, new),
            )

    # internals

    def _id(self, conn: Connection, name: str, lock: bool = False) -> int:
        return self._row(conn, name, lock).id

    def _find_row(self, conn: Connection, name: str, lock: bool = False) -> Workspace | None:
        query = select(workspaces).where(workspaces.c.key == name_key(name or ""))
        row = conn.execute(query.with_for_update() if lock else query).first()
        return rev.to_workspace(row) if row else None

    def _row(self, conn: Connection, name: str, lock: bool = False) -> Workspace:
        found = self._find_row(conn, name, lock)
        if found is None:
            raise UnknownWorkspace(f"there is no workspace called {name!r}")
        return found

    def _by_id(self, ws_id: int) -> Workspace:
        with read_transaction(self.conn) as conn:
            return rev.to_workspace(
                conn.execute(select(workspaces).where(workspaces.c.id == ws_id)).one()
            )

    @staticmethod
    def _check_revision(workspace: Workspace, number: int) -> int:
        if isinstance(number, bool) or not isinstance(number, int):
            raise WorkspaceError(f"a revision is a whole number, not {number!r}")
        if not 1 <= number <= workspace.head:
            raise WorkspaceError(
                f"{workspace.label} has revisions 1 to {workspace.head}, not {number}"
            )
        return number


CACHED_CORPORA = 8
_corpus_cache: OrderedDict[tuple, Corpus | CorpusError] = OrderedDict()
_cache_lock = threading.Lock()
