"""The [keys] table: key names Textual does not know and keys that clash are not applied."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.ui.keymap import SCREEN_WIDGETS, all_bindings, check_keymap, key_problem
from briefing.ui.screens.brief import BriefScreen

from .uihelpers import NARROW, WIDE, screen_text, settle


def write_config(config_dir: Path, text: str) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def shown(app) -> list[str]:
    return [notification.message for notification in app._notifications]


@pytest.mark.parametrize(
    "key", ["c", "C", "ctrl+n", "f1", "question_mark", "?", "ctrl+shift+up", "enter", "é", "ctrl+@"]
)
def test_keys_textual_knows(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize(
    "key", ["notakey!!", "", " ", "ctrl+", "crtl+n", "ctrl+notakey", "\x1b", "two words"]
)
def test_keys_textual_does_not_know(key: str) -> None:
    assert key_problem(key)


def test_every_screen_widget_named_is_a_class_with_bindings() -> None:
    holders = {cls.__name__ for bound in all_bindings().values() for cls in bound.holders}
    for screen, widgets in SCREEN_WIDGETS.items():
        assert screen in holders
        assert set(widgets) <= holders, widgets


async def test_an_invalid_key_name_is_not_applied(
    make_app, isolated_env, seed_brief_path: Path
) -> None:
    path = write_config(isolated_env["config"], '[keys]\n"brief.clock" = "notakey!!,,,"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert shown(app) == [
            f"{path}: [keys] 'brief.clock' = 'notakey!!,,,': 'notakey!!': not a key Textual"
            " knows (see the help screen, ?, for key names); not applied"
        ]
        assert not [key for key in screen.active_bindings if "notakey" in key]  # nor the footer
        await pilot.press("a")  # the default key still works
        assert screen.as_published


async def test_a_key_a_focused_list_takes_is_not_applied(
    make_app, isolated_env, seed_brief_path: Path
) -> None:
    path = write_config(isolated_env["config"], '[keys]\n"brief.clock" = "j"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        messages = shown(app)
        assert len(messages) == 1
        assert messages[0].startswith(f"{path}: [keys] 'brief.clock' = 'j' clashes with '")
        assert "(Down)" in messages[0] and "not applied" in messages[0]
        await pilot.press("a")
        assert screen.as_published


def test_two_actions_on_one_key_name_both() -> None:
    keymap, warnings = check_keymap(
        {"library.sort": "G", "brief.clock": "C"}, "config.toml", all_bindings()
    )
    assert keymap == {"brief.clock": "C"}
    assert warnings == [
        "config.toml: [keys] 'library.sort' = 'G' clashes with 'library.bottom' (Bottom)"
        " on that key; not applied, so both still work"
    ]


async def test_100000_bad_keys_give_a_few_warnings(make_app, isolated_env) -> None:
    entries = "".join(f'k{number:x}=""\n' for number in range(90_000))
    write_config(isolated_env["config"], "[keys]\n" + entries)
    started = time.perf_counter()
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        messages = shown(app)
    assert time.perf_counter() - started < 10
    assert len(messages) == 11
    assert messages[-1] == "and 89,990 more warnings like these"


async def test_hints_on_screen_read_the_keymap(
    make_app, isolated_env, seed_brief_path: Path
) -> None:
    """With the clock on "t", the header says "(t: as published)", then "(t: back to now)"."""
    write_config(isolated_env["config"], '[keys]\n"brief.clock" = "t"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "(t: as published)" in text
        assert "(a: as published)" not in text
        await pilot.press("t")
        await pilot.pause()
        assert "(t: back to now)" in screen_text(app)


async def test_a_remap_onto_another_actions_key_is_said_not_silent(
    make_app, isolated_env, seed_brief_path: Path
) -> None:
    """ "brief.clock" = "c" took copy's key without a word; now it is refused with a warning
    naming both, and both keep their keys."""
    path = write_config(isolated_env["config"], '[keys]\n"brief.clock" = "c"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        said = " ".join(shown(app))
        assert str(path) in said and "brief.copy" in said and "not applied" in said
        assert "(a: as published)" in screen_text(app)


async def test_the_library_title_names_the_sort_key(
    make_app, isolated_env, samples_dir: Path
) -> None:
    write_config(isolated_env["config"], '[keys]\n"library.sort" = "o"\n')
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        assert "sorted by newest first (o)" in screen_text(app)


def test_a_renamed_binding_id_still_applies_with_a_warning() -> None:
    """``q`` on the brief was ``brief.quit`` (it goes back to the library): a config.toml
    written then still remaps it, and says the new id."""
    keymap, warnings = check_keymap({"brief.quit": "Q"}, "config.toml", all_bindings())
    assert keymap == {"brief.back-to-library": "Q"}
    assert len(warnings) == 1
    assert "'brief.quit'" in warnings[0] and "brief.back-to-library" in warnings[0]
    assert "\n" not in warnings[0]
