"""``briefing agenda``: every open deadline of the library, soonest first.

Placeholder wiring; being built.
"""

from __future__ import annotations

import argparse


def add_agenda_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing agenda`` to ``parser``."""
    parser.description = "Print every open deadline of the library, soonest first."
    parser.add_argument("paths", nargs="*", metavar="PATH", help="brief files or folders")


def run_agenda(args: argparse.Namespace) -> int:
    """Run ``briefing agenda``; return the exit status."""
    print("briefing agenda: not built yet")
    return 2
