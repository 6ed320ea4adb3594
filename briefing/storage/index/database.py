"""The library index: what the library shows of every brief file, kept between runs.

A library of thousands of briefs cannot be parsed on every start. The index
keeps, for each file, its size, modification time, content hash and either the
:class:`~briefing.core.library.BriefSummary` a row shows or the problems that
made it invalid. A refresh stats every file, re-reads only those whose size or
time changed, re-parses only those whose content hash changed, and forgets
files that vanished.

The index is a cache, kept in its own SQLite file beside the notes database:
it holds nothing that cannot be rebuilt from the brief files, so a damaged or
outdated index is simply deleted and built again, and it never puts notes at
risk.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any

from briefing.core.errors import BriefError, Problem
from briefing.core.library import LibraryEntry
from briefing.storage.index.schema import (  # noqa: F401 - also this module's public names
    INDEX_VERSION,
    SCHEMA,
    absolute,
    damaged,
    emptied,
    file_identity,
    roots_clause,
    storable,
)


def entry_from_row(
    path: str,
    published: float | None,
    summary: str | None,
    error: str | None,
    digest: str | None = None,
    brief_id: str | None = None,
) -> LibraryEntry:
    """Rebuild a library entry from an index row (a valid brief's summary is decoded when first used)."""
    if summary is not None:
        # The path as a string: a Path is built only for an entry that asks for one.
        return LibraryEntry(
            path, stored=summary, stored_time=published, digest=digest or None, stored_id=brief_id
        )
    file = Path(path)
    try:
        problems = [
            Problem(str(message), str(location), line, column)
            for message, location, line, column in json.loads(error or "[]")
        ]
    except (TypeError, ValueError):
        problems = [Problem("its entry in the library index is damaged; press r to read it again")]
    return LibraryEntry(file, error=BriefError(file, problems))


def _file_name(row: tuple[Any, ...]) -> str:
    path: str = row[0]
    return os.path.basename(path)


class _Summaries:
    """An index's stored summaries, one at a time or many at once (a ``SummaryLoader``)."""

    __slots__ = ("index",)

    def __init__(self, index: LibraryIndex) -> None:
        self.index = index

    def __call__(self, path: str) -> str | None:
        return self.index.summary_of(path)

    def many(self, paths: Sequence[str]) -> dict[str, str]:
        return self.index.summaries_of(paths)


class LibraryIndex:
    """The index file at ``path``; opened on first use, rebuilt when it cannot be read.

    ``stamp`` names what the summaries depend on besides the files (the index
    version and the reader's time zone, which places naive times): an index
    made with another stamp is emptied first.
    """

    def __init__(self, path: Path, *, zone: tzinfo | None = None) -> None:
        self.path = path
        self.zone = zone
        self.stamp = f"{INDEX_VERSION}:{zone}"
        self._connection: sqlite3.Connection | None = None
        self.lock = threading.RLock()
        """Held while the connection is used: a cancelled refresh may still be running."""
        self.persistent = True
        """False when the index could not be kept on disk this run (it lives in memory)."""
        self.rebuilt = False
        """True when the file was damaged or outdated and started again empty."""
        self.summaries = _Summaries(self)
        """The loader of listed entries' summaries (see :func:`briefing.core.library.prefetch`)."""
        self._identity: tuple[int, int] | None = None
        """The device and inode of the file opened, to notice it deleted or replaced."""

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection (opening, checking or rebuilding the file on first use).

        When the file can be neither opened nor rebuilt (a read-only or missing data
        folder), the index lives in memory for this run: the library still lists,
        it is only read again next time.
        """
        with self.lock:
            if self._connection is None:
                try:
                    self._connection = self._open(self.path)
                except (sqlite3.DatabaseError, OSError) as error:
                    try:
                        if not damaged(error):
                            # Busy or locked, or a folder that cannot be written: the
                            # file is not ours to delete (other connections may use it).
                            raise
                        self.rebuilt = True
                        self._discard()
                        self._connection = self._open(self.path)
                    except (sqlite3.DatabaseError, OSError):
                        self.persistent = False
                        self._connection = self._open(None)
                self._identity = file_identity(self.path) if self.persistent else None
            return self._connection

    def lost(self) -> bool:
        """True when the file this index opened was deleted, or another file is in its place.

        SQLite goes on using a deleted file through its open connection: nothing would
        be kept again, and searches, which open the file by its name, would find none.
        """
        with self.lock:
            if self._connection is None or self._identity is None:
                return False
            return file_identity(self.path) != self._identity

    def start_again(self, *, discard: bool) -> None:
        """Close the file (deleting it when ``discard``); the next use opens or creates it anew."""
        with self.lock:
            self.close()
            if discard:
                self._discard()
            self.rebuilt = True

    def _open(self, path: Path | None) -> sqlite3.Connection:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # One connection, shared by the library's worker threads under self.lock.
        connection = sqlite3.connect(
            ":memory:" if path is None else path,
            timeout=10,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            connection.execute("PRAGMA busy_timeout = 10000")
            connection.execute("PRAGMA journal_mode = WAL")
            # A cache: losing the last writes in a crash only means re-reading those files.
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = connection.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            if row is None or row[0] != self.stamp:
                # Made by another version (or for another zone): its tables may not even have
                # today's columns. It is a cache, so it starts again from nothing.
                self.rebuilt = self.rebuilt or row is not None
                connection.executescript(
                    "DROP TRIGGER IF EXISTS items_added; DROP TRIGGER IF EXISTS items_removed;"
                    " DROP TABLE IF EXISTS items_fts; DROP TABLE IF EXISTS items;"
                    " DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS briefs;"
                )
                connection.executescript(SCHEMA)
                connection.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('stamp', ?)", (self.stamp,)
                )
            else:
                connection.executescript(SCHEMA)
        except BaseException:
            connection.close()
            raise
        return connection

    def _discard(self) -> None:
        """Delete a damaged index (and its WAL files): it is only a cache."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError:
                if suffix == "":
                    raise

    def rows(self, roots: list[str], columns: str, order: str = "") -> list[tuple[Any, ...]]:
        """``path`` and ``columns`` of every file under ``roots`` (none when the file is damaged)."""
        where, parameters = roots_clause(roots)
        query = f"SELECT path, {columns} FROM files WHERE {where} {order}"
        with self.lock:
            if self.lost():
                self.start_again(discard=False)  # a refresh then reads every file again
            try:
                return self.connection.execute(query, parameters).fetchall()
            except sqlite3.DatabaseError as error:
                if damaged(error) or emptied(error):
                    # Damaged or emptied after opening (the pages of the table itself, or
                    # the tables dropped by another program): start again.
                    self.start_again(discard=damaged(error))
                return []

    def cached(self, paths: Iterable[str | os.PathLike[str]]) -> list[LibraryEntry]:
        """The entries the index holds for the library at ``paths``, in the library's default
        order: newest first, then the files that failed to load by name (as
        :func:`~briefing.core.library.sort_entries` orders them ``published``).

        A valid brief's summary is fetched from the index only when its entry
        is first asked for it (a row drawn on screen, a sort by title): listing
        5,000 briefs reads their paths, dates and ids, not 5,000 summaries.
        """
        if self._connection is None and not self.path.exists():
            return []  # a first start: the refresh creates the file, after the first frame
        # Filtered by SQLite: in Python, that took 11 of the 27 ms that listing 5,000
        # briefs cost before the library's first frame.
        rows = self.rows(absolute(paths), "published, error, digest, brief_id")
        # Newest first (faster here than by SQLite, which sorts in a temporary tree); the
        # column has REAL affinity, so anything but a float is a missing or damaged time.
        rows.sort(key=lambda row: row[1] if type(row[1]) is float else 0.0, reverse=True)
        # Then the files that failed to load, by name: the library's default order, which
        # the screen shows as listed here (not sorted again before its first frame).
        if any(row[2] is not None for row in rows):
            bad = sorted((row for row in rows if row[2] is not None), key=_file_name)
            rows = [row for row in rows if row[2] is None] + bad
        loader = self.summaries
        return [
            # By position (path, brief, error, indexed, stored, stored_time, digest,
            # stored_id, loader): 5,000 calls by keyword took 1 ms more.
            LibraryEntry(path, None, None, None, None, published, digest or None, brief_id, loader)
            if error is None
            else entry_from_row(path, published, None, error, digest, brief_id)
            for path, published, error, digest, brief_id in rows
        ]

    def summaries_of(self, paths: Sequence[str]) -> dict[str, str]:
        """The stored summaries (JSON) of ``paths`` that have one, by path, in one query."""
        if not paths:
            return {}
        marks = ", ".join("?" * len(paths))
        try:
            with self.lock:
                rows = self.connection.execute(
                    f"SELECT path, summary FROM files WHERE path IN ({marks})", list(paths)
                ).fetchall()
        except sqlite3.DatabaseError:
            return {}  # each entry then asks on its own (and is told it is damaged)
        return {path: summary for path, summary in rows if summary is not None}

    def summary_of(self, path: str) -> str | None:
        """The stored summary (JSON) of the brief at ``path``; "" when it cannot be read."""
        try:
            with self.lock:
                row = self.connection.execute(
                    "SELECT summary FROM files WHERE path = ?", (path,)
                ).fetchone()
        except sqlite3.DatabaseError:
            return ""
        # "" decodes as damaged: the entry says so, and the next refresh reads the file.
        return row[0] if row and row[0] is not None else ""

    def write(self, action: Callable[[sqlite3.Connection], object]) -> bool:
        """Run ``action`` in one transaction; a failure to write the cache is not an error."""
        try:
            with self.lock:
                connection = self.connection
                connection.execute("BEGIN IMMEDIATE")
                try:
                    action(connection)
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")
        except (sqlite3.DatabaseError, UnicodeError):
            # A read-only or full disk: the library still lists what was read, it is just
            # read again next time.
            return False
        return True

    def close(self, *, wait: float = -1) -> None:
        """Close the connection, if open (SQLite then copies its -wal file into the index);
        with ``wait`` seconds, left open when a thread still holds it that long."""
        if self.lock.acquire(timeout=wait):
            if self._connection is not None:
                self._connection.close()
                self._connection = self._identity = None
            self.lock.release()
