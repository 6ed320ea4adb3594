"""Filling the library index's search tables, once every brief is listed.

Apart from :mod:`briefing.storage.index.database`, whose listing and refreshing
come first: a first start lists the library before it spends seconds reading
every item of every brief into the full-text tables here.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

from briefing.storage.index.indexing import Indexer, index_in_processes

if TYPE_CHECKING:
    from briefing.storage.index.database import LibraryIndex


def fill_search(
    index: LibraryIndex, *, batch: int = 100, indexer: Indexer | None = None
) -> Iterator[tuple[int, int]]:
    """Put the items of newly indexed briefs into ``index``'s search tables, yielding (done, total).

    The items are read here, from the files again, in worker processes
    (``indexer``); a warm start has nothing to do here.
    """
    try:
        with index.lock:
            rows = index.connection.execute(
                "SELECT path FROM files WHERE searchable = 0 AND summary IS NOT NULL"
            ).fetchall()
    except sqlite3.DatabaseError:
        return
    total = len(rows)
    done = 0
    make = indexer or functools.partial(index_in_processes, with_items=True)
    pending: list[tuple[str, str | None]] = []
    jobs: list[tuple[str, str | None]] = [(path, None) for (path,) in rows]
    for result in make(jobs, index.zone):
        pending.append((result.path, result.items))
        if len(pending) >= batch or done + len(pending) == total:
            if not index.write(functools.partial(put_items, found=pending)):
                return
            done += len(pending)
            pending = []
            yield done, total
    if pending and index.write(functools.partial(put_items, found=pending)):
        yield done + len(pending), total


def put_items(connection: sqlite3.Connection, found: list[tuple[str, str | None]]) -> None:
    """Replace the search items of each (path, items JSON) of ``found``; mark the file searchable."""
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
