"""The ``N`` list reads a note's Markdown as the notes panel does: marks styled, never shown."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing.storage.paths import database_file
from briefing.storage.store.database import Store
from briefing.ui.screens.annotations_list import AnnotationsScreen
from briefing.ui.widgets.annotation_rows import AnnotationRows

from .uihelpers import NARROW, screen_text, settle

WHEN = "2025-10-26T10:00:00+00:00"


def add_note(path: Path, body: str) -> None:
    Store(path).connection.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO notes VALUES ('n1', 'b', 'Brief', 'quote', 'q', 'Item', ?, ?, ?, 0)",
            (body, WHEN, WHEN),
        )
    connection.close()


async def test_N_renders_note_markdown(make_app, seed_brief_path: Path) -> None:
    add_note(database_file(), "talks were *intense* and **long**, see `annex`")
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        for _ in range(50):
            if "intense" in screen_text(app):
                break
            await pilot.pause(0.02)
        shown = screen_text(app)
        assert "talks were intense and long, see annex" in shown
        assert "*" not in shown and "`" not in shown
        rows = listing.query_one(AnnotationRows)
        assert rows.row_text(0).splitlines()[2] == "talks were intense and long, see annex"
        strip = rows.render_line(2)  # the note's line of the first row
        styled = {segment.text.strip(): segment.style for segment in strip if segment.text.strip()}
        assert styled["intense"] is not None and styled["intense"].italic
        assert styled["long"] is not None and styled["long"].bold


async def test_every_line_of_the_list_has_the_lists_colours(
    make_app, seed_brief_path: Path
) -> None:
    """A line without marks was drawn with no style at all (Rich's ``Text.render`` leaves out
    the text's own style when it has no spans): the terminal's default colours, dark grey
    blocks in the light theme, and no cursor row. Every line now has the list's background,
    the cursor row the cursor's."""
    add_note(database_file(), "plain words, no marks")
    app = make_app(path=seed_brief_path, theme="briefing-light")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        rows = app.screen.query_one(AnnotationRows)
        cursor = rows.get_component_rich_style("annotation-rows--cursor").bgcolor
        assert cursor is not None and cursor != rows.rich_style.bgcolor
        for y in range(AnnotationRows.ROW_LINES):
            for segment in rows.render_line(y):
                assert segment.style is not None and segment.style.bgcolor == cursor, (y, segment)
