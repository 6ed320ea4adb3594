"""All notes or all bookmarks, a page at a time: the lists behind ``N`` and ``B``.

A user with a million imported notes waited a minute and 2 GB for ``N`` when
every note was read into a list. A :class:`Listing` holds only the rowids of
the entries it shows, in order (8 bytes each), taken once by
:meth:`AnnotationPages.listing` in a worker, filter included; the screen then
reads the few rows on screen with :meth:`AnnotationPages.rows`. The filter runs
in SQLite, folding case and diacritics as the library's search does
(:func:`~briefing.storage.index.query.fold`).

Each call opens its own connection (``check_same_thread`` holds for the
store's), so a listing taken in a thread never shares one with the reader.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from briefing.core.annotations import Bookmark, Note
from briefing.core.safetext import display_path
from briefing.storage.index.query import fold
from briefing.storage.store.database import StoreError
from briefing.storage.store.notes import _BOOKMARK_COLUMNS, _NOTE_COLUMNS, _bookmark, _note

Entry = Note | Bookmark

_ORDER = {
    # rowid breaks ties: the index on (updated) holds it, so no sort of the whole table.
    "notes": "updated DESC, rowid DESC",
    "bookmarks": "created DESC, rowid DESC",
}
_BODY = {"notes": "body", "bookmarks": "''"}
_CHUNK = 4096
"""Rowids are read this many at a time (never a list of a million tuples)."""


@dataclass(slots=True)
class Listing:
    """The entries one list shows: their rowids in order, and how many there are in all."""

    table: str
    """``"notes"`` or ``"bookmarks"``."""
    words: tuple[str, ...] = ()
    """The filter's words, folded (every one must occur)."""
    rowids: array[int] = field(default_factory=lambda: array("q"))
    """The rowids of the matching entries, in the order they are listed."""
    total: int = 0
    """How many entries the table holds, filtered or not."""

    def __len__(self) -> int:
        return len(self.rowids)


def filter_words(text: str) -> tuple[str, ...]:
    """The words of a filter as typed, without case or diacritics."""
    return tuple(fold(word) for word in text.split())


def _matcher(words: tuple[str, ...]) -> Callable[[str, str, str], int]:
    def matches(title: str, item_text: str, body: str) -> int:
        haystack = fold(f"{title}\n{item_text}\n{body}")
        return all(word in haystack for word in words)

    return matches


def _where(table: str, words: tuple[str, ...]) -> str:
    """The filter as SQL: one call of :func:`fold` per entry (about 1 µs; a million
    notes take a second, in a thread). SQLite's LIKE folds ASCII only, and telling
    the entries that are all ASCII apart in SQL (GLOB, length of the bytes) cost more
    than the fold it saved."""
    if not words:
        return ""
    return f"WHERE briefing_matches(brief_title, item_text, {_BODY[table]})"


class AnnotationPages:
    """Pages of the notes and bookmarks in the store file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows_read = 0
        """Entries read by :meth:`rows` so far (what a screenful costs, for tests and benchmarks)."""

    def _connect(self) -> sqlite3.Connection:
        # Read-only: listing never creates the file or takes a write lock.
        uri = f"file:{quote(str(self.path))}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        return connection

    def listing(
        self, table: str, text: str = "", *, cancelled: Callable[[], bool] = lambda: False
    ) -> Listing:
        """The entries of ``table`` matching every word of ``text``, newest first.

        ``cancelled`` is polled while SQLite scans; when it turns true the scan
        stops and what was found so far is returned (its caller drops it).
        """
        words = filter_words(text)
        result = Listing(table, words)
        if not self.path.exists():
            return result
        connection = self._connect()
        try:
            connection.set_progress_handler(lambda: 1 if cancelled() else 0, 10_000)
            connection.create_function("briefing_matches", 3, _matcher(words), deterministic=True)
            where = _where(table, words)
            cursor = connection.execute(
                f"SELECT rowid FROM {table} {where} ORDER BY {_ORDER[table]}"
            )
            while chunk := cursor.fetchmany(_CHUNK):
                result.rowids.extend(row[0] for row in chunk)
            result.total = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError as error:
            if not cancelled():
                raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        finally:
            connection.close()
        return result

    def every_note(self, chunk: int = _CHUNK) -> Iterator[Note]:
        """Every readable note, read ``chunk`` at a time (for the library search's notes table).

        A damaged row is left out: the notes list (``N``) names it.
        """
        if not self.path.exists():
            return
        connection = self._connect()
        try:
            cursor = connection.execute(f"SELECT {_NOTE_COLUMNS} FROM notes")
            while rows := cursor.fetchmany(chunk):
                for row in rows:
                    try:
                        note = _note(row)
                    except ValueError:
                        continue
                    yield note
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        finally:
            connection.close()

    def rows(self, listing: Listing, start: int, stop: int) -> list[Entry | str | None]:
        """Entries ``start`` to ``stop`` of ``listing``: ``None`` for one deleted since it was
        taken, and a one-line message naming the file and the entry for one that is damaged."""
        wanted: Sequence[int] = listing.rowids[start:stop]
        if not wanted:
            return []
        columns = _NOTE_COLUMNS if listing.table == "notes" else _BOOKMARK_COLUMNS
        make = _note if listing.table == "notes" else _bookmark
        marks = ", ".join("?" * len(wanted))
        connection = self._connect()
        found: dict[int, Entry | str] = {}
        try:
            for rowid, *row in connection.execute(
                f"SELECT rowid, {columns} FROM {listing.table} WHERE rowid IN ({marks})",
                tuple(wanted),
            ):
                try:
                    found[rowid] = make(tuple(row))
                except ValueError as error:  # one damaged row: said in its place, the rest listed
                    found[rowid] = f"{display_path(self.path)}: {error}"
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        finally:
            connection.close()
        self.rows_read += len(found)
        return [found.get(rowid) for rowid in wanted]
