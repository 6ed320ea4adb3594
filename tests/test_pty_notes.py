"""Notes end to end: the installed ``briefing`` command in a real pseudo-terminal.

A note written in one run is on screen in the next (same data folder), and ``e``
hands the note to ``$EDITOR`` through ``App.suspend`` and takes back what it saved.

The pty driver is ``PtyApp`` from ``ptyutil.py``, shared with ``test_pty.py``: the
program's output is fed to the ``pyte`` emulator, the screen is read only between whole
frames, and every wait polls with a generous deadline.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover - pseudo-terminals are POSIX only
    pytest.skip("pseudo-terminal tests need a POSIX system", allow_module_level=True)

from ptyutil import START_TIMEOUT, PtyApp, briefing_command  # noqa: E402

SEED_BRIEF = Path("sample_briefs") / "us-china-trade-talks-kuala-lumpur.toml"
NOW = "2025-10-26T14:00+03:00"
NOTE = "watch Li closely"


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
    app.press("escape")  # to the library (q would quit a reader opened on a file)
    app.wait_for_all("Library", "q Quit")
    app.press("q")  # quit
    assert app.wait_exit() == 0, app.dump()
    assert (tmp_path / "data" / "briefing.db").exists()

    again = run_in_pty(str(SEED_BRIEF), "--now", NOW)
    open_quotes(again)
    # The mark beside the quote, and the notes panel below the panes with the text.
    # Below 32 rows the strip is one line: the count and the latest note (issue 16 item 22).
    screen = again.wait_for_all("✎1 “preliminary consensus”", "✎ 1 note: ", NOTE)
    assert "(edited)" not in screen, again.dump()

    # e: the reader steps aside for $EDITOR and takes back what it saved.
    again.press("e")
    again.wait_for(f"{NOTE} (edited)")
    again.wait_for_all("✎1", "3 Quotes (8)")
    again.press("escape")
    again.wait_for_all("Library", "q Quit")
    again.press("q")
    assert again.wait_exit() == 0, again.dump()
    for run in (app, again):
        assert b"Traceback" not in run.raw
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "briefing.db")) as db:
        rows = db.execute("SELECT kind, item_id, body FROM notes").fetchall()
    assert rows == [("quote", "li-preliminary-consensus", f"{NOTE} (edited)")]


ALT_SCREEN_OFF = b"\x1b[?1049l"
CURSOR_SHOWN = b"\x1b[?25h"
MOUSE_OFF = b"\x1b[?1000l"


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_with_the_editor_open_restores_the_terminal_and_keeps_the_draft(
    run_in_pty, tmp_path: Path, name: str
) -> None:
    import signal

    app = run_in_pty(str(SEED_BRIEF), "--now", NOW)
    open_quotes(app)
    app.press("n")
    app.wait_for("New note on")
    app.press("half a thought")
    app.wait_for("half a thought")
    mark = len(app.raw)
    app.proc.send_signal(getattr(signal, name))
    status = app.wait_exit()
    tail = bytes(app.raw[mark:])
    assert b"Traceback" not in app.raw, app.dump()
    # The terminal is as it was: alternate screen left, cursor shown, mouse off.
    assert ALT_SCREEN_OFF in tail and CURSOR_SHOWN in tail and MOUSE_OFF in tail, tail[-400:]
    assert status != 0
    drafts = list((tmp_path / "data" / "drafts").glob("draft-*.json"))
    assert len(drafts) == 1, drafts

    again = run_in_pty(str(SEED_BRIEF), "--now", NOW)
    again.wait_for_all("1 unsaved note draft", "half a thought", timeout=START_TIMEOUT)
    again.press("r")
    again.wait_for("Note draft restored")
    again.press("ctrl+q")
    assert again.wait_exit() == 0, again.dump()
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "briefing.db")) as db:
        rows = db.execute("SELECT kind, item_id, body FROM notes").fetchall()
    assert rows == [("quote", "li-preliminary-consensus", "half a thought")]
