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

import functools
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from briefing.core.library import LibraryEntry

INDEX_VERSION = 5
"""Bump when what a summary holds changes: an index of another version is rebuilt."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest   TEXT NOT NULL,
    published REAL,
    summary  TEXT,
    error    TEXT,
    items    TEXT,
    searchable INTEGER NOT NULL DEFAULT 0,
    brief_id TEXT
);
-- Listing a library reads only these: a covering index spares it the summaries and
-- items that fill the table's pages (a scan of the table read 50 MB for 5,000 briefs).
CREATE INDEX IF NOT EXISTS files_listing
    ON files (path, published, error, digest, brief_id, size, mtime_ns);
CREATE TABLE IF NOT EXISTS items (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    text         TEXT NOT NULL,
    speaker_id   TEXT NOT NULL,
    speaker_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    affiliation  TEXT NOT NULL,
    aliases      TEXT NOT NULL,
    when_text    TEXT NOT NULL,
    when_ts      REAL,
    context      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_path ON items (path);
CREATE INDEX IF NOT EXISTS items_by_kind ON items (kind, speaker_name);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
    text, speaker_name, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS items_added AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS items_removed AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, text, speaker_name)
    VALUES ('delete', old.id, old.text, old.speaker_name);
END;
"""


@dataclass(frozen=True, slots=True)
class IndexedFile:
    """One file as indexed: its identity on disk and what it holds (picklable, for worker processes)."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    published: float | None = None
    """The publication time (POSIX timestamp) of a valid brief, for sorting."""
    summary: str | None = None
    """The summary as JSON, for a valid brief."""
    error: str | None = None
    """The problems as JSON, for an invalid file."""
    unchanged: bool = False
    """True when the content hash matched the index: nothing was parsed."""
    items: str | None = None
    brief_id: str | None = None
    """The brief's id (so the library can key its marks without decoding summaries)."""
    """Every item of a valid brief as JSON (see :mod:`briefing.core.library_items`), for search."""

    def entry(self) -> LibraryEntry:
        """The library entry this row stands for."""
        return entry_from_row(
            self.path, self.published, self.summary, self.error, self.digest, self.brief_id
        )


