"""The library screen: listing, invalid files, sorting, filtering, opening, quitting, reloading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import (
    NARROW,
    SAMPLE_FILES,
    SEED_FILE,
    SEED_ID,
    SEED_TITLE,
    cursor_key,
    plain,
    row_keys,
    settle,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def names(keys: list[str | None]) -> list[str]:
    """File names of row keys (the keys are paths)."""
    return [Path(str(key)).name for key in keys]


async def test_lists_every_sample_brief(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(LibraryTable)
        assert sorted(names(row_keys(table))) == sorted(SAMPLE_FILES)
        assert app.focused is table
        assert plain(app.screen.query_one("#library-title", Static)).startswith(
            "Library · 5 briefs"
        )


async def test_without_a_path_or_config_lists_the_bundled_samples(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert sorted(names(row_keys(app.screen.query_one(LibraryTable)))) == sorted(SAMPLE_FILES)


async def test_invalid_file_stays_listed_with_its_error(make_app, mixed_library: Path) -> None:
    app = make_app(path=mixed_library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(LibraryTable)
        # Invalid files sort last, whatever the order.
        assert names(row_keys(table)) == [
            "board-meeting-northwind-robotics.toml",
            SEED_FILE,
            "broken.toml",
        ]
        assert "(1 invalid)" in plain(screen.query_one("#library-title", Static))
        bad_row = table.get_row(str(mixed_library / "broken.toml"))
        assert bad_row[0].plain == "⚠ broken.toml (invalid)"

        status = screen.query_one("#library-status", Static)
        assert "next deadline" in plain(status)  # a good brief is highlighted first
        await pilot.press("G")
        assert names([cursor_key(table)]) == ["broken.toml"]
        assert "broken.toml:2:18: TOML syntax" in plain(status)

        # Enter on it says why instead of opening it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


PUBLISHED_ORDER = [
    "parliament-housing-bill.toml",
    "summit-multilingual.toml",
    "flood-response-riverside.json",
    "board-meeting-northwind-robotics.toml",
    SEED_FILE,
]
TITLE_ORDER = [
    "summit-multilingual.toml",  # "Busan ..."
    "parliament-housing-bill.toml",  # "Housing ..."
    "board-meeting-northwind-robotics.toml",  # "Northwind ..."
    "flood-response-riverside.json",  # "Riverside ..."
    SEED_FILE,  # "US, China ..."
]
DEADLINE_ORDER = [
    SEED_FILE,  # in 7d 05:00:00 at START
    "flood-response-riverside.json",
    "board-meeting-northwind-robotics.toml",
    "parliament-housing-bill.toml",
    "summit-multilingual.toml",
]


async def test_s_cycles_the_sort_order(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(LibraryTable)
        title = screen.query_one("#library-title", Static)
        steps = [
            ("published", "newest first", PUBLISHED_ORDER),
            ("title", "title", TITLE_ORDER),
            ("deadline", "next deadline", DEADLINE_ORDER),
            ("published", "newest first", PUBLISHED_ORDER),
        ]
        for number, (order, label, expected) in enumerate(steps):
            if number:
                await pilot.press("s")
            assert screen.order == order
            assert names(row_keys(table)) == expected, order
            assert f"sorted by {label} (s)" in plain(title)


async def test_slash_filters_as_you_type_and_escape_clears(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(LibraryTable)
        title = screen.query_one("#library-title", Static)
        # Mounted hidden once the first frame is out, so that "/" finds it ready.
        assert screen.filter_field is not None and not screen.filter_field.display

        await pilot.press("slash")
        field = screen.query_one("#library-filter", Input)
        assert field.display
        assert app.focused is field

        await pilot.press(*"Bessent")  # a participant's name
        assert field.value == "Bessent"
        assert names(row_keys(table)) == [SEED_FILE]
        assert "filter: Bessent" in plain(title)

        await pilot.press("escape")
        assert field.value == ""
        assert not field.display
        assert app.focused is table
        assert names(row_keys(table)) == PUBLISHED_ORDER
        assert "filter" not in plain(title)

        # The other fields a filter searches (set as the Input would: each change posts Changed).
        for query, expected in [
            ("asean", [SEED_FILE]),  # a tag
            ("NORTHWIND", ["board-meeting-northwind-robotics.toml"]),  # title, any case
            ("trade anwar", [SEED_FILE]),  # every word must match
            ("no such brief", []),
        ]:
            field.value = query
            await pilot.pause()
            assert names(row_keys(table)) == expected, query


async def test_enter_in_the_filter_goes_back_to_the_list(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("slash", "B", "e", "s", "enter")
        table = app.screen.query_one(LibraryTable)
        assert app.focused is table
        assert names(row_keys(table)) == [SEED_FILE]
        await pilot.press("enter")  # the list has the focus now: this opens the brief
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.brief.id == SEED_ID
        assert app.screen.library_order == [app.screen.entry]  # only what the filter let through


async def test_enter_opens_the_highlighted_brief(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LibraryTable)
        await pilot.press("G")  # the seed brief is the oldest: last when newest first
        assert names([cursor_key(table)]) == [SEED_FILE]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.brief.id == SEED_ID

        # Back in the library, the cursor is still on the brief just read.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert names([cursor_key(app.screen.query_one(LibraryTable))]) == [SEED_FILE]


async def test_q_quits_from_the_library(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_empty_folder_says_so(make_app, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(path=empty)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one(LibraryTable).row_count == 0
        status = plain(screen.query_one("#library-status", Static))
        assert status.startswith(f"No briefs in {empty}.")
        # Nothing to open: enter does nothing.
        await pilot.press("enter")
        assert app.screen is screen


async def test_a_file_path_opens_straight_into_the_reader(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.brief.id == SEED_ID
        assert SEED_TITLE in plain(screen.query_one("#brief-header", Static))
        # Below it, a library of just that file.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert names(row_keys(app.screen.query_one(LibraryTable))) == [SEED_FILE]


async def test_r_reloads_from_disk(make_app, mixed_library: Path, samples_dir: Path) -> None:
    app = make_app(path=mixed_library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 3
        shutil.copy(samples_dir / "summit-multilingual.toml", mixed_library)
        (mixed_library / "broken.toml").unlink()
        await pilot.press("r")
        await settle(pilot)
        assert sorted(names(row_keys(table))) == [
            "board-meeting-northwind-robotics.toml",
            "summit-multilingual.toml",
            SEED_FILE,
        ]
        assert plain(app.screen.query_one("#library-title", Static)).startswith(
            "Library · 3 briefs ·"
        )


async def test_a_click_highlights_a_brief_and_a_double_click_opens_it(
    make_app, samples_dir: Path
) -> None:
    """One behaviour for the mouse (README): a click highlights, enter or a double click
    opens; a second single click on the highlighted row does not open it either."""
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LibraryTable)
        first = cursor_key(table)
        await pilot.click(LibraryTable, offset=(5, 2))  # the header row, then the second brief
        await pilot.pause()
        second = cursor_key(table)
        assert second != first
        await pilot.click(LibraryTable, offset=(5, 2))
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.double_click(LibraryTable, offset=(5, 2))
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)


@pytest.mark.parametrize("size", [NARROW, (160, 48)])
async def test_an_invalid_brief_shows_every_problem_and_no_toast_over_them(
    make_app, tmp_path: Path, samples_dir: Path, size
) -> None:
    """The status area showed two and a half of five problems (cut at 5 lines) with empty
    rows above it, and enter put a 20 s error toast over it."""
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(samples_dir / SEED_FILE, folder)
    shutil.copy(DATA / "bad" / "several_problems.toml", folder / "several.toml")
    app = make_app(path=folder)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("G")  # invalid files sort last
        await pilot.pause()
        entry = app.screen.highlighted_entry()
        assert entry is not None and entry.error is not None
        problems = entry.error.lines()
        assert len(problems) == 5
        status = app.screen.query_one("#library-status", Static)
        shown = " ".join(plain(status).split())
        for problem in problems:
            tail = " ".join(problem.split(": ", 1)[1].split())
            assert tail in shown, tail
        # Every line of it on screen: the area is as tall as what it holds.
        width = status.content_size.width
        assert status.content_size.height >= status.get_content_height(
            status.content_size, app.size, width
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert not [n for n in app._notifications if n.severity == "error"]
        shown = " ".join(plain(status).split())
        for problem in problems:
            assert " ".join(problem.split(": ", 1)[1].split()) in shown
