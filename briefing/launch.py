"""Start the reader. Kept apart from the CLI so that only this path imports Textual."""

from __future__ import annotations

import sys
from datetime import datetime


def run_reader(*, path: str | None, theme: str | None, now: datetime | None) -> int:
    """Open the Textual reader; return the exit status."""
    print("briefing: the reader is not built yet; try 'briefing show PATH'", file=sys.stderr)
    return 2
