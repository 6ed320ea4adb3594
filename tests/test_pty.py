"""End-to-end tests of the installed ``briefing`` command in a real pseudo-terminal.

The command runs in a pty of a fixed size with ``TERM=xterm-256color``, driven by
``PtyApp`` from ``ptyutil.py``: all it writes is fed to the ``pyte`` terminal emulator,
and the tests read the emulated screen the way a user reads theirs, then type keys into
the pty. Every wait polls until the expected text is on screen, with a generous deadline,
so the tests are quick when the app is and still pass on a busy machine.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover - pseudo-terminals are POSIX only
    pytest.skip("pseudo-terminal tests need a POSIX system", allow_module_level=True)

from ptyutil import REPO_ROOT, START_TIMEOUT, PtyApp, briefing_command  # noqa: E402

SEED_BRIEF = REPO_ROOT / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
SEED_TITLE = "US, China agree on preliminary trade deal in Malaysia, officials say"
NOW = "2025-10-26T14:00+03:00"


@pytest.fixture
def pty_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user's terminal, with briefing's folders in tmp_path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LINES", "COLUMNS", "COLORTERM", "NO_COLOR", "FORCE_COLOR")
        and not key.startswith("TEXTUAL")
    }
    env.update(
        TERM="xterm-256color",
        BRIEFING_DATA_DIR=str(tmp_path / "data"),
        BRIEFING_CONFIG_DIR=str(tmp_path / "config"),
        TZ="UTC",
    )
    return env


@pytest.fixture
def run_in_pty(pty_env: dict[str, str]) -> Iterator[Callable[..., PtyApp]]:
    """Start programs in pseudo-terminals; they are killed at the end of the test."""
    started: list[PtyApp] = []

    def start(*args: str, columns: int = 100, rows: int = 30) -> PtyApp:
        app = PtyApp(
            [str(briefing_command()), *args], env=pty_env, cwd=REPO_ROOT, columns=columns, rows=rows
        )
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


def test_reader_walkthrough(run_in_pty) -> None:
    """Library -> filter -> open the seed brief -> quotes -> clock -> help -> back -> quit."""
    app = run_in_pty("--now", NOW, columns=100, rows=30)

    # The library lists the bundled samples; the table has the focus once its keys show.
    app.wait_for_all("Library", "US, China agree", "q Quit", timeout=START_TIMEOUT)

    app.press("/")
    app.wait_for("Filter by title, tag or person")
    app.press("Bessent")
    app.wait_for_all("filter: Bessent", "US, China agree")
    app.wait_for(lambda text: "Housing bill" not in text, why="other briefs filtered out")
    screen = app.text()
    assert "Northwind" not in screen and "Riverside" not in screen, app.dump()

    app.press("enter")  # from the filter box to the list
    app.wait_for("q Quit")
    app.press("enter")  # open the highlighted brief
    # At 100 columns the reader shows one pane at a time under a tab bar. (Its very first
    # frame can still be the unstyled stack of every pane, so wait for the tab bar.)
    screen = app.wait_for_all(SEED_TITLE, "Clock: now", "1 Summary  2 Participants  3 Quotes")
    assert "Library ·" not in screen, app.dump()
    # The summary mentions the phrase too, but only the Quotes pane shows it in curly quotes.
    assert "“preliminary consensus”" not in screen, (
        "the quote must not show before '3'\n" + app.dump()
    )

    app.press("3")
    app.wait_for_all("3 Quotes (8)", "“preliminary consensus”")

    app.press("a")
    app.wait_for("Clock: as published")

    app.press("?")
    app.wait_for("Keys")
    app.press("escape")
    app.wait_until_gone("Keys")
    app.wait_for(SEED_TITLE)

    app.press("q")  # back to the library
    screen = app.wait_for_all("Library ·", "q Quit")
    assert SEED_TITLE not in screen, app.dump()  # the library clips titles; the reader does not

    app.press("q")  # quit
    assert app.wait_exit() == 0, app.dump()
    assert b"Traceback" not in app.raw


def test_open_file_then_quit(run_in_pty) -> None:
    """``briefing FILE`` opens straight into the reader, and q quits it at once (it went to a
    library of the file's folder, and quitting took q q: issue 16 item 19)."""
    app = run_in_pty(str(SEED_BRIEF.relative_to(REPO_ROOT)), "--now", NOW, columns=80, rows=24)
    app.wait_for_all("US, China agree", "Clock: now", timeout=START_TIMEOUT)
    app.press("q")
    assert app.wait_exit() == 0, app.dump()


def test_show_on_a_terminal(run_in_pty) -> None:
    """``briefing show`` in a pty takes Rich's terminal path: styled, as wide as the terminal."""
    app = run_in_pty(
        "show", str(SEED_BRIEF.relative_to(REPO_ROOT)), "--now", NOW, columns=100, rows=30
    )
    assert app.wait_exit(timeout=START_TIMEOUT) == 0, app.dump()
    text = app.transcript()
    assert SEED_TITLE in text
    assert "Quotes (8)" in text
    for quote in (
        "“preliminary consensus”",
        "“intense”",
        "constructive, far-reaching, and in-depth",
    ):
        assert quote in text, f"{quote!r} missing from:\n{text}"
    assert "Li Chenggang" in text
    # Styled output (SGR sequences), not the plain-text path taken for pipes.
    assert re.search(rb"\x1b\[[0-9;]*m", bytes(app.raw)), "no styling in the output"
    # Section rules span the terminal's width, so Rich saw the pty's size.
    rule = next(line for line in text.splitlines() if line.startswith("Summary "))
    assert len(rule) == app.columns, rule
    assert b"Traceback" not in app.raw
