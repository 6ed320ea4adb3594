"""Themes and config.toml as the app sees them: bundled and user themes, the remembered
theme, the library folders and key remaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from briefing.storage.config import Config
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import NARROW, SAMPLE_FILES, WIDE, plain, row_keys, screen_text, settle

BUNDLED = ("briefing-dark", "briefing-light", "briefing-high-contrast")


def write_config(config_dir: Path, text: str) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def notifications(app) -> list[str]:
    """The messages of the notifications the app has raised and still shows."""
    return [notification.message for notification in app._notifications]


async def test_bundled_themes_are_registered_and_dark_is_the_default(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        for name in BUNDLED:
            assert name in app.available_themes
        assert app.theme == "briefing-dark"
        assert app.current_theme.primary == "#5AA9E6"
        assert notifications(app) == []


async def test_the_theme_argument_is_used(make_app) -> None:
    app = make_app(theme="briefing-light")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-light"
        assert not app.current_theme.dark
        # The theme is in force from the first frame (it is set before the app runs,
        # not through Textual's theme watcher): its classes and its colours.
        assert app.has_class("-theme-briefing-light", "-light-mode")
        assert not app.has_class("-dark-mode")
        background = app.current_theme.background
        assert background is not None
        assert app.screen.styles.background.hex.upper() == background.upper()
        # A theme changed while running goes through the watcher as usual.
        app.theme = "briefing-dark"
        await pilot.pause()
        assert app.has_class("-theme-briefing-dark", "-dark-mode")
        assert not app.has_class("-theme-briefing-light", "-light-mode")
        dark_background = app.current_theme.background
        assert dark_background is not None
        assert app.screen.styles.background.hex.upper() == dark_background.upper()


async def test_an_unknown_theme_argument_warns_and_falls_back(make_app) -> None:
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-dark"
        assert notifications(app) == ["--theme: unknown theme 'no-such-theme'; using another"]


async def test_a_changed_theme_is_remembered_for_the_next_start(make_app, isolated_env) -> None:
    first = make_app()
    async with first.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first.theme = "briefing-high-contrast"
        await pilot.pause()
    assert (isolated_env["data"] / "briefing.db").exists()

    second = make_app()  # the same BRIEFING_DATA_DIR
    async with second.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert second.theme == "briefing-high-contrast"

    third = make_app(theme="briefing-light")  # --theme still wins
    async with third.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert third.theme == "briefing-light"


async def test_bad_user_themes_warn_by_file_and_the_app_starts(make_app, isolated_env) -> None:
    themes = isolated_env["config"] / "themes"
    themes.mkdir(parents=True)
    (themes / "broken-syntax.toml").write_text(
        'name = "broken\nprimary = "#123456"\n', encoding="utf-8"
    )
    (themes / "bad-colour.toml").write_text(
        'name = "bad-colour"\nprimary = "not-a-colour"\n', encoding="utf-8"
    )
    (themes / "markup-name.toml").write_text(
        'name = "[bold]evil[/bold]"\nprimary = "#123456"\n', encoding="utf-8"
    )
    (themes / "mine.toml").write_text(
        'name = "mine"\ndark = false\nprimary = "#884400"\n', encoding="utf-8"
    )

    app = make_app()
    # run_test hides toasts unless asked; 48 rows hold all three.
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(LibraryTable).row_count == len(SAMPLE_FILES)
        assert app.theme == "briefing-dark"
        assert "mine" in app.available_themes  # a good user theme sits beside the bad ones
        assert "bad-colour" not in app.available_themes

        shown = notifications(app)
        assert len(shown) == 3
        by_file = {
            name: [m for m in shown if name in m]
            for name in ("broken-syntax.toml", "bad-colour.toml", "markup-name.toml")
        }
        assert all(len(messages) == 1 for messages in by_file.values()), shown
        assert "TOML syntax" in by_file["broken-syntax.toml"][0]
        assert "primary: 'not-a-colour' is not a colour" in by_file["bad-colour.toml"][0]
        assert "name: must be lower-case" in by_file["markup-name.toml"][0]
        assert (
            "[bold]evil[/bold]" in by_file["markup-name.toml"][0]
        )  # quoted as written, not as markup
        assert all(not notification.markup for notification in app._notifications)
        assert len(app.screen.query("Toast")) == 3  # and they are on screen
        assert "[bold]evil[/bold]" in screen_text(app)


async def test_config_library_is_used_without_a_path(
    make_app, isolated_env, mixed_library: Path
) -> None:
    write_config(isolated_env["config"], f"library = [{str(mixed_library)!r}]\n")
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert app.library_paths == [mixed_library]
        keys = sorted(Path(str(key)).name for key in row_keys(app.screen.query_one(LibraryTable)))
        assert keys == [
            "board-meeting-northwind-robotics.toml",
            "broken.toml",
            "us-china-trade-talks-kuala-lumpur.toml",
        ]
        assert notifications(app) == []


async def test_config_keys_remap_a_binding(make_app, isolated_env, seed_brief_path: Path) -> None:
    # "C", not "c": c copies (a remap onto it is refused as a clash, see test_keymap.py).
    write_config(isolated_env["config"], '[keys]\n"brief.clock" = "C"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert notifications(app) == []
        await pilot.press("C")
        assert screen.as_published
        assert "Clock: as published" in plain(screen.query_one("#brief-header", Static))
        await pilot.press("a")  # the old key no longer does it
        assert screen.as_published
        await pilot.press("C")
        assert not screen.as_published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('library = ["unclosed\n', "TOML syntax"),
        ('theme = 42\nclock = "25h"\ncolour = "red"\n', "(ignored)"),
    ],
    ids=["bad-toml", "bad-values"],
)
async def test_a_bad_config_warns_and_uses_the_defaults(
    make_app, isolated_env, text: str, expected: str
) -> None:
    path = write_config(isolated_env["config"], text)
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert app.config == Config()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(LibraryTable).row_count == len(
            SAMPLE_FILES
        )  # the bundled samples
        shown = notifications(app)
        assert shown, "no warning"
        assert all(str(path) in message and expected in message for message in shown), shown
        assert app.theme == "briefing-dark"


async def test_config_theme_wins_at_start_and_the_reader_says_so(make_app, isolated_env) -> None:
    """The rule: --theme, else config.toml's theme, else the palette's last choice. A
    palette choice that config.toml overrides is named at start, and when one is made the
    reader says it lasts for this session only."""
    first = make_app()
    async with first.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first.theme = "briefing-high-contrast"  # remembered: config sets no theme
        await pilot.pause()
    write_config(isolated_env["config"], 'theme = "briefing-light"\n')

    second = make_app()
    async with second.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        assert second.theme == "briefing-light"
        said = " ".join(notifications(second))
        assert "config.toml" in said and "briefing-light" in said
        assert "briefing-high-contrast" in said

        second.theme = "briefing-dark"
        await pilot.pause()
        said = notifications(second)[-1]
        assert "briefing-dark" in said and "this session" in said and "config.toml" in said


def test_choose_theme_order_and_what_it_says() -> None:
    """--theme, then config.toml, then the palette's last choice, then the default."""
    from briefing.ui.themes import DEFAULT_THEME, choose_theme

    known = {"a": 1, "b": 2, "c": 3, DEFAULT_THEME: 4}
    assert choose_theme("a", "b", "c", known) == ("a", [])
    name, warnings = choose_theme(None, "b", "c", known)
    assert name == "b" and "'c'" in warnings[0]
    assert choose_theme(None, None, "c", known) == ("c", [])
    name, warnings = choose_theme("zz", None, None, known)
    assert name == DEFAULT_THEME and warnings == ["--theme: unknown theme 'zz'; using another"]
