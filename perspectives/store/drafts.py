"""Drafts: what a browser typed into a workspace's fields and has not saved yet.

A page writes a field's draft as the user types (`put`), reads the drafts back when it is
opened again (`get`: after a refresh, a new session of the same browser finds its typing), and
discards them once saved (`discard`). A draft is kept per workspace, per browser key (`owner`,
e.g. the random token a page keeps in a cookie) and per field (any name the page chooses, e.g.
"topic/rent-caps/question"); it records the revision the typing started from (`base`), so a page
can tell a draft made on an older revision. Drafts go with their workspace when it is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select

from perspectives.store.engine import read_transaction, write_transaction
from perspectives.store.tables import workspace_drafts
from perspectives.store.workspace_model import Draft, WorkspaceError

MAX_DRAFT_CHARS = 1_000_000


class Drafts:
    """The drafts of every workspace, over one connection (`WorkspaceStore.drafts`)."""

    def __init__(self, conn: Connection, workspace_id: Callable[..., int]) -> None:
        self.conn = conn
        self._workspace_id = workspace_id  # (conn, name) -> id, or raise UnknownWorkspace

    def put(
        self, workspace: str, owner: str, field: str, value: str, base: int | None = None
    ) -> None:
        """Keep `value` as `owner`'s draft of `field` (replacing the previous one)."""
        _check(owner, field)
        if not isinstance(value, str) or len(value) > MAX_DRAFT_CHARS:
            raise WorkspaceError(f"a draft is text of at most {MAX_DRAFT_CHARS:,} characters")
        with write_transaction(self.conn) as conn:
            ws_id = self._workspace_id(conn, workspace)
            row = {
                "workspace_id": ws_id,
                "owner": owner,
                "field": field,
                "value": value,
                "base": base,
                "updated_at": datetime.now(UTC),
            }
            conn.execute(_upsert(conn, row))

    def get(self, workspace: str, owner: str) -> dict[str, Draft]:
        """`owner`'s drafts in the workspace, by field."""
        _check(owner, "-")
        with read_transaction(self.conn) as conn:
            ws_id = self._workspace_id(conn, workspace)
            rows = conn.execute(
                select(workspace_drafts).where(
                    workspace_drafts.c.workspace_id == ws_id, workspace_drafts.c.owner == owner
                )
            ).all()
        return {r.field: Draft(r.field, r.value, r.base, r.updated_at) for r in rows}

    def discard(self, workspace: str, owner: str, fields: Iterable[str] | None = None) -> int:
        """Forget `owner`'s drafts of `fields` (all of them when None); return how many."""
        _check(owner, "-")
        with write_transaction(self.conn) as conn:
            ws_id = self._workspace_id(conn, workspace)
            query = delete(workspace_drafts).where(
                workspace_drafts.c.workspace_id == ws_id, workspace_drafts.c.owner == owner
            )
            if fields is not None:
                query = query.where(workspace_drafts.c.field.in_(list(fields)))
            return conn.execute(query).rowcount

    @staticmethod
    def delete_all(conn: Connection, ws_id: int) -> None:
        """Within the caller's transaction: every draft of the workspace."""
        conn.execute(delete(workspace_drafts).where(workspace_drafts.c.workspace_id == ws_id))


def _check(owner: str, field: str) -> None:
    if not isinstance(owner, str) or not 0 < len(owner) <= 64:
        raise WorkspaceError("a draft needs a browser key of 1 to 64 characters")
    if not isinstance(field, str) or not 0 < len(field) <= 300:
        raise WorkspaceError("a draft needs a field name of 1 to 300 characters")


def _upsert(conn: Connection, row: dict):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    else:  # pragma: no cover
        raise WorkspaceError(f"the store supports SQLite and PostgreSQL, not {conn.dialect.name}")
    statement = insert(workspace_drafts).values(**row)
    return statement.on_conflict_do_update(
        index_elements=[
            workspace_drafts.c.workspace_id,
            workspace_drafts.c.owner,
            workspace_drafts.c.field,
        ],
        set_={
            "value": statement.excluded.value,
            "base": statement.excluded.base,
            "updated_at": statement.excluded.updated_at,
        },
    )
