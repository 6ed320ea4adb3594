"""``briefing FILE`` then ``q`` quits (issue 16 item 19): it went to a library of the file's
folder, and quitting took ``q q``. ``escape`` still goes to the library; from a brief opened
in the library, ``q`` goes back as before."""

from __future__ import annotations

from pathlib import Path

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen

from .uihelpers import NARROW, settle


async def test_q_quits_a_reader_opened_on_a_file(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # exited
        assert not any(isinstance(s, LibraryScreen) for s in app.screen_stack)


async def test_escape_from_a_reader_opened_on_a_file_goes_to_the_library(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_q_in_a_brief_opened_from_the_library_goes_back(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
