"""Shared driver for the pseudo-terminal tests (``test_pty.py``, ``test_pty_notes.py``).

``PtyApp`` runs a program in a pty of a fixed size; all it writes is fed to the
``pyte`` terminal emulator, so a test reads the emulated screen the way a user reads
theirs and types keys into the pty. Every wait polls (a short ``select`` timeout in a
loop) until the expected text is on screen, with a generous deadline, so the tests are
quick when the app is and still pass on a busy machine.

``tests/`` is not a package: pytest puts it on ``sys.path``, so the test modules import
this one as ``from ptyutil import ...``. It is POSIX only (``fcntl``, ``termios``), so a
test module skips itself on Windows before importing it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The top of the source tree; the default working folder of a ``PtyApp``."""

START_TIMEOUT = 20.0
"""Seconds for the first screen: a cold start compiles and imports a lot on a busy machine."""
STEP_TIMEOUT = 15.0
"""Seconds for the screen to answer one key press."""
EXIT_TIMEOUT = 10.0
"""Seconds for the process to end after the quit key."""
POLL = 0.05
"""The select timeout of the polling loop."""

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "tab": b"\t",
    "backspace": b"\x7f",
    "ctrl+s": b"\x13",
    "ctrl+q": b"\x11",
}
"""Key names ``PtyApp.press`` understands, and the bytes a terminal sends for them."""

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
        self,
        argv: list[str],
        *,
        env: dict[str, str],
        cwd: Path = REPO_ROOT,
        columns: int = 100,
        rows: int = 30,
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
        """Type keys: names from KEYS (enter, escape, ctrl+s, ...) or literal text."""
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
        """Kill the program (and its process group) if it still runs; close the pty."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)
