"""Where the workspace store lives and how to connect to it: one engine per url, its schema
created once, and SQLite set up for many writers (WAL, busy timeout, foreign keys, BEGIN
IMMEDIATE for writes, and a write lock per database for the writers of this process).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

from perspectives.store.tables import metadata

BUSY_TIMEOUT_MS = 15_000
_BEGIN = "perspectives_sqlite_begin"


def default_db_path() -> Path:
    """$PERSPECTIVES_DB, else the workspace file in the user's data folder."""
    override = os.environ.get("PERSPECTIVES_DB", "").strip()
    if override:
        return Path(override).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME", "").strip() or Path.home() / ".local" / "share"
    return Path(data_home) / "perspectives" / "workspace.db"


def database_url() -> str:
    """PostgreSQL from $DATABASE_URL (any postgres:// spelling goes through psycopg 3), else the
    SQLite file of `default_db_path`."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
    return f"sqlite:///{default_db_path().resolve()}"


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url` (default `database_url()`), created once per url with its schema."""
    url = url or database_url()
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _create(url)
    return engine


def dispose_engines() -> None:
    """Close every cached engine (tests that delete their database files call this)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def _create(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, pool_size=10, max_overflow=40, pool_timeout=60)
        _sqlite_events(engine)
    else:
        engine = create_engine(
            url, pool_size=10, max_overflow=40, pool_timeout=60, pool_pre_ping=True
        )
    try:
        metadata.create_all(engine)
    except Exception:  # another process created the tables at the same moment: check again
        metadata.create_all(engine)
    add_missing_columns(engine)
    return engine


def add_missing_columns(engine: Engine) -> None:
    """Add the columns a newer version defines to a store made by an older one (only nullable
    columns are ever added, so rows already there stay valid)."""
    found = inspect(engine)
    for table in metadata.sorted_tables:
        have = {column["name"] for column in found.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            default = ""
            if column.server_default is not None:
                arg = column.server_default.arg  # type: ignore[attr-defined]
                default = " DEFAULT " + str(
                    arg.compile(dialect=engine.dialect) if hasattr(arg, "compile") else arg
                )
            statement = f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{default}'
            try:
                with engine.begin() as conn:
                    conn.execute(text(statement))
            except Exception:  # another process added it at the same moment
                if column.name not in {c["name"] for c in inspect(engine).get_columns(table.name)}:
                    raise


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.info.pop(_BEGIN, "BEGIN"))


_write_locks: dict[str, threading.Lock] = {}


def _sqlite_write_lock(engine: Engine) -> threading.Lock:
    key = str(engine.url)
    with _engines_lock:
        return _write_locks.setdefault(key, threading.Lock())


@contextmanager
def write_transaction(conn: Connection) -> Iterator[Connection]:
    """A transaction that will write. On SQLite: queue behind this process's other writers (a
    lock, no polling), then BEGIN IMMEDIATE so the database's write lock is taken up front;
    other processes wait on the busy timeout."""
    if conn.dialect.name != "sqlite":
        with conn.begin():
            yield conn
        return
    with _sqlite_write_lock(conn.engine):
        conn.info[_BEGIN] = "BEGIN IMMEDIATE"
        with conn.begin():
            yield conn


@contextmanager
def read_transaction(conn: Connection) -> Iterator[Connection]:
    conn.info.pop(_BEGIN, None)
    with conn.begin():
        yield conn
