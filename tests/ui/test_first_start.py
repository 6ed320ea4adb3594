"""A first start (issue 16 item 13): the library says these are the bundled samples and
how to show your own folder, and shows each sample's path short, on one line."""

from __future__ import annotations

from textual.widgets import Static

from briefing.storage import paths
from briefing.ui.screens.library import LibraryScreen

from .uihelpers import NARROW, plain, settle


async def test_the_samples_are_named_and_the_way_to_your_own_folder_given(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        notice = plain(screen.query_one("#library-notice", Static))
        assert "bundled sample briefs" in notice
        assert "briefing FOLDER" in notice
        assert "library = [...]" in notice
        assert str(paths.config_file().name) in notice and "briefing config" in notice


async def test_a_sample_path_is_short(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        status = plain(app.screen.query_one("#library-status", Static))
        first = status.splitlines()[0]
        assert first.startswith("sample: ") and first.endswith(".toml"), status
        assert "site-packages" not in first and "/" not in first
        assert len(first) < 78


async def test_your_own_folder_gets_no_sample_notice(make_app, tmp_path) -> None:
    app = make_app(path=tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert not app.screen.query("#library-notice")
