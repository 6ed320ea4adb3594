"""End-to-end tests of the installed ``briefing`` command in a real pseudo-terminal.

The command runs in a pty of a fixed size with ``TERM=xterm-256color``; all it
writes is fed to the ``pyte`` terminal emulator, and the tests read the emulated
screen the way a user reads theirs, then type keys into the pty. Every wait polls
(a short ``select`` timeout in a loop) until the expected text is on screen, with a
generous deadline, so the tests are quick when the app is and still pass on a busy
machine.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover - pseudo-terminals are POSIX only
    pytest.skip("pseudo-terminal tests need a POSIX system", allow_module_level=True)

import fcntl  # noqa: E402
import termios  # noqa: E402

import pyte  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_BRIEF = REPO_ROOT / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
SEED_TITLE = "US, China agree on preliminary trade deal in Malaysia, officials say"
NOW = "2025-10-26T14:00+03:00"

START_TIMEOUT = 20.0
"""Seconds for the first screen: a cold start compiles and imports a lot on a busy machine."""
STEP_TIMEOUT = 15.0
"""Seconds for the screen to answer one key press."""
EXIT_TIMEOUT = 10.0
"""Seconds for the process to end after the quit key."""
POLL = 0.05
"""The select timeout of the polling loop."""

KEYS = {"enter": b"\r", "escape": b"\x1b", "tab": b"\t", "backspace": b"\x7f"}

# Synchronized output (DEC mode 2026). Textual asks whether the terminal has it; when the
# answer is yes it wraps every frame in SYNC_START ... SYNC_END. Like a real terminal, the
# helper then shows only whole frames: the screen is read only outside those brackets, so
# a test never sees a frame half drawn.
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "recognised, currently reset"
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"


def briefing_command() -> Path:
    """The console script installed next to the running interpreter."""
    script = Path(sys.executable).parent / "briefing"
    if not script.exists():
        pytest.fail(f"the briefing command is not installed at {script} (pip install -e .)")
    return script


def _line_text(line, columns: int) -> str:
    # pyte stores the right half of a wide character as "", so a join keeps columns right.
    return "".join(line[x].data for x in range(columns)).rstrip()


class PtyApp:
    """One program running in a pseudo-terminal, watched through a pyte screen."""

    def __init__(
        self, argv: list[str], *, env: dict[str, str], cwd: Path, columns: int = 100, rows: int = 30
    ) -> None:
        self.argv = [str(a) for a in argv]
        self.columns, self.rows = columns, rows
        self.screen = pyte.HistoryScreen(columns, rows, history=10_000)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.eof = False
        self.in_frame = False
        """True while the program is between SYNC_START and SYNC_END."""
        master, slave = os.openpty()
        fcntl.ioctl(
            slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, columns * 8, rows * 16)
        )
        try:
            self.proc = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=cwd,
                start_new_session=True,
                preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self.master = master
        os.set_blocking(master, False)

    # Reading the screen --------------------------------------------------------

    def lines(self) -> list[str]:
        """The visible screen, one string per row (trailing blanks dropped)."""
        return [_line_text(self.screen.buffer[y], self.columns) for y in range(self.rows)]

    def text(self) -> str:
        return "\n".join(self.lines())

    def transcript(self) -> str:
        """Everything that scrolled off the top, then the visible screen."""
        history = [_line_text(line, self.columns) for line in self.screen.history.top]
        return "\n".join(history + self.lines())

    def dump(self) -> str:
        shown = self.lines()
        while shown and not shown[-1]:
            shown.pop()
        body = "\n".join(f"{y:2}|{line}" for y, line in enumerate(shown))
        state = (
            "running" if self.proc.poll() is None else f"exited with status {self.proc.returncode}"
        )
        return f"--- screen {self.columns}x{self.rows} ({state}) ---\n{body}\n--- end of screen ---"

    # Driving -------------------------------------------------------------------

    def _read(self, timeout: float) -> None:
        """Wait up to ``timeout`` for output and feed all there is to the emulator."""
        if self.eof:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return
        while True:
            try:
                data = os.read(self.master, 65536)
            except BlockingIOError:
                return
            except OSError:  # EIO: the program and everything it started are gone
                self.eof = True
                return
            if not data:
                self.eof = True
                return
            self._feed(data)

    def _feed(self, data: bytes) -> None:
        start = len(self.raw)
        self.raw += data
        look = max(0, start - len(SYNC_QUERY))  # a sequence may straddle two reads
        at = self.raw.find(SYNC_QUERY, look)
        while at != -1:
            if at + len(SYNC_QUERY) > start:
                self._write(SYNC_REPLY)
            at = self.raw.find(SYNC_QUERY, at + 1)
        opened, closed = self.raw.rfind(SYNC_START, look), self.raw.rfind(SYNC_END, look)
        if opened != -1 or closed != -1:
            self.in_frame = opened > closed
        self.stream.feed(data)

    def _write(self, data: bytes) -> None:
        # When it has gone, the caller finds out from the exit status.
        with contextlib.suppress(OSError):
            os.write(self.master, data)

    def wait_for(
        self, what: str | Callable[[str], bool], timeout: float = STEP_TIMEOUT, why: str = ""
    ) -> str:
        """Poll until ``what`` (a text, or a test of the screen text) holds; return the text."""
        test = (lambda text: what in text) if isinstance(what, str) else what
        label = (
            repr(what) if isinstance(what, str) else (why or getattr(what, "__name__", "condition"))
        )
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            if not self.in_frame and test(text):
                return text
            if self.proc.poll() is not None:
                self._read(0)  # its last words
                text = self.text()
                if test(text):
                    return text
                status = self.proc.returncode
                pytest.fail(f"{self.argv[0]} exited ({status}) before {label}\n{self.dump()}")
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{label} did not show within {timeout:.0f} s\n{self.dump()}")
            self._read(min(POLL, left))

    def wait_for_all(self, *texts: str, timeout: float = STEP_TIMEOUT) -> str:
        def all_shown(text: str) -> bool:
            return all(t in text for t in texts)

        return self.wait_for(all_shown, timeout, why=" and ".join(map(repr, texts)))

    def wait_until_gone(self, text: str, timeout: float = STEP_TIMEOUT) -> str:
        return self.wait_for(lambda screen: text not in screen, timeout, why=f"{text!r} gone")

    def press(self, *keys: str) -> None:
        """Type keys: names from KEYS (enter, escape, ...) or literal text."""
        for key in keys:
            self._write(KEYS.get(key, key.encode()))

    def wait_exit(self, timeout: float = EXIT_TIMEOUT) -> int:
        """Wait for the program to end (reading what it writes meanwhile); return its status."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{self.argv[0]} did not exit within {timeout:.0f} s\n{self.dump()}")
            self._read(min(POLL, left))
        end = time.monotonic() + 2.0
        while not self.eof and time.monotonic() < end:  # drain the rest of the output
            self._read(POLL)
        return self.proc.returncode

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


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
    """``briefing FILE`` opens straight into the reader; q goes to the library, q again quits."""
    app = run_in_pty(str(SEED_BRIEF.relative_to(REPO_ROOT)), "--now", NOW, columns=80, rows=24)
    app.wait_for_all("US, China agree", "Clock: now", timeout=START_TIMEOUT)
    app.press("q")
    app.wait_for_all("Library", "q Quit")
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
