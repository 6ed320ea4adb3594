"""The SQLite store: settings now, notes and bookmarks as they arrive.

Opened only when first needed, in WAL mode with a busy timeout so that two
``briefing`` processes can share it. The schema is versioned with forward
migrations; a file that cannot be read as a briefing store is never deleted
or overwritten: :class:`StoreError` says why, and the caller carries on
without it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from briefing.core.safetext import display_path
from briefing.storage.store.files import FileIds, cannot_look, file_ids, not_a_file, present
from briefing.storage.store.files import writable as _writable
from briefing.storage.store.schema import MIGRATIONS, SCHEMA_VERSION, schema_problem

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError", "move_aside"]


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
_READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}


def _code(error: sqlite3.Error) -> int:
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def _open_error(path: Path, error: sqlite3.Error) -> StoreError:
    """Say why ``path`` could not be opened: a damaged file, or a place that cannot be written."""
    if _code(error) in _DAMAGED_CODES:
        return StoreError(
            f"{display_path(path)}: not a briefing database or damaged ({error})", unreadable=True
        )
    return StoreError(
        f"{display_path(path)}: cannot be opened for writing ({error});"
        f" check that {display_path(path.parent)} is a folder you can write to"
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
            if _code(error) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _rollback(connection: sqlite3.Connection) -> None:
    # SQLite has already rolled back after some errors (a full disk): a second
    # ROLLBACK would fail and hide the error that matters.
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass


class Store:
    """Access to the SQLite database at ``path``; nothing is opened until first use.

    Every write checks first, and again after it commits, that the database file and
    its ``-wal`` and ``-shm`` files are still the ones opened: a database moved or
    deleted while briefing runs fails the write (the caller keeps the text) instead of
    taking it into a file nobody will read. Each committed write is copied into the
    main file at once (a passive checkpoint: writes are a person's notes, settings and
    visits, a few a minute, and each costs one more sync), so ``briefing.db`` alone is
    always a complete backup; :meth:`close` copies the rest and removes the ``-wal``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self.read_only = False
        """True when the database could only be opened for reading: notes can be read, not saved."""
        self._files: FileIds | None = None
        self._vanished = False

    def exists(self) -> bool:
        """True once the database is open or its file is there.

        Reading a store that does not exist yet (a first start) gives the defaults and
        creates nothing: creating it syncs to disk, which took up to 100 ms before the
        reader's first frame. The app opens it just after that frame.
        """
        return self._connection is not None or present(self.path)

    @property
    def is_open(self) -> bool:
        """True while the database is open: it was opened (and not closed since).

        A store that fails before it ever opened cannot be used at all; one that is
        open and fails a write (a busy database, a full disk) can try again.
        """
        return self._connection is not None

    @property
    def read_only_message(self) -> str:
        """What to tell the user (once) when the store is read-only."""
        return f"notes are read-only: {display_path(self.path)} cannot be written"

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, opening and migrating the database on first use."""
        if self._connection is None:
            self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        unreachable = cannot_look(self.path)
        if unreachable:
            raise StoreError(unreachable)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if not os.path.isfile(self.path):
                raise StoreError(
                    f"{display_path(self.path.parent)}: cannot create the data folder ({error.strerror})"
                ) from None
        problem = not_a_file(self.path)
        if problem:
            raise StoreError(problem, unreadable=True)
        if self.path.exists() and not _writable(self.path):
            return self._open_read_only()
        connection = None
        try:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 10000")
            # Checked before anything that writes (switching to WAL rewrites the header),
            # so that a file this briefing did not write is left exactly as it was.
            version = self._check(connection)
            _use_wal(connection)
            # FULL: a write that returned survives a crash or SIGKILL right after.
            connection.execute("PRAGMA synchronous = FULL")
        except (sqlite3.Error, StoreError) as error:
            if connection is not None:
                connection.close()
            if isinstance(error, StoreError):
                raise
            if _code(error) in _READ_ONLY_CODES and self.path.is_file():
                return self._open_read_only()
            raise _open_error(self.path, error) from None
        try:
            self._migrate(connection, version)
        except sqlite3.Error as error:
            connection.close()
            raise StoreError(f"{display_path(self.path)}: cannot be updated ({error})") from None
        try:
            # A read makes SQLite open (create) the -wal and -shm files, which a file just
            # switched to WAL does not have yet: the files every write checks are these.
            connection.execute("PRAGMA schema_version").fetchone()
        except sqlite3.Error as error:
            connection.close()
            raise _open_error(self.path, error) from None
        self._files = file_ids(self.path)
        self._vanished = False
        return connection

    def _open_read_only(self) -> sqlite3.Connection:
        """Open a database that cannot be written, for reading its notes.

        SQLite cannot read a WAL database read-only without its ``-shm`` file, which
        it cannot create in a folder that cannot be written. With no ``-wal`` file
        the main file holds everything (closing checkpoints it), so it is read as
        immutable then.
        """
        uri = self.path.absolute().as_uri()
        attempts = [f"{uri}?mode=ro"]
        if not self.path.with_name(self.path.name + "-wal").exists():
            # Nobody can write it either (not without changing its permissions), and
            # immutable creates no -shm file beside it.
            attempts.insert(0, f"{uri}?mode=ro&immutable=1")
        failure: sqlite3.Error | None = None
        for attempt in attempts:
            connection = sqlite3.connect(attempt, uri=True, timeout=10, isolation_level=None)
            try:
                version = self._check(connection)
            except sqlite3.Error as error:
                connection.close()
                failure = error
                continue
            except StoreError:
                connection.close()
                raise
            if version != SCHEMA_VERSION:
                connection.close()
                raise StoreError(
                    f"{display_path(self.path)}: cannot be written, so it cannot be updated"
                    f" from schema {version} to {SCHEMA_VERSION}"
                )
            self.read_only = True
            return connection
        assert failure is not None
        raise _open_error(self.path, failure) from None

    def _check(self, connection: sqlite3.Connection) -> int:
        """Return the schema version of the file, after checking it is one this briefing wrote."""
        # Version and tables from one snapshot: another process may be migrating right now.
        connection.execute("BEGIN")
        try:
            version: int = connection.execute("PRAGMA user_version").fetchone()[0]
            problem = schema_problem(connection, version)
        finally:
            _rollback(connection)
        if problem:
            raise StoreError(f"{display_path(self.path)}: {problem}", unreadable=True)
        return version

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
                _rollback(connection)
                # Another process opening the same new database may have run this step first.
                if (
                    isinstance(error, sqlite3.DatabaseError)
                    and connection.execute("PRAGMA user_version").fetchone()[0] >= target
                ):
                    continue
                raise

    # Every write goes through here ----------------------------------------------------

    def _error(self, error: sqlite3.Error | UnicodeError, doing: str) -> StoreError:
        """One line for an error while ``doing`` something with the database."""
        if isinstance(error, sqlite3.Error) and _code(error) in _DAMAGED_CODES:
            return StoreError(f"{display_path(self.path)}: damaged ({error})", unreadable=True)
        if self.read_only and doing == "written":
            return StoreError(f"{self.read_only_message}; not saved")
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return StoreError(f"{display_path(self.path)}: cannot be {doing} ({reason})")

    def _before_write(self) -> sqlite3.Connection:
        connection = self.connection
        if self.read_only:
            raise StoreError(f"{self.read_only_message}; not saved")
        self._still_in_place()
        return connection

    def _still_in_place(self) -> None:
        if not self._vanished and file_ids(self.path) != self._files:
            self._vanished = True
        if self._vanished:
            raise StoreError(
                f"{display_path(self.path)}: the database or its -wal/-shm file was moved or deleted while"
                " briefing was running; not saved (restart briefing to use the file now there)"
            )

    def _after_write(self, connection: sqlite3.Connection) -> None:
        self._still_in_place()
        self._checkpoint(connection)

    @staticmethod
    def _checkpoint(connection: sqlite3.Connection) -> None:
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # what was written is safe in the WAL; the next checkpoint copies it

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run statements as one transaction (taking the write lock at once), committed on success.

        Any SQLite error, in the statements or the commit, rolls back and becomes a
        :class:`StoreError`.
        """
        connection = self._before_write()
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._error(error, "written") from None
        try:
            yield connection
            connection.execute("COMMIT")
        except (sqlite3.Error, UnicodeError) as error:
            _rollback(connection)
            raise self._error(error, "written") from None
        except BaseException:
            _rollback(connection)
            raise
        self._after_write(connection)

    def execute(self, sql: str, parameters: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """Run one statement (its own transaction), turning database errors into :class:`StoreError`."""
        reading = sql.lstrip()[:6].upper() == "SELECT"
        connection = self.connection if reading else self._before_write()
        try:
            cursor = connection.execute(sql, parameters)
        except (sqlite3.Error, UnicodeError) as error:
            raise self._error(error, "read" if reading else "written") from None
        if not reading:
            self._after_write(connection)
        return cursor

    def note_counts(self) -> dict[str, tuple[int, int]]:
        """For each brief id with any: (number of notes, number of bookmarks).

        Here rather than with the notes (:mod:`briefing.storage.store.notes`), whose models
        take 8 ms to import: the library shows these counts in its first frame.
        """
        result: dict[str, tuple[int, int]] = {}
        if not self.exists():
            return result
        for brief_id, count in self.execute(
            "SELECT brief_id, COUNT(*) FROM notes GROUP BY brief_id"
        ).fetchall():
            result[brief_id] = (count, 0)
        for brief_id, count in self.execute(
            "SELECT brief_id, COUNT(*) FROM bookmarks GROUP BY brief_id"
        ).fetchall():
            result[brief_id] = (result.get(brief_id, (0, 0))[0], count)
        return result

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """Return the stored value of setting ``key``, or ``default``."""
        if not self.exists():
            return default
        row = self.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store ``value`` for setting ``key``."""
        self.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def integrity_problems(self) -> list[str]:
        """Run SQLite's integrity check; return what it found wrong (empty when healthy).

        Opening has already checked the version and that every table has its columns.
        """
        try:
            rows = self.connection.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.Error as error:
            raise _open_error(self.path, error) from None
        return [row[0] for row in rows if row[0] != "ok"]

    def close(self) -> None:
        """Copy everything into the main file and close the connection, if open.

        SQLite removes the ``-wal`` file when the last connection closes; with another
        briefing still running, the checkpoint here leaves the main file complete anyway.
        """
        connection, self._connection = self._connection, None
        if connection is not None and not self.read_only and not self._vanished:
            self._checkpoint(connection)
        if connection is not None:
            connection.close()


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
