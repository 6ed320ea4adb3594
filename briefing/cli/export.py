"""``briefing export``: notes, deadlines or a vault (see ``EXPORT_FORMATS``) outside the reader.

The documents are made by :func:`briefing.storage.export_files.render_export`, as
the reader's export dialog makes them; this module finds the briefs and the target.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import err as _err
from briefing.cli.common import refusal, saved_annotations
from briefing.core.clock import SystemClock, local_zone
from briefing.core.filenames import safe_filename
from briefing.core.library import scan
from briefing.core.safetext import display_path
from briefing.storage import paths
from briefing.storage.config import load_config
from briefing.storage.export_files import (
    DEADLINES_FORMAT,
    EXPORT_FORMATS,
    FOLDER_FORMATS,
    SUFFIXES,
    ExportError,
    ExportInput,
    export_to,
    render_export,
)
from briefing.storage.store.database import StoreError

if TYPE_CHECKING:
    import argparse

    from briefing.core.models import Brief
    from briefing.storage.config import Config


def _names_a_file(text: str) -> bool:
    """True when ``text`` is a path to something, rather than a brief's id.

    A path that cannot be looked at (below a folder that cannot be entered) is
    a path too, so reading it says why instead of raising.
    """
    try:
        os.stat(text)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return False
    except OSError:
        return True
    return True


def _library(args: argparse.Namespace) -> tuple[Config, dict[str, Brief], str | None]:
    """The config, the briefs by id, and why the file named by ``--brief`` could not be read."""
    config, _ = load_config(paths.config_file())
    folders = (
        [Path(p) for p in args.library or []] or config.library_paths() or [paths.bundled_samples()]
    )
    given = bool(args.brief) and _names_a_file(args.brief)
    if given:
        folders = [Path(args.brief)]
    briefs: dict[str, Brief] = {}
    problem = None
    for entry in scan(folders, local_zone=local_zone()):
        if entry.brief is not None:
            briefs.setdefault(entry.brief.id, entry.brief)
        elif given and problem is None and entry.error is not None:
            problem = entry.error.summary()
    return config, briefs, problem


def _target(args: argparse.Namespace, fmt: str, title: str | None) -> Path | None:
    """Where to write (None: standard output); a folder given for a file gets a file in it."""
    if args.output == "-":
        return None
    target = Path(args.output)
    # isdir, not Path.is_dir: a folder above that cannot be entered is for write_export to name.
    if fmt not in FOLDER_FORMATS and os.path.isdir(target):
        target = target / safe_filename(title or EXPORT_FORMATS[fmt].exports, SUFFIXES[fmt])
    return target


def _write(fmt: str, source: ExportInput, target: Path | None, *, force: bool) -> int:
    """Write the export at ``target`` (standard output when None); 0, or 1 said in one line."""
    try:
        if target is None:
            sys.stdout.buffer.write(
                render_export(fmt, source.annotations, source.briefs, source.now, source.brief_id)
            )
            sys.stdout.flush()
            return 0
        said = export_to(fmt, source, target, force=force)
    except StoreError as error:
        _err(f"{error}; run 'briefing doctor'")
        return 1
    except ExportError as error:
        _err(refusal(error))
        return 1
    print(said)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export; 0 on success, 1 on a problem (said in one line)."""
    config, briefs, problem = _library(args)
    fmt = DEADLINES_FORMAT if args.deadlines else (args.format or config.export_format)
    brief_id = None
    if args.brief:
        if _names_a_file(args.brief):
            brief_id = next(iter(briefs), None)
            if brief_id is None:
                _err(
                    problem
                    or f"{display_path(args.brief)}: not a valid brief (see 'briefing validate')"
                )
                return 1
        else:
            brief_id = args.brief
    # Notes may outlive their brief; deadlines and a vault are made from the brief itself.
    from_brief = EXPORT_FORMATS[fmt].exports != "notes"
    if from_brief and brief_id is not None and brief_id not in briefs:
        _err(f"no brief with id {brief_id!r} in the library")
        return 1
    if fmt in FOLDER_FORMATS and args.output == "-":
        _err(f"{EXPORT_FORMATS[fmt].name} needs a folder: give one with -o DIR")
        return 1
    target = _target(args, fmt, briefs[brief_id].title if brief_id in briefs else None)
    # Exporting never creates the database: with none yet, there are no notes.
    annotations = saved_annotations()
    try:
        source = ExportInput(annotations, briefs, SystemClock().now(), brief_id)
        return _write(fmt, source, target, force=args.force)
    finally:
        if annotations is not None:
            annotations.store.close()
