"""The people screen (``p``) as a newcomer meets it: the filter's words fit, the rules
line up with the headings, and typing a letter filters (issue 16, the walk-through's
leftovers)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from briefing.ui.screens.people import PeopleScreen
from briefing.ui.widgets.item_list import ItemList

from .test_fast_typing import burst
from .test_people_agenda import library as library  # noqa: F401  (the fixture)
from .test_people_agenda import open_screen
from .uihelpers import NARROW, WIDE, option_ids, option_text, screen_text


async def test_the_filters_placeholder_fits_at_80_columns(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "p", PeopleScreen)
        box = screen.query_one("#people-filter", Input)
        # The field's room for text: its content width, less the cursor's cell.
        assert len(box.placeholder) <= box.content_region.width - 1
        assert box.placeholder in screen_text(app)


async def test_the_rules_line_up_with_the_headings(make_app, library: Path) -> None:
    """On the right, the rules between the rows start where the headings do."""
    for size in (NARROW, WIDE):
        app = make_app(path=library)
        async with app.run_test(size=size) as pilot:
            screen = await open_screen(pilot, "p", PeopleScreen)
            quotes = screen.query_one("#person-quotes", ItemList)
            heading = screen.query(".people-heading").last(Static)
            header = screen.query_one("#person-header", Static)
            # The rules span the list's content; the headings' text starts after their padding.
            assert heading.content_region.x == quotes.content_region.x, size
            assert header.content_region.x == quotes.content_region.x, size
            lines = screen_text(app).splitlines()
            heading_row = next(i for i, line in enumerate(lines) if "Quotes, oldest first" in line)
            heading_x = lines[heading_row].index("Quotes, oldest first")
            rule = next(line for line in lines[heading_row:] if "─" in line[heading_x - 1 :])
            assert rule.index("─", heading_x - 1) == heading_x, size


async def test_typing_a_letter_in_the_list_filters(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "p", PeopleScreen)
        people = screen.query_one("#people-list", ItemList)
        box = screen.query_one("#people-filter", Input)
        assert app.focused is people
        # j and k would move the cursor and x would export: here they are letters of a name.
        await pilot.press("x", "i")
        assert box.value == "xi"
        assert app.focused is box
        assert [option_text(people, i).splitlines()[0] for i in option_ids(people)] == [
            "Xi Jinping"
        ]
        assert "Xi Jinping" in screen_text(app)
        # enter goes back to the list; a letter typed there adds to the filter.
        await pilot.press("backspace", "backspace", "enter")
        assert app.focused is people
        await pilot.press("j", "a", "m")
        assert box.value == "jam" and app.focused is box
        assert [option_text(people, i).splitlines()[0] for i in option_ids(people)] == [
            "Jamieson Greer"
        ]
        assert "Jamieson Greer" in screen_text(app)


async def test_the_footer_offers_no_letter_key_that_types_instead(make_app, library: Path) -> None:
    """The app's letter keys (x, p, N, ...) type into the filter here: the footer and help
    do not offer them."""
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "p", PeopleScreen)
        keys = {binding.key for _, binding, _, _ in screen.active_bindings.values()}
        assert not {"x", "p", "A", "N", "B", "q", "j", "k"} & keys
        assert {"escape", "slash", "question_mark", "ctrl+f"} <= keys
        footer = screen_text(app).splitlines()[-1]
        assert "Export" not in footer and "Agenda" not in footer
        assert "Close" in footer and "Help" in footer


async def test_a_name_typed_in_one_burst_reaches_the_filter_whole(make_app, library: Path) -> None:
    """A fast typist's keys arrive in one read: none is lost or run as a key of the list."""
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "p", PeopleScreen)
        burst(app, "bessent")
        for _ in range(3):
            await pilot.pause()
        assert screen.query_one("#people-filter", Input).value == "bessent"
        people = screen.query_one("#people-list", ItemList)
        assert [option_text(people, i).splitlines()[0] for i in option_ids(people)] == [
            "Scott Bessent"
        ]
