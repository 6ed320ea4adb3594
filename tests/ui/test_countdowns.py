"""Live countdowns: they move only when the screen ticks, and read right at zero and after."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from briefing.core.clock import ManualClock
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.deadline_list import DeadlineList
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import NARROW, SEED_FILE, option_ids, option_text, screen_text, settle

TRUCE = "tariff-truce-expiry"
TRUCE_DUE = datetime(2025, 11, 10, 16, 0, 0, tzinfo=UTC)
"""The end of 2025-11-10 in Asia/Kuala_Lumpur (UTC+8)."""


async def test_the_truce_countdown_ticks_through_zero(
    make_app, clock: ManualClock, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("4")
        deadlines = screen.query_one("#deadlines", DeadlineList)
        # Soonest first: the Trump-Xi meeting (end of 2025-11-02) before the truce.
        assert option_ids(deadlines) == ["trump-xi-meeting", TRUCE]

        def truce() -> str:
            return option_text(deadlines, TRUCE).splitlines()[2]

        assert truce() == "in 15d 5h · later"
        assert "in 15d 5h · later" in screen_text(app)

        # Nothing moves until the screen's timer ticks: widgets never read the clock.
        # (Days ahead, the countdown shows hours: the clock moves by one.)
        clock.advance(hours=1)
        assert truce() == "in 15d 5h · later"
        screen.tick()
        await pilot.pause()
        assert screen.now == datetime(2025, 10, 26, 12, 0, 0, tzinfo=UTC)
        assert deadlines.now == screen.now
        assert truce() == "in 15d 4h · later"
        assert "in 15d 4h · later" in screen_text(app)

        steps = [
            (datetime(2025, 11, 4, 16, 0, 0, tzinfo=UTC), "in 6d 0h · under 7 days"),
            (datetime(2025, 11, 10, 15, 0, 0, tzinfo=UTC), "in 01:00:00 · under 24 h"),
            (datetime(2025, 11, 10, 15, 59, 59, tzinfo=UTC), "in 00:00:01 · under 24 h"),
            (TRUCE_DUE, "due now"),  # exactly zero: said once, not "due now · due now"
            (datetime(2025, 11, 10, 16, 0, 1, tzinfo=UTC), "overdue 1s"),
            (datetime(2025, 11, 12, 17, 30, 0, tzinfo=UTC), "overdue 2d 1h"),
        ]
        for when, expected in steps:
            clock.set(when)
            screen.tick()
            await pilot.pause()
            assert truce() == expected, when
        assert "overdue 2d 1h" in screen_text(app)


async def test_the_library_countdown_column_ticks(
    make_app, clock: ManualClock, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(LibraryTable)
        seed = str(samples_dir / SEED_FILE)

        def cell() -> str:
            return table.get_cell(seed, "deadline").plain

        # The next open deadline of the seed brief: the Trump-Xi meeting, end of 2025-11-02 in KL.
        assert cell() == "in 7d 5h · later"
        clock.advance(hours=1)
        screen.tick()
        await pilot.pause()
        assert cell() == "in 7d 4h · later"
        assert "in 7d 4h · later" in screen_text(app)

        # Once it has passed it stays next while open, as the agenda puts it first.
        clock.set(datetime(2025, 11, 2, 16, 0, 1, tzinfo=UTC))
        screen.tick()
        await pilot.pause()
        assert cell().startswith("overdue 1s")
