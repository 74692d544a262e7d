"""The revisions of a workspace, row by row: which files are alive at a revision, what a
revision changed, and writing a new one (`commit`). Used by `WorkspaceStore`, inside its
transactions: every function takes the connection of a transaction the caller holds.

A file version is a `workspace_files` row valid from revision `since` until revision `until`
(NULL while current); its bytes are a `workspace_blobs` row, by SHA-256, stored once per
workspace.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, and_, insert, or_, select, update

from perspectives.store.tables import (
    workspace_blobs,
    workspace_files,
    workspace_revisions,
    workspaces,
)
from perspectives.store.workspace_files import MAX_FILE_BYTES, PathError, check_path, clash, sha256
from perspectives.store.workspace_model import (
    ConflictError,
    FileChange,
    Revision,
    Workspace,
    WorkspaceError,
)

Changes = Mapping[str, bytes | str | None]  # path -> new content, or None to delete the file
# path -> (sha, bytes, or None when the workspace holds the blob already), or None to delete
Wanted = Mapping[str, tuple[str, bytes | None] | None]


def now() -> datetime:
    return datetime.now(UTC)


def revision(conn: Connection, ws_id: int, number: int) -> Revision:
    """Revision `number` with the files it changed."""
    row = conn.execute(
        select(workspace_revisions).where(
            workspace_revisions.c.workspace_id == ws_id,
            workspace_revisions.c.number == number,
        )
    ).one()
    return to_revision(row, changes_of(conn, ws_id, [number]).get(number, ()))


def conflict(conn: Connection, workspace: Workspace, base: int) -> ConflictError:
    """The error for a save on `base` while the workspace is at its head: what changed."""
    if isinstance(base, bool) or not isinstance(base, int) or not 1 <= base <= workspace.head:
        raise WorkspaceError(
            f"{workspace.label} has revisions 1 to {workspace.head}; cannot save on {base!r}"
        )
    numbers = list(range(workspace.head, base, -1))
    rows = conn.execute(
        select(workspace_revisions).where(
            workspace_revisions.c.workspace_id == workspace.id,
            workspace_revisions.c.number.in_(numbers),
        )
    ).all()
    by_revision = changes_of(conn, workspace.id, numbers)
    last_touch = {c.path: n for n in sorted(by_revision) for c in by_revision[n]}
    changes = tuple(
        FileChange(c.path, c.change, last_touch.get(c.path))
        for c in diff(state(conn, workspace.id, base), state(conn, workspace.id, workspace.head))
    )
    revisions = sorted(
        (to_revision(r, by_revision.get(r.number, ())) for r in rows),
        key=lambda r: -r.number,
    )
    return ConflictError(workspace.name, base, workspace.head, changes, tuple(revisions))


def commit(
    conn: Connection,
    workspace: Workspace,
    wanted: Mapping[str, tuple[str, bytes | None] | None],
    message: str,
    author: str,
    undo_to: int | None,
    restores: int | None = None,
    force: bool = False,
) -> int | None:
    """Write `wanted` ({path: (sha, bytes or None if the blob exists) or None to delete})
    as revision head + 1; return its number, or None when nothing changed (unless
    `force`). The caller holds the write transaction."""
    current = state(conn, workspace.id, workspace.head)
    writes = {p: v for p, v in wanted.items() if v is not None and current.get(p) != v[0]}
    deletes = [p for p, v in wanted.items() if v is None and p in current]
    if not writes and not deletes and not force:
        return None
    final = {p for p in current if p not in deletes} | set(writes)
    if pair := clash(final):
        raise PathError(f"{pair[0]!r} cannot be a file and also a folder holding {pair[1]!r}")
    number = workspace.head + 1
    store_blobs(
        conn, workspace.id, {sha: data for sha, data in writes.values() if data is not None}
    )
    changed = [p for p in (*writes, *deletes) if p in current]
    if changed:
        conn.execute(
            update(workspace_files)
            .where(
                workspace_files.c.workspace_id == workspace.id,
                workspace_files.c.path.in_(changed),
                workspace_files.c.until.is_(None),
            )
            .values(until=number)
        )
    if writes:
        conn.execute(
            insert(workspace_files),
            [
                {"workspace_id": workspace.id, "path": p, "since": number, "sha": sha}
                for p, (sha, _data) in sorted(writes.items())
            ],
        )
    moment = now()
    conn.execute(
        insert(workspace_revisions).values(
            workspace_id=workspace.id,
            number=number,
            created_at=moment,
            author=(author or "")[:100],
            message=(message or "Saved")[:500],
            undo_to=undo_to,
            restores=restores,
        )
    )
    conn.execute(
        update(workspaces)
        .where(workspaces.c.id == workspace.id)
        .values(head=number, updated_at=moment)
    )
    return number


def prepare(changes: Changes) -> dict[str, tuple[str, bytes] | None]:
    """{path: (sha, bytes)} for writes and {path: None} for deletes, every path checked."""
    prepared: dict[str, tuple[str, bytes] | None] = {}
    for path, content in changes.items():
        check_path(path)
        if content is None:
            prepared[path] = None
            continue
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        if len(data) > MAX_FILE_BYTES:
            raise WorkspaceError(
                f"{path} is {len(data):,} bytes; a workspace file holds at most {MAX_FILE_BYTES:,}"
            )
        prepared[path] = (sha256(data), data)
    return prepared


def describe(prepared: Mapping[str, object], current: Mapping[str, str]) -> str:
    """A default message: "Changed analysis/topics.yaml", "Added 2 files, deleted 1 file"."""
    kinds: dict[str, list[str]] = {"Added": [], "Changed": [], "Deleted": []}
    for path, content in prepared.items():
        kind = "Deleted" if content is None else "Changed" if path in current else "Added"
        kinds[kind].append(path)
    if len(prepared) == 1:
        kind, paths = next((k, v) for k, v in kinds.items() if v)
        return f"{kind} {paths[0]}"
    parts = [f"{k.lower()} {len(v)} file{'s' * (len(v) != 1)}" for k, v in kinds.items() if v]
    return ", ".join(parts).capitalize() or "Saved"


def alive_at(number: int):
    return and_(
        workspace_files.c.since <= number,
        or_(workspace_files.c.until.is_(None), workspace_files.c.until > number),
    )


def state(conn: Connection, ws_id: int, number: int) -> dict[str, str]:
    """{path: sha} of the files at revision `number`."""
    rows = conn.execute(
        select(workspace_files.c.path, workspace_files.c.sha).where(
            workspace_files.c.workspace_id == ws_id, alive_at(number)
        )
    ).all()
    return {row.path: row.sha for row in rows}


def diff(old: Mapping[str, str], new: Mapping[str, str]) -> list[FileChange]:
    found = [FileChange(p, "deleted") for p in old if p not in new]
    found += [FileChange(p, "added") for p in new if p not in old]
    found += [FileChange(p, "changed") for p in new if p in old and old[p] != new[p]]
    return sorted(found, key=lambda c: c.path)


def changes_of(conn: Connection, ws_id: int, numbers: list[int]) -> dict[int, tuple]:
    """The files each of revisions `numbers` added, changed or deleted."""
    if not numbers:
        return {}
    rows = conn.execute(
        select(workspace_files.c.path, workspace_files.c.since, workspace_files.c.until).where(
            workspace_files.c.workspace_id == ws_id,
            or_(workspace_files.c.since.in_(numbers), workspace_files.c.until.in_(numbers)),
        )
    ).all()
    wrote = {(r.path, r.since) for r in rows if r.since in numbers}
    ended = {(r.path, r.until) for r in rows if r.until in numbers}
    found: dict[int, list[FileChange]] = {}
    for path, number in wrote:
        kind: Literal["added", "changed"] = "changed" if (path, number) in ended else "added"
        found.setdefault(number, []).append(FileChange(path, kind, number))
    for path, number in ended - wrote:
        found.setdefault(number, []).append(FileChange(path, "deleted", number))
    return {n: tuple(sorted(c, key=lambda c: c.path)) for n, c in found.items()}


def store_blobs(conn: Connection, ws_id: int, blobs: Mapping[str, bytes]) -> None:
    """Store the blobs the workspace does not hold yet (the caller holds its write lock)."""
    if not blobs:
        return
    have = set(
        conn.scalars(
            select(workspace_blobs.c.sha).where(
                workspace_blobs.c.workspace_id == ws_id, workspace_blobs.c.sha.in_(list(blobs))
            )
        )
    )
    missing = [
        {"workspace_id": ws_id, "sha": sha, "size": len(data), "data": data}
        for sha, data in sorted(blobs.items())
        if sha not in have
    ]
    if missing:
        conn.execute(insert(workspace_blobs), missing)


def to_workspace(row) -> Workspace:
    return Workspace(row.id, row.name, row.head, row.created_at, row.updated_at)


def to_revision(row, changes: tuple[FileChange, ...]) -> Revision:
    return Revision(
        row.number, row.created_at, row.author, row.message, row.undo_to, row.restores, changes
    )
