"""Theme files with values that would break the stylesheet, and theme files that are not files.

A bad theme is skipped with a warning naming the file and the field, whether it
was asked for by ``--theme``, by config.toml or from the palette (where a skipped
theme is simply not offered); a FIFO or a device is never read.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from briefing.ui.themes import design_variables, load_themes, parse_theme

from .uihelpers import NARROW, settle

GOOD = 'name = "mine"\nprimary = "#884400"\n'


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        (
            '[variables]\n"footer-key-foreground" = "red; } X {"\n',
            "variables.footer-key-foreground",
        ),
        ('[variables]\n"footer-key-foreground" = "#fff\\n"\n', "variables.footer-key-foreground"),
        ('[variables]\n"footer-key-foreground" = "$primary"\n', "variables.footer-key-foreground"),
        (
            '[variables]\n"footer-key-foreground" = "#fff 50%; }"\n',
            "variables.footer-key-foreground",
        ),
        (
            '[variables]\n"block-cursor-text-style" = "bold; } X {"\n',
            "variables.block-cursor-text-style",
        ),
        (
            '[variables]\n"block-cursor-text-style" = "sparkly"\n',
            "variables.block-cursor-text-style",
        ),
        ('[variables]\n"footer-key-foreground" = 3\n', "variables.footer-key-foreground"),
        ('secondary = "#fff\\n"\n', "secondary"),
        ('secondary = "#ffffff; }"\n', "secondary"),
    ],
)
def test_a_value_that_could_break_the_stylesheet_skips_the_theme(extra: str, field: str) -> None:
    theme, warnings = parse_theme(GOOD + extra, "themes/mine.toml")
    assert theme is None
    assert len(warnings) == 1
    assert warnings[0].startswith(f"themes/mine.toml: {field}: "), warnings


@pytest.mark.parametrize(
    "variables",
    [
        '"footer-key-foreground" = "#4EA1FF"',
        '"input-selection-background" = "#81a1c1 35%"',
        '"block-cursor-foreground" = "auto 87%"',
        '"block-cursor-text-style" = "bold reverse"',
        '"link-style-hover" = "bold not underline"',
        '"link-background" = "initial"',
        '"footer-background" = "ansi_bright_blue"',
    ],
)
def test_values_textual_accepts_are_kept(variables: str) -> None:
    theme, warnings = parse_theme(GOOD + f"[variables]\n{variables}\n", "mine.toml")
    assert warnings == []
    assert theme is not None
    theme.to_color_system().generate()  # and Textual takes them


def test_an_unknown_variable_is_named_and_left_out() -> None:
    theme, warnings = parse_theme(GOOD + '[variables]\n"footer-key-foregrond" = "red"\n', "m.toml")
    assert theme is not None
    assert "footer-key-foregrond" not in theme.variables
    assert warnings == [
        "m.toml: variables.footer-key-foregrond: unknown variable"
        " (did you mean 'footer-key-foreground'?); left out"
    ]
    theme, warnings = parse_theme(GOOD + '[variables]\n"x; } Y {" = "red"\n', "m.toml")
    assert theme is not None and theme.variables == {}
    assert warnings == ["m.toml: variables.x; } Y {: unknown variable; left out"]


def test_the_bundled_themes_pass(repo_root: Path) -> None:
    themes, warnings = load_themes([repo_root / "themes"])
    assert warnings == []
    assert len(themes) == 3


def test_a_start_with_the_bundled_themes_checks_none_of_their_values(
    make_app, seed_brief_path: Path
) -> None:
    """The bundled themes' values are checked by the test above, not at every start:
    Textual's design variables (about 1 ms to list) are not generated before the reader
    runs. A user's theme is still checked (the tests of bad user themes below)."""
    design_variables.cache_clear()
    app = make_app(path=seed_brief_path)
    assert sorted(app.available_themes).count("briefing-light") == 1
    assert design_variables.cache_info().misses == 0


def write_theme(config_dir: Path, name: str, text: str) -> Path:
    folder = config_dir / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


EVIL = 'name = "evil"\nprimary = "#884400"\n[variables]\n"footer-key-foreground" = "red; } X {"\n'


@pytest.mark.parametrize("how", ["--theme", "config", "palette"])
async def test_a_theme_with_a_bad_variable_never_crashes_the_reader(
    make_app, isolated_env, how: str
) -> None:
    path = write_theme(isolated_env["config"], "evil", EVIL)
    if how == "config":
        (isolated_env["config"] / "config.toml").write_text('theme = "evil"\n', encoding="utf-8")
    app = make_app(theme="evil" if how == "--theme" else None)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        assert "evil" not in app.available_themes
        if how == "palette":
            app.action_change_theme()
            await pilot.pause()
            await pilot.press(*"evil", "enter")
            await pilot.pause()
        assert app.theme != "evil"
        shown = [notification.message for notification in app._notifications]
        assert any(
            str(path) in message and "variables.footer-key-foreground" in message
            for message in shown
        ), shown
        assert app.return_code is None


def read_in_thread(function, *args):
    """Run ``function(*args)``; fail (rather than hang the run) if it blocks."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(function(*args)), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "reading blocked"
    return result[0]


def test_a_fifo_or_a_device_as_a_theme_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    os.mkfifo(folder / "fifo.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "mine.toml").write_text(GOOD, encoding="utf-8")
    (folder / "big.toml").write_text(GOOD + "#" * (70 * 1024) + "\n", encoding="utf-8")
    themes, warnings = read_in_thread(load_themes, [folder])
    assert [theme.name for theme in themes] == ["mine"]
    assert len(warnings) == 3, warnings
    by_file = {
        name: [w for w in warnings if f"{name}.toml" in w] for name in ("fifo", "zero", "big")
    }
    assert "FIFO" in by_file["fifo"][0] and by_file["fifo"][0].endswith("skipped")
    assert "not a regular file" in by_file["zero"][0]
    assert "the limit is 64 KB" in by_file["big"][0]


def test_a_theme_of_thousands_of_unknown_keys_gives_a_few_warnings_fast() -> None:
    import time

    unknown = "".join(f"k{number:x}=1\n" for number in range(3000))
    variables = "".join(f'"footer-key-fg{number:x}"="red"\n' for number in range(1500))
    text = GOOD + unknown + "[variables]\n" + variables
    assert len(text) < 64 * 1024
    started = time.perf_counter()
    theme, warnings = parse_theme(text, "m.toml")
    took = time.perf_counter() - started
    assert theme is not None and theme.variables == {}
    assert len(warnings) == 11
    assert warnings[-1] == "m.toml: and 4,490 more unknown keys and variables; left out"
    assert took < 2, took
