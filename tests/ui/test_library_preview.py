"""A preview of the highlighted brief beside the library at wide sizes (issue 16 item 24):
at 160x48 the library left about 40 rows empty and cut titles; at 80 columns there is no
room, and no preview."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from .uihelpers import NARROW, SEED_TITLE, WIDE, plain, settle


async def test_the_wide_library_previews_the_highlighted_brief(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("G")  # the seed brief, last of five
        await pilot.pause()
        preview = app.screen.query_one("#library-preview", Static)
        assert preview.display and preview.region.width >= 40
        text = plain(preview)
        assert SEED_TITLE in text  # whole, not cut
        assert "7 participants · 8 quotes" in text
        assert "Deadlines" in text and "tariff truce expires" in text


async def test_no_preview_at_80_columns(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        found = app.screen.query("#library-preview")
        assert not found or not found.first().display or found.first().region.width == 0
