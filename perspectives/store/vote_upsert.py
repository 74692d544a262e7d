"""The one statement that writes a vote: INSERT, or replace on the (poll, round, participant)
key and count the submission, in the dialect of the store (SQLite or PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import Connection

from perspectives.store.tables import votes
from perspectives.teaching.class_poll import StoreError


def upsert_vote(conn: Connection, code, number, participant, stance, sentence, name, now):
    """INSERT the vote, or on the (poll, round, participant) key replace it and count it."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    else:  # pragma: no cover
        raise StoreError(f"the store supports SQLite and PostgreSQL, not {conn.dialect.name}")
    statement = insert(votes).values(
        poll_code=code,
        round=number,
        participant=participant,
        stance=stance,
        sentence=sentence,
        name=name,
        submissions=1,
        created_at=now,
        updated_at=now,
    )
    return statement.on_conflict_do_update(
        index_elements=[votes.c.poll_code, votes.c.round, votes.c.participant],
        set_={
            "stance": statement.excluded.stance,
            "sentence": statement.excluded.sentence,
            "name": statement.excluded.name,
            "updated_at": statement.excluded.updated_at,
            "submissions": votes.c.submissions + 1,
        },
    )
