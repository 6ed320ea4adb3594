"""``briefing export``: notes (Markdown, JSON, TOML) or deadlines (iCalendar) outside the reader.

The documents are made by :func:`briefing.storage.export_files.render_export`, as
the reader's export dialog makes them; this module finds the briefs and the target.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import err as _err
from briefing.cli.common import saved_annotations
from briefing.core.safetext import clean_line
from briefing.storage.export_files import SUFFIXES

if TYPE_CHECKING:
    import argparse

    from briefing.core.models import Brief


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
    annotations = saved_annotations()
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
