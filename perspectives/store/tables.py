"""The tables of the workspace store (SQLAlchemy Core), created when missing.

Workspaces (see `perspectives.store.workspaces`): a workspace's files are kept as versions,
each valid from the revision that wrote it (`since`) until the revision that replaced or
deleted it (`until`, NULL while current); their bytes are blobs stored once per workspace by
SHA-256. A revision row records each save. Deleting a workspace deletes all of it (cascade).

A poll has rounds (1, then 2 when it is run again for a before/after); a vote belongs to one
round of one poll and is unique per participant there. Constraints hold the rules in the
database too: stance from -2 to 2, a sentence of at most 280 characters, no vote in a round
that does not exist. A poll may ask for names (`require_names`); a vote then holds one.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData()

polls = Table(
    "polls",
    metadata,
    Column("code", String(12), primary_key=True),
    Column("topic_id", String(200), nullable=False),
    Column("corpus", String(500), nullable=False, default=""),
    Column("fingerprint", String(100), nullable=False, default=""),
    Column("leader_key", String(64), nullable=False),
    Column("round", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Added after the first release (engine.add_missing_columns adds them to an older store).
    Column("require_names", Boolean, nullable=True, server_default=false()),
    CheckConstraint("round >= 1", name="ck_polls_round"),
)

rounds = Table(
    "poll_rounds",
    metadata,
    Column(
        "poll_code",
        String(12),
        ForeignKey("polls.code", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("number", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
)

# A closed poll takes no votes until it is run again. A table of its own, not a column of
# `polls`: `create_all` adds a missing table to an existing store, not a missing column.
closures = Table(
    "poll_closures",
    metadata,
    Column(
        "poll_code",
        String(12),
        ForeignKey("polls.code", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("closed_at", DateTime(timezone=True), nullable=False),
)

votes = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("poll_code", String(12), nullable=False),
    Column("round", Integer, nullable=False),
    Column("participant", String(64), nullable=False),
    Column("stance", SmallInteger, nullable=False),
    Column("sentence", String(280), nullable=True),
    Column("submissions", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("name", String(60), nullable=True),  # given when the leader asks for names
    UniqueConstraint("poll_code", "round", "participant", name="uq_votes_one_per_round"),
    ForeignKeyConstraint(
        ["poll_code", "round"],
        ["poll_rounds.poll_code", "poll_rounds.number"],
        ondelete="CASCADE",
    ),
    CheckConstraint("stance BETWEEN -2 AND 2", name="ck_votes_stance"),
    CheckConstraint("length(sentence) <= 280", name="ck_votes_sentence"),
)


workspaces = Table(
    "workspaces",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False),
    Column("key", String(100), nullable=False, unique=True),  # the name case-folded
    Column("head", Integer, nullable=False, default=0),  # the current revision
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("head >= 0", name="ck_workspaces_head"),
)


def _workspace_fk() -> ForeignKey:
    return ForeignKey("workspaces.id", ondelete="CASCADE")


workspace_revisions = Table(
    "workspace_revisions",
    metadata,
    Column("workspace_id", Integer, _workspace_fk(), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("author", String(100), nullable=False, default=""),
    Column("message", String(500), nullable=False, default=""),
    # The revision whose state one "undo" from here restores (NULL: nothing to undo), and, for
    # an undo, the revision whose state it restored.
    Column("undo_to", Integer, nullable=True),
    Column("restores", Integer, nullable=True),
    CheckConstraint("number >= 1", name="ck_workspace_revisions_number"),
)

workspace_blobs = Table(
    "workspace_blobs",
    metadata,
    Column("workspace_id", Integer, _workspace_fk(), primary_key=True),
    Column("sha", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

workspace_files = Table(
    "workspace_files",
    metadata,
    Column("workspace_id", Integer, _workspace_fk(), primary_key=True),
    Column("path", String(300), primary_key=True),
    Column("since", Integer, primary_key=True),
    Column("until", Integer, nullable=True),
    Column("sha", String(64), nullable=False),
    ForeignKeyConstraint(
        ["workspace_id", "sha"],
        ["workspace_blobs.workspace_id", "workspace_blobs.sha"],
        ondelete="CASCADE",
    ),
    CheckConstraint("until IS NULL OR until > since", name="ck_workspace_files_range"),
    Index("ix_workspace_files_since", "workspace_id", "since"),
    Index("ix_workspace_files_until", "workspace_id", "until"),
)

workspace_drafts = Table(
    "workspace_drafts",
    metadata,
    Column("workspace_id", Integer, _workspace_fk(), primary_key=True),
    Column("owner", String(64), primary_key=True),  # a browser's key
    Column("field", String(300), primary_key=True),  # what the UI names the field
    Column("value", Text, nullable=False),
    Column("base", Integer, nullable=True),  # the revision the typing started from
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
