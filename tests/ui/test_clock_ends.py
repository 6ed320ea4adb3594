"""The reader at the ends of the years it reads: the first frame and clock ticks draw."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.core.clock import ManualClock
from briefing.core.timeutil import EARLIEST, LATEST
from briefing.ui.screens.brief import BriefScreen

from .uihelpers import NARROW, settle


@pytest.mark.parametrize(
    "start", [EARLIEST, LATEST, datetime(9998, 12, 31, 23, 59, 58, tzinfo=UTC)], ids=str
)
async def test_the_reader_ticks_at_the_ends_of_the_years(
    make_app, seed_brief_path: Path, start: datetime
) -> None:
    clock = ManualClock(start)
    app = make_app(path=seed_brief_path, clock=clock)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        for _ in range(3):
            clock.advance(seconds=1)
            screen.tick()
            await pilot.pause()
        assert app.screen is screen
        await pilot.press("4")  # the deadlines, with their countdowns
        await pilot.pause()
        await pilot.press("A")  # and the agenda
        await pilot.pause()
        assert app.return_code is None
