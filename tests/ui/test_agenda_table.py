"""The agenda (``A``) as a table (issue 16 item 26): one line per deadline (due, countdown,
title, brief) under the overdue and upcoming headings, columns sharing the width by content,
countdown cells moved by the screen's tick without the rows being built again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from kit import brief_toml
from textual.pilot import Pilot

from briefing.core.clock import ManualClock
from briefing.ui.screens.agenda import AgendaScreen
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets import agenda_table
from briefing.ui.widgets.agenda_table import AgendaTable

from . import test_people_agenda
from .test_people_agenda import open_screen, until
from .uihelpers import NARROW, SEED_FILE, WIDE, screen_text, settle

library = test_people_agenda.library
"""The seed brief and two small briefs, one with a deadline 3 s away (the people tests' fixture)."""

TRUCE = "Temporary US-China tariff truce expires"
MEETING = "Expected Trump-Xi meeting on the sidelines of the APEC summit"
SEED_TITLE = "US, China agree on preliminary trade deal in Malaysia, officials say"


def key_of(table: AgendaTable, item_id: str) -> str:
    return next(key for key in table.keys if key.endswith(f"#{item_id}"))


def line_with(app, text: str) -> str:
    return next(line for line in screen_text(app).splitlines() if text in line)


async def test_one_line_per_deadline_under_headings(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        table = screen.query_one(AgendaTable)
        assert app.focused is table
        assert [label for label, _, _ in table.columns] == ["Due", "Countdown", "Title", "Brief"]
        assert table.headings == {"group:overdue": "Overdue (1)", "group:upcoming": "Upcoming (3)"}
        truce = key_of(table, "tariff-truce-expiry")
        assert table.cells(truce) == {
            "due": "2025-11-10 (end of day)",
            "countdown": "in 15d 5h · later",
            "title": TRUCE,
            "brief": SEED_TITLE,
        }
        call = table.cells(key_of(table, "call"))
        assert call["due"] == "2025-10-26 11:00 +00:00"
        assert call["countdown"] == "in 00:00:03 · under 24 h"
        # Text: one line holds the whole row, in the columns' order.
        line = line_with(app, TRUCE)
        assert line.index("2025-11-10 (end of day)") < line.index("in 15d 5h · later")
        assert line.index("in 15d 5h · later") < line.index(TRUCE) < line.index(SEED_TITLE[:30])
        header = line_with(app, "Countdown")
        assert header.split() == ["Due", "Countdown", "Title", "Brief"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)], ids=["80", "120", "160"])
async def test_columns_share_the_width_and_fit(make_app, library: Path, size) -> None:
    app = make_app(path=library)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        table = screen.query_one(AgendaTable)
        widths = {key: width for _, key, width in table.columns}
        # The due date and the countdown whole; no line wider than the table.
        assert widths["due"] >= len("2025-10-26 11:00 +00:00") + 1
        assert widths["countdown"] >= len("in 00:00:03 · under 24 h")
        assert sum(widths.values()) + len(widths) <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width
        # Every deadline fits a screenful, headings and header included.
        assert table.virtual_size.height == len(table.keys) + 1 <= table.size.height
        line = line_with(app, "Expected Trump")
        if size[0] < 160:
            assert widths["title"] < len(MEETING)
            assert MEETING not in line and "…" in line  # cut with an ellipsis
        else:
            assert MEETING in line
        for row in screen_text(app).splitlines():
            assert len(row) <= size[0]


async def test_the_tick_moves_only_the_countdowns_on_screen(
    make_app, clock: ManualClock, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    deadlines = [
        {"id": f"d{n:03d}", "title": f"Deadline {n}", "due": date(2025, 11, 1 + n % 28)}
        for n in range(120)
    ]
    (folder / "many.toml").write_text(brief_toml("Many", id="many", deadlines=deadlines))
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        table = screen.query_one(AgendaTable)
        await settle(pilot)
        lines = table.lines
        first = table.keys[0]
        before = table.cells(first)["countdown"]
        drawn: list[str] = []
        cells = agenda_table.row_cells

        def counting(line, moment):  # type: ignore[no-untyped-def]
            drawn.append(line.key)
            return cells(line, moment)

        monkeypatch.setattr(agenda_table, "row_cells", counting)
        clock.advance(3600)
        screen.tick()
        await settle(pilot)
        # State: the same rows, the countdown an hour on.
        assert table.lines is lines
        assert table.cells(first)["countdown"] != before
        # Only the rows on screen were drawn again (not 120).
        on_screen = table.size.height - 1
        assert 0 < len(set(drawn)) <= on_screen + 1
        # Text: the new countdown is on screen.
        assert table.cells(first)["countdown"] in screen_text(app)


async def test_keys_skip_headings_and_enter_opens(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        table = screen.query_one(AgendaTable)
        assert table.highlighted_key == key_of(table, "report")  # never on a heading
        await pilot.press("j")  # over "Upcoming (3)"
        assert table.highlighted_key == key_of(table, "call")
        await pilot.press("k")
        assert table.highlighted_key == key_of(table, "report")
        await pilot.press("G")
        assert table.highlighted_key == key_of(table, "tariff-truce-expiry")
        await pilot.press("g")
        assert table.highlighted_key == key_of(table, "report")
        await pilot.press("G", "enter")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen) and brief.entry.path == library / SEED_FILE
        await until(pilot, lambda: brief.current == "deadlines")


async def _click_row(pilot: Pilot, table: AgendaTable, key: str, times: int = 1) -> None:
    y = table.keys.index(key) + 1 - round(table.scroll_offset.y)
    await pilot.click(table, offset=(3, y), times=times)
    await pilot.pause()


async def test_a_click_highlights_and_a_double_click_opens(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        table = screen.query_one(AgendaTable)
        meeting = next(key for key in table.keys if "trump-xi" in key or "apec" in key)
        await _click_row(pilot, table, meeting)
        assert table.highlighted_key == meeting
        assert app.screen is screen  # a click only highlights
        await _click_row(pilot, table, "group:upcoming")
        assert table.highlighted_key == meeting  # a heading is not a row
        await _click_row(pilot, table, meeting, times=2)
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)


async def test_a_deadline_becoming_overdue_moves_between_the_groups(
    make_app, clock: ManualClock, library: Path
) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        table = screen.query_one(AgendaTable)
        clock.advance(4)
        screen.tick()
        await pilot.pause()
        assert table.headings["group:overdue"] == "Overdue (2)"
        assert table.cells(key_of(table, "call"))["countdown"] == "overdue 1s"
        assert "Overdue (2)" in screen_text(app)
