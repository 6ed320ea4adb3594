"""The notes and bookmarks of one brief as the brief screen shows them, read a little at a time.

A brief with a million imported notes froze the reader when it opened: every note
of the brief was read into lists on the UI thread, though the screen shows only a
mark per item and the notes of the item under the cursor. :meth:`BriefNotes.marks`
counts the notes per item in SQLite (``GROUP BY``, one row per item), in a thread;
:meth:`BriefNotes.notes_on` reads the latest few notes of one item through the
index on ``(brief_id, kind, item_id)``, which holds the rowid, so no sort of the
item's notes is needed.

Each call opens its own read-only connection (``check_same_thread`` holds for the
store's), as the notes list does (:mod:`briefing.storage.store.annotation_pages`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from briefing.core.anchors import ItemKind
from briefing.core.annotations import Note
from briefing.core.safetext import display_path
from briefing.storage.store.database import StoreError
from briefing.storage.store.notes import _NOTE_COLUMNS, _note

ItemKey = tuple[ItemKind, str]
T = TypeVar("T")
_KINDS = {kind.value: kind for kind in ItemKind}

NOTES_SHOWN = 20
"""The most notes of one item the notes panel shows (the latest written); N lists them all."""


@dataclass(slots=True)
class BriefMarks:
    """What the marks of one brief's items need: counts, not notes."""

    notes: dict[ItemKey, int] = field(default_factory=dict)
    """How many notes each item has (notes detached from their item are not counted)."""
    bookmarked: set[ItemKey] = field(default_factory=set)
    """The items with a bookmark."""
    detached: int = 0
    """How many of the brief's notes are detached (their item is gone)."""


class BriefNotes:
    """The notes of one brief at a time, from the store file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows_read = 0
        """Rows read from SQLite so far (what opening a brief costs, for tests and benchmarks)."""

    def _read(self, read: Callable[[sqlite3.Connection], T], empty: T) -> T:
        if not self.path.exists():
            return empty
        # Read-only: showing notes never creates the file or takes a write lock.
        uri = f"file:{quote(str(self.path))}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        try:
            return read(connection)
        except sqlite3.OperationalError as error:
            if str(error).startswith("no such table"):
                # The store is making its tables right now (its first start, opened in
                # parallel with the first brief): no notes yet. A store that is really
                # broken is said where it is opened.
                return empty
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{display_path(self.path)}: cannot be read ({error})") from None
        finally:
            connection.close()

    def marks(self, brief_id: str) -> BriefMarks:
        """The note counts per item, the bookmarked items and the detached notes of ``brief_id``."""

        def read(connection: sqlite3.Connection) -> BriefMarks:
            result = BriefMarks()
            rows = connection.execute(
                "SELECT kind, item_id, detached, COUNT(*) FROM notes WHERE brief_id = ?"
                " GROUP BY kind, item_id, detached",
                (brief_id,),
            ).fetchall()
            rows += connection.execute(
                "SELECT kind, item_id, detached, NULL FROM bookmarks WHERE brief_id = ?",
                (brief_id,),
            ).fetchall()
            self.rows_read += len(rows)
            for kind, item_id, detached, count in rows:
                if kind not in _KINDS or not isinstance(item_id, str):
                    continue  # a damaged row: the notes list (N) names it
                if count is None:
                    if not detached:
                        result.bookmarked.add((_KINDS[kind], item_id))
                elif detached:
                    result.detached += count
                else:
                    result.notes[(_KINDS[kind], item_id)] = count
            return result

        return self._read(read, BriefMarks())

    def notes_on(self, brief_id: str, key: ItemKey, limit: int = NOTES_SHOWN) -> list[Note]:
        """The latest ``limit`` notes written on one item (by the order they were stored),
        oldest first; a damaged one is left out (the notes list names it)."""

        def read(connection: sqlite3.Connection) -> list[Note]:
            rows = connection.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes"
                " WHERE brief_id = ? AND kind = ? AND item_id = ? AND detached = 0"
                " ORDER BY rowid DESC LIMIT ?",
                (brief_id, key[0].value, key[1], limit),
            ).fetchall()
            self.rows_read += len(rows)
            notes = []
            for row in rows:
                try:
                    notes.append(_note(row))
                except ValueError:
                    continue
            return sorted(notes, key=lambda note: (note.created, note.uid))

        return self._read(read, [])
