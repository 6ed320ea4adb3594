"""Fault injection: a second process holds the notes database (``BEGIN EXCLUSIVE``) for
longer than the store's busy timeout (10 s) while notes are saved from the reader.

Every note the reader acknowledged ("Note saved") is in the database afterwards, and
no note typed is lost: it is in the database, or (when the reader ended while the lock
was still held) in a draft that the next start restores. The reader answers keys all
the while. ``BRIEFING_LOCK_SECONDS`` sets how long the lock is held (default 11).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from kit import fixed_clock
from textual.widgets import TextArea
from ui.test_notes import wait_for_writes
from ui.uihelpers import settle

from briefing.ui.launch import build_app
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.confirm import ChoiceScreen
from briefing.ui.screens.note_editor import NoteEditorScreen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locking test")

LOCK_SECONDS = float(os.environ.get("BRIEFING_LOCK_SECONDS", "11"))
SIZE = (100, 30)

LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


@pytest.fixture
def make_app():  # noqa: ANN201
    """The reader as the CLI builds it, on a manual clock, without animations."""

    def make(**kwargs: Any) -> Any:
        app = build_app(clock=fixed_clock(), **kwargs)
        app.animation_level = "none"
        return app

    return make


def database() -> Path:
    return Path(os.environ["BRIEFING_DATA_DIR"]) / "briefing.db"


def stored_bodies() -> set[str]:
    with sqlite3.connect(database()) as connection:
        return {row[0] for row in connection.execute("SELECT body FROM notes")}


def draft_bodies() -> set[str]:
    import json

    folder = Path(os.environ["BRIEFING_DATA_DIR"]) / "drafts"
    return {json.loads(p.read_text())["body"] for p in folder.glob("draft-*.json")}


def lock(seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(database()), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    return process


async def write_while_locked(app: Any, pilot: Any, bodies: list[str]) -> float:
    """Type and save each note; escape once it waits (it is then saved when the lock goes).
    Return the longest time a key press took."""
    slowest = 0.0
    for body in bodies:
        started = time.monotonic()
        await pilot.press("j", "n")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        editor.query_one(TextArea).insert(body)
        await pilot.press("ctrl+s")
        await pilot.pause(0.05)
        await pilot.press("escape")  # the text is on its way: closes without asking
        assert not isinstance(app.screen, ChoiceScreen)
        slowest = max(slowest, time.monotonic() - started)
    return slowest


def acknowledged(app: Any) -> int:
    return sum("Note saved" in str(n.message) for n in app._notifications)


async def test_notes_saved_while_the_database_is_locked_are_all_kept(
    make_app, seed_brief_path: Path
) -> None:
    typed = [f"locked note {i}" for i in range(4)]
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("3")
        await wait_for_writes(pilot)
        locker = lock(LOCK_SECONDS)
        slowest = await write_while_locked(app, pilot, typed)
        assert locker.poll() is None, "the lock ended before the notes were typed"
        assert slowest < 2.0, f"a key took {slowest:.1f} s while the database was locked"
        assert stored_bodies() == set()
        locker.wait(timeout=LOCK_SECONDS + 30)
        await wait_for_writes(pilot, timeout=30)
        assert stored_bodies() == set(typed)
        assert acknowledged(app) == len(typed)


async def test_notes_waiting_for_the_lock_when_the_reader_ends_become_drafts(
    make_app, seed_brief_path: Path
) -> None:
    typed = [f"pending note {i}" for i in range(3)]
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await wait_for_writes(pilot)
        locker = lock(LOCK_SECONDS)
        await write_while_locked(app, pilot, typed)
        # One more, left open in the editor, unsaved: quitting asks, "s" keeps it.
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("open in the editor")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("s")
        await pilot.pause()
        said = acknowledged(app)
    assert locker.poll() is None, "the lock ended before the reader did"
    everything = [*typed, "open in the editor"]
    # Nothing acknowledged is missing; nothing typed is lost (in the database or a draft).
    assert said == 0 or stored_bodies()
    assert set(everything) <= stored_bodies() | draft_bodies()
    locker.wait(timeout=LOCK_SECONDS + 30)

    again = make_app(path=seed_brief_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ChoiceScreen)
        await pilot.press("r")
        await wait_for_writes(pilot, timeout=30)
    assert stored_bodies() == set(everything)
    assert draft_bodies() == set()
