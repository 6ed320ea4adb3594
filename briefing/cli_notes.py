"""``briefing export``, ``briefing import-notes`` and ``briefing doctor``: notes outside the reader."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.safetext import clean_line
from briefing.storage.export_files import FORMATS, SUFFIXES

if TYPE_CHECKING:
    from briefing.core.models import Brief


def _err(message: str) -> None:
    print(f"briefing: {clean_line(message)}", file=sys.stderr)


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``briefing export``."""
    parser.description = "Export notes (Markdown, JSON or TOML) or deadlines (iCalendar)."
    parser.add_argument("--brief", metavar="ID|PATH", help="only this brief (its id, or its file)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="md, json or toml for notes (default from config), ics for deadlines",
    )
    parser.add_argument(
        "--deadlines",
        action="store_true",
        help="export deadlines as iCalendar (implies --format ics)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR|-",
        default="-",
        help="where to write; a folder gets a file named after the brief; - is standard output",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument(
        "--library",
        metavar="PATH",
        action="append",
        help="briefs to take context from (default: the configured library)",
    )


def _library(args: argparse.Namespace):
    from briefing.core.clock import local_zone
    from briefing.core.library import scan
    from briefing.storage import paths
    from briefing.storage.config import load_config

    config, _ = load_config(paths.config_file())
    folders = (
        [Path(p) for p in args.library or []] or config.library_paths() or [paths.bundled_samples()]
    )
    if args.brief and Path(args.brief).exists():
        folders = [Path(args.brief)]
    briefs: dict[str, Brief] = {}
    for entry in scan(folders, local_zone=local_zone()):
        if entry.brief is not None:
            briefs.setdefault(entry.brief.id, entry.brief)
    return config, briefs


def _open_annotations():
    from briefing.storage import paths
    from briefing.storage.store.database import Store
    from briefing.storage.store.notes import Annotations

    return Annotations(Store(paths.database_file()))


def _saved_annotations():
    """Notes and bookmarks for reading, or None when no database exists yet (none is created)."""
    from briefing.storage import paths

    return _open_annotations() if paths.database_file().exists() else None


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export; 0 on success, 1 on a problem (said in one line)."""
    from briefing.core.clock import SystemClock
    from briefing.core.filenames import safe_filename
    from briefing.storage.export_files import ExportError, ExportExists, render_export, write_export
    from briefing.storage.store.database import StoreError

    config, briefs = _library(args)
    fmt = "ics" if args.deadlines else (args.format or config.export_format)
    brief_id = None
    if args.brief:
        if Path(args.brief).exists():
            brief_id = next(iter(briefs), None)
            if brief_id is None:
                _err(f"{args.brief}: not a valid brief (see 'briefing validate')")
                return 1
        else:
            brief_id = args.brief
    if fmt == "ics" and brief_id is not None and brief_id not in briefs:
        _err(f"no brief with id {brief_id!r} in the library")
        return 1
    # Exporting never creates the database: with none yet, there are no notes.
    annotations = _saved_annotations()
    try:
        payload = render_export(fmt, annotations, briefs, SystemClock().now(), brief_id)
    except StoreError as error:
        _err(f"{error}; run 'briefing doctor'")
        return 1
    finally:
        if annotations is not None:
            annotations.store.close()
    if args.output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return 0
    target = Path(args.output)
    if target.is_dir():
        fallback = "deadlines" if fmt == "ics" else "notes"
        title = briefs[brief_id].title if brief_id in briefs else fallback
        target = target / safe_filename(title, SUFFIXES[fmt])
    try:
        write_export(target, payload, force=args.force)
    except ExportExists as error:
        _err(f"{error} (use --force to replace it)")
        return 1
    except ExportError as error:
        _err(str(error))
        return 1
    print(f"wrote {clean_line(str(target))} ({len(payload):,} bytes)")
    return 0


def cmd_import_notes(args: argparse.Namespace) -> int:
    """Merge a JSON or TOML export into the store."""
    from briefing.core.errors import BriefError
    from briefing.core.loading import decode, read_limited
    from briefing.core.notes_export import parse_export
    from briefing.storage.store.database import StoreError

    path = Path(args.file)
    try:
        text = decode(read_limited(path, limit=512 * 1024 * 1024), path)
        kind = "toml" if path.suffix.lower() == ".toml" else "json"
        notes = parse_export(text, kind, path)
    except BriefError as error:
        for line in error.lines():
            print(clean_line(line), file=sys.stderr)
        return 1
    annotations = _open_annotations()
    try:
        added, beside, same = annotations.merge_notes(notes)
    except StoreError as error:
        _err(f"{error}; nothing was imported")
        return 1
    finally:
        # Closing copies the notes into the database file itself and removes the -wal.
        annotations.store.close()
    print(
        f"{added} added, {beside} kept beside a different note with the same id, {same} already there"
    )
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the store (and with --repair, move an unreadable one aside)."""
    from briefing.storage import paths
    from briefing.storage.store.database import Store, StoreError, move_aside

    database = paths.database_file()
    print(f"database: {database}")
    if not database.exists():
        print("  not created yet (it will be when you first save a note or setting)")
        return 0
    store = Store(database)
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
    from briefing.core.clock import SystemClock

    try:
        moved = move_aside(database, SystemClock().now())
    except OSError as error:
        _err(f"{database}: cannot be moved aside ({error.strerror or error})")
        return 1
    print(f"  moved aside to {moved}; a new database will be created when needed")
    return 0
