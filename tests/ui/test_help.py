"""The help screen (``?``): it scrolls at 80x24 to the last key, lists briefing's own keys
first, grouped by where they work, and leaves out Textual's internal defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.containers import VerticalScroll

from briefing.ui.screens.help import HelpScreen

from .uihelpers import LAYOUTS, NARROW, WIDE, screen_text, settle


async def open_help(pilot, app) -> HelpScreen:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    return app.screen


@pytest.mark.parametrize("key", ["end", "pagedown", "j", "wheel"])
async def test_help_scrolls_to_the_app_wide_keys_at_80x24(
    make_app, seed_brief_path: Path, key: str
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        help_screen = await open_help(pilot, app)
        assert "Bookmarks" not in screen_text(app)  # below the fold at first
        body = help_screen.query_one(VerticalScroll)
        for _ in range(40):
            if key == "wheel":
                body.post_message(events.MouseScrollDown(body, 2, 2, 0, 1, 0, False, False, False))
            else:
                await pilot.press(key)
            await pilot.pause()
            if body.scroll_y >= body.max_scroll_y:
                break
        assert body.max_scroll_y > 0
        assert body.scroll_y == body.max_scroll_y
        text = screen_text(app)
        for what in ("Bookmarks", "Export", "People", "Agenda", "Command palette"):
            assert what in text, what


@pytest.mark.parametrize("size", list(LAYOUTS.values()))
async def test_help_groups_briefings_keys_and_leaves_out_textuals(
    make_app, seed_brief_path: Path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        help_screen = await open_help(pilot, app)
        titles = [title for title, _ in help_screen.groups]
        assert titles[0] == "In this brief"
        assert titles[-1] == "Everywhere"
        everywhere = dict(help_screen.groups)["Everywhere"]
        ids = {binding_id for _, _, binding_id in everywhere}
        assert {"app.notes", "app.bookmarks", "app.export", "app.search", "app.people"} <= ids
        assert {"app.agenda", "app.help"} <= ids
        assert any(keys in ("ctrl+p", "^p") for keys, _, _ in everywhere)
        shown = [what for _, rows in help_screen.groups for _, what, _ in rows]
        for internal in ("Scroll Left", "Scroll Right", "Page Right", "Page Left", "Copy text"):
            assert internal not in shown
        keys = [key for _, rows in help_screen.groups for key, _, _ in rows]
        assert not any("super+" in key for key in keys)


def _help_bindings(screen) -> list:
    """The bindings help lists for ``screen``: every one with a description."""
    return [
        active.binding
        for active in screen.active_bindings.values()
        if active.binding.description
        and not active.binding.action.startswith(("scroll_", "page_", "screenshot"))
        and active.binding.action not in ("copy_text", "help_quit", "maximize", "minimize")
    ]


@pytest.mark.parametrize("size", list(LAYOUTS.values()))
async def test_every_binding_of_the_brief_is_in_helps_tables(
    make_app, seed_brief_path: Path, size
) -> None:
    """At every size each key of the brief is a row of help, and no table scrolls inside the
    list (one scroll container): the whole table is reachable by scrolling the list."""
    from textual.widgets import DataTable

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        brief_screen = app.screen
        ids = {b.id for b in _help_bindings(brief_screen) if b.id}
        help_screen = await open_help(pilot, app)
        await pilot.pause()
        listed = {binding_id for _, _, binding_id in help_screen.rows}
        assert {"brief.back", "brief.edit-note", "brief.note", "brief.bookmark"} <= ids
        assert ids <= listed, sorted(ids - listed)
        for table in help_screen.query(DataTable):
            assert table.max_scroll_y == 0, "a table scrolls inside the list"
            assert table.size.height >= table.row_count + 1
        body = help_screen.query_one(VerticalScroll)
        seen: set[str] = set()
        for _ in range(60):
            seen.update(screen_text(app).split())
            if body.scroll_y >= body.max_scroll_y:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        for binding_id in ids:
            assert binding_id in seen, binding_id


async def test_help_names_each_section_and_one_line_per_action(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        help_screen = await open_help(pilot, app)
        rows = {keys: (what, binding_id) for keys, what, binding_id in help_screen.rows}
        assert rows["1"][0] == "Summary"
        assert rows["q"] == ("Back", "brief.back-to-library")
        for keys, what, binding_id in help_screen.rows:
            assert binding_id, f"{keys} ({what}) has no id"
        actions = [what.lower() for _, what, _ in help_screen.rows]
        assert "scroll down" not in actions and "scroll up" not in actions
        assert len(help_screen.query(VerticalScroll)) == 1
