"""The reader's first frame parses only the CSS of what it shows (issue 15).

The app's stylesheet (``briefing.tcss``) is parsed before any screen is drawn; rules that
style one other screen (the library's title, status and preview; the toasts over the note
editor and the export dialog) live with that screen's DEFAULT_CSS instead, parsed when
it is first shown, and still apply there (the snapshots of those screens check the look).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from briefing.ui.screens.export import ExportScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.note_editor import NoteEditorScreen

from .uihelpers import NARROW, WIDE, settle

OTHER_SCREENS = ("LibraryScreen", "#library-", "NoteEditorScreen", "ExportScreen")
"""What a selector of a rule for another screen than the reader names."""


def _rules_for_other_screens(app: object) -> list[str]:
    rules = app.stylesheet.rules  # type: ignore[attr-defined]
    return [
        rule.selectors for rule in rules if any(name in rule.selectors for name in OTHER_SCREENS)
    ]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["narrow", "wide"])
async def test_the_reader_parses_no_css_of_other_screens(
    make_app, seed_brief_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert _rules_for_other_screens(app) == []


async def test_the_css_of_a_screen_is_parsed_with_it(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # back to the library
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        found = _rules_for_other_screens(app)
        assert any("#library-title" in selectors for selectors in found), found


@pytest.mark.parametrize("screen_class", [NoteEditorScreen, ExportScreen])
def test_each_dialog_keeps_its_toasts_in_its_own_css(screen_class: type[Screen[Any]]) -> None:
    css = screen_class.DEFAULT_CSS
    assert f"{screen_class.__name__} ToastRack" in css and f"{screen_class.__name__} Toast " in css
