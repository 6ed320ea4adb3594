"""``briefing agenda --ics -o FILE``: the whole library's deadlines as one calendar file.

For a calendar that subscribes to the file (or a cron job that rewrites it): every
deadline of every brief, open or closed (a met deadline shows as completed rather
than vanishing), written atomically. What the store remembers of earlier exports
gives each deadline its SEQUENCE, so a moved deadline updates the calendar's copy.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.agenda import _library, _library_can_be_read
from briefing.cli.common import refusal
from briefing.core.clock import SystemClock, local_zone
from briefing.core.library import scan
from briefing.core.safetext import clean_line, display_path
from briefing.storage import paths
from briefing.storage.calendar_file import library_calendar, write_calendar
from briefing.storage.config import load_config
from briefing.storage.export_files import ExportError
from briefing.storage.store.database import Store, StoreError

if TYPE_CHECKING:
    import argparse

    from briefing.core.ical import Component
    from briefing.core.models import Brief


def _say(message: str) -> None:
    print(f"briefing agenda: {clean_line(message)}", file=sys.stderr)


def _briefs(library: list[Path]) -> tuple[list[Brief], int]:
    """The valid briefs under ``library`` (each id once) and how many files could not be read."""
    briefs: dict[str, Brief] = {}
    failed = 0
    for entry in scan(library, local_zone=local_zone()):
        if entry.brief is not None:
            briefs.setdefault(entry.brief.id, entry.brief)
        else:
            failed += 1
    return list(briefs.values()), failed


def cmd_agenda_ics(args: argparse.Namespace) -> int:
    """Write the library's calendar to ``args.output``; 0, 1 on a problem, 2 on bad usage."""
    if not args.output or args.output == "-":
        _say("--ics needs -o FILE (the calendar file to write)")
        return 2
    if args.data_dir:
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    library = _library(args)
    if not _library_can_be_read(library):
        return 2
    config, _warnings = load_config(paths.config_file())
    briefs, failed = _briefs(library)
    if failed:
        _say(f"{failed} file(s) could not be read (see 'briefing validate')")
    now: datetime = args.now or SystemClock().now()
    component: Component = "event" if args.events or config.ics_component == "event" else "todo"
    store = Store(paths.database_file())
    try:
        payload = library_calendar(
            briefs, now, component=component, leads=config.lead_times(), store=store
        )
    except StoreError as error:
        _say(f"{error}; written without revisions (run 'briefing doctor')")
        payload = library_calendar(
            briefs, now, component=component, leads=config.lead_times(), store=None
        )
    finally:
        store.close()
    target = Path(args.output)
    try:
        write_calendar(target, payload, force=args.force)
    except ExportError as error:
        _say(refusal(error))
        return 1
    count = sum(len(brief.deadlines) for brief in briefs)
    print(f"wrote {display_path(target)} ({count} deadline{'' if count == 1 else 's'})")
    return 0
