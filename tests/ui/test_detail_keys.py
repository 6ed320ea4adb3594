"""The item detail (enter on a quote or a participant) answers n, b and c on the item it
shows, and its footer names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.anchors import ItemKind
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.note_editor import NoteEditorScreen

from .test_notes import stored_bookmarks, stored_notes, wait_for_writes
from .uihelpers import LAYOUTS, screen_text, settle


@pytest.mark.parametrize("size", list(LAYOUTS.values()))
async def test_note_bookmark_and_copy_work_in_the_detail(
    make_app, seed_brief_path: Path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "j", "j", "j", "enter")  # li-turbulences
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        footer = screen_text(app).splitlines()[-1]
        for hint in ("n Note", "b Bookmark", "c Copy"):
            assert hint in footer, footer

        await pilot.press("b")
        await wait_for_writes(pilot)
        [bookmark] = stored_bookmarks(app)
        assert (bookmark.kind, bookmark.item_id) == (ItemKind.QUOTE, "li-turbulences")

        await pilot.press("c")
        await pilot.pause()
        assert "turbulences" in app.clipboard

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press("o", "k", "ctrl+s")
        await wait_for_writes(pilot)
        for _ in range(50):
            if app.screen is detail:
                break
            await pilot.pause()
        assert app.screen is detail
        [note] = stored_notes(app)
        assert (note.kind, note.item_id, note.body) == (ItemKind.QUOTE, "li-turbulences", "ok")
