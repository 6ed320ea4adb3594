"""The reader builds the parts its layout shows (issue 15): designs, not timings.

The tab bar shows only in the narrow layout: a wide reader builds
none, and one is mounted on the current section when a resize makes the layout narrow
(and removed when it goes wide again).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kit.pilot import click_tab

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.pane import Pane
from briefing.ui.widgets.section_bar import SectionBar

from .uihelpers import NARROW, WIDE, settle


def shown_panes(screen: BriefScreen) -> list[str]:
    """The sections whose pane is displayed."""
    return [pane.section for pane in screen.query(Pane) if pane.display]


@pytest.mark.parametrize("size", [(120, 40), WIDE], ids=["120x40", "160x48"])
async def test_a_wide_reader_builds_no_tab_bar(
    make_app, seed_brief_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen) and screen.has_class("-wide")
        assert list(screen.query(SectionBar)) == []
        await pilot.press("3")
        assert screen.current == "quotes"
        assert list(screen.query(SectionBar)) == []


async def test_a_click_on_a_tab_at_80x24_switches_section(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.query_one(SectionBar).active == "summary"
        assert await click_tab(pilot, "deadlines")
        await pilot.pause()
        assert screen.current == "deadlines"
        assert shown_panes(screen) == ["deadlines"]


async def test_a_click_on_a_tab_leaves_the_keys_to_the_pane_it_shows(
    make_app, seed_brief_path: Path
) -> None:
    """After a click on a tab, ``j`` moves in the pane shown, as after the key ``4``."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert await click_tab(pilot, "quotes")
        await pilot.pause()
        assert app.focused is screen.query_one("#quotes")
        # A click on the tab already shown leaves them there too.
        assert await click_tab(pilot, "quotes")
        await pilot.pause()
        assert app.focused is screen.query_one("#quotes")
        await pilot.press("j")
        assert screen.query_one("#quotes", ItemList).highlighted == 1


async def test_a_resize_to_80x24_mounts_the_tab_bar_on_the_current_section(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.has_class("-narrow")
        tabs = screen.query_one(SectionBar)
        assert tabs.display and tabs.active == "quotes"
        assert shown_panes(screen) == ["quotes"]
        # A click on a tab of the bar just mounted switches, and so do the keys.
        assert await click_tab(pilot, "figures")
        await pilot.pause()
        assert screen.current == "figures" and shown_panes(screen) == ["figures"]
        await pilot.press("2")
        assert tabs.active == "participants"

        # Wide again: the tab bar goes; the keys still switch; narrow again, it is back
        # on the section the reader moved to meanwhile.
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert screen.has_class("-wide")
        assert list(screen.query(SectionBar)) == []
        await pilot.press("4")
        assert screen.current == "deadlines"
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.query_one(SectionBar).active == "deadlines"
        assert len(screen.query(SectionBar)) == 1
        assert shown_panes(screen) == ["deadlines"]
        assert await click_tab(pilot, "summary")
        await pilot.pause()
        assert screen.current == "summary" and shown_panes(screen) == ["summary"]
