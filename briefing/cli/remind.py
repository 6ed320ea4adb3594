"""``briefing remind``: what falls due soon, for cron and systemd timers.

Prints the open deadlines due within ``--within`` (1d by default) and the
overdue ones (still open, so still due), one plain line each as ``briefing
agenda`` prints them when piped; exits 0 when there are none and 1 when there
are, so ``briefing remind || notify`` or a timer's ``OnFailure=`` can act on it.
Bad usage or a missing library exits 2.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING

from briefing.cli.agenda import _plain_line, library_agenda
from briefing.core.clock import SystemClock
from briefing.core.durations import lead_words
from briefing.storage import paths
from briefing.storage.config import load_config
from briefing.storage.index.agenda import schedule

if TYPE_CHECKING:
    import argparse


def cmd_remind(args: argparse.Namespace) -> int:
    """Run ``briefing remind``; 0 when nothing is due, 1 when something is, 2 on a problem."""
    loaded = library_agenda(args)
    if loaded is None:
        return 2
    _library, items, _failed = loaded
    now: datetime = args.now or SystemClock().now()
    rows = schedule(items, now, within=args.within)
    if not rows:
        print(f"nothing due within {lead_words(args.within)}", file=sys.stderr)
        return 0
    config, _warnings = load_config(paths.config_file())
    sys.stdout.write("".join(_plain_line(row, config.clock) + "\n" for row in rows))
    sys.stdout.flush()
    return 1
