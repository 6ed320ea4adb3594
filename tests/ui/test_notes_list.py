"""``N`` and ``B`` with a very large store (issue 13, item 18).

200,000 notes are put in the store by direct SQL. Opening ``N`` must show the
first rows without reading every note (counted by the listing's
``rows_read``), reach the last note with ``end``, and filter in SQLite with the
count shown.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from briefing.storage.paths import database_file
from briefing.storage.store.database import Store
from briefing.ui.screens.annotations_list import AnnotationsScreen
from briefing.ui.widgets.annotation_rows import AnnotationRows

from .uihelpers import NARROW, screen_text, settle

MANY = 200_000
START = datetime(2025, 1, 1, tzinfo=UTC)


def fill(path: Path, count: int) -> None:
    """``count`` notes on the seed brief, the i-th changed i seconds after START."""
    Store(path).connection.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO notes VALUES (?, 'b', 'Brief', 'quote', 'q', 'Item', ?, ?, ?, 0)",
            (
                (f"n{i:07d}", f"note number {i}", when, when)
                for i in range(count)
                for when in [(START + timedelta(seconds=i)).isoformat()]
            ),
        )
        connection.execute(
            "INSERT INTO bookmarks VALUES ('b', 'Brief', 'quote', 'q', 'Item text', ?, 0)",
            (START.isoformat(),),
        )
    connection.close()


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await pilot.pause(0.02)
    await pilot.pause()


async def test_N_on_200000_notes_reads_a_screenful_and_filters_in_sqlite(
    make_app, seed_brief_path: Path
) -> None:
    fill(database_file(), MANY)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("N")
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        await wait_until(pilot, lambda: "All notes (200,000)" in screen_text(app))
        shown = screen_text(app)
        assert "note number 199999" in shown and "note number 199998" in shown
        assert listing.pages.rows_read <= 64  # a page or two, not 200,000 notes

        rows = listing.query_one(AnnotationRows)
        await pilot.press("enter")  # to the list
        assert app.focused is rows
        await pilot.press("end")
        await pilot.pause()
        assert rows.cursor == MANY - 1
        assert re.search(r"note number 0\b", screen_text(app))
        assert listing.pages.rows_read <= 128

        await pilot.press("slash")
        assert app.focused is listing.query_one(Input)
        for key in "NUMBER 19999":
            await pilot.press("space" if key == " " else key)
        await wait_until(pilot, lambda: "All notes (12 of 200,000)" in screen_text(app))
        assert "note number 199999" in screen_text(app)
        assert rows.row_count == 12
        assert rows.row_text(11).splitlines()[2] == "note number 19999"

        await pilot.press("ctrl+a", "ctrl+k", "x", "y", "z", "z", "y")
        await wait_until(pilot, lambda: "Nothing matches" in screen_text(app))
        assert "All notes (0 of 200,000)" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, AnnotationsScreen)


async def test_B_lists_bookmarks_from_the_store(make_app, seed_brief_path: Path) -> None:
    fill(database_file(), 3)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await wait_until(pilot, lambda: "All bookmarks (1)" in screen_text(app))
        assert "Item text" in screen_text(app)


async def test_the_notes_database_deleted_while_listed_is_said_in_the_rows(
    make_app, seed_brief_path: Path
) -> None:
    fill(database_file(), 100)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await wait_until(pilot, lambda: "All notes (100)" in screen_text(app))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database_file()}{suffix}").unlink(missing_ok=True)
        await pilot.press("enter", "end")
        await pilot.pause()
        shown = screen_text(app)
        assert "cannot be shown" in shown and "cannot be read" in shown
        assert app.is_running


async def test_a_click_highlights_a_note_and_a_double_click_opens_it(
    make_app, seed_brief_path: Path
) -> None:
    """The mouse as everywhere else (README): a click highlights, a double click opens."""
    fill(database_file(), 3)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await wait_until(pilot, lambda: "All notes (" in screen_text(app))
        lists = app.screen
        rows = lists.query_one(AnnotationRows)
        await pilot.click(AnnotationRows, offset=(5, 6))  # rows of 4 lines and a rule
        await pilot.pause()
        assert app.screen is lists
        assert rows.cursor == 1
        await pilot.double_click(AnnotationRows, offset=(5, 6))
        await settle(pilot)
        assert app.screen is not lists
