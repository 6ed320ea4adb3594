"""A known big brief builds the quotes it shows, not all of them (issue 15).

Opening a brief the library index knows read its kept content whole: ``json.loads`` of
every quote and a :class:`~briefing.core.models.Quote` built for each, before the first
frame (20,000 of them in the benchmarks' big brief: ~550 M instructions of its 2,346 M).
The quotes are now kept in chunks and built as a reader asks for them. These tests count
the quotes built (they time nothing), and check that every move that reads the quotes
(``G``, the speaker filter, find) still sees all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.core.models import Quote
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.participant_rows import COLUMNS
from briefing.ui.widgets.participant_table import ParticipantTable

from .test_open_bounded import list_text
from .test_virtual_list import load_generator
from .uihelpers import WIDE, screen_text, settle, wait_for_workers

QUOTES = 5_000
BUILT_AT_MOST = 600
"""Quotes built on opening the known brief: those shown and their chunks, not 5,000."""


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.toml"
    load_generator().big(1, QUOTES, 40, path)
    return path


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per Quote built."""
    made: list[int] = []
    real = Quote.__init__

    def counting(self: Quote, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Quote, "__init__", counting)
    return made


async def open_known(make_app: Any, path: Path) -> Any:
    """Open ``path`` once so that the index keeps it; return the app for the second opening."""
    app = make_app(path=path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
        await pilot.press("escape")
        await settle(pilot)
    return make_app(path=path)


async def test_opening_the_known_big_brief_builds_the_quotes_it_shows(
    make_app: Any, big: Path, built: list[int]
) -> None:
    app = await open_known(make_app, big)
    built.clear()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen) and screen.is_loaded
        assert "We need more time for fishing" in " ".join(screen_text(app).split())
        assert f"Quotes ({QUOTES})" in screen_text(app)
        assert 0 < len(built) <= BUILT_AT_MOST


async def test_g_in_the_known_big_brief_shows_the_last_quote(
    make_app: Any, big: Path, built: list[int]
) -> None:
    app = await open_known(make_app, big)
    built.clear()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3", "G")
        await pilot.pause()
        quotes = screen.query_one("#quotes", ItemList)
        last = screen.brief.quotes[-1]
        assert quotes.highlighted == QUOTES - 1
        assert quotes.highlighted_id == last.id
        assert last.text.split()[0] in screen_text(app)
        assert len(built) <= 2 * BUILT_AT_MOST


async def test_the_speaker_filter_sees_every_quote_of_the_known_big_brief(
    make_app: Any, big: Path
) -> None:
    app = await open_known(make_app, big)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        speaker = screen.brief.quotes[-1].speaker
        expected = [q.id for q in screen.brief.quotes if q.speaker == speaker]
        screen.speaker_filter = speaker
        await pilot.pause()
        quotes = screen.query_one("#quotes", ItemList)
        assert list(quotes.item_ids) == expected
        screen.speaker_filter = None
        await pilot.pause()
        assert len(quotes.item_ids) == QUOTES


async def participants_shown(app: Any) -> tuple[list[int], str]:
    """The participants table's column widths and what it shows, once settled."""
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        return table.column_widths, list_text(app, table)


async def test_the_participants_are_drawn_at_their_widths_before_any_resize(
    make_app: Any, big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table is filled before it is laid out (a known brief is read as the screen
    composes): its first frame drew every name in columns as wide as their labels ("Zofi"
    / "a Zh" / "ou"), and the names came whole only a frame later, on the Resize. It fits
    its columns to its size as it draws; the Resize is not needed (here: never handled)."""
    app = await open_known(make_app, big)
    widths, shown = await participants_shown(app)
    assert widths != [len(label) for label, _ in COLUMNS]
    monkeypatch.setattr(ParticipantTable, "on_resize", lambda _self: None)
    assert await participants_shown(make_app(path=big)) == (widths, shown)
