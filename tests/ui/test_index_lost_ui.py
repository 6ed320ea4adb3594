"""The library index deleted, replaced or damaged while the reader runs (issue 13, item 20).

Search used to say "search index is being built (0 of 0)" for the rest of the
session, and ``r`` did not help. The search screen now starts the rebuild it
is waiting for, and ``r`` in the library rebuilds the file too.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from briefing.storage import paths
from briefing.storage.index.briefs import lists_any
from briefing.storage.index.database import LibraryIndex
from briefing.ui.screens.search import SearchScreen

from .test_notes_list import wait_until
from .uihelpers import WIDE, plain, settle, wait_for_workers


@pytest.fixture
def library(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(samples_dir, folder)
    return folder


def delete(index: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)


def damage_in_place(index: Path) -> None:
    size = index.stat().st_size
    with open(index, "r+b") as file:
        file.write(os.urandom(size))


def drop_tables(index: Path) -> None:
    connection = sqlite3.connect(index)
    connection.executescript(
        "DROP TRIGGER items_added; DROP TRIGGER items_removed;"
        " DROP TABLE items_fts; DROP TABLE items; DROP TABLE files;"
    )
    connection.close()


async def search_for(pilot: Pilot[Any], text: str) -> SearchScreen:
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*text)
    return screen


def status(screen: SearchScreen) -> str:
    return plain(screen.query_one("#search-status", Static))


@pytest.mark.parametrize("lose", [delete, damage_in_place, drop_tables])
async def test_search_rebuilds_an_index_lost_while_the_reader_runs(
    make_app, library: Path, lose
) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "Bessent")
        await wait_until(pilot, lambda: bool(screen.hits))
        await pilot.press("escape")

        lose(paths.index_file())
        screen = await search_for(pilot, "Bessent")
        await wait_until(pilot, lambda: bool(screen.hits) and "built" not in status(screen))
        assert "0 of 0" not in status(screen)
        assert paths.index_file().is_file()
        await wait_for_workers(pilot)
    # What was rebuilt is on disk: the next start searches at once.
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "Bessent")
        await wait_until(pilot, lambda: bool(screen.hits))


async def test_r_rebuilds_a_deleted_index(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        delete(paths.index_file())
        await pilot.press("r")
        await settle(pilot)
        assert paths.index_file().is_file()
        screen = await search_for(pilot, "Bessent")
        await wait_until(pilot, lambda: bool(screen.hits))
        assert "built" not in status(screen)


async def test_search_from_a_brief_opened_alone_builds_the_index_it_needs(
    make_app, library: Path
) -> None:
    """``briefing FILE`` on a first start: no library screen ever refreshed the index, and
    search said "being built" for ever."""
    app = make_app(path=library / "us-china-trade-talks-kuala-lumpur.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
        # The reader kept the brief's content in the index, but listed nothing into it.
        assert not lists_any(LibraryIndex(paths.index_file()), [library])
        screen = await search_for(pilot, "Bessent")
        await wait_until(pilot, lambda: bool(screen.hits) and "built" not in status(screen))
        await wait_for_workers(pilot)
