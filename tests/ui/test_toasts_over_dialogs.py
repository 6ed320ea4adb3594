"""A toast shown while a dialog is open does not cover the field the user types in: the
confirmation of what was done just before ("Note saved", "Exported to ..."), the editor's
own warning, a reminder; over the note editor's text and the export dialog's file name
(issue 16). Over a dialog, toasts keep to the top rows, one row a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from briefing.ui.screens.export import ExportScreen
from briefing.ui.screens.note_editor import NoteEditorScreen

from .uihelpers import LAYOUTS, screen_text, settle

LONG = "Reminder: Temporary US-China tariff truce expires in 1 hour (US, China agree on a deal)"


async def toasts(pilot: Pilot[Any]) -> list[Region]:
    for _ in range(5):
        await pilot.pause()
    return [toast.region for toast in pilot.app.screen.query("Toast")]


@pytest.mark.parametrize("size", LAYOUTS.values(), ids=LAYOUTS.keys())
async def test_no_toast_over_the_notes_text(make_app, seed_brief_path: Path, size) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Note saved", timeout=10)  # the note before, saved a moment ago
        await pilot.press("3", "n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        area = editor.query_one(TextArea).region
        await pilot.press("ctrl+s")  # empty: the editor warns and stays open
        shown = await toasts(pilot)
        assert len(shown) == 2
        assert not [toast for toast in shown if toast.overlaps(area)], (shown, area)
        text = screen_text(app)
        assert "Note saved" in text and "An empty note is not saved" in text


@pytest.mark.parametrize("size", LAYOUTS.values(), ids=LAYOUTS.keys())
async def test_no_toast_over_the_export_file_name(make_app, seed_brief_path: Path, size) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        field = dialog.query_one("#export-path", Input).region
        app.notify("Exported 2 notes to ~/Documents/us-china-trade-talks.md", timeout=10)
        app.notify(LONG, timeout=10)
        shown = await toasts(pilot)
        assert len(shown) == 2
        assert not [toast for toast in shown if toast.overlaps(field)], (shown, field)
        assert "Reminder: Temporary" in screen_text(app)
