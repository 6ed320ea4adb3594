"""The reader at 80x24 leaves room for the content (issue 16 items 22 and 27): the header
took 6 rows and the notes strip 5 more. The header is at most 3 rows, the notes strip one
line when the terminal is short; "brief 5/5" stays on the clock's line at any width."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ui.widgets.brief_header import BriefHeader
from briefing.ui.widgets.notes_panel import NotesPanel

from .test_notes import write_note
from .uihelpers import screen_text, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_the_header_is_at_most_three_rows(make_app, samples_dir: Path, size) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")  # the seed brief, 5/5
        await settle(pilot)
        header = app.screen.query_one(BriefHeader)
        assert header.outer_size.height <= 3, header.outer_size
        lines = screen_text(app).splitlines()
        clock_line = next(line for line in lines if "Clock: now" in line)
        assert "brief 5/5" in clock_line


async def test_the_notes_strip_is_one_line_at_80x24(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query(NotesPanel)  # no notes: no strip
        await pilot.press("3", "j")
        await write_note(pilot, "first line")
        await pilot.pause()
        panel = app.screen.query_one(NotesPanel)
        assert panel.outer_size.height == 1, panel.outer_size
        assert "first line" in screen_text(app)
