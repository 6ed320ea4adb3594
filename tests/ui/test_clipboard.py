"""Copy (``c``) says what is known: "Copied" when a system clipboard tool took the text,
"Sent to the terminal's clipboard" when only OSC 52 could be tried (tmux with
``set-clipboard off`` drops it, so "Copied" would be a claim briefing cannot check)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from .uihelpers import NARROW, settle


def fake_tool(folder: Path, name: str, target: Path, status: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\n/bin/cat > "{target}"\nexit {status}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def titles(app) -> list[str]:
    return [notification.title for notification in app._notifications]


@pytest.mark.parametrize(
    ("name", "env"),
    [("xclip", {"DISPLAY": ":0"}), ("wl-copy", {"WAYLAND_DISPLAY": "wayland-0"})],
)
async def test_a_clipboard_tool_takes_the_text(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch, name: str, env: dict
) -> None:
    tools, copied = tmp_path / "bin", tmp_path / "copied.txt"
    fake_tool(tools, name, copied)
    monkeypatch.setenv("PATH", str(tools))
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await pilot.pause()
        assert copied.read_text(encoding="utf-8") == app.clipboard
        assert app.clipboard.startswith("“")
        assert titles(app)[-1] == "Copied"


async def test_without_a_tool_it_says_what_it_sent(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await pilot.pause()
        assert app.clipboard.startswith("“")
        assert titles(app)[-1] == "Sent to the terminal's clipboard"
        assert "Copied" not in titles(app)


async def test_a_tool_that_fails_falls_back_to_the_terminal(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch
) -> None:
    tools = tmp_path / "bin"
    fake_tool(tools, "xclip", tmp_path / "copied.txt", status=1)
    monkeypatch.setenv("PATH", str(tools))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await pilot.pause()
        assert titles(app)[-1] == "Sent to the terminal's clipboard"
