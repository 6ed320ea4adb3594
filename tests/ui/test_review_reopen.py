"""``R`` opens the review of a draft again (issue 16): a draft opens in its review once per
reader, and after closing it this key is the way back. It shows in the footer, help and
the palette only while the brief on screen is a draft, under the keymap's key."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ui.commands import BriefingCommands
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.screens.review import ReviewScreen

from .test_keymap import write_config
from .test_review import open_review, wait_for_screen, write_draft
from .uihelpers import NARROW, WIDE, screen_text, settle


def _footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_r_opens_the_review_again_after_closing_it(make_app, tmp_path: Path, size) -> None:
    draft = write_draft(tmp_path)
    app = make_app(path=draft)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot)
        await pilot.press("escape")
        reader = await wait_for_screen(pilot, BriefScreen)
        await settle(pilot)
        assert reader.check_action("review_draft", ()) is True
        assert "R Review" in _footer_line(app)
        await pilot.press("R")
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.path == draft
        await pilot.press("escape")
        await wait_for_screen(pilot, BriefScreen)
        # As often as wanted.
        await pilot.press("R")
        await wait_for_screen(pilot, ReviewScreen)


async def test_the_review_key_is_in_help_and_the_palette_for_a_draft(
    make_app, tmp_path: Path
) -> None:
    app = make_app(path=write_draft(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await open_review(pilot)
        await pilot.press("escape")
        await wait_for_screen(pilot, BriefScreen)
        await settle(pilot)
        commands = {name: hint for name, hint, _ in BriefingCommands(app.screen).commands()}
        assert commands.get("Review") == "Key R"
        await pilot.press("question_mark")
        help_screen = await wait_for_screen(pilot, HelpScreen)
        assert "brief.review" in {binding_id for _, _, binding_id in help_screen.rows}


async def test_no_review_key_for_a_brief_that_is_not_a_draft(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, BriefScreen)
        assert not reader.check_action("review_draft", ())
        assert "Review" not in _footer_line(app)
        commands = {name for name, _, _ in BriefingCommands(app.screen).commands()}
        assert "Review" not in commands
        await pilot.press("R")
        await pilot.pause()
        assert app.screen is reader


async def test_the_review_key_follows_the_keymap(make_app, isolated_env, tmp_path: Path) -> None:
    write_config(isolated_env["config"], '[keys]\n"brief.review" = "V"\n')
    app = make_app(path=write_draft(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await open_review(pilot)
        await pilot.press("escape")
        await wait_for_screen(pilot, BriefScreen)
        await settle(pilot)
        assert "V Review" in _footer_line(app)
        await pilot.press("V")
        await wait_for_screen(pilot, ReviewScreen)
