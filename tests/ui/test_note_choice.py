"""Notes, issue 16 item 16: with two notes on an item, ``E`` and ``d`` ask which one
(they always took the newest); a deleted note comes back with ``ctrl+z``."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TextArea

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.confirm import ConfirmScreen
from briefing.ui.screens.note_editor import NoteEditorScreen
from briefing.ui.screens.picker import PickerScreen

from .test_notes import NARROW, messages, stored_notes, wait_for_writes, write_note
from .uihelpers import settle


async def two_notes(pilot, clock) -> BriefScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BriefScreen)
    await pilot.press("3", "j")
    await write_note(pilot, "older")
    clock.advance(60)
    await write_note(pilot, "newer")
    return screen


async def test_E_asks_which_note_and_edits_the_one_chosen(
    make_app, seed_brief_path: Path, clock
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await two_notes(pilot, clock)
        await pilot.press("E")
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        assert "newer" in str(options.get_option_at_index(0).prompt)
        await pilot.press("j", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.query_one(TextArea).text == "older"


async def test_d_deletes_the_note_chosen_and_ctrl_z_brings_it_back(
    make_app, seed_brief_path: Path, clock
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        screen = await two_notes(pilot, clock)
        await pilot.press("d")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for_writes(pilot)
        assert [n.body for n in stored_notes(app)] == ["newer"]
        assert any("^z brings it back" in m for m in messages(app)), messages(app)
        await pilot.press("ctrl+z")
        await wait_for_writes(pilot)
        await pilot.pause()
        assert app.screen is screen
        assert sorted(n.body for n in stored_notes(app)) == ["newer", "older"]


async def test_the_N_list_edits_and_deletes_the_highlighted_note(
    make_app, seed_brief_path: Path, clock
) -> None:
    from textual.widgets import Input

    from briefing.ui.screens.annotations_list import AnnotationsScreen

    from .test_notes import type_text, wait_until
    from .uihelpers import screen_text

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await two_notes(pilot, clock)
        await pilot.press("N")
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        await wait_until(pilot, lambda: "All notes (2)" in screen_text(app))
        await pilot.press("E")  # typed into the filter, not an edit
        assert listing.query_one(Input).value == "E"
        await pilot.press("backspace", "down", "E")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.query_one(TextArea).text == "newer"
        await type_text(pilot, " edited")
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert app.screen is listing
        assert sorted(n.body for n in stored_notes(app)) == ["newer edited", "older"]
        await wait_until(pilot, lambda: "newer edited" in screen_text(app))
        await pilot.press("down", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for_writes(pilot)
        assert [n.body for n in stored_notes(app)] == ["newer edited"]
        await wait_until(pilot, lambda: "All notes (1)" in screen_text(app))
        await pilot.press("ctrl+z")
        await wait_for_writes(pilot)
        await wait_until(pilot, lambda: "All notes (2)" in screen_text(app))
