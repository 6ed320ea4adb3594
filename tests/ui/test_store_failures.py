"""A notes database that cannot be used never stops the reader, and is never deleted or
overwritten: a damaged file or one from a newer briefing is moved aside only if the user
agrees; a data folder that cannot be written gets a clear message."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from briefing.core.anchors import ItemKind
from briefing.storage.store.database import StoreError
from briefing.storage.store.notes import Annotations
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from briefing.ui.screens.note_editor import NoteEditorScreen
from briefing.ui.widgets.item_list import ItemList

from .uihelpers import SEED_ID, settle

SIZE = (100, 30)


def messages(app: Any) -> list[str]:
    """The text (title and message) of every notification still on screen."""
    return [f"{n.title or ''} {n.message}" for n in app._notifications]


def database() -> Path:
    """Where the reader keeps its notes (BRIEFING_DATA_DIR is in tmp_path for every test)."""
    return Path(os.environ["BRIEFING_DATA_DIR"]) / "briefing.db"


def garbage_database() -> bytes:
    """A briefing.db that is not a database at all."""
    path = database()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = b"this is not an SQLite database\n" * 300
    path.write_bytes(data)
    return data


def newer_database() -> bytes:
    """A real SQLite database, from a briefing that is newer than this one."""
    path = database()
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE future (x TEXT)")
    connection.execute("INSERT INTO future VALUES ('keep me')")
    connection.execute("PRAGMA user_version = 999")
    connection.commit()
    connection.close()
    return path.read_bytes()


MAKERS = {"corrupt": garbage_database, "newer-schema": newer_database}


async def open_quotes_and_press_n(app: Any, pilot: Any) -> BriefScreen:
    """The brief opens and works; n asks what to do about the file."""
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, BriefScreen) and screen.brief.id == SEED_ID
    await pilot.press("3", "j")
    assert screen.query_one("#quotes", ItemList).highlighted_id == "li-intense"
    await pilot.press("n")
    await pilot.pause()
    return screen


@pytest.mark.parametrize("kind", list(MAKERS))
async def test_unreadable_database_is_left_alone_when_the_user_says_no(
    make_app, seed_brief_path: Path, kind: str
) -> None:
    original = MAKERS[kind]()
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_quotes_and_press_n(app, pilot)
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert str(database()) in question.question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert any("without notes" in m for m in messages(app)), messages(app)

        # The reader carries on: sections, the cursor, details; n now only says why not.
        await pilot.press("j", "4", "5", "3")
        assert screen.current == "quotes"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert any("Notes are unavailable" in m for m in messages(app)), messages(app)
        await pilot.press("N", "b")
        await pilot.pause()
        assert app.screen is screen
        assert app.is_running
    assert database().read_bytes() == original
    assert list(database().parent.glob("briefing.db.unreadable-*")) == []


@pytest.mark.parametrize("kind", list(MAKERS))
async def test_unreadable_database_moved_aside_when_the_user_agrees(
    make_app, seed_brief_path: Path, kind: str
) -> None:
    original = MAKERS[kind]()
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_quotes_and_press_n(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        [moved] = database().parent.glob("briefing.db.unreadable-*")
        assert moved.read_bytes() == original
        assert any(str(moved) in m for m in messages(app)), messages(app)

        # Now a note can be saved, in a new database.
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditorScreen)
        app.screen.query_one(TextArea).insert("saved at last")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        [note] = Annotations(app.store).notes_for_brief(SEED_ID)
        assert (note.kind, note.item_id, note.body) == (
            ItemKind.QUOTE,
            "li-intense",
            "saved at last",
        )
        assert moved.read_bytes() == original


async def test_data_folder_that_cannot_be_written(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(blocker / "data"))
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen) and screen.brief.id == SEED_ID
        said = [m for m in messages(app) if "Notes are unavailable" in m]
        assert len(said) == 1, messages(app)
        assert str(blocker / "data") in said[0]

        # The brief reads as ever; notes say why not, and nothing is created.
        await pilot.press("3", "j", "enter")
        await pilot.press("escape", "n")
        await pilot.pause()
        assert app.screen is screen
        assert app.is_running
    assert blocker.read_text(encoding="utf-8") == "not a folder"


LOCKER = """
import sqlite3, sys, time
from pathlib import Path
database, release = sys.argv[1], Path(sys.argv[2])
connection = sqlite3.connect(database, isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
deadline = time.monotonic() + 60
while not release.exists() and time.monotonic() < deadline:
    time.sleep(0.01)
connection.execute("COMMIT")
print("released", flush=True)
"""


class Locker:
    """A second process holding ``BEGIN EXCLUSIVE`` on the notes database until released."""

    def __init__(self, tmp_path: Path) -> None:
        import subprocess
        import sys

        self.release = tmp_path / "release-the-lock"
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(database()), str(self.release)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def free(self) -> None:
        self.release.touch()
        assert self.process.wait(timeout=30) == 0


async def wait_for(pilot: Any, condition: Any, timeout: float = 20) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await pilot.pause(0.02)


async def test_a_locked_database_never_freezes_the_reader_nor_loses_a_note(
    make_app, seed_brief_path: Path, tmp_path: Path
) -> None:
    """While another process holds the database, ctrl+s leaves the editor open and saying
    it waits; the reader answers keys meanwhile; the note is saved when the lock goes, and
    the next notes save as ever (the store is not dropped)."""
    import time

    from .test_notes import wait_for_writes

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3", "j")
        await wait_for_writes(pilot)
        assert app.store is not None and database().exists()
        locker = Locker(tmp_path)
        try:
            await pilot.press("n")
            editor = app.screen
            assert isinstance(editor, NoteEditorScreen)
            editor.query_one(TextArea).insert("while locked")
            started = time.monotonic()
            await pilot.press("ctrl+s")
            await wait_for(
                pilot,
                lambda: (
                    "waiting for the database" in str(editor.query_one("#note-status").render())
                ),
            )
            # The reader answers at once (the write waits on the writer's thread).
            await pilot.press("space", "m", "o", "r", "e")
            assert time.monotonic() - started < 5
            assert app.screen is editor
            assert editor.text == "while locked more"
            # escape now asks: "more" is on neither disk nor its way there.
            await pilot.press("escape")
            assert isinstance(app.screen, ChoiceScreen)
            await pilot.press("n")
            assert app.screen is editor
            assert stored_bodies() == []
        finally:
            locker.free()
        # The first text is saved; the editor stays open with the rest, ctrl+s saves it.
        await wait_for_writes(pilot)
        assert stored_bodies() == ["while locked"]
        assert app.screen is editor
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert app.screen is screen
        assert stored_bodies() == ["while locked more"]
        # Notes are still on: the next one saves.
        await pilot.press("j", "n")
        app.screen.query_one(TextArea).insert("after")
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert app.screen is screen
        assert sorted(stored_bodies()) == ["after", "while locked more"]
        assert app.store is not None


def stored_bodies() -> list[str]:
    with sqlite3.connect(database()) as connection:
        return [row[0] for row in connection.execute("SELECT body FROM notes ORDER BY created")]


async def test_a_failed_write_keeps_the_text_and_notes_stay_on(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails once (a full disk, say) leaves the text in the editor with the
    reason, and the next ctrl+s saves it: one failure never turns notes off."""
    from .test_notes import wait_for_writes

    real = Annotations.add_note
    failures = iter([StoreError(f"{database()}: cannot be written (database or disk is full)")])

    def flaky(self: Annotations, *args: Any, **kwargs: Any) -> Any:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Annotations, "add_note", flaky)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_quotes_and_press_n(app, pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        editor.query_one(TextArea).insert("keep me")
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert app.screen is editor and editor.text == "keep me"
        status = str(editor.query_one("#note-status").render())
        assert "NOT SAVED" in status and "disk is full" in status
        assert app.store is not None
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert app.screen is screen
        assert stored_bodies() == ["keep me"]
        # And the next note too.
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("next")
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert stored_bodies() == ["keep me", "next"]


async def test_a_note_written_after_its_brief_was_left_is_saved_without_a_crash(
    make_app, seed_brief_path: Path, tmp_path: Path
) -> None:
    """escape while the note waits for the database, q to the library; the lock goes: the
    note is saved and said, and the screen that is gone is not touched."""
    from briefing.ui.screens.library import LibraryScreen

    from .test_notes import wait_for_writes

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await wait_for_writes(pilot)
        locker = Locker(tmp_path)
        try:
            await pilot.press("n")
            editor = app.screen
            editor.query_one(TextArea).insert("written later")
            await pilot.press("ctrl+s")
            await wait_for(
                pilot, lambda: "waiting" in str(editor.query_one("#note-status").render())
            )
            await pilot.press("escape")  # on its way: closes without asking
            await pilot.press("escape")  # to the library (q quits a reader opened on a file)
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
        finally:
            locker.free()
        await wait_for_writes(pilot)
        await pilot.pause()
        assert app.is_running
        assert stored_bodies() == ["written later"]
        assert any("Note saved" in m for m in messages(app)), messages(app)
