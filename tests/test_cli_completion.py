"""``briefing completion SHELL`` and ``briefing manpage``: made from the parser, and working."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.cli.command_line import commands
from briefing.cli.parser import COMMANDS
from briefing.storage.export_files import FORMATS


def script(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def complete_bash(code: str, words: list[str], cwd: Path) -> list[str]:
    """What bash offers for ``words`` (the last one being completed) with ``code`` loaded."""
    program = (
        f"{code}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n_briefing\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=30,
        check=True,
    )
    return done.stdout.split()


@pytest.fixture
def bash_code(capsys: pytest.CaptureFixture[str]) -> str:
    return script(capsys, "completion", "bash")


def test_bash_completes_commands(bash_code: str, tmp_path: Path) -> None:
    assert set(COMMANDS) <= set(complete_bash(bash_code, ["briefing", ""], tmp_path))
    assert complete_bash(bash_code, ["briefing", "ag"], tmp_path) == ["agenda"]


def test_bash_completes_options_and_their_values(bash_code: str, tmp_path: Path) -> None:
    offered = complete_bash(bash_code, ["briefing", "export", "--f"], tmp_path)
    assert sorted(offered) == ["--force", "--format"]
    assert complete_bash(bash_code, ["briefing", "export", "--format", ""], tmp_path) == list(
        FORMATS
    )
    assert "--json" in complete_bash(bash_code, ["briefing", "agenda", "--"], tmp_path)
    assert "--theme" in complete_bash(bash_code, ["briefing", "--"], tmp_path)


def test_bash_completes_theme_names(bash_code: str, tmp_path: Path) -> None:
    themes = complete_bash(bash_code, ["briefing", "--theme", "briefing-"], tmp_path)
    assert {"briefing-dark", "briefing-light"} <= set(themes)
    assert "textual-dark" in complete_bash(bash_code, ["briefing", "--theme", "tex"], tmp_path)


def test_bash_completes_brief_paths(bash_code: str, tmp_path: Path) -> None:
    (tmp_path / "talks.toml").write_text("")
    (tmp_path / "talks.json").write_text("")
    (tmp_path / "talks.txt").write_text("")
    (tmp_path / "talks-folder").mkdir()
    offered = complete_bash(bash_code, ["briefing", "show", "talks"], tmp_path)
    assert sorted(offered) == ["talks-folder", "talks.json", "talks.toml"]
    offered = complete_bash(bash_code, ["briefing", "talks"], tmp_path)
    assert sorted(offered) == ["talks-folder", "talks.json", "talks.toml"]
    # import takes any file (an article is plain text).
    assert "talks.txt" in complete_bash(bash_code, ["briefing", "import", "talks"], tmp_path)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_know_every_command_and_option(capsys, shell: str) -> None:
    code = script(capsys, "completion", shell)
    for command in commands():
        if command.name:
            assert command.name in code
        for option in command.options():
            flag = option.flags[-1]
            assert (flag if shell == "zsh" else f"-l {flag[2:]}") in code, (command.name, flag)
    assert "briefing-dark" in code
    assert "vault" in code
    if shutil.which(shell):  # not installed everywhere: the syntax is checked where it is
        subprocess.run([shell, "-n"], input=code, text=True, check=True, timeout=30)


def test_manpage_is_made_from_the_parser(capsys) -> None:
    page = script(capsys, "manpage")
    assert page.startswith(".TH BRIEFING 1")
    for command in commands():
        if command.name:
            assert f'.SS "briefing {command.name}' in page
        for option in command.options():
            assert option.flags[-1].replace("-", "\\-") in page
    assert "EXIT STATUS" in page and "\\-\\-json" in page


@pytest.mark.skipif(not shutil.which("man"), reason="man is not installed")
def test_manpage_renders(capsys, tmp_path: Path) -> None:
    page = tmp_path / "briefing.1"
    page.write_text(script(capsys, "manpage"))
    shown = subprocess.run(
        ["man", "-l", str(page)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"},
    )
    assert shown.returncode == 0, shown.stderr
    assert "briefing agenda" in shown.stdout and "warning" not in shown.stderr.lower()
