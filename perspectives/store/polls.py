"""The workspace store: class polls and their votes, in SQLite or PostgreSQL.

    with poll_store() as ws:                 # one connection for the whole block
        poll = ws.create_poll("caps-and-supply", corpus=corpus.name)
        ws.cast_vote(poll.code, participant_token, stance=-1, sentence="A cage of data.")
        ws.results(poll.code).counts        # {-2: 0, -1: 1, 0: 0, 1: 0, 2: 0}

Where: PostgreSQL when $DATABASE_URL is set; otherwise SQLite at $PERSPECTIVES_DB, or by default
`$XDG_DATA_HOME/perspectives/workspace.db` (~/.local/share/perspectives/workspace.db), outside
the repository so that a class's votes survive a fresh checkout and never land in a commit.

One vote per participant per round: the votes table is unique on (poll, round, participant) and
a vote is written with an upsert, so a second submission replaces the first and counts once, and
concurrent submissions are neither lost nor double counted. On SQLite every connection runs in
WAL mode with a busy timeout and foreign keys on, and every write takes the write lock at BEGIN
(BEGIN IMMEDIATE), so a writer waits its turn instead of failing half-way.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, delete, func, select, update

from perspectives.stance import STANCES
from perspectives.store.engine import (
    BUSY_TIMEOUT_MS,
    database_url,
    default_db_path,
    dispose_engines,
    get_engine,
    read_transaction,
    write_transaction,
)
from perspectives.store.tables import closures, polls, rounds, votes
from perspectives.store.vote_upsert import upsert_vote
from perspectives.teaching.class_poll import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Ballot,
    Comparison,
    InvalidVote,
    Participant,
    Poll,
    PollClosed,
    Results,
    RoundClosed,
    Sentence,
    StoreError,
    UnknownPoll,
    Vote,
    normalise_code,
    normalise_name,
    normalise_sentence,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Ballot",
    "CODE_ALPHABET",
    "Comparison",
    "InvalidVote",
    "Participant",
    "Poll",
    "PollClosed",
    "Results",
    "RoundClosed",
    "StoreError",
    "UnknownPoll",
    "Vote",
    "PollStore",
    "database_url",
    "default_db_path",
    "dispose_engines",
    "get_engine",
    "poll_store",
]

# A store-wide bound on new polls: a class opens a few, a script thousands (5,000 in 13 s).
MAX_NEW_POLLS_PER_HOUR = 300
# A poll with no vote and no new round for this long takes no more (its results stay readable);
# one idle for KEEP_DAYS is deleted, with its votes, when the next poll is opened.
IDLE_HOURS = 12
KEEP_DAYS = 30


@contextmanager
def poll_store(url: str | None = None) -> Iterator[PollStore]:
    """One connection to the store for the length of the block (a page's script run)."""
    with get_engine(url).connect() as conn:
        yield PollStore(conn)


def _now() -> datetime:
    return datetime.now(UTC)


class PollStore:
    """The store's operations over one connection; each call is its own transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _write(self):
        return write_transaction(self.conn)

    def _read(self):
        return read_transaction(self.conn)

    # polls and rounds

    def create_poll(
        self, topic_id: str, corpus: str = "", fingerprint: str = "", require_names: bool = False
    ) -> Poll:
        """A new poll on a topic with a fresh session code, its first round open; polls idle
        for KEEP_DAYS are deleted first."""
        if not topic_id:
            raise StoreError("a poll needs a topic")
        self.delete_idle_polls()
        with self._read() as conn:
            recent = conn.scalar(
                select(func.count())
                .select_from(polls)
                .where(polls.c.created_at > _now() - timedelta(hours=1))
            )
        if (recent or 0) >= MAX_NEW_POLLS_PER_HOUR:
            raise StoreError(
                f"{MAX_NEW_POLLS_PER_HOUR} polls were opened in the last hour, the most the "
                "store takes; try again later or join an open poll with its code"
            )
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            with self._write() as conn:
                if conn.scalar(select(polls.c.code).where(polls.c.code == code)):
                    continue
                now = _now()
                row = {
                    "code": code,
                    "topic_id": topic_id,
                    "corpus": corpus,
                    "fingerprint": fingerprint,
                    "leader_key": secrets.token_urlsafe(16),
                    "round": 1,
                    "created_at": now,
                    "require_names": bool(require_names),
                }
                conn.execute(polls.insert().values(**row))
                conn.execute(rounds.insert().values(poll_code=code, number=1, started_at=now))
            return Poll(**row)  # type: ignore[arg-type]
        raise StoreError("could not find a free poll code; try again")  # pragma: no cover

    def get_poll(self, code: str) -> Poll:
        with self._read() as conn:
            return self._poll(conn, code)

    def find_poll(self, code: str) -> Poll | None:
        """The poll, or None for a code no poll has."""
        try:
            return self.get_poll(code)
        except UnknownPoll:
            return None

    def is_leader(self, code: str, key: str | None) -> bool:
        poll = self.find_poll(code)
        # Bytes: compare_digest refuses a str with non-ASCII characters (a hand-edited url).
        return bool(poll and key and secrets.compare_digest(poll.leader_key.encode(), key.encode()))

    def last_active(self, code: str) -> datetime:
        """When the poll was opened, last run again or last voted in."""
        with self._read() as conn:
            return _last_active(conn, self._poll(conn, code))

    def is_open(self, code: str) -> bool:
        """Whether the poll still takes votes: not closed by the leader, and active within
        IDLE_HOURS."""
        poll = self.get_poll(code)
        return not poll.closed and _now() - self.last_active(code) <= timedelta(hours=IDLE_HOURS)

    def close_poll(self, code: str) -> Poll:
        """Close the poll: it takes no more votes until it is run again (idempotent)."""
        with self._write() as conn:
            poll = self._poll(conn, code, lock=True)
            if not poll.closed:
                conn.execute(closures.insert().values(poll_code=poll.code, closed_at=_now()))
            return self._poll(conn, poll.code)

    def delete_idle_polls(self) -> int:
        """Delete the polls idle for KEEP_DAYS (votes and rounds go with them); how many."""
        cutoff = _now() - timedelta(days=KEEP_DAYS)
        with self._read() as conn:
            old = conn.scalars(select(polls.c.code).where(polls.c.created_at < cutoff)).all()
            stale = [code for code in old if _last_active(conn, self._poll(conn, code)) < cutoff]
        if stale:
            with self._write() as conn:
                conn.execute(delete(votes).where(votes.c.poll_code.in_(stale)))
                conn.execute(delete(rounds).where(rounds.c.poll_code.in_(stale)))
                conn.execute(delete(closures).where(closures.c.poll_code.in_(stale)))
                conn.execute(delete(polls).where(polls.c.code.in_(stale)))
        return len(stale)

    def start_round(self, code: str) -> int:
        """Open the next round (the poll run again, reopened if the leader closed it); earlier
        rounds take no more votes."""
        with self._write() as conn:
            poll = self._poll(conn, code, lock=True)
            _refuse_if_idle(conn, poll)
            conn.execute(delete(closures).where(closures.c.poll_code == poll.code))
            number = poll.round + 1
            conn.execute(update(polls).where(polls.c.code == poll.code).values(round=number))
            conn.execute(
                rounds.insert().values(poll_code=poll.code, number=number, started_at=_now())
            )
        return number

    # votes

    def cast_vote(
        self,
        code: str,
        participant: str,
        stance: int,
        sentence: str | None = None,
        round: int | None = None,
        name: str | None = None,
    ) -> Vote:
        """Record (or replace) a participant's vote in the poll's current round (with their
        name, which a poll that asks for names requires)."""
        if not isinstance(participant, str) or not 0 < len(participant) <= 64:
            raise InvalidVote("a vote needs a participant token of 1 to 64 characters")
        if isinstance(stance, bool) or not isinstance(stance, int) or stance not in STANCES:
            raise InvalidVote(f"stance must be an integer from -2 to 2, not {stance!r}")
        sentence, name = normalise_sentence(sentence), normalise_name(name)
        with self._write() as conn:
            poll = self._poll(conn, code, lock=True, share=True)
            if poll.closed:
                raise PollClosed(f"poll {poll.code} is closed: it takes no more votes")
            if round is not None and round != poll.round:
                raise RoundClosed(
                    f"poll {poll.code} is in round {poll.round}; round {round} takes no votes"
                )
            if poll.require_names and not name:
                raise InvalidVote("this poll asks for your name: write it above your vote")
            _refuse_if_idle(conn, poll)
            now = _now()
            row = (poll.code, poll.round, participant, stance, sentence, name, now)
            conn.execute(upsert_vote(conn, *row))
            submissions = conn.scalar(
                select(votes.c.submissions).where(
                    votes.c.poll_code == poll.code,
                    votes.c.round == poll.round,
                    votes.c.participant == participant,
                )
            )
        return Vote(poll.code, poll.round, participant, stance, sentence, submissions)

    def results(self, code: str, round: int | None = None) -> Results:
        """The counts per stance (-2..2) and the sentences of one round (default: current)."""
        with self._read() as conn:
            poll = self._poll(conn, code)
            number = poll.round if round is None else round
            if not 1 <= number <= poll.round:
                raise StoreError(f"poll {poll.code} has no round {number} (1 to {poll.round})")
            rows = conn.execute(
                select(votes.c.participant, votes.c.stance, votes.c.sentence)
                .where(votes.c.poll_code == poll.code, votes.c.round == number)
                .order_by(votes.c.updated_at, votes.c.id)
            ).all()
        counts = dict.fromkeys(STANCES, 0)
        for row in rows:
            counts[row.stance] += 1
        sentences = tuple(Sentence(r.stance, r.sentence) for r in rows if r.sentence)
        return Results(
            poll.code, number, counts, sentences, {r.participant: r.stance for r in rows}
        )

    def participants(self, code: str, round: int | None = None) -> list[Participant]:
        """Who voted in a round (default: current), in the order of their first vote: for the
        leader, with their names when the poll asks for them."""
        with self._read() as conn:
            poll = self._poll(conn, code)
            rows = conn.execute(
                select(votes.c.participant, votes.c.name, votes.c.stance, votes.c.sentence)
                .where(votes.c.poll_code == poll.code, votes.c.round == (round or poll.round))
                .order_by(votes.c.created_at, votes.c.id)
            ).all()
        return [
            Participant(r.participant, number, r.name, r.stance, r.sentence)
            for number, r in enumerate(rows, start=1)
        ]

    def remove_participant(self, code: str, participant: str) -> int:
        """Delete every vote of one participant in the poll (all rounds); how many rows went.
        The leader's remedy for a stuffed ballot or a sentence that has no place on screen."""
        with self._write() as conn:
            poll = self._poll(conn, code, lock=True)
            gone = conn.execute(
                delete(votes).where(
                    votes.c.poll_code == poll.code, votes.c.participant == participant
                )
            )
        return int(gone.rowcount or 0)

    def compare_rounds(self, code: str, before: int = 1, after: int | None = None) -> Comparison:
        """Round `before` against round `after` (default: the latest) of a poll run again."""
        poll = self.get_poll(code)
        after = poll.round if after is None else after
        if poll.round < 2 or before == after:
            raise StoreError(f"poll {poll.code} has one round so far: run it again to compare")
        return Comparison(self.results(code, before), self.results(code, after))

    def ballots(self, code: str) -> list[Ballot]:
        """Every vote of the poll, round by round in the order they were last sent, without
        the participant tokens (what an export holds)."""
        with self._read() as conn:
            poll = self._poll(conn, code)
            rows = conn.execute(
                select(votes.c.round, votes.c.stance, votes.c.sentence)
                .where(votes.c.poll_code == poll.code)
                .order_by(votes.c.round, votes.c.updated_at, votes.c.id)
            ).all()
        return [Ballot(r.round, r.stance, r.sentence) for r in rows]

    def vote_rows(self, code: str) -> int:
        """How many vote rows a poll holds over all its rounds (a check for tests and figures)."""
        with self._read() as conn:
            poll = self._poll(conn, code)
            return conn.scalar(
                select(func.count()).select_from(votes).where(votes.c.poll_code == poll.code)
            )

    def submissions(self, code: str) -> int:
        """How many submissions the poll's votes took in all (first votes plus changes)."""
        with self._read() as conn:
            poll = self._poll(conn, code)
            total = conn.scalar(
                select(func.sum(votes.c.submissions)).where(votes.c.poll_code == poll.code)
            )
        return int(total or 0)

    @staticmethod
    def _poll(conn: Connection, code: str, lock: bool = False, share: bool = False) -> Poll:
        wanted = normalise_code(code)
        query = select(polls).where(polls.c.code == wanted)
        if lock:  # PostgreSQL: votes share the row, a new round takes it alone; SQLite ignores it
            query = query.with_for_update(read=share)
        row = conn.execute(query).first() if wanted else None
        if row is None:
            raise UnknownPoll(f"no poll has the code {code!r}: check the code and try again")
        closed = conn.scalar(select(closures.c.closed_at).where(closures.c.poll_code == row.code))
        return Poll(**row._mapping, closed_at=closed)


def _last_active(conn: Connection, poll: Poll) -> datetime:
    started = conn.scalar(
        select(func.max(rounds.c.started_at)).where(rounds.c.poll_code == poll.code)
    )
    voted = conn.scalar(select(func.max(votes.c.updated_at)).where(votes.c.poll_code == poll.code))
    times = [_aware(t) for t in (poll.created_at, started, voted) if t is not None]
    return max(times)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _refuse_if_idle(conn: Connection, poll: Poll) -> None:
    if _now() - _last_active(conn, poll) > timedelta(hours=IDLE_HOURS):
        raise PollClosed(
            f"poll {poll.code} closed after {IDLE_HOURS} hours without a vote; its results stay "
            "readable, and the leader can open a new poll"
        )
