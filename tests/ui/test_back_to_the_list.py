"""Escape from a brief opened from people (``p``), search (``ctrl+f``) or the agenda (``A``)
goes back to that list, as the user left it; escape there goes back to where they were
before (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from briefing.ui.screens.agenda import AgendaScreen
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.people import PeopleScreen
from briefing.ui.screens.search import SearchScreen

from .test_people_agenda import library as library  # noqa: F401  (the fixture)
from .test_people_agenda import open_screen
from .test_search_screen import type_query
from .uihelpers import NARROW, SEED_FILE, screen_text, settle


async def open_and_come_back(pilot: Pilot[Any], list_screen: Any) -> BriefScreen:
    """Enter on the list's highlighted row, then escape from the brief it opens."""
    app = pilot.app
    await pilot.press("enter")
    await settle(pilot)
    brief = app.screen
    assert isinstance(brief, BriefScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is list_screen
    return brief


async def test_escape_from_a_brief_opened_from_people(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        people = await open_screen(pilot, "p", PeopleScreen)
        await pilot.press("x", "i", "enter")
        await open_and_come_back(pilot, people)
        # As the user left it: the filter and its person.
        assert people.query_one("#people-filter", Input).value == "xi"
        assert people.shown_person is not None and people.shown_person.name == "Xi Jinping"
        assert "Xi Jinping" in screen_text(app)
        await pilot.press("escape", "escape")  # the filter, then the screen
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 1


async def test_escape_from_a_brief_opened_from_search(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        await type_query(pilot, "Bessent")
        await open_and_come_back(pilot, search)
        assert search.query_one(Input).value == "Bessent"
        assert "Bessent" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 1


async def test_escape_from_a_brief_opened_from_the_agenda(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        agenda = await open_screen(pilot, "A", AgendaScreen)
        await open_and_come_back(pilot, agenda)
        assert "Agenda ·" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 1


async def test_from_a_brief_to_people_to_another_brief_and_back(make_app, library: Path) -> None:
    """Opened from a brief, people goes back to that brief; ``p`` in a brief opened from
    people goes back to the same list rather than piling up another."""
    app = make_app(path=library / SEED_FILE)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first = app.screen
        assert isinstance(first, BriefScreen)
        people = await open_screen(pilot, "p", PeopleScreen)
        await pilot.press("x", "i", "enter")
        other = await open_and_come_back(pilot, people)
        assert other is not first
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is people
        assert app.screen_stack == [first, people]
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is first
