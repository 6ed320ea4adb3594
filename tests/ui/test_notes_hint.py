"""The notes strip's key hint fits its width: the least important hints go first."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from briefing.ui.widgets.notes_panel import NotesPanel

from .uihelpers import LAYOUTS, NARROW, settle


async def _bookmarked_note(pilot, app) -> NotesPanel:
    await settle(pilot)
    await pilot.press("3", "b", "n", "x", "ctrl+s")
    for _ in range(50):
        await pilot.pause()
        panel = app.screen.query_one(NotesPanel)
        if "note" in str(panel.content) and panel.content_size.width:
            break
    return panel


@pytest.mark.parametrize("size", list(LAYOUTS.values()))
async def test_the_hint_of_a_bookmarked_items_notes_fits_on_its_line(
    make_app, seed_brief_path: Path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        panel = await _bookmarked_note(pilot, app)
        headline = str(panel.content).split("\n")[0]
        assert "★ bookmarked" in headline and "n add" in headline
        assert cell_len(headline) <= panel.content_size.width, headline
        if size == NARROW:
            # Under 32 rows the strip is one line headed "✎ 1 note:" (issue 16 item 22), which
            # leaves room for the hints; the fitting that drops $EDITOR first is held by
            # test_the_hints_drop_the_least_important_first.
            assert "✎ 1 note:" in headline
        else:
            assert "E edit · e $EDITOR · d delete" in headline


async def test_the_hints_drop_the_least_important_first(make_app, seed_brief_path: Path) -> None:
    """Too narrow for all of them (52 columns): $EDITOR goes first, the line still fits."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(52, 24)) as pilot:
        panel = await _bookmarked_note(pilot, app)
        headline = str(panel.content).split("\n")[0]
        assert cell_len(headline) <= panel.content_size.width, headline
        assert "$EDITOR" not in headline and "n add" in headline
