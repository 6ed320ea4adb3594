"""The key bar: one widget draws the footer's line (no widget a key), as Textual's Footer
drew it, and a key in it is clicked, hovered and fitted as a FooterKey was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer

from briefing.storage.paths import bundled_themes
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.themes import load_themes
from briefing.ui.widgets.key_bar import KeyBar

from .uihelpers import NARROW, WIDE, screen_text, settle

THEMES, _ = load_themes([bundled_themes()])


class Keys(App[None]):
    """An app of three keys, one of them disabled, and a tooltip, over a bar or a Footer."""

    BINDINGS = [
        Binding("o", "open", "Open", tooltip="Open the thing"),
        Binding("d", "delete", "Delete"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, bar: Widget) -> None:
        super().__init__()
        self.bar = bar
        self.ran: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield self.bar

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "delete" else True

    def action_open(self) -> None:
        self.ran.append("open")

    def action_delete(self) -> None:
        self.ran.append("delete")

    def action_help(self) -> None:
        self.ran.append("help")

    def bell(self) -> None:
        self.bells += 1


def bottom_line(app: App[Any]) -> list[tuple[str, str]]:
    """The last line as the SVG snapshots see it: its runs of one style, merged."""
    strips = app.screen._compositor.render_strips()
    return [(segment.text, str(segment.style)) for segment in strips[-1].simplify()]


def cells(app: App[Any]) -> list[tuple[str, str]]:
    """The last line, cell by cell: each character and its style."""
    return [(char, style) for text, style in bottom_line(app) for char in text]


def footer_keys(screen: Any) -> list[Widget]:
    """Textual's FooterKey widgets under ``screen`` (found by name: the class is private)."""
    return [node for node in screen.walk_children() if type(node).__name__ == "FooterKey"]


def column(bar: KeyBar, action: str) -> int:
    return next(p.start for p in bar.placed if p.key.action == action)


@pytest.mark.parametrize("compact", [True, False], ids=["compact", "loose"])
@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-light", "textual-light"])
async def test_the_bar_looks_like_textuals_footer(compact: bool, theme: str) -> None:
    """Colours, the dim disabled key, the palette key and its bar: cell for cell, also with
    the mouse over each key (the disabled one and the palette's too) and between keys."""
    lines = []
    for bar in (Footer(compact=compact), KeyBar(compact=compact)):
        app = Keys(bar)
        for extra in THEMES:
            app.register_theme(extra)
        app.theme = theme
        async with app.run_test(size=(60, 3)) as pilot:
            await pilot.pause()
            await pilot.pause()
            seen = [bottom_line(app)]
            for x in (2, 12, 15, 30, 48, 50, 58, 59):
                await pilot.hover(offset=(x, 2))
                await pilot.pause()
                seen.append(bottom_line(app))
            lines.append(seen)
    assert lines[0] == lines[1]
    assert lines[1][0] != lines[1][1]  # the hover shows


async def test_a_theme_chosen_later_recolours_the_bar_as_the_footer() -> None:
    lines = []
    for bar in (Footer(compact=True), KeyBar(compact=True)):
        app = Keys(bar)
        for extra in THEMES:
            app.register_theme(extra)
        app.theme = "briefing-dark"
        async with app.run_test(size=(60, 3)) as pilot:
            await pilot.hover(offset=(2, 2))
            await pilot.pause()
            app.theme = "briefing-light"
            await pilot.pause()
            await pilot.pause()
            lines.append(bottom_line(app))
    assert lines[0] == lines[1]


async def test_a_click_on_a_key_runs_its_action() -> None:
    app = Keys(KeyBar())
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(column(bar, "open"), 0))
        await pilot.pause()
        assert app.ran == ["open"] and app.bells == 0


async def test_a_click_on_a_disabled_key_rings_the_bell_and_runs_nothing() -> None:
    app = Keys(KeyBar())
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(column(bar, "delete"), 0))
        await pilot.pause()
        assert app.ran == [] and app.bells == 1


async def test_a_click_between_keys_does_nothing() -> None:
    app = Keys(KeyBar())
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        gap = next(p.end for p in bar.placed if p.key.action == "open")
        await pilot.click(KeyBar, offset=(gap, 0))
        await pilot.pause()
        assert app.ran == [] and app.bells == 0


async def test_the_key_under_the_mouse_is_highlighted_with_a_pointer_and_its_tooltip() -> None:
    app = Keys(KeyBar())
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        plain = cells(app)
        await pilot.hover(KeyBar, offset=(column(bar, "open") + 1, 0))
        await pilot.pause()
        hovered = cells(app)
        changed = [x for x, (was, now) in enumerate(zip(plain, hovered, strict=True)) if was != now]
        assert changed == list(range(column(bar, "open"), column(bar, "open") + len("o Open")))
        assert bar.styles.pointer == "pointer"
        assert bar.tooltip == "Open the thing"
        await pilot.hover(KeyBar, offset=(40, 0))  # no key there
        await pilot.pause()
        assert cells(app) == plain
        assert bar.styles.pointer == "default" and bar.tooltip is None


async def test_a_click_on_help_in_the_reader_opens_help(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(column(bar, "help"), 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_at_80_columns_help_and_the_palette_key_stay(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        placed = bar.placed
        assert any(p.key.action == "help" for p in placed)
        assert placed[-1].palette and placed[-1].end == 80 - 1
        assert all(p.end <= placed[-1].start for p in placed[:-1])
        line = screen_text(app).splitlines()[-1]
        assert "? Help" in line and line.rstrip().endswith("^p palette")


async def test_the_reader_has_no_footer_key_widget(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        assert not footer_keys(app.screen)
        assert not app.screen.query(Footer)
        assert len(app.screen.query(KeyBar)) == 1
        assert not app.screen.query_one(KeyBar).children


async def test_a_focus_change_that_shows_the_same_keys_repaints_and_mounts_nothing(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        bar = screen.query_one(KeyBar)
        widgets = set(screen.walk_children())
        repaints: list[object] = []
        original = bar.refresh

        def refresh(*args: Any, **kwargs: Any) -> Widget:
            repaints.append(args)
            return original(*args, **kwargs)

        bar.refresh = refresh  # type: ignore[method-assign]
        before = screen.focused
        await pilot.press("tab")
        await settle(pilot)
        assert screen.focused is not before
        assert repaints == []
        assert set(screen.walk_children()) == widgets


async def test_a_focus_change_that_changes_the_keys_repaints_the_bar(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("slash")  # find: the search field takes the focus and the keys
        await settle(pilot)
        line = screen_text(app).splitlines()[-1]
        assert "? Help" not in line and line.rstrip().endswith("^p palette")
        assert not footer_keys(app.screen)
