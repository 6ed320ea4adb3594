"""BriefNotes: the read-only reader of one brief's note marks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing.storage.store.brief_notes import BriefMarks, BriefNotes


def test_a_store_being_created_has_no_marks_yet(tmp_path: Path) -> None:
    """The reader reads a brief's marks while the store may still be making its tables
    (the file exists, its schema not yet): that is "no notes yet", not a broken store."""
    path = tmp_path / "briefing.db"
    sqlite3.connect(path).close()  # the file as the store's first connect leaves it
    assert BriefNotes(path).marks("seed") == BriefMarks()


def test_a_missing_store_has_no_marks(tmp_path: Path) -> None:
    assert BriefNotes(tmp_path / "none.db").marks("seed") == BriefMarks()
