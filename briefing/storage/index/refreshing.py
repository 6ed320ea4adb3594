"""Bringing the library index up to date with the brief files, and filling its search tables.

Apart from :mod:`briefing.storage.index.database` (the file, and the listing the
library's first frame reads from it): refreshing reads brief files
(:mod:`briefing.storage.index.indexing`: the models, the search items, worker
processes), which a warm start's first frame does without (issue 15). The library's
loader runs it in a thread once that frame is out.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator

from briefing.core.files import find_briefs
from briefing.storage.index.briefs import DROP_UNLISTED, put_content
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_serially
from briefing.storage.index.items import fill_search
from briefing.storage.index.rows import IndexedFile, Indexer, Progress, stale_jobs
from briefing.storage.index.schema import absolute, storable


def refresh(
    index: LibraryIndex,
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
    roots = absolute(paths)
    known = _known(index, roots, force=force)
    files = [os.fspath(path) for path in find_briefs(roots)]
    present = set(files)
    removed = [path for path in known if path not in present]
    jobs = stale_jobs(files, known)
    _forget(index, removed)
    yield Progress(removed=removed, total=len(jobs))
    checked = 0
    pending: list[IndexedFile] = []
    changed = bool(removed)  # then the content of files gone or changed goes at the end
    for result in indexer(jobs, index.zone):
        checked += 1
        changed = changed or not result.unchanged
        pending.append(result)
        if len(pending) >= batch:
            yield _store(index, pending, checked, len(jobs))
            pending = []
    last = _store(index, pending, checked, len(jobs), done=True)
    if changed:
        index.write(lambda connection: connection.execute(DROP_UNLISTED))
    yield last


def _known(
    index: LibraryIndex, roots: list[str], *, force: bool
) -> dict[str, tuple[int, int, str]]:
    """What the index holds of the files under ``roots``: size, time and digest, by path.

    The digest is "" for a row that must be read again: every row with
    ``force``, and a row whose summary is not valid JSON (SQLite has JSON
    functions built in from 3.38).
    """
    digest = (
        "CASE WHEN summary IS NULL OR json_valid(summary) THEN digest ELSE '' END"
        if sqlite3.sqlite_version_info >= (3, 38)
        else "digest"
    )
    rows = index.rows(roots, f"size, mtime_ns, {digest}")
    if force:
        return {path: (-1, -1, "") for path, *_ in rows}
    return {path: (size, mtime_ns, digest) for path, size, mtime_ns, digest in rows}


def _forget(index: LibraryIndex, removed: list[str]) -> None:
    """Take the files at ``removed`` (those that can be stored) out of the index."""
    removed_keys = [path for path in removed if storable(path)]
    if removed_keys:
        index.write(
            lambda c: [
                c.executemany(f"DELETE FROM {table} WHERE path = ?", [(p,) for p in removed_keys])
                for table in ("files", "items")
            ]
        )


def _store(
    index: LibraryIndex, results: list[IndexedFile], checked: int, total: int, *, done: bool = False
) -> Progress:
    def write(connection: sqlite3.Connection) -> None:
        for item in results:
            if item.size < 0 or not storable(item.path):
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
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    (
                        item.path,
                        item.size,
                        item.mtime_ns,
                        item.digest,
                        item.published,
                        item.summary,
                        item.error,
                        item.brief_id,
                    ),
                )
                if item.content is not None:
                    put_content(connection, item.digest, index.zone, item.packed())

    index.write(write)
    entries = [item.entry() for item in results if not item.unchanged]
    return Progress(entries=entries, checked=checked, total=total, done=done)


def build_search(
    index: LibraryIndex, *, batch: int = 100, indexer: Indexer | None = None
) -> Iterator[tuple[int, int]]:
    """Put the items of newly indexed briefs into the search tables, yielding (done, total).

    Kept apart from :func:`refresh` so a first start lists every brief
    before it spends seconds on the full-text index (see
    :func:`briefing.storage.index.items.fill_search`).
    """
    return fill_search(index, batch=batch, indexer=indexer)
