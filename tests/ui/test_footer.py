"""The footer never overlaps itself: at any width it drops the least important keys first,
and ``?`` (help) and the command palette's key always show."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ui.widgets.key_bar import KeyBar

from .uihelpers import screen_text, settle

WIDTHS = (60, 70, 80, 100, 120, 160)


def check_footer(app, *, typing: bool = False) -> None:
    """No two keys overlap; ``?`` and the palette's key show (``?`` only where it opens help:
    in a text field it is a character)."""
    footer = app.screen.query_one(KeyBar)
    shown = footer.placed
    spans = [(placed.start, placed.end) for placed in shown]
    for index, (start, end) in enumerate(spans):
        assert 0 <= start < end <= footer.size.width, (index, start, end, footer.size)
        for other in spans[index + 1 :]:
            assert end <= other[0] or other[1] <= start, ((start, end), other)
    last_line = screen_text(app).splitlines()[-1]
    if not typing:
        assert any(placed.key.display == "?" for placed in shown)
        assert "? Help" in last_line
    assert last_line.rstrip().endswith("^p palette")


@pytest.mark.parametrize("width", WIDTHS)
async def test_the_brief_footer_fits(make_app, seed_brief_path: Path, width: int) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        check_footer(app)
        await pilot.press("slash")  # find mode shows other keys
        await pilot.pause()
        await pilot.pause()
        check_footer(app, typing=True)


@pytest.mark.parametrize("width", WIDTHS)
async def test_the_library_footer_fits(make_app, samples_dir: Path, width: int) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        check_footer(app)


async def test_the_footer_refits_when_the_terminal_shrinks(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(pilot)
        check_footer(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        check_footer(app)


async def test_the_wide_library_footer_lists_open_and_the_app_wide_views(
    make_app, samples_dir: Path
) -> None:
    """Issue 16 item 15: enter, p, A, B and x were missing even at 160 columns."""
    app = make_app(path=samples_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        check_footer(app)
        last_line = screen_text(app).splitlines()[-1]
        for shown in ("Open", "p People", "A Agenda", "B Bookmarks", "x Export", "N Notes"):
            assert shown in last_line, (shown, last_line)
