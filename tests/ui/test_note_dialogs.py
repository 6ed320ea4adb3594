"""The questions the note editor asks: on escape (discard the note, or the changes to it)
and on ctrl+q with note text not saved (its answers fit at 80 columns)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button

from briefing.ui.screens.confirm import ChoiceScreen
from briefing.ui.screens.note_editor import NoteEditorScreen

from .uihelpers import LAYOUTS, NARROW, screen_text, settle


async def test_escape_on_an_edited_note_asks_to_discard_the_changes(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3", "n", "o", "k", "ctrl+s")
        await pilot.pause()
        await pilot.press("E", "x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("n", "x", "escape")  # a new note keeps its question
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Discard this note?" in screen_text(app)


@pytest.mark.parametrize("size", list(LAYOUTS.values()))
async def test_quit_with_a_note_not_saved_shows_every_answer_whole(
    make_app, seed_brief_path: Path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3", "n", "x")
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen)
        text = screen_text(app)
        assert "1 note not saved" in text
        for button in dialog.query(Button):
            label = str(button.label)
            assert label in text, label
            assert button.region.right <= size[0]


def test_the_count_of_notes_not_saved_reads_as_english() -> None:
    from briefing.ui.note_keeping import not_saved

    assert not_saved(1) == "1 note not saved. Quit anyway?"
    assert not_saved(2) == "2 notes not saved. Quit anyway?"
