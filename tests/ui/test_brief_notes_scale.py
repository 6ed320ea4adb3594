"""A brief with 200,000 notes opens without reading them (issue 13, item 18).

The notes are put in the store by direct SQL, all on one quote of the seed brief.
Opening the brief must read counts per item (one row per item, in a thread) and,
for the notes panel, only the latest few notes of the item under the cursor:
counted by the screen's ``brief_notes.rows_read``, never by time.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.storage.paths import database_file
from briefing.storage.store.brief_notes import NOTES_SHOWN
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.note_editor import NoteEditorScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.notes_panel import NotesPanel

from .uihelpers import NARROW, SEED_ID, option_text, plain, settle

MANY = 200_000
START = datetime(2025, 1, 1, tzinfo=UTC)
QUOTE = "li-intense"


def fill(path: Path, count: int) -> None:
    """``count`` notes on one quote of the seed brief, plus one detached and one on the brief."""
    Store(path).connection.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO notes VALUES (?, ?, 'Brief', 'quote', ?, 'intense', ?, ?, ?, 0)",
            (
                (f"n{i:07d}", SEED_ID, QUOTE, f"note number {i}", when, when)
                for i in range(count)
                for when in [(START + timedelta(seconds=i)).isoformat()]
            ),
        )
        later = (START + timedelta(seconds=count)).isoformat()
        connection.execute(
            "INSERT INTO notes VALUES ('gone', ?, 'Brief', 'quote', 'li-gone', 'gone', 'lost', ?, ?, 1)",
            (SEED_ID, later, later),
        )
    connection.close()


async def test_a_brief_with_200000_notes_reads_counts_and_a_few_notes(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_file(), MANY)

    def every_note(*_args: object) -> None:
        raise AssertionError("every note of the brief was read")

    monkeypatch.setattr(Annotations, "notes_for_brief", every_note)
    monkeypatch.setattr(Annotations, "all_notes", every_note)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3", "j")
        await settle(pilot)
        quotes = screen.query_one("#quotes", ItemList)
        assert quotes.highlighted_id == QUOTE
        assert "✎200000" in option_text(quotes, QUOTE)
        panel = plain(screen.query_one(NotesPanel))
        assert "200,000 notes" in panel and "note number 199999" in panel
        assert "note number 0 " not in panel
        assert screen.annotations.brief_notes is not None
        # Counts per item (a few rows) and the latest notes of one item, not 200,000 notes.
        assert screen.annotations.brief_notes.rows_read <= 10 + 4 * NOTES_SHOWN, (
            screen.annotations.brief_notes.rows_read
        )

        # E asks which of the item's notes (newest first), read from the store when asked.
        await pilot.press("E")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.stored == "note number 199999"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.annotations.brief_notes.rows_read <= 10 + 6 * NOTES_SHOWN
