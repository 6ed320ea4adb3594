"""The command palette knows the app, not only the briefs (issue 16 item 14): every action
with a key is a command, with its key shown (read from the keymap). The theme entries:
tests/ui/test_palette_themes.py."""

from __future__ import annotations

from pathlib import Path

from briefing.ui.commands import BriefingCommands

from .test_keymap import write_config
from .uihelpers import NARROW, settle


def palette(app) -> dict[str, str]:
    provider = BriefingCommands(app.screen)
    return {name: help_text for name, help_text, _ in provider.commands()}


async def test_the_library_palette_lists_the_apps_actions_with_their_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        found = palette(app)
        for name, key in (
            ("Agenda", "A"),
            ("People", "p"),
            ("Notes", "N"),
            ("Bookmarks", "B"),
            ("Search", "^f"),
            ("Export", "x"),
            ("Help", "?"),
            ("Sort", "s"),
        ):
            assert found.get(name) == f"Key {key}", (name, found.get(name))


async def test_the_brief_palette_finds_the_clock_by_its_remapped_key(
    make_app, isolated_env, seed_brief_path: Path
) -> None:
    write_config(isolated_env["config"], '[keys]\n"brief.clock" = "t"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        found = palette(app)
        assert found.get("Clock") == "Key t"
        assert "Key a" not in found.values()


async def test_a_chosen_command_runs_the_action(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        provider = BriefingCommands(app.screen)
        run = next(callback for name, _, callback in provider.commands() if name == "Agenda")
        app.call_later(run)  # as the palette runs a chosen command
        await settle(pilot)
        assert type(app.screen).__name__ == "AgendaScreen"
