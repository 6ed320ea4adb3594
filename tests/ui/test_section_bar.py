"""The section bar: one widget draws the reader's tab bar (no widget a tab), as the
Textual ``Tabs`` the reader had drew it, and a tab in it is clicked and hovered as a Tab was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Tab, Tabs

import briefing.ui
from briefing.storage.paths import bundled_themes
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.sections import reader_sections
from briefing.ui.themes import load_themes
from briefing.ui.widgets.section_bar import SectionBar

from .uihelpers import NARROW, settle

THEMES, _ = load_themes([bundled_themes()])
LABELS = [(e.key, f"{e.number} {e.core.title}") for e in reader_sections()]

READER_TABS_CSS = """
Tabs { height: 2; }
Underline > .underline--bar { background: $border-blurred; }
Tabs Tab { color: $text-muted; }
"""
"""The rules the reader's stylesheet gave its Textual ``Tabs`` (before the section bar)."""


class OneBar(App[None]):
    """An app of one tab bar at the top, over the reader's stylesheet (or the Tabs' rules)."""

    def __init__(self, bar: Widget, ansi: bool = False) -> None:
        super().__init__(ansi_color=ansi)
        self.bar = bar
        self.clicked: list[str] = []
        for extra in THEMES:
            self.register_theme(extra)

    def compose(self) -> ComposeResult:
        yield self.bar

    def on_section_bar_clicked(self, event: SectionBar.Clicked) -> None:
        self.clicked.append(event.key)


def one_bar(
    bar: Widget, css_path: Path | None, ansi: bool = False, css: str | None = None
) -> OneBar:
    """A :class:`OneBar` over ``css_path`` (the reader's stylesheet), else ``css`` or the
    reader's former Tabs rules (class variables, as Textual reads them)."""

    class Configured(OneBar):
        CSS_PATH = css_path
        CSS = css if css is not None else ("" if css_path is not None else READER_TABS_CSS)

    return Configured(bar, ansi)


def textual_tabs(active: str) -> Tabs:
    tabs = Tabs(*(Tab(label, id=f"tab-{key}") for key, label in LABELS), active=f"tab-{active}")
    tabs.can_focus = False
    return tabs


def section_bar(active: str) -> SectionBar:
    return SectionBar(LABELS, active=active)


def top_lines(app: App[Any]) -> list[list[tuple[str, str]]]:
    """The first two lines as the SVG snapshots see them: runs of one style, merged."""
    strips = app.screen._compositor.render_strips()
    return [[(s.text, str(s.style)) for s in strip.simplify()] for strip in strips[:2]]


async def seen(app: OneBar, width: int, hovers: list[tuple[int, int]]) -> list[Any]:
    async with app.run_test(size=(width, 4)) as pilot:
        for _ in range(3):
            await pilot.pause()
        lines = [top_lines(app)]
        for offset in hovers:
            await pilot.hover(offset=offset)
            await pilot.pause()
            lines.append(top_lines(app))
        return lines


HOVERS = [(0, 0), (3, 0), (12, 0), (30, 0), (50, 0), (76, 0), (79, 0), (5, 1), (20, 3)]


@pytest.mark.parametrize("width", [80, 60, 100])
@pytest.mark.parametrize("active", ["summary", "quotes", "figures"])
@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-light", "briefing-high-contrast"])
async def test_the_bar_looks_like_the_readers_textual_tabs(
    width: int, active: str, theme: str
) -> None:
    """Labels, colours, the active tab and its highlight, the track; the tab under the
    mouse; scrolled as the Tabs scrolled its active tab into view when narrower than them."""
    results = []
    css = Path(briefing.ui.__file__).parent / "briefing.tcss"
    for app in (one_bar(textual_tabs(active), None), one_bar(section_bar(active), css)):
        app.theme = theme
        results.append(await seen(app, width, [(x, y) for x, y in HOVERS if x < width]))
    assert results[0] == results[1]


@pytest.mark.parametrize(
    ("theme", "ansi"),
    [("textual-dark", False), ("textual-light", False), ("textual-dark", True)],
    ids=["dark", "light", "ansi"],
)
async def test_the_bar_looks_like_textuals_tabs_without_the_readers_rules(
    theme: str, ansi: bool
) -> None:
    """Textual's own rules (the :ansi ones in 16 colours): the hover and the active tab show."""
    results = []
    for bar in (textual_tabs("quotes"), section_bar("quotes")):
        app = one_bar(bar, None, ansi, css="Tabs { height: 2; }")
        app.theme = theme
        results.append(await seen(app, 80, HOVERS))
    assert results[0] == results[1]
    assert results[1][0] != results[1][2]  # the hover shows


async def test_a_click_on_a_tab_or_under_it_posts_its_section() -> None:
    app = one_bar(section_bar("summary"), None)
    async with app.run_test(size=(80, 4)) as pilot:
        await pilot.pause()
        bar = app.query_one(SectionBar)
        start, end = bar.tab_columns("deadlines")
        assert await pilot.click(SectionBar, offset=(start, 0))
        assert await pilot.click(SectionBar, offset=(end - 1, 1))
        await pilot.pause()
        assert app.clicked == ["deadlines", "deadlines"]
        assert bar.active == "summary"  # the screen decides what is shown
        assert not bar.has_focus


async def test_a_click_beyond_the_tabs_posts_nothing() -> None:
    app = one_bar(section_bar("summary"), None)
    async with app.run_test(size=(100, 4)) as pilot:
        await pilot.pause()
        assert await pilot.click(SectionBar, offset=(95, 0))
        await pilot.pause()
        assert app.clicked == []


async def test_the_tab_under_the_mouse_has_a_pointer() -> None:
    app = one_bar(section_bar("summary"), None)
    async with app.run_test(size=(80, 4)) as pilot:
        await pilot.pause()
        bar = app.query_one(SectionBar)
        await pilot.hover(SectionBar, offset=(bar.tab_columns("quotes")[0], 0))
        assert bar.styles.pointer == "pointer"
        await pilot.hover(SectionBar, offset=(bar.tab_columns("quotes")[0], 1))
        assert bar.styles.pointer == "default"


async def test_at_80x24_the_reader_has_no_tab_widget(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen) and screen.has_class("-narrow")
        assert not screen.query(Tab) and not screen.query(Tabs)
        bar = screen.query_one(SectionBar)
        assert not bar.children and bar.active == "summary"
        await pilot.press("3")
        assert bar.active == "quotes"


@pytest.mark.parametrize("level", ["full", "none"])
async def test_the_highlight_slides_to_a_new_active_tab_as_textuals_did(level: str) -> None:
    """With animations the underline moves from the old tab to the new one (Tabs' 0.3 s
    slide); without them, and for the first active tab, it is there at once."""
    app = one_bar(section_bar("summary"), None)
    app.animation_level = level  # type: ignore[assignment]
    async with app.run_test(size=(80, 4)) as pilot:
        await pilot.pause()
        bar = app.query_one(SectionBar)
        assert (bar.highlight_start, bar.highlight_end) == (1, 10)
        bar.active = "quotes"
        start, end = bar.tab_columns("quotes")
        if level == "full":
            assert bar.highlight_start == 1  # (not yet moved: it slides from there)
            await pilot.wait_for_animation()
        assert (bar.highlight_start, bar.highlight_end) == (start + 1, end - 1)
        await pilot.pause()
        assert top_lines(app)[1][1][0] == "━" * (end - start - 2)
