"""The user's notes in a full-text table of their own, searched beside the library's items.

Notes live in the user's store, not in the library index; a search puts them in
an in-memory FTS5 table when it starts (a reader has hundreds of notes, not
millions: building it takes milliseconds). :mod:`briefing.storage.index.search`
searches it with the same query as the library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from briefing.core.anchors import ItemKind

if TYPE_CHECKING:
    from briefing.core.annotations import Note


class NotesIndex:
    """The user's notes in an in-memory FTS5 table, searched beside the library's items."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.connection = sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.execute(
            "CREATE VIRTUAL TABLE notes USING fts5(brief_id UNINDEXED, brief_title UNINDEXED,"
            " kind UNINDEXED, item_id UNINDEXED, item_text UNINDEXED, body,"
            " tokenize='unicode61 remove_diacritics 2')"
        )
        rows = (
            (
                note.brief_id,
                note.brief_title,
                # A detached note's item is gone: it opens at the top of its brief.
                ItemKind.BRIEF.value if note.detached else note.kind.value,
                "" if note.detached else note.item_id,
                note.item_text,
                note.body,
            )
            for note in notes
        )
        # Streamed in: ``notes`` may be a million read from the store a chunk at a time.
        self.connection.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.count = self.connection.execute("SELECT count(*) FROM notes").fetchone()[0]

    def find(self, expression: str, limit: int) -> tuple[int, list[tuple[Any, ...]]]:
        """The number of notes matching ``expression`` and the best ``limit`` of them."""
        if not self.count:
            return 0, []
        count = self.connection.execute(
            "SELECT count(*) FROM notes WHERE notes MATCH ?", (expression,)
        ).fetchone()[0]
        rows = self.connection.execute(
            "SELECT brief_id, brief_title, kind, item_id, item_text, body, bm25(notes) AS r"
            " FROM notes WHERE notes MATCH ? ORDER BY r LIMIT ?",
            (expression, limit),
        ).fetchall()
        return count, rows

    def close(self) -> None:
        """Free the table."""
        self.connection.close()