@dataclass(slots=True)
class Progress:
    """What one step of a refresh found: entries new or changed, files gone, and how far it got."""

    entries: list[LibraryEntry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    checked: int = 0
    total: int = 0
    done: bool = False


def _error_json(error: Exception) -> str:
    from briefing.core.errors import BriefError

    assert isinstance(error, BriefError)
    return json.dumps(
        [[p.message, p.location, p.line, p.column] for p in error.problems], ensure_ascii=False
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
    from briefing.core.errors import BriefError, Problem

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


def index_file(
    path: str, zone: tzinfo | None, known_digest: str | None = None, *, with_items: bool = False
) -> IndexedFile:
    """Read ``path`` and index it; skip parsing when its content hash is ``known_digest``.

    ``with_items`` adds every item of the brief (for the search tables). Listing
    does without: the items are a third of the work of indexing a brief, and a
    first start lists the library before :meth:`LibraryIndex.build_search` reads them.

    A module-level function of plain arguments, so a process pool can run it.
    """
    from briefing.core.errors import BriefError, Problem
    from briefing.core.library import summarize
    from briefing.core.library_items import brief_items
    from briefing.core.loading import parse_brief, read_limited

    file = Path(path)
    try:
        info = file.stat()
        data = read_limited(file)
    except BriefError as error:
        return IndexedFile(path, -1, -1, "", error=_error_json(error))
    except OSError as error:
        problem = Problem(f"cannot be read: {error.strerror or error}")
        return IndexedFile(path, -1, -1, "", error=_error_json(BriefError(file, [problem])))
    import hashlib

    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if digest == known_digest:
        return IndexedFile(path, info.st_size, info.st_mtime_ns, digest, unchanged=True)
    try:
        brief = parse_brief(data, file, local_zone=zone)
    except BriefError as error:
        return IndexedFile(path, info.st_size, info.st_mtime_ns, digest, error=_error_json(error))
    summary = summarize(brief)
    return IndexedFile(
        path,
        info.st_size,
        info.st_mtime_ns,
        digest,
        published=summary.published_at.timestamp(),
        summary=json.dumps(summary.to_json(), ensure_ascii=False),
        brief_id=summary.brief_id,
        items=json.dumps([item.to_json() for item in brief_items(brief)], ensure_ascii=False)
        if with_items
        else None,
    )


Indexer = Callable[[list[tuple[str, str | None]], tzinfo | None], Iterator[IndexedFile]]
"""Indexes ``(path, known digest)`` pairs, yielding results in any order (see :mod:`.indexing`)."""


def index_serially(
    jobs: list[tuple[str, str | None]], zone: tzinfo | None, *, with_items: bool = False
) -> Iterator[IndexedFile]:
    """Index ``jobs`` one after another in this thread."""
    for path, digest in jobs:
        yield index_file(path, zone, digest, with_items=with_items)


POOL_THRESHOLD = 64
"""Fewer files than this are indexed in the calling thread: starting processes costs more."""


def _worker_command(zone: tzinfo | None) -> tuple[list[str], dict[str, str]]:
    import base64
    import pickle

    import briefing

    package_root = os.path.dirname(os.path.dirname(os.path.abspath(briefing.__file__)))
    env = dict(os.environ)
    # The worker imports this very briefing, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    zone_arg = base64.b64encode(pickle.dumps(zone)).decode("ascii")
    return [sys.executable, "-m", "briefing.storage.index_worker", zone_arg], env


def index_in_processes(
    jobs: list[tuple[str, str | None]],
    zone: tzinfo | None,
    *,
    workers: int | None = None,
    with_items: bool = False,
) -> Iterator[IndexedFile]:
    """Index ``jobs`` in worker processes (one per core), yielding results as they arrive.

    Parsing and validating is pure Python, so threads would share one core;
    processes use them all. Whatever the workers do not deliver (they could
    not start, or died) is indexed in this thread instead.
    """
    import queue
    import subprocess
    import threading

    workers = workers or min(4, os.cpu_count() or 1)
    if len(jobs) < POOL_THRESHOLD or workers < 2:
        yield from index_serially(jobs, zone, with_items=with_items)
        return
    command, env = _worker_command(zone)
    if with_items:
        command = [*command, "--items"]
    results: queue.Queue[IndexedFile | None] = queue.Queue()
    processes: list[subprocess.Popen[str]] = []

    def collect(process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                try:
                    results.put(IndexedFile(*json.loads(line)))
                except (TypeError, ValueError):
                    break
        finally:
            results.put(None)

    for n in range(workers):
        share = jobs[n::workers]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                env=env,
            )
            assert process.stdin is not None
            process.stdin.write("".join(json.dumps(job) + "\n" for job in share))
            process.stdin.close()
        except (OSError, ValueError):
            continue
        processes.append(process)
        threading.Thread(target=collect, args=(process,), daemon=True).start()
    delivered: set[str] = set()
    try:
        running = len(processes)
        while running:
            item = results.get()
            if item is None:
                running -= 1
                continue
            delivered.add(item.path)
            yield item
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait()
    missing = [job for job in jobs if job[0] not in delivered]
    yield from index_serially(missing, zone, with_items=with_items)


def _storable(path: str) -> bool:
    """True when ``path`` can be an SQLite text key (a file name that is valid UTF-8)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _under(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def absolute(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The library's files and folders as absolute paths (the index's keys)."""
    return [os.path.abspath(os.fspath(path)) for path in paths]


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
                except (sqlite3.DatabaseError, OSError):
                    self.rebuilt = True
                    try:
                        self._discard()
                        self._connection = self._open(self.path)
                    except (sqlite3.DatabaseError, OSError):
                        self.persistent = False
                        self._connection = self._open(None)
            return self._connection

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
                    " DROP TABLE IF EXISTS files;"
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

    def _rows(self, roots: list[str], columns: str) -> list[tuple]:
        try:
            with self.lock:
                rows = self.connection.execute(f"SELECT path, {columns} FROM files").fetchall()
        except sqlite3.DatabaseError:
            # Damaged after opening (the pages of the table itself): start again.
            self.close()
            self._discard()
            self.rebuilt = True
            return []
        return [row for row in rows if _under(row[0], roots)]

    def cached(self, paths: Iterable[str | os.PathLike[str]]) -> list[LibraryEntry]:
        """The entries the index holds for the library at ``paths``, newest first.

        A valid brief's summary is fetched from the index only when its entry
        is first asked for it (a row drawn on screen, a sort by title): listing
        5,000 briefs reads their paths, dates and ids, not 5,000 summaries.
        """
        rows = self._rows(absolute(paths), "published, error, digest, brief_id")
        rows.sort(key=lambda row: row[1] if isinstance(row[1], int | float) else 0.0, reverse=True)
        entries = []
        for path, published, error, digest, brief_id in rows:
            if error is not None:
                entries.append(entry_from_row(path, published, None, error, digest, brief_id))
            else:
                entries.append(
                    LibraryEntry(
                        path,
                        stored_time=published,
                        digest=digest or None,
                        stored_id=brief_id,
                        loader=self.summary_of,
                    )
                )
        return entries

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

    def refresh(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        indexer: Indexer = index_serially,
        batch: int = 200,
        force: bool = False,
    ) -> Iterator[Progress]:
        """Bring the index up to date with the files under ``paths``, reporting as it goes.

        Yields a first :class:`Progress` with the files that vanished (and the
        total to check), then batches of new or changed entries, then one with
        ``done`` set. Unchanged files are never read; files whose time changed
        but not their content are read and hashed but not parsed. ``force``
        re-reads every file.
        """
        from briefing.core.files import find_briefs

        roots = absolute(paths)
        # A row whose summary is not valid JSON is not trusted: its file is read again
        # (SQLite has JSON functions built in from 3.38).
        digest = (
            "CASE WHEN summary IS NULL OR json_valid(summary) THEN digest ELSE '' END"
            if sqlite3.sqlite_version_info >= (3, 38)
            else "digest"
        )
        rows = self._rows(roots, f"size, mtime_ns, {digest}")
        known: dict[str, tuple[int, int, str]] = {
            path: (size, mtime_ns, digest) for path, size, mtime_ns, digest in rows
        }
        if force:
            known = {path: (-1, -1, "") for path in known}
        files = [os.fspath(path) for path in find_briefs(roots)]
        present = set(files)
        removed = [path for path in known if path not in present]
        jobs: list[tuple[str, str | None]] = []
        for path in files:
            old = known.get(path)
            try:
                info = os.stat(path)
            except OSError:
                jobs.append((path, None))
                continue
            if old is not None and old[0] == info.st_size and old[1] == info.st_mtime_ns and old[2]:
                continue
            jobs.append((path, old[2] if old else None))
        removed_keys = [path for path in removed if _storable(path)]
        if removed_keys:
            self._write(
                lambda c: [
                    c.executemany(
                        f"DELETE FROM {table} WHERE path = ?", [(p,) for p in removed_keys]
                    )
                    for table in ("files", "items")
                ]
            )
        yield Progress(removed=removed, total=len(jobs))
        checked = 0
        pending: list[IndexedFile] = []
        for result in indexer(jobs, self.zone):
            checked += 1
            pending.append(result)
            if len(pending) >= batch:
                yield self._store(pending, checked, len(jobs))
                pending = []
        yield self._store(pending, checked, len(jobs), done=True)

    def _store(
        self, results: list[IndexedFile], checked: int, total: int, *, done: bool = False
    ) -> Progress:
        def write(connection: sqlite3.Connection) -> None:
            for item in results:
                if item.size < 0 or not _storable(item.path):
                    # Unreadable, or a file name that is not UTF-8 (SQLite text must be):
                    # listed all the same, and looked at again next time.
                    continue
                if item.unchanged:
                    connection.execute(
                        "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                        (item.size, item.mtime_ns, item.path),
                    )
                else:
                    # The items of the old version leave the search index now; the new ones
                    # enter it in build_search, once the library is listed.
                    connection.execute("DELETE FROM items WHERE path = ?", (item.path,))
                    connection.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                        (
                            item.path,
                            item.size,
                            item.mtime_ns,
                            item.digest,
                            item.published,
                            item.summary,
                            item.error,
                            item.items,
                            item.brief_id,
                        ),
                    )

        self._write(write)
        entries = [item.entry() for item in results if not item.unchanged]
        return Progress(entries=entries, checked=checked, total=total, done=done)

    def build_search(
        self, *, batch: int = 100, indexer: Indexer | None = None
    ) -> Iterator[tuple[int, int]]:
        """Put the items of newly indexed briefs into the search tables, yielding (done, total).

        Kept apart from :meth:`refresh` so a first start lists every brief
        before it spends seconds on the full-text index: the items are read
        here, from the files again, in worker processes (``indexer``); a warm
        start has nothing to do here.
        """
        try:
            with self.lock:
                rows = self.connection.execute(
                    "SELECT path, items IS NULL FROM files"
                    " WHERE searchable = 0 AND summary IS NOT NULL"
                ).fetchall()
        except sqlite3.DatabaseError:
            return
        total = len(rows)
        done = 0
        kept = [path for path, missing in rows if not missing]
        for start in range(0, len(kept), batch):
            chunk = kept[start : start + batch]
            try:
                with self.lock:
                    found = self.connection.execute(
                        f"SELECT path, items FROM files WHERE path IN ({','.join('?' * len(chunk))})",
                        chunk,
                    ).fetchall()
            except sqlite3.DatabaseError:
                return
            if not self._write(functools.partial(self._put_items, found=found)):
                return
            done += len(chunk)
            yield done, total
        make = indexer or functools.partial(index_in_processes, with_items=True)
        pending: list[tuple[str, str | None]] = []
        jobs: list[tuple[str, str | None]] = [(path, None) for path, missing in rows if missing]
        for result in make(jobs, self.zone):
            pending.append((result.path, result.items))
            if len(pending) >= batch or done + len(pending) == total:
                if not self._write(functools.partial(self._put_items, found=pending)):
                    return
                done += len(pending)
                pending = []
                yield done, total
        if pending and self._write(functools.partial(self._put_items, found=pending)):
            yield done + len(pending), total

    @staticmethod
    def _put_items(connection: sqlite3.Connection, found: list[tuple[str, str | None]]) -> None:
        for path, items in found:
            connection.execute("DELETE FROM items WHERE path = ?", (path,))
            try:
                decoded = json.loads(items) if items else []
            except ValueError:
                decoded = []
            # Columns in LibraryItem's order; aliases one per line.
            connection.executemany(
                "INSERT INTO items (path, kind, item_id, text, speaker_id, speaker_name,"
                " role, affiliation, aliases, when_text, when_ts, context)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (path, *i[:7], "\n".join(map(str, i[7])), *i[8:])
                    for i in decoded
                    if isinstance(i, list) and len(i) == 11 and isinstance(i[7], list)
                ],
            )
            # Searchable even when the file could not be read again: the next refresh
            # sees it changed and lists it anew.
            connection.execute("UPDATE files SET searchable = 1 WHERE path = ?", (path,))

    def _write(self, action: Callable[[sqlite3.Connection], object]) -> bool:
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

    def close(self) -> None:
        """Close the connection, if open."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
