"""Run the reader on a clock the test moves from outside: a file holding an ISO date-time.

The pty tests run briefing in another process, where the kit's ``ManualClock`` cannot
be reached; this is the same manual clock across the process boundary. The test
writes the time (atomically) and the reader's next look at the clock sees it.
Usage: ``python tests/reader_on_file_clock.py CLOCK_FILE [PATH]``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from briefing.ui.launch import build_app


class FileClock:
    """A manual clock whose time is written in a file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def now(self) -> datetime:
        """The time written in the file."""
        return datetime.fromisoformat(self.path.read_text(encoding="utf-8").strip())


def set_clock(path: Path, when: datetime) -> None:
    """Set the clock in ``path`` to ``when`` (the reader never reads half a write)."""
    part = path.with_suffix(".part")
    part.write_text(when.isoformat(), encoding="utf-8")
    part.replace(path)


if __name__ == "__main__":
    target = sys.argv[2] if len(sys.argv) > 2 else None
    sys.exit(build_app(path=target, clock=FileClock(Path(sys.argv[1]))).run() or 0)
