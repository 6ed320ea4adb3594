"""The app's own moves do no more work than they must (issue 15): designs, not timings.

Escape from a brief keeps the library's rows (only the marks that changed are drawn
again); a countdown tick draws again only the rows whose countdown reads differently.
Each test counts calls with a spy, so it fails when the design regresses, however fast
the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .test_notes import wait_for_writes, write_note
from .uihelpers import NARROW, SEED_FILE, screen_text, settle


class Calls:
    """Counts the calls of a method (and still calls it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
        self.count = 0
        original = getattr(owner, name)

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, spy)


def seed_row(app: Any) -> str:
    return next(line for line in screen_text(app).splitlines() if "US, China agree" in line)


async def test_escape_keeps_the_library_rows_and_redraws_the_changed_marks(
    make_app, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one(LibraryTable)
        table.select_key(str(samples_dir / SEED_FILE))
        await pilot.pause()
        assert "●" in seed_row(app)  # never opened
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await write_note(pilot, "x")
        await wait_for_writes(pilot)
        rebuilt = Calls(monkeypatch, LibraryTable, "show_entries")
        listed = Calls(monkeypatch, LibraryScreen, "visible_entries")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
        # The rows were neither filtered, sorted nor rebuilt again...
        assert (rebuilt.count, listed.count) == (0, 0)
        # ...yet the row shows the note written and no longer the ● of a brief never opened.
        row = seed_row(app)
        assert "✎1" in row
        assert "●" not in row
