"""The first screen is the bottom of the stack: the reader for ``briefing FILE``, else the library.

Neither is pushed over Textual's blank default screen (which would be drawn first, an
empty frame before the one the user can read), so leaving a reader that was the first
screen replaces it with the library instead of popping it.
"""

from __future__ import annotations

import gc
import shutil
import threading
from pathlib import Path

import pytest

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import cursor_key, wait_for_workers

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


async def test_a_named_brief_is_the_only_screen_and_escape_replaces_it_with_the_library(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        reader = app.screen
        assert isinstance(reader, BriefScreen)
        assert app.screen_stack == [reader]
        await reader.ready.wait()

        await pilot.press("escape")
        await wait_for_workers(pilot)
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert app.screen_stack == [library]  # the reader is gone, not hidden beneath
        assert not reader.is_attached
        table = library.query_one(LibraryTable)
        assert Path(str(cursor_key(table))) == seed_brief_path

        # From there, the usual way: a reader pushed over the library and popped again.
        await pilot.press("enter")
        await wait_for_workers(pilot)
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen_stack == [library, app.screen]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen_stack == [library]


async def test_a_library_is_the_only_screen(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert isinstance(app.screen, LibraryScreen)


async def test_a_named_brief_that_does_not_load_leaves_the_library_and_the_error(
    make_app, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    shutil.copy(BAD / "bad_syntax.toml", broken)
    app = make_app(path=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        await pilot.pause()
        await wait_for_workers(pilot)
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 1
        messages = [n.message for n in app._notifications]
        assert any("broken.toml" in m for m in messages), messages


async def test_quitting_during_the_first_frame_raises_nothing(
    make_app, seed_brief_path: Path, monkeypatch
) -> None:
    # A user who quits while the first frame goes out: the panes were then mounted on a
    # screen already taken down (MountError, a traceback on the way out).
    # The header's handler tells the app the first frame is out; the panes are mounted
    # (and the brief read) meanwhile, and must not fail on a screen being taken down.
    app = make_app(path=seed_brief_path)
    monkeypatch.setattr(app, "first_frame_out", app.exit)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        await pilot.pause()
    assert app.return_code == 0
    assert not reader.is_running


@pytest.mark.parametrize("first", ["brief", "library"])
async def test_garbage_collection_held_off_by_the_launcher_resumes_with_the_first_frame(
    make_app, seed_brief_path: Path, samples_dir: Path, first: str
) -> None:
    # briefing's launcher (launch.run_reader) turns the collector off until the first
    # frame is out; the first screen turns it back on, whichever it is.
    app = make_app(path=seed_brief_path if first == "brief" else samples_dir)
    app.gc_paused = True
    gc.disable()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(20):
                if gc.isenabled():
                    break
                await pilot.pause(0.05)
            assert gc.isenabled()
            assert not app.gc_paused
    finally:
        gc.enable()


async def test_garbage_collection_is_left_alone_when_the_launcher_did_not_hold_it(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    gc.disable()  # somebody else's choice: not ours to undo
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.screen.ready.wait()
            await pilot.pause()
            assert not gc.isenabled()
    finally:
        gc.enable()


async def test_a_brief_named_by_a_relative_path_is_listed_once_in_the_library(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seed_brief_path.parent.parent)
    relative = Path(seed_brief_path.parent.name) / seed_brief_path.name
    app = make_app(path=relative)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        await app.screen.ready.wait()
        await pilot.press("escape")
        for _ in range(3):
            await wait_for_workers(pilot)
            await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        assert table.keys == [str(seed_brief_path)]


@pytest.mark.parametrize("first", ["brief", "library"])
async def test_a_first_start_creates_the_store_after_the_first_frame_not_before(
    make_app, seed_brief_path: Path, samples_dir: Path, isolated_env, first: str
) -> None:
    # Creating the database syncs to disk (up to 100 ms): not on the way to the first frame.
    store = isolated_env["data"] / "briefing.db"
    app = make_app(path=seed_brief_path if first == "brief" else samples_dir)
    assert not store.exists()  # building the app read the theme setting: nothing created
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):  # bounded: the first frame holds the content, later on a loaded machine
            await wait_for_workers(pilot)
            await pilot.pause()
            if store.exists():
                break
        assert store.exists()  # opened once the first frame was out
        assert app.store is not None and app.store.exists()


async def test_a_brief_the_index_does_not_know_is_read_in_a_thread_and_shown_once(
    make_app, seed_brief_path: Path, monkeypatch
) -> None:
    # A first start: the index knows nothing. The panes mount with the screen, hidden (empty
    # panes are nothing to read); the brief is read in a thread and shown once it is: never
    # twice, never lost, even when the read ends only after the screen is long mounted.
    from briefing.ui.screens.brief_loading import BriefLoading

    shown: list[tuple[str, str]] = []
    show, load_entry = BriefLoading.show, BriefLoading.load_entry

    def counting_show(self: BriefLoading, entry) -> None:
        shown.append((entry.path.name, str(self.screen.query_one("#panes").styles.visibility)))
        show(self, entry)

    def read_after_mount(self: BriefLoading, entry) -> None:
        pause = threading.Event()  # never set: a bounded poll from the worker thread
        for _ in range(100_000):
            if self.screen.panes_mounted or not self.screen.is_attached:
                break
            pause.wait(0.001)
        load_entry(self, entry)

    monkeypatch.setattr(BriefLoading, "show", counting_show)
    monkeypatch.setattr(BriefLoading, "load_entry", read_after_mount)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        assert isinstance(reader, BriefScreen)
        await reader.ready.wait()
        await pilot.pause()
        assert reader.is_loaded and reader.panes_mounted
        assert shown == [(seed_brief_path.name, "hidden")]
        assert reader.query_one("#panes").styles.visibility == "visible"
