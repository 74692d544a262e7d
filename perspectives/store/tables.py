"""The tables of the workspace store (SQLAlchemy Core), created when missing.

A poll has rounds (1, then 2 when it is run again for a before/after); a vote belongs to one
round of one poll and is unique per participant there. Constraints hold the rules in the
database too: stance from -2 to 2, a sentence of at most 280 characters, no vote in a round
that does not exist.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
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
    UniqueConstraint("poll_code", "round", "participant", name="uq_votes_one_per_round"),
    ForeignKeyConstraint(
        ["poll_code", "round"],
        ["poll_rounds.poll_code", "poll_rounds.number"],
        ondelete="CASCADE",
    ),
    CheckConstraint("stance BETWEEN -2 AND 2", name="ck_votes_stance"),
    CheckConstraint("length(sentence) <= 280", name="ck_votes_sentence"),
)
