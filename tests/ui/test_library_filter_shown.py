"""A filtered library: the title counts what is shown, ``[``/``]`` move within it and say so."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing.ui.screens.brief import BriefScreen

from .uihelpers import NARROW, SAMPLE_FILES, plain, settle


async def test_filtered_title_and_the_only_brief_shown(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"china", "enter")
        title = plain(app.screen.query_one("#library-title", Static))
        total = len(SAMPLE_FILES)
        assert f"Library · 1 of {total} briefs" in title, title
        assert "filter: china" in title
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "This is the only brief shown (filter: china)" in messages, messages
        assert "This is the only brief in the library" not in messages


async def test_without_a_filter_the_title_counts_every_brief(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        title = plain(app.screen.query_one("#library-title", Static))
        assert f"Library · {len(SAMPLE_FILES)} briefs" in title and " of " not in title
