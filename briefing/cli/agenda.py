"""``briefing agenda``: every open deadline of the library, soonest first.

Made for shell prompts and cron mails: it reads the library index (brought up
to date first, in worker processes for a large library) so a second run does
not parse a single brief, prints one plain line per deadline when piped (or
with ``NO_COLOR``) and a Rich table on a terminal (drawn by
:mod:`briefing.ui.console.agenda`, reached through :mod:`briefing.ui.launch`),
and exits 0 even when there is nothing to do (saying so on standard error).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import wants_plain
from briefing.cli.json_shapes import emit
from briefing.core.clock import SystemClock, local_zone
from briefing.core.files import FileProblem, NoBriefsFound, find_briefs
from briefing.core.safetext import clean_line, display_path, short_path
from briefing.storage import paths
from briefing.storage.config import load_config
from briefing.storage.index.agenda import agenda_in_library, due_words, schedule
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_in_processes
from briefing.ui.launch import print_agenda

if TYPE_CHECKING:
    import argparse

    from briefing.storage.index.agenda import AgendaItem, AgendaRow


def _library(args: argparse.Namespace) -> list[Path]:
    if args.paths:
        return [Path(p) for p in args.paths]
    config, _warnings = load_config(paths.config_file())
    return config.library_paths() or [paths.bundled_samples()]


def _plain_line(row: AgendaRow, clock: str) -> str:
    item = row.item
    fields = [due_words(item, clock), row.left.text, item.title, item.brief_title]
    return " · ".join([*(clean_line(field) for field in fields), short_path(str(item.path))])


def _overdue_kept(rows: list[AgendaRow], args: argparse.Namespace) -> list[AgendaRow]:
    """The overdue rows ``--overdue DAYS`` asks for: with ``--within``, none unless asked (an
    overdue deadline is not "due within" a time from now); say on stderr how many are left out."""
    if args.overdue is None and args.within is None:
        return rows
    limit = None if args.overdue is None else args.overdue * 86400
    kept = [
        row for row in rows if not row.overdue or (limit is not None and -row.left.seconds <= limit)
    ]
    hidden = len(rows) - len(kept)
    if hidden:
        noun = "deadline" if hidden == 1 else "deadlines"
        print(
            f"briefing agenda: {hidden} overdue {noun} not shown"
            " (--overdue DAYS lists those overdue up to DAYS)",
            file=sys.stderr,
        )
    return kept


def _json_row(row: AgendaRow) -> dict[str, object]:
    """One deadline of ``agenda --json`` (shape ``briefing.agenda``)."""
    item = row.item
    return {
        "due": item.due_at.isoformat(),
        "due_text": item.due_text,
        "all_day": item.all_day,
        "seconds_left": row.left.seconds,
        "overdue": row.overdue,
        "countdown": row.left.text,
        "title": item.title,
        "item_id": item.item_id,
        "brief_title": item.brief_title,
        "path": str(item.path),
        "tags": list(item.tags),
    }


def _library_can_be_read(library: list[Path]) -> bool:
    """Say on stderr which paths are missing (False) and which folders cannot be entered."""
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


def library_agenda(
    args: argparse.Namespace,
) -> tuple[list[Path], list[AgendaItem], int] | None:
    """The library's paths, its open deadlines and how many files failed; None when it cannot be read.

    Honours ``--data-dir``; what cannot be read is said on stderr. Shared by
    ``briefing agenda`` and ``briefing remind``.
    """
    if args.data_dir:
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    library = _library(args)
    if not _library_can_be_read(library):
        return None
    zone = local_zone()
    index = LibraryIndex(paths.index_file(), zone=zone)
    items, failed = agenda_in_library(index, library, zone, indexer=index_in_processes)
    return library, items, failed


def cmd_agenda(args: argparse.Namespace) -> int:
    """Run ``briefing agenda``; return the exit status (0, also when nothing is open)."""
    if args.ics:
        # deferred: agenda_ics reads the library through this module (a cycle at the top)
        from briefing.cli.agenda_ics import cmd_agenda_ics

        return cmd_agenda_ics(args)
    loaded = library_agenda(args)
    if loaded is None:
        return 2
    library, items, failed = loaded
    now: datetime = args.now or SystemClock().now()
    rows = _overdue_kept(schedule(items, now, tag=args.tag, within=args.within), args)
    where = ", ".join(display_path(path) for path in library)
    if failed:
        noun = "file" if failed == 1 else "files"
        print(
            f"briefing agenda: {failed} {noun} in {where} could not be read"
            " (see 'briefing validate')",
            file=sys.stderr,
        )
    if args.json:
        emit("agenda", {"now": now.isoformat(), "deadlines": [_json_row(row) for row in rows]})
        return 0
    if not rows:
        print(f"no open deadlines in {where}", file=sys.stderr)
        return 0
    config, _warnings = load_config(paths.config_file())
    if wants_plain(args):
        sys.stdout.write("".join(_plain_line(row, config.clock) + "\n" for row in rows))
        sys.stdout.flush()
        return 0

    print_agenda(rows, config.clock)
    return 0
