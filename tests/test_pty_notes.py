"""Notes end to end: the installed ``briefing`` command in a real pseudo-terminal.

A note written in one run is on screen in the next (same data folder), and ``e``
hands the note to ``$EDITOR`` through ``App.suspend`` and takes back what it saved.

The pty driver is a trimmed copy of ``PtyApp`` from ``test_pty.py`` (``tests/`` is not
a package, so it cannot be imported from there): the program's output is fed to the
``pyte`` emulator, the screen is read only between whole frames, and every wait polls
with a generous deadline.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sqlite3
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
SEED_BRIEF = Path("sample_briefs") / "us-china-trade-talks-kuala-lumpur.toml"
NOW = "2025-10-26T14:00+03:00"
NOTE = "watch Li closely"

START_TIMEOUT = 20.0
STEP_TIMEOUT = 15.0
EXIT_TIMEOUT = 10.0
POLL = 0.05

KEYS = {"enter": b"\r", "escape": b"\x1b", "ctrl+s": b"\x13"}

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"


def briefing_command() -> Path:
    script = Path(sys.executable).parent / "briefing"
    if not script.exists():
        pytest.fail(f"the briefing command is not installed at {script} (pip install -e .)")
    return script


class PtyApp:
    """One program running in a pseudo-terminal, watched through a pyte screen."""

    def __init__(
        self, argv: list[str], *, env: dict[str, str], columns: int = 100, rows: int = 30
    ) -> None:
        self.argv = [str(a) for a in argv]
        self.columns, self.rows = columns, rows
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.eof = False
        self.in_frame = False
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
                cwd=REPO_ROOT,
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

    def text(self) -> str:
        return "\n".join(
            "".join(self.screen.buffer[y][x].data for x in range(self.columns)).rstrip()
            for y in range(self.rows)
        )

    def dump(self) -> str:
        state = (
            "running" if self.proc.poll() is None else f"exited with status {self.proc.returncode}"
        )
        return f"--- screen ({state}) ---\n{self.text().rstrip()}\n--- end of screen ---"

    def _read(self, timeout: float) -> None:
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
            except OSError:
                self.eof = True
                return
            if not data:
                self.eof = True
                return
            self._feed(data)

    def _feed(self, data: bytes) -> None:
        start = len(self.raw)
        self.raw += data
        look = max(0, start - len(SYNC_QUERY))
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
        with contextlib.suppress(OSError):
            os.write(self.master, data)

    def wait_for(
        self, what: str | Callable[[str], bool], timeout: float = STEP_TIMEOUT, why: str = ""
    ) -> str:
        """Poll until ``what`` (a text, or a test of the screen text) holds; return the text."""
        test = (lambda text: what in text) if isinstance(what, str) else what
        label = repr(what) if isinstance(what, str) else why
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            if not self.in_frame and test(text):
                return text
            if self.proc.poll() is not None:
                self._read(0)
                if test(self.text()):
                    return self.text()
                pytest.fail(f"{self.argv[0]} exited before {label}\n{self.dump()}")
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{label} did not show within {timeout:.0f} s\n{self.dump()}")
            self._read(min(POLL, left))

    def wait_for_all(self, *texts: str, timeout: float = STEP_TIMEOUT) -> str:
        return self.wait_for(
            lambda text: all(t in text for t in texts), timeout, " and ".join(map(repr, texts))
        )

    def press(self, *keys: str) -> None:
        """Type keys: names from KEYS or literal text."""
        for key in keys:
            self._write(KEYS.get(key, key.encode()))

    def wait_exit(self, timeout: float = EXIT_TIMEOUT) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{self.argv[0]} did not exit within {timeout:.0f} s\n{self.dump()}")
            self._read(min(POLL, left))
        return self.proc.returncode

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


@pytest.fixture
def editor(tmp_path: Path) -> Path:
    """An "editor" that appends " (edited)" to the file it is given."""
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "from pathlib import Path\n"
        "path = Path(sys.argv[1])\n"
        "text = path.read_text(encoding='utf-8').rstrip()\n"
        "path.write_text(text + ' (edited)', encoding='utf-8')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.fixture
def run_in_pty(tmp_path: Path, editor: Path) -> Iterator[Callable[..., PtyApp]]:
    """Start ``briefing`` in pseudo-terminals sharing one data folder; killed at the end."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in ("LINES", "COLUMNS", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "VISUAL", "EDITOR")
        and not key.startswith("TEXTUAL")
    }
    env.update(
        TERM="xterm-256color",
        BRIEFING_DATA_DIR=str(tmp_path / "data"),
        BRIEFING_CONFIG_DIR=str(tmp_path / "config"),
        TZ="UTC",
        EDITOR=str(editor),
    )
    started: list[PtyApp] = []

    def start(*args: str) -> PtyApp:
        app = PtyApp([str(briefing_command()), *args], env=env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


def open_quotes(app: PtyApp) -> None:
    app.wait_for_all(
        "US, China agree", "Clock: now", "1 Summary  2 Participants", timeout=START_TIMEOUT
    )
    app.press("3")
    app.wait_for_all("3 Quotes (8)", "“preliminary consensus”")


def test_a_note_survives_a_restart_and_e_edits_it_in_EDITOR(run_in_pty, tmp_path: Path) -> None:
    app = run_in_pty(str(SEED_BRIEF), "--now", NOW)
    open_quotes(app)
    app.press("n")  # on the first quote
    app.wait_for("New note on")
    app.press(NOTE)
    app.wait_for(NOTE)
    app.press("ctrl+s")
    app.wait_for_all("✎1", NOTE)
    app.wait_for(lambda text: "New note on" not in text, why="the editor closed")
    app.press("q")  # to the library
    app.wait_for_all("Library", "q Quit")
    app.press("q")  # quit
    assert app.wait_exit() == 0, app.dump()
    assert (tmp_path / "data" / "briefing.db").exists()

    again = run_in_pty(str(SEED_BRIEF), "--now", NOW)
    open_quotes(again)
    # The mark beside the quote, and the notes panel below the panes with the text.
    screen = again.wait_for_all("✎1 “preliminary consensus”", "✎ 1 note on quote", NOTE)
    assert "(edited)" not in screen, again.dump()

    # e: the reader steps aside for $EDITOR and takes back what it saved.
    again.press("e")
    again.wait_for(f"{NOTE} (edited)")
    again.wait_for_all("✎1", "3 Quotes (8)")
    again.press("q")
    again.wait_for_all("Library", "q Quit")
    again.press("q")
    assert again.wait_exit() == 0, again.dump()
    for run in (app, again):
        assert b"Traceback" not in run.raw
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "briefing.db")) as db:
        rows = db.execute("SELECT kind, item_id, body FROM notes").fetchall()
    assert rows == [("quote", "li-preliminary-consensus", f"{NOTE} (edited)")]
