"""``briefing agenda``: every open deadline of the library, soonest first.

Made for shell prompts and cron mails: it reads the library index (brought up
to date first, in worker processes for a large library) so a second run does
not parse a single brief, prints one plain line per deadline when piped (or
with ``NO_COLOR``) and a Rich table on a terminal, and exits 0 even when there
is nothing to do (saying so on standard error).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.safetext import clean_line, display_path

if TYPE_CHECKING:
    from briefing.storage.index.agenda import AgendaRow

UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DURATION = re.compile(r"\s*(\d{1,6})\s*([mhdw])\s*", re.IGNORECASE)


def parse_within(value: str) -> timedelta:
    """Read a duration such as ``7d``, ``12h``, ``2w`` or ``90m`` (for ``--within``)."""
    match = _DURATION.fullmatch(value)
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{clean_line(value)!r} is not a duration such as 7d, 12h, 2w or 90m"
        )
    amount, unit = match.groups()
    return timedelta(**{UNITS[unit.lower()]: int(amount)})


def add_agenda_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing agenda`` to ``parser``."""
    from briefing.cli import _parse_now

    parser.description = (
        "Print every open deadline of the library, overdue ones first, then soonest first:"
        " a table on a terminal, one plain line per deadline when piped"
        " (due · countdown · deadline · brief · file)."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="brief files or folders (default: the configured library, else the samples)",
    )
    parser.add_argument(
        "--within",
        metavar="DURATION",
        type=parse_within,
        help="only deadlines due within DURATION (7d, 12h, 2w, 90m); overdue ones always show",
    )
    parser.add_argument("--tag", metavar="TAG", help="only deadlines of briefs tagged TAG")
    parser.add_argument(
        "--now", metavar="WHEN", type=_parse_now, help="count down from WHEN (ISO date-time)"
    )
    parser.add_argument("--plain", action="store_true", help="plain lines even on a terminal")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where the library index lives (or BRIEFING_DATA_DIR)"
    )


def _library(args: argparse.Namespace) -> list[Path]:
    from briefing.storage import paths
    from briefing.storage.config import load_config

    if args.paths:
        return [Path(p) for p in args.paths]
    config, _warnings = load_config(paths.config_file())
    return config.library_paths() or [paths.bundled_samples()]


def _plain_line(row: AgendaRow) -> str:
    item = row.item
    fields = [item.due_at.isoformat(), row.left.text, item.title, item.brief_title]
    return " · ".join([*(clean_line(field) for field in fields), display_path(item.path)])


def _print_table(rows: list[AgendaRow], clock: str) -> None:
    # Deferred: Rich costs ~60 ms to import and is needed only on a terminal.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from briefing.core.timeutil import format_when
    from briefing.show import URGENCY_STYLES

    overdue = sum(row.overdue for row in rows)
    table = Table(
        title=Text(f"Open deadlines ({len(rows)}, {overdue} overdue)", style="bold"),
        title_justify="left",
        expand=False,
    )
    for column in ("Due", "Countdown", "Deadline", "Brief", "File"):
        table.add_column(column, overflow="fold")
    for n, row in enumerate(rows):
        item = row.item
        due = (
            f"{item.due_text} (end of day)"
            if item.all_day
            else format_when(item.due_at, clock=clock)
        )
        style = URGENCY_STYLES[row.left.urgency]
        table.add_row(
            Text(clean_line(due)),
            Text(f"{row.left.text} · {row.left.urgency.value}", style=style),
            Text(clean_line(item.title), style="bold"),
            Text(clean_line(item.brief_title)),
            Text(display_path(item.path), style="dim"),
            # The overdue ones are a group of their own: a rule below the last of them.
            end_section=row.overdue and n + 1 < len(rows) and not rows[n + 1].overdue,
        )
    Console(highlight=False).print(table)


def _library_can_be_read(library: list[Path]) -> bool:
    """Say on stderr which paths are missing (False) and which folders cannot be entered."""
    from briefing.core.files import FileProblem, NoBriefsFound, find_briefs

    for path in library:
        try:
            os.stat(path)
        except FileNotFoundError:
            reason = "no such file or folder"
        except OSError as error:
            reason = f"cannot be read ({error.strerror or error})"
        else:
            continue
        print(f"briefing agenda: {display_path(path)}: {reason}", file=sys.stderr)
        return False
    # A second, cheap walk (no file is read) only to name the folders the index cannot see.
    problems: list[FileProblem] = []
    for _file in find_briefs(library, problems):
        pass
    for problem in problems:
        if not isinstance(problem, NoBriefsFound):
            print(f"briefing agenda: {problem}", file=sys.stderr)
    return True


def run_agenda(args: argparse.Namespace) -> int:
    """Run ``briefing agenda``; return the exit status (0, also when nothing is open)."""
    from briefing.core.clock import SystemClock
    from briefing.storage.index.agenda import schedule

    if args.data_dir:
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    library = _library(args)
    if not _library_can_be_read(library):
        return 2
    from briefing.core.clock import local_zone
    from briefing.storage import paths
    from briefing.storage.index.agenda import agenda_in_library
    from briefing.storage.index.database import LibraryIndex, index_in_processes

    zone = local_zone()
    index = LibraryIndex(paths.index_file(), zone=zone)
    items, failed = agenda_in_library(index, library, zone, indexer=index_in_processes)
    now: datetime = args.now or SystemClock().now()
    rows = schedule(items, now, tag=args.tag, within=args.within)
    where = ", ".join(display_path(path) for path in library)
    if failed:
        noun = "file" if failed == 1 else "files"
        print(
            f"briefing agenda: {failed} {noun} in {where} could not be read"
            " (see 'briefing validate')",
            file=sys.stderr,
        )
    if not rows:
        print(f"no open deadlines in {where}", file=sys.stderr)
        return 0
    plain = args.plain or not sys.stdout.isatty() or bool(os.environ.get("NO_COLOR"))
    if plain:
        sys.stdout.write("".join(_plain_line(row) + "\n" for row in rows))
        sys.stdout.flush()
        return 0
    from briefing.storage.config import load_config

    config, _warnings = load_config(paths.config_file())
    _print_table(rows, config.clock)
    return 0
