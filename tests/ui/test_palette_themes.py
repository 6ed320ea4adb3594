"""The command palette's themes (issue 16): briefing's bundled themes and the user's own,
one entry each, the current one marked; none of Textual's built-in themes, and no second
"Theme" command from Textual."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from briefing.ui.commands import BriefingCommands

from .test_keymap import write_config
from .uihelpers import NARROW, WIDE, screen_text, settle

BUNDLED = ("briefing-dark", "briefing-high-contrast", "briefing-light")

MINE = """\
name = "mine"
dark = true
primary = "#5AA9E6"
foreground = "#E6E6E6"
background = "#101418"
"""


def theme_entries(app) -> dict[str, str]:
    provider = BriefingCommands(app.screen)
    return {
        name.removeprefix("Use theme: "): hint
        for name, hint, _ in provider.commands()
        if name.startswith("Use theme: ")
    }


def user_theme(config: Path) -> None:
    (config / "themes").mkdir(parents=True)
    (config / "themes" / "mine.toml").write_text(MINE, encoding="utf-8")


async def test_briefings_themes_and_the_users_once_each_the_current_marked(
    make_app, isolated_env
) -> None:
    user_theme(isolated_env["config"])
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert "mine" in app.available_themes and "nord" in app.available_themes
        entries = theme_entries(app)
        assert sorted(entries) == [*BUNDLED, "mine"]
        # One line says which is in use; the others carry no hint to repeat.
        assert entries["briefing-dark"] == "Current theme"
        assert [hint for name, hint in entries.items() if name != "briefing-dark"] == [""] * 3
        # Textual's own "Theme" command (every built-in theme) is not offered beside them.
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme" not in titles and "Quit" in titles

        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"theme")
        for _ in range(20):
            await pilot.pause()
            if "briefing-light" in screen_text(app):
                break
        text = screen_text(app)
        assert "Use theme: briefing-light" in text and "Use theme: mine" in text
        assert "textual-dark" not in text and "nord" not in text and "gruvbox" not in text
        assert "Change the current theme" not in text
        assert text.count("Current theme") == 1


async def test_the_mark_follows_the_theme_and_says_when_config_sets_it(
    make_app, isolated_env
) -> None:
    write_config(isolated_env["config"], 'theme = "briefing-light"\n')
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        entries = theme_entries(app)
        # Config wins at the start; a choice in the palette is for this session (item 7).
        assert entries["briefing-light"] == "Current theme (config.toml sets it)"
        assert entries["briefing-dark"] == ""
        app.theme = "briefing-dark"
        await pilot.pause()
        entries = theme_entries(app)
        assert (
            entries["briefing-dark"]
            == "Current theme (for this session: config.toml sets briefing-light)"
        )
        assert entries["briefing-light"] == ""
