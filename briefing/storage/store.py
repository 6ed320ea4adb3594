"""The SQLite store: settings now, notes and bookmarks as they arrive.

Opened only when first needed, in WAL mode with a busy timeout so that two
``briefing`` processes can share it. The schema is versioned with forward
migrations; a file that cannot be read as a briefing store is never deleted
or overwritten: :class:`StoreError` says why, and the caller carries on
without it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

SCHEMA_VERSION = 3

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    2: """
    CREATE TABLE notes (
        uid         TEXT PRIMARY KEY,
        brief_id    TEXT NOT NULL,
        brief_title TEXT NOT NULL,
        kind        TEXT NOT NULL,
        item_id     TEXT NOT NULL,
        item_text   TEXT NOT NULL,
        body        TEXT NOT NULL,
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL,
        detached    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX notes_by_brief ON notes (brief_id, kind, item_id);
    CREATE INDEX notes_by_time ON notes (updated);
    CREATE TABLE bookmarks (
        brief_id    TEXT NOT NULL,
        brief_title TEXT NOT NULL,
        kind        TEXT NOT NULL,
        item_id     TEXT NOT NULL,
        item_text   TEXT NOT NULL,
        created     TEXT NOT NULL,
        detached    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (brief_id, kind, item_id)
    );
    """,
    3: """
    CREATE TABLE seen (
        brief_id TEXT NOT NULL,
        kind     TEXT NOT NULL,
        item_id  TEXT NOT NULL,
        digest   TEXT NOT NULL,
        seen_at  TEXT NOT NULL,
        PRIMARY KEY (brief_id, kind, item_id)
    );
    CREATE TABLE visits (
        brief_id    TEXT PRIMARY KEY,
        file_digest TEXT NOT NULL,
        visited     TEXT NOT NULL
    );
    """,
}
"""Forward migrations: ``MIGRATIONS[n]`` takes the schema from version n-1 to n."""


class StoreError(Exception):
    """The store cannot be used; the message names the file and says why in one line.

    ``unreadable`` is True when the file itself cannot be read as a briefing
    store (damaged, not a database, or from a newer briefing): the case that
    ``briefing doctor --repair`` moves aside. Other errors (a folder that cannot
    be written, a busy database) leave it False.
    """

    def __init__(self, message: str, *, unreadable: bool = False) -> None:
        super().__init__(message)
        self.unreadable = unreadable


_DAMAGED_CODES = {sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT}


def _open_error(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    """Say why ``path`` could not be opened: a damaged file, or a place that cannot be written."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _DAMAGED_CODES:
        return StoreError(f"{path}: not a briefing database or damaged ({error})", unreadable=True)
    return StoreError(
        f"{path}: cannot be opened for writing ({error});"
        f" check that {path.parent} is a folder you can write to"
    )


def _use_wal(connection: sqlite3.Connection, patience: float = 10.0) -> None:
    """Switch to WAL. SQLite answers "database is locked" at once, without waiting for the
    busy timeout, while another process is switching a new database too: retry then."""
    deadline = time.monotonic() + patience
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            busy = ((getattr(error, "sqlite_errorcode", None) or 0) & 0xFF) == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


class Store:
    """Access to the SQLite database at ``path``; nothing is opened until first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None

    def exists(self) -> bool:
        """True once the database is open or its file is there.

        Reading a store that does not exist yet (a first start) gives the defaults and
        creates nothing: creating it syncs to disk, which took up to 100 ms before the
        reader's first frame. The app opens it just after that frame.
        """
        return self._connection is not None or self.path.exists()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, opening and migrating the database on first use."""
        if self._connection is None:
            self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{self.path.parent}: cannot create the data folder ({error.strerror})"
            ) from None
        connection = None
        try:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 10000")
            # Read the version before anything that writes (switching to WAL rewrites the
            # header), so that a file from a newer briefing is left exactly as it was.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer briefing"
                    f" (schema {version}, this one reads {SCHEMA_VERSION})",
                    unreadable=True,
                )
            _use_wal(connection)
            # FULL: a write that returned survives a crash or SIGKILL right after.
            connection.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as error:
            if connection is not None:
                connection.close()
            raise _open_error(self.path, error) from None
        except StoreError:
            if connection is not None:
                connection.close()
            raise
        try:
            self._migrate(connection, version)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise StoreError(f"{self.path}: cannot be updated ({error})") from None
        return connection

    @staticmethod
    def _migrate(connection: sqlite3.Connection, version: int) -> None:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # One script per step, so the step and its version number commit together.
            script = (
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[target]}\nPRAGMA user_version = {target};\nCOMMIT;"
            )
            try:
                connection.executescript(script)
            except BaseException as error:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                # Another process opening the same new database may have run this step first.
                if (
                    isinstance(error, sqlite3.DatabaseError)
                    and connection.execute("PRAGMA user_version").fetchone()[0] >= target
                ):
                    continue
                raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run statements as one transaction (taking the write lock at once), committed on success."""
        connection = self.connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot be written ({error})") from None
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        try:
            connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot be written ({error})") from None

    def execute(self, sql: str, parameters: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """Run one statement (its own transaction), turning database errors into :class:`StoreError`."""
        try:
            return self.connection.execute(sql, parameters)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {error}") from None

    def note_counts(self) -> dict[str, tuple[int, int]]:
        """For each brief id with any: (number of notes, number of bookmarks).

        Here rather than with the notes (:mod:`briefing.storage.notes`), whose models
        take 8 ms to import: the library shows these counts in its first frame.
        """
        result: dict[str, tuple[int, int]] = {}
        if not self.exists():
            return result
        for brief_id, count in self.execute(
            "SELECT brief_id, COUNT(*) FROM notes GROUP BY brief_id"
        ):
            result[brief_id] = (count, 0)
        for brief_id, count in self.execute(
            "SELECT brief_id, COUNT(*) FROM bookmarks GROUP BY brief_id"
        ):
            result[brief_id] = (result.get(brief_id, (0, 0))[0], count)
        return result

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """Return the stored value of setting ``key``, or ``default``."""
        if not self.exists():
            return default
        try:
            row = self.connection.execute(
                "SELECT value FROM settings WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot be read ({error})") from None
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store ``value`` for setting ``key``."""
        try:
            self.connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot be written ({error})") from None

    def integrity_problems(self) -> list[str]:
        """Run SQLite's integrity check; return what it found wrong (empty when healthy)."""
        try:
            rows = self.connection.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as error:
            raise _open_error(self.path, error) from None
        return [row[0] for row in rows if row[0] != "ok"]

    def close(self) -> None:
        """Close the connection, if open."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def move_aside(path: Path, when: datetime) -> Path:
    """Rename an unusable database (and its WAL files) to a timestamped name; never delete it."""
    stamp = when.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target
