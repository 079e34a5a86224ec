"""Engine and session factory, with the per-connection settings SQLite needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5_000


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's transaction handling emit BEGIN itself (the documented pysqlite recipe),
    # so that every session.begin() is one real SQLite transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Durability, chosen deliberately (the database holds personnel records):
        # - journal_mode=WAL: a commit appends the changed pages to the -wal file and never
        #   overwrites the database in place; a checkpoint later copies them back, and the WAL is
        #   only reset after the database file itself has been synced. A process killed at any
        #   moment therefore leaves the last commit intact (the next open replays the WAL) and a
        #   half-written transaction invisible. Readers also never block the writer.
        # - synchronous=FULL: every commit fsyncs the WAL before it returns, so an edit the app
        #   has acknowledged survives a power cut too. NORMAL would skip that fsync and could lose
        #   the last few commits on power loss (never corrupt the file); the cost of FULL is a few
        #   milliseconds per user action, which nobody notices.
        # The guarantee holds as far as the disk honours fsync, and WAL needs the database on a
        # local disk (its shared-memory index does not work over a network share).
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


READ_ONLY_TRANSACTION = "reviewapp_read_only_transaction"
"""Connection execution option marking a transaction that only reads (see Store.read)."""


def _sqlite_on_begin(connection: Any) -> None:
    # A writing transaction starts with BEGIN IMMEDIATE: it takes the write lock up front, so two
    # writers queue (busy_timeout) instead of deadlocking when a reader later tries to write.
    # A reading transaction takes a plain BEGIN: in WAL mode it reads a snapshot and never waits.
    if connection.get_execution_options().get(READ_ONLY_TRANSACTION):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def database_url(path_or_url: str | Path) -> str:
    text = str(path_or_url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_read_only_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens ``path`` for reading only; SQLite then refuses every write.

    ``immutable`` also skips locking and the WAL, so nothing at all is created beside the file:
    for files on read-only media and for inspecting files that no one has open.
    """
    uri = f"{path.expanduser().resolve().as_uri()}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def make_engine(
    path_or_url: str | Path,
    *,
    echo: bool = False,
    read_only: bool = False,
    immutable: bool = False,
) -> Engine:
    """An engine for a database file or URL; ``read_only`` opens an SQLite file read-only."""
    url = make_url(database_url(path_or_url))
    if url.get_backend_name() == "sqlite" and read_only:
        uri = read_only_uri(Path(str(path_or_url)), immutable=immutable)
        engine = create_engine(
            url,
            echo=echo,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )
        event.listen(engine, "connect", _sqlite_read_only_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
