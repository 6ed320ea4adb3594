"""Panes, their grid, the summary's scroller and the screen draw one line of their inside.

Their children cover them: between a pane's top and bottom border every line is alike, so
the first frame drew 200 blank lines of the 300 the compositor asked for (issue 15). Drawn
once and repeated, the lines are the same as Textual draws them one by one; a container
whose lines differ (keylines) is drawn line by line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Grid
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from briefing.ui.widgets.alike_lines import alike_lines
from briefing.ui.widgets.pane import Pane, Panes
from briefing.ui.widgets.summary_view import SummaryView

from .uihelpers import NARROW, WIDE, settle


def _counting(container: Widget, drawn: list[int]) -> Callable[[int], Strip]:
    """``container``'s own ``render_line`` (a line of its content), noting each line drawn."""

    def render_line(y: int) -> Strip:
        drawn.append(y)
        return Widget.render_line(container, y)

    return render_line


def _containers(app: Any) -> list[Widget]:
    screen = app.screen
    return [*screen.query(Pane), *screen.query(Panes), *screen.query(SummaryView), screen]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["narrow", "wide"])
async def test_a_pane_draws_one_line_of_its_inside(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = [c for c in _containers(app) if c.display and c.outer_size.height > 4]
        # Six panes, their grid, the summary's scroller and the screen; narrow, one pane.
        assert len(shown) == (9 if size == WIDE else 4)
        for container in shown:
            drawn: list[int] = []
            monkeypatch.setattr(container, "render_line", _counting(container, drawn))
            container.refresh()  # every line drawn again
            container.render_lines(Region(0, 0, *container.outer_size))
            assert len(drawn) == 1, (container, drawn)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["narrow", "wide"])
async def test_a_panes_lines_are_those_textual_draws(
    make_app, seed_brief_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("G", "2")  # the summary scrolled; a pane with the focus, one without
        await pilot.pause()
        for container in [c for c in _containers(app) if c.display]:
            width, height = container.outer_size
            crops = [
                Region(0, 0, width, height),
                Region(0, 0, width, 2),
                Region(3, 1, width - 5, height - 1),
                Region(0, height // 2, width, 3),
                Region(0, height - 2, width, 2),
            ]
            for crop in crops:
                container.refresh()
                ours = container.render_lines(crop)
                container.refresh()
                assert ours == Widget.render_lines(container, crop), (container, crop)


class _Keylines(App[None]):
    CSS = "Grid { grid-size: 2; keyline: heavy red; }"

    def compose(self) -> ComposeResult:
        with Grid():
            yield from (Static(f"cell {n}") for n in range(4))


async def test_a_container_with_keylines_is_drawn_line_by_line() -> None:
    app = _Keylines()
    async with app.run_test(size=(40, 12)):
        grid = app.query_one(Grid)
        crop = Region(0, 0, *grid.outer_size)
        grid.refresh()
        ours = alike_lines(grid, crop, lambda region: Widget.render_lines(grid, region))
        grid.refresh()
        assert ours == Widget.render_lines(grid, crop)
        assert len({strip.text for strip in ours}) > 2  # (its lines differ: keylines cross it)
