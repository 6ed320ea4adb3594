"""One key maximises the focused pane and brings it back (issue 16 item 25), listed in
the footer at small heights."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ui.widgets.pane import Pane

from .uihelpers import screen_text, settle


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_z_maximises_the_focused_pane_and_z_restores_it(
    make_app, seed_brief_path: Path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3", "z")
        await pilot.pause()
        assert isinstance(screen.maximized, Pane) and screen.maximized.section == "quotes"
        assert "z Restore" in screen_text(app).splitlines()[-1]
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None
        if size == (80, 24):
            assert "z Maximise" in screen_text(app).splitlines()[-1]
