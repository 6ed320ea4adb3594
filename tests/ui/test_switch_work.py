"""A section switch does only the work the switch needs (issue 15): designs, not timings.

At 160x48 every pane is on screen and a switch only moves the focus and the highlight:
no widget asks for a new layout (a layout makes the whole screen drawn again). At either
size, the only widgets restyled are those of the two panes involved (and the tab bar's
two tabs), each once. Each test spies on Textual's public entry points (``Widget.refresh``,
``Stylesheet.apply``), so it fails when the design regresses, however fast the machine.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.scrollbar import ScrollBar, ScrollBarCorner
from textual.widget import Widget

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.section_bar import SectionBar

from .uihelpers import NARROW, WIDE, settle


async def open_seed(pilot: Any) -> BriefScreen:
    """The seed brief, each pane visited once (its scrollbars made), then back on the summary."""
    await settle(pilot)
    await pilot.press("3", "1")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BriefScreen)
    return screen


async def test_a_switch_at_160x48_asks_no_widget_for_a_new_layout(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_seed(pilot)
        layouts: list[str] = []
        original = Widget.refresh

        def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
            if kwargs.get("layout"):
                layouts.append(repr(self))
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", refresh)
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one("#quotes").has_focus
        assert layouts == []


async def test_a_switch_at_160x48_does_not_draw_the_whole_screen_again(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_seed(pilot)
        repaints: list[str] = []
        original = Widget.refresh

        def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
            if self is screen and not regions and kwargs.get("repaint", True):
                repaints.append("the screen")
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", refresh)
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one("#quotes").has_focus
        # The two panes and their lists are drawn again, not the screen under all six.
        assert repaints == []


def scrollbar_of(node: DOMNode) -> bool:
    """A scrollbar (or their corner): restyled with the widget it scrolls, as part of it."""
    return isinstance(node, ScrollBar | ScrollBarCorner)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["narrow", "wide"])
async def test_a_switch_restyles_the_two_panes_and_tabs_only_each_widget_once(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        screen = await open_seed(pilot)
        involved: set[DOMNode] = set()
        # (The tab bar is built only when narrow: see test_visible_parts.)
        for part in screen.query("#pane-summary, #pane-quotes, #section-tabs"):
            involved.update(part.walk_children(with_self=True))
        assert len(involved) > 2
        restyled: Counter[DOMNode] = Counter()
        bars_of: set[DOMNode] = set()
        original = Stylesheet.apply

        def apply(self: Stylesheet, node: DOMNode, **kwargs: Any) -> None:
            if scrollbar_of(node) and node.parent is not None:
                bars_of.add(node.parent)
            elif isinstance(node, Widget):  # not the nodes standing for component classes
                restyled[node] += 1
            original(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", apply)
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one("#quotes").has_focus
        assert restyled, "the switch restyled nothing: the spy no longer sees Textual's restyles"
        assert [repr(n) for n in {*restyled, *bars_of} if n not in involved] == []
        assert {repr(n): c for n, c in restyled.items() if c > 1} == {}


async def test_the_tab_bar_hidden_while_wide_shows_the_current_section_once_narrow(
    make_app, seed_brief_path: Path
) -> None:
    """At 160x48 there is no tab bar for a switch to touch; at 80 columns it shows the
    section the reader is on."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("3")
        await pilot.pause()
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert screen.query_one(SectionBar).active == "quotes"
        assert screen.query_one("#pane-quotes").display
        assert not screen.query_one("#pane-summary").display
        await pilot.press("4")
        await pilot.pause()
        assert screen.query_one(SectionBar).active == "deadlines"
