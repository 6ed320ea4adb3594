"""``briefing export``, ``briefing import-notes`` and ``briefing doctor``: notes outside the reader."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.safetext import clean_line

if TYPE_CHECKING:
    from briefing.core.models import Brief

FORMATS = ("md", "json", "toml", "ics")
SUFFIXES = {"md": ".md", "json": ".json", "toml": ".toml", "ics": ".ics"}


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
    from briefing.storage.notes import Annotations
    from briefing.storage.store import Store

    return Annotations(Store(paths.database_file()))


def _saved_annotations():
    """Notes and bookmarks for reading, or None when no database exists yet (none is created)."""
    from briefing.storage import paths

    return _open_annotations() if paths.database_file().exists() else None


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export; 0 on success, 1 on a problem (said in one line)."""
    from briefing.core.clock import SystemClock
    from briefing.core.export import export_data, to_json, to_markdown, to_toml
    from briefing.core.filenames import safe_filename
    from briefing.storage.store import StoreError

    config, briefs = _library(args)
    fmt = "ics" if args.deadlines else (args.format or config.export_format)
    now = SystemClock().now()
    brief_id = None
    if args.brief:
        if Path(args.brief).exists():
            brief_id = next(iter(briefs), None)
            if brief_id is None:
                _err(f"{args.brief}: not a valid brief (see 'briefing validate')")
                return 1
        else:
            brief_id = args.brief
    try:
        annotations = _saved_annotations()  # exporting never creates the database
        all_notes = annotations.all_notes() if annotations else []
        all_bookmarks = annotations.all_bookmarks() if annotations else []
        notes = [n for n in all_notes if brief_id is None or n.brief_id == brief_id]
        bookmarks = [b for b in all_bookmarks if brief_id is None or b.brief_id == brief_id]
    except StoreError as error:
        _err(f"{error}; run 'briefing doctor'")
        return 1
    if fmt == "ics":
        from briefing.core.calendar import deadlines_ics

        chosen = [b for b in briefs.values() if brief_id is None or b.id == brief_id]
        if brief_id is not None and not chosen:
            _err(f"no brief with id {brief_id!r} in the library")
            return 1
        payload = deadlines_ics(chosen, notes, now)
    elif fmt == "md":
        payload = to_markdown(notes, briefs, now).encode("utf-8")
    else:
        data = export_data(notes, bookmarks, briefs, now)
        payload = (to_json(data) if fmt == "json" else to_toml(data)).encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return 0
    target = Path(args.output)
    if target.is_dir():
        title = (
            briefs[brief_id].title
            if brief_id in briefs
            else ("deadlines" if fmt == "ics" else "notes")
        )
        target = target / safe_filename(title, SUFFIXES[fmt])
    return write_file(target, payload, force=args.force)


def write_file(target: Path, payload: bytes, *, force: bool) -> int:
    """Write ``payload`` atomically; refuse to replace a file or a symlink without ``force``."""
    from briefing.storage.atomic import atomic_write

    if target.is_symlink() and not force:
        _err(
            f"{target}: is a symbolic link; not following it (use --force to replace the link itself)"
        )
        return 1
    if target.exists() and not force:
        _err(f"{target}: already exists (use --force to overwrite)")
        return 1
    if not target.parent.is_dir():
        _err(f"{target.parent}: no such folder")
        return 1
    try:
        atomic_write(target, payload)
    except OSError as error:
        _err(f"{target}: cannot be written ({error.strerror or error})")
        return 1
    print(f"wrote {clean_line(str(target))} ({len(payload):,} bytes)")
    return 0


def cmd_import_notes(args: argparse.Namespace) -> int:
    """Merge a JSON or TOML export into the store."""
    from briefing.core.errors import BriefError
    from briefing.core.export import parse_export
    from briefing.core.loading import decode, read_limited
    from briefing.storage.store import StoreError

    path = Path(args.file)
    try:
        text = decode(read_limited(path, limit=512 * 1024 * 1024), path)
        kind = "toml" if path.suffix.lower() == ".toml" else "json"
        notes = parse_export(text, kind, path)
    except BriefError as error:
        for line in error.lines():
            print(clean_line(line), file=sys.stderr)
        return 1
    try:
        added, beside, same = _open_annotations().merge_notes(notes)
    except StoreError as error:
        _err(f"{error}; nothing was imported")
        return 1
    print(
        f"{added} added, {beside} kept beside a different note with the same id, {same} already there"
    )
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the store (and with --repair, move an unreadable one aside)."""
    from briefing.storage import paths
    from briefing.storage.store import Store, StoreError, move_aside

    database = paths.database_file()
    print(f"database: {database}")
    if not database.exists():
        print("  not created yet (it will be when you first save a note or setting)")
        return 0
    store = Store(database)
    try:
        problems = store.integrity_problems()
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
