"""``briefing doctor``: check the notes database, and with ``--repair`` move a broken one aside."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cli.common import err as _err
from briefing.core.clock import SystemClock
from briefing.core.safetext import clean_line, display_path
from briefing.storage import paths
from briefing.storage.store.database import Store, StoreError, move_aside

if TYPE_CHECKING:
    import argparse


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the store (and with --repair, move an unreadable one aside)."""
    database = paths.database_file()
    print(f"database: {display_path(database)}")
    store = Store(database)
    if not store.exists():
        print("  not created yet (it will be when you first save a note or setting)")
        return 0
    try:
        # Opening checks the version and every table's columns; then SQLite checks the rest.
        problems = store.integrity_problems()
        if store.read_only:
            print(f"  {clean_line(store.read_only_message)}")
    except StoreError as error:
        problems = [str(error)]
        if not error.unreadable:
            # The file may be fine: the folder cannot be written, or the database is busy.
            print(f"  problem: {clean_line(problems[0])}")
            return 1
    finally:
        store.close()
    if not problems:
        print("  ok")
        return 0
    for problem in problems:
        print(f"  problem: {clean_line(problem)}")
    if not args.repair:
        print(
            "  run 'briefing doctor --repair' to move it aside and start a new one (nothing is deleted)"
        )
        return 1

    try:
        moved = move_aside(database, SystemClock().now())
    except OSError as error:
        _err(f"{display_path(database)}: cannot be moved aside ({error.strerror or error})")
        return 1
    print(f"  moved aside to {display_path(moved)}; a new database will be created when needed")
    return 0
