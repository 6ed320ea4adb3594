"""The app's own moves do no more work than they must (issue 15): designs, not timings.

Escape from a brief keeps the library's rows (only the marks that changed are drawn
again); a countdown tick draws again only the rows whose countdown reads differently.
Each test counts calls with a spy, so it fails when the design regresses, however fast
the machine.
"""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from kit import NOW, make_brief

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.brief_loading import BriefLoading
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets import deadline_list, library_table, virtual_list
from briefing.ui.widgets.library_table import LibraryTable

from .test_notes import wait_for_writes, write_note
from .uihelpers import NARROW, SEED_FILE, WIDE, screen_text, settle


class Calls:
    """Counts the calls of a method (and still calls it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
        self.count = 0
        original = getattr(owner, name)

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, spy)


def seed_row(app: Any) -> str:
    return next(line for line in screen_text(app).splitlines() if "US, China agree" in line)


async def test_escape_keeps_the_library_rows_and_redraws_the_changed_marks(
    make_app, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one(LibraryTable)
        table.select_key(str(samples_dir / SEED_FILE))
        await pilot.pause()
        assert "●" in seed_row(app)  # never opened
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await write_note(pilot, "x")
        await wait_for_writes(pilot)
        rebuilt = Calls(monkeypatch, LibraryTable, "show_entries")
        listed = Calls(monkeypatch, LibraryScreen, "visible_entries")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
        # The rows were neither filtered, sorted nor rebuilt again...
        assert (rebuilt.count, listed.count) == (0, 0)
        # ...yet the row shows the note written and no longer the ● of a brief never opened.
        row = seed_row(app)
        assert "✎1" in row
        assert "●" not in row


def deadlines_brief(folder: Path) -> Path:
    """One deadline two hours away (its countdown moves every second), eight 10 days or more away."""
    soon = {"id": "soon", "title": "Reply to the board", "due": NOW + timedelta(hours=2)}
    later = [
        {
            "id": f"later-{n}",
            "title": f"File report {n}",
            "due": NOW + timedelta(days=10 + n, minutes=30),
        }
        for n in range(8)
    ]
    return make_brief(folder, deadlines=[soon, *later])


async def test_a_tick_draws_again_only_the_countdowns_whose_text_changed(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(path=deadlines_brief(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert "in 02:00:00" in screen_text(app)
        assert "in 10d 0h" in screen_text(app)  # on screen: drawn, then kept as drawn
        built: Counter[str] = Counter()
        original = deadline_list._Countdown.build

        def build(self: Any) -> Any:
            built[self.deadline.id] += 1
            return original(self)

        monkeypatch.setattr(deadline_list._Countdown, "build", build)
        for _ in range(3):
            app.clock.advance(1)
            screen.tick()
            await pilot.pause()
        assert "in 01:59:57" in screen_text(app)
        # Only the countdown that moves was built again, once a tick; "in 10d 0h" still reads so.
        assert dict(built) == {"soon": 3}
        assert "in 10d 0h" in screen_text(app)


async def test_a_library_tick_draws_again_only_the_rows_whose_countdown_changed(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "library"
    soon = {"id": "soon", "title": "Reply", "due": NOW + timedelta(hours=2)}
    make_brief(folder, "soon.toml", title="Soon brief", deadlines=[soon])
    for n in range(3):
        later = {"id": "later", "title": "File", "due": NOW + timedelta(days=10 + n, minutes=30)}
        make_brief(folder, f"later-{n}.toml", title=f"Later brief {n}", deadlines=[later])
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert "in 02:00:00" in screen_text(app)
        built: Counter[str] = Counter()
        original = library_table.row_cells

        def row_cells(entry: Any, *args: Any, **kwargs: Any) -> Any:
            built[entry.summary.title] += 1
            return original(entry, *args, **kwargs)

        monkeypatch.setattr(library_table, "row_cells", row_cells)
        for _ in range(3):
            app.clock.advance(1)
            screen.tick()
            await pilot.pause()
        text = screen_text(app)
        assert "in 01:59:57" in text
        assert dict(built) == {"Soon brief": 3}
        assert text.count("in 1") == 3  # "in 10d 0h", "in 11d 0h", "in 12d 0h" as drawn before


NORTHWIND_FILE = "board-meeting-northwind-robotics.toml"
NORTHWIND_QUOTE = "Every robot we ship today"


def two_briefs(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "two"
    folder.mkdir()
    for name in (NORTHWIND_FILE, SEED_FILE):
        shutil.copy(samples_dir / name, folder / name)
    return folder


async def open_row(pilot: Any, path: Path) -> BriefScreen:
    library = pilot.app.screen
    assert isinstance(library, LibraryScreen)
    library.select_path(path)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BriefScreen)
    return screen


async def test_enter_on_another_brief_shows_it_in_the_panes_of_the_reader_closed_before(
    make_app, tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = two_briefs(tmp_path, samples_dir)
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first = await open_row(pilot, folder / NORTHWIND_FILE)
        quotes = first.query_one("#quotes")
        await pilot.press("3")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        mounted = Calls(monkeypatch, BriefScreen, "compose")
        second = await open_row(pilot, folder / SEED_FILE)
        # The same screen and widgets, filled with the other brief, from its first section.
        assert second is first
        assert second.query_one("#quotes") is quotes
        assert mounted.count == 0
        assert second.current == "summary"
        text = screen_text(app)
        assert "US, China agree" in text
        assert "Northwind" not in text
        await pilot.press("3")
        assert NORTHWIND_QUOTE not in screen_text(app)
        # Back again: the library, with the cursor on the brief read last.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.highlighted_entry().path == folder / SEED_FILE


async def test_a_brief_still_being_read_never_shows_the_one_read_before(
    make_app, tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = two_briefs(tmp_path, samples_dir)
    app = make_app(path=folder)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = await open_row(pilot, folder / NORTHWIND_FILE)
        assert NORTHWIND_QUOTE in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        release = threading.Event()
        original = BriefLoading.load_entry

        def slow_load(self: BriefLoading, entry: Any) -> None:
            release.wait(timeout=30)
            original(self, entry)

        monkeypatch.setattr(BriefLoading, "load_entry", slow_load)
        # Bytes the index does not know (a brief it knows is shown at once, never read in
        # a thread): this one is validated first, in the worker held above.
        seed = folder / SEED_FILE
        seed.write_bytes(seed.read_bytes() + b"\n")
        app.screen.select_path(seed)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is first
        assert not first.is_loaded
        text = screen_text(app)
        assert "US, China agree" in text  # the header, from a peek at the file
        assert NORTHWIND_QUOTE not in text and "Northwind" not in text
        release.set()
        await settle(pilot)
        assert first.is_loaded
        assert "US, China agree" in screen_text(app)


async def test_a_reader_closed_at_another_size_is_not_reused(
    make_app, tmp_path: Path, samples_dir: Path
) -> None:
    folder = two_briefs(tmp_path, samples_dir)
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first = await open_row(pilot, folder / NORTHWIND_FILE)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        second = await open_row(pilot, folder / SEED_FILE)
        assert second is not first
        assert second.has_class("-wide")


async def test_a_clock_mode_switched_in_the_agenda_while_the_reader_was_closed_is_followed(
    make_app, tmp_path: Path, samples_dir: Path
) -> None:
    folder = two_briefs(tmp_path, samples_dir)
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first = await open_row(pilot, folder / NORTHWIND_FILE)
        await pilot.press("a")
        assert first.as_published
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("A")  # the agenda, from the library
        await settle(pilot)
        await pilot.press("a")  # back to now
        assert app.clock_as_published is False
        await pilot.press("escape")
        await pilot.pause()
        second = await open_row(pilot, folder / SEED_FILE)
        assert second is first
        assert not second.as_published
        assert second.now == app.now()
        assert "Clock: now" in screen_text(app)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["narrow", "wide"])
async def test_a_section_switch_draws_again_at_most_the_highlighted_row(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3", "1")  # every row on screen drawn once
        await pilot.pause()
        built: Counter[int] = Counter()
        original = virtual_list.row_strips

        def row_strips(owner: Any, index: int, *args: Any) -> Any:
            built[index] += 1
            return original(owner, index, *args)

        monkeypatch.setattr(virtual_list, "row_strips", row_strips)
        await pilot.press("3")
        await pilot.pause()
        assert "“preliminary consensus”" in screen_text(app)  # the first quote
        # Only the highlighted quote, now in the focused list's colours, is drawn again.
        assert sum(built.values()) <= 1, built
