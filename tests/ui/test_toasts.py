"""Toasts stay off what the user reads and types (issue 16): at the bottom right, Textual's
place for them, they piled over the notes strip of the item under the cursor, the footer's
keys and the export dialog's file name and buttons. They now stack from the top right,
under the first line (the brief's or the library's title)."""

from __future__ import annotations

import pytest
from kit.snapshots import seed_annotations
from textual.widgets import Button, Input

from briefing.ui.widgets.key_bar import KeyBar
from briefing.ui.widgets.notes_panel import NotesPanel

from .uihelpers import NARROW, WIDE, settle


async def toasts_shown(pilot) -> list:
    """Two toasts at once (a reload and a saved note), as they are on screen."""
    pilot.app.notify("Reloaded: 1 quote edited", timeout=30)
    pilot.app.notify("Note saved on quote “intense”", title="Saved", timeout=30)
    for _ in range(100):  # the toasts are mounted after the next refresh
        regions = [toast.region for toast in pilot.app.screen.query("Toast")]
        if len(regions) == 2 and all(region.height for region in regions):
            return regions
        await pilot.pause(0.02)
    raise AssertionError("the toasts did not show")


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_toasts_leave_the_notes_strip_and_the_footer_alone(
    make_app, seed_brief_path, size
) -> None:
    seed_annotations()
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")  # "intense", which has a note: the strip shows it
        await settle(pilot)
        strip = app.screen.query_one(NotesPanel).region
        footer = app.screen.query_one(KeyBar).region
        assert strip.height > 0
        for toast in await toasts_shown(pilot):
            assert not toast.overlaps(strip), (toast, strip)
            assert not toast.overlaps(footer), (toast, footer)
            assert toast.y >= 1  # the title line stays readable


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_toasts_leave_the_export_dialogs_field_and_buttons_alone(
    make_app, seed_brief_path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        fields = [app.screen.query_one(Input).region]
        fields += [button.region for button in app.screen.query(Button)]
        for toast in await toasts_shown(pilot):
            for field in fields:
                assert not toast.overlaps(field), (toast, field)
