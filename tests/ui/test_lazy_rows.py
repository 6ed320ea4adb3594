"""A big brief builds only the rows it shows (issue 15).

A 20,000-quote, 2,000-participant brief took seconds to its content because every
quote row was built and measured, and every participant row was added (twice) to a
table that measured every cell. The reader now builds the rows on screen and a
margin, the rest when the reader scrolls or jumps to them, and keeps a bounded
number of built rows. These tests count the rows built, so they fail when the
design regresses (they time nothing).
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from briefing.ui import render
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.virtual_layout import EXACT_ROWS

from .test_virtual_list import load_generator
from .uihelpers import screen_text, settle

QUOTES = 20_000
PEOPLE = 2_000
ROWS_BUILT_AT_MOST = EXACT_ROWS + 60
"""The rows measured at once, and a screenful or two on top."""


@pytest.fixture(scope="module")
def big_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.toml"
    load_generator().big(1, QUOTES, PEOPLE, path)
    return path


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the quote rows built, in order."""
    made: list[str] = []
    real = render.QuoteRow.__init__

    def counting(self: Any, quote: Any, credit: str) -> None:
        made.append(quote.id)
        real(self, quote, credit)

    monkeypatch.setattr(render.QuoteRow, "__init__", counting)
    return made


def ending(index: int) -> str:
    """The end of quote ``index``'s words in the generated brief."""
    return f"0-{index}).”"


async def test_opening_a_20000_quote_brief_builds_few_rows(
    make_app: Any, big_brief: Path, built: list[str]
) -> None:
    app = make_app(path=big_brief)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        assert ending(0) in screen_text(app)
        assert len(app.screen.query_one("#quotes", ItemList).item_ids) == QUOTES
        assert 0 < len(built) <= ROWS_BUILT_AT_MOST


async def test_jumping_to_quote_15000_builds_its_row_and_shows_it(
    make_app: Any, big_brief: Path, built: list[str]
) -> None:
    app = make_app(path=big_brief)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        target = screen.brief.quotes[15_000]
        before = len(built)
        # As the library's search and the notes list land on an item.
        screen.select_item("quotes", target.id)
        await pilot.pause()
        quotes = screen.query_one("#quotes", ItemList)
        assert quotes.highlighted_id == target.id
        assert ending(15_000) in screen_text(app)
        assert target.id in built[before:]
        assert len(built) - before <= ROWS_BUILT_AT_MOST


async def test_g_shows_the_last_quote_building_only_rows_around_it(
    make_app: Any, big_brief: Path, built: list[str]
) -> None:
    app = make_app(path=big_brief)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        before = len(built)
        await pilot.press("G")
        await pilot.pause()
        assert ending(QUOTES - 1) in screen_text(app)
        assert len(built) - before <= ROWS_BUILT_AT_MOST
        await pilot.press("pageup", "pageup", "k")
        await pilot.pause()
        quotes = app.screen.query_one("#quotes", ItemList)
        assert quotes.highlighted is not None
        assert quotes.highlighted < QUOTES - 2
        assert quotes.highlighted_id is not None


async def test_the_reader_keeps_a_bounded_number_of_quote_rows(
    make_app: Any, big_brief: Path
) -> None:
    app = make_app(path=big_brief)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "G", "g")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        for index in range(0, QUOTES, 2_500):
            screen.select_item("quotes", screen.brief.quotes[index].id)
            await pilot.pause()
        gc.collect()
        alive = sum(isinstance(o, render.QuoteRow) for o in gc.get_objects())
        assert alive <= 2 * ROWS_BUILT_AT_MOST


PARTICIPANT_ROWS_AT_MOST = 2 * 40
"""Two screenfuls of a 40-line terminal: the participants' rows on screen and redraws."""


async def test_opening_2000_participants_builds_only_the_rows_shown(
    make_app: Any, big_brief: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.ui.widgets import participant_table
    from briefing.ui.widgets.participant_table import ParticipantTable

    drawn: list[str] = []
    real = participant_table.ParticipantTable._cells

    def counting(self: ParticipantTable, row: int) -> Any:
        drawn.append(self._people[row].id)
        return real(self, row)

    monkeypatch.setattr(ParticipantTable, "_cells", counting)
    app = make_app(path=big_brief)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        people = screen.brief.participants
        assert people[0].name.split()[0] in screen_text(app)
        # Sized and measured from plain strings: only the rows on screen are built (the
        # DataTable added 2,000 rows and measured 8,000 cells before its first frame).
        assert len(set(drawn)) <= PARTICIPANT_ROWS_AT_MOST, len(set(drawn))
        await pilot.press("G")
        await settle(pilot)
        assert people[-1].name.split()[0] in screen_text(app)
        assert len(set(drawn)) <= 2 * PARTICIPANT_ROWS_AT_MOST, len(set(drawn))


async def test_2000_participants_bring_the_scrollbar(make_app: Any, big_brief: Path) -> None:
    """The table is filled after its pane's layout: its scrollbar must learn the rows' height."""
    from briefing.ui.widgets.participant_table import ParticipantTable

    app = make_app(path=big_brief)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#participants", ParticipantTable)
        assert table.show_vertical_scrollbar
        assert table.vertical_scrollbar.window_virtual_size == table.virtual_size.height > PEOPLE
