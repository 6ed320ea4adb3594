"""A reminder arriving at its lead time in a real terminal: the toast on screen, the bell and
the desktop notification's escape sequence in what the reader wrote. The reader runs on a
manual clock the test moves (``reader_on_file_clock.py``)."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover - pseudo-terminals are POSIX only
    pytest.skip("pseudo-terminal tests need a POSIX system", allow_module_level=True)

from kit import NOW, make_brief  # noqa: E402
from ptyutil import REPO_ROOT, START_TIMEOUT, PtyApp  # noqa: E402
from reader_on_file_clock import set_clock  # noqa: E402
from test_pty import pty_env  # noqa: E402, F401 - the terminal's environment, as a fixture

SCRIPT = Path(__file__).resolve().parent / "reader_on_file_clock.py"


def test_a_reminder_arrives_at_its_lead_time(
    pty_env: dict[str, str],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    config = Path(pty_env["BRIEFING_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "config.toml").write_text('reminders = ["1d", "1h"]\n', encoding="utf-8")
    due = NOW + timedelta(hours=1, seconds=30)
    library = tmp_path / "library"
    make_brief(
        library,
        "vote.toml",
        title="Council budget",
        deadlines=[{"id": "vote", "title": "Budget vote", "due": due}],
    )
    clock = tmp_path / "clock"
    set_clock(clock, NOW)
    env = pty_env | {"TERM_PROGRAM": "WezTerm"}  # a terminal that shows OSC 9 notifications
    app = PtyApp([sys.executable, str(SCRIPT), str(clock), str(library)], env=env, cwd=REPO_ROOT)
    try:
        # Within a day of the vote already: the 1d reminder comes at start.
        app.wait_for_all("Reminder (1d before)", "Budget vote", timeout=START_TIMEOUT)
        assert b"\x1b]9;briefing: Budget vote: in 01:00:30" in app.raw
        assert "Reminder (1h before)" not in app.text()
        seen = len(app.raw)
        set_clock(clock, NOW + timedelta(seconds=31))  # the hour before the vote begins
        app.wait_for("Reminder (1h before)")
        assert b"\x07\x1b]9;briefing: Budget vote: in 00:59:59" in app.raw[seen:]
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    finally:
        app.close()
