"""Hostile file names in the library, and files far over the size limit."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ui.uihelpers import screen_text, settle

from briefing.core.clock import ManualClock
from briefing.core.errors import BriefError
from briefing.core.loading import load_brief
from briefing.launch import build_app
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

MARKUP_NAME = "[bold]x[@click=app.quit]y [link=evil]z"  # a file name cannot hold "/"


async def test_a_file_name_with_markup_is_shown_literally(tmp_path: Path) -> None:
    """An invalid file whose name is Textual markup is listed, and its error shown, as written."""
    library = tmp_path / "lib"
    library.mkdir()
    (library / f"{MARKUP_NAME}.toml").write_text("format = 1\ntitle = \n", encoding="utf-8")
    app = build_app(path=library, clock=ManualClock(datetime(2025, 10, 26, 11, 0, tzinfo=UTC)))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 1
        text = screen_text(app)
        assert "[bold]x[@click=app.quit]y [link=evil]z" in text
        await pilot.click(LibraryTable, offset=(5, 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LibraryScreen)


def test_a_100_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A sparse 100 MB file: refused from its size alone, the message stating the 5 MB limit."""
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    assert "5 MB" in caught.value.problems[0].message
    assert os.path.getsize(path) == 100 * 1024 * 1024


def test_a_10_mb_single_line_is_refused(tmp_path: Path) -> None:
    """One line of 10 MB (a title that long) is refused by the size limit, not parsed."""
    path = tmp_path / "line.toml"
    path.write_text('format = 1\ntitle = "' + "x" * (10 * 1024 * 1024) + '"\n', encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    assert "5 MB" in caught.value.problems[0].message
