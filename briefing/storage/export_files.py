"""Render an export of notes or deadlines and write it safely; shared by the CLI and the reader.

The documents are built in :mod:`briefing.core.notes_export` (notes) and
:mod:`briefing.core.ical` (deadlines); this module chooses between them and writes the file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.safetext import display_path
from briefing.storage.atomic import atomic_write

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.store.notes import Annotations

FORMATS = ("md", "json", "toml", "ics")
SUFFIXES = {"md": ".md", "json": ".json", "toml": ".toml", "ics": ".ics"}


@dataclass(frozen=True)
class ExportRequest:
    """What to export, and where."""

    format: str
    """md, json or toml (notes), or ics (deadlines)."""
    path: Path
    brief_id: str | None = None
    """Only this brief; all briefs when None."""
    force: bool = False
    """Replace an existing regular file (never a link, FIFO, device or folder)."""


class ExportError(Exception):
    """The export could not be written; the message says why in one line."""


class ExportExists(ExportError):
    """The target exists and ``force`` was not given."""


def render_export(
    fmt: str,
    annotations: Annotations | None,
    briefs: Mapping[str, Brief],
    now: datetime,
    brief_id: str | None = None,
) -> bytes:
    """The bytes of an export in ``fmt`` (``annotations`` None: no database yet, so no notes)."""
    from briefing.core.notes_export import export_data, to_json, to_markdown, to_toml

    all_notes = annotations.all_notes() if annotations else []
    notes = [n for n in all_notes if brief_id is None or n.brief_id == brief_id]
    if fmt == "ics":
        from briefing.core.ical import deadlines_ics

        chosen = [b for b in briefs.values() if brief_id is None or b.id == brief_id]
        return deadlines_ics(chosen, notes, now)
    if fmt == "md":
        return to_markdown(notes, briefs, now).encode("utf-8")
    all_bookmarks = annotations.all_bookmarks() if annotations else []
    bookmarks = [b for b in all_bookmarks if brief_id is None or b.brief_id == brief_id]
    data = export_data(notes, bookmarks, briefs, now)
    return (to_json(data) if fmt == "json" else to_toml(data)).encode("utf-8")


def check_target(target: Path, *, force: bool) -> None:
    """Raise :class:`ExportError` unless ``payload`` may be written at ``target``.

    A new file may be written, and ``force`` replaces an existing regular file;
    nothing else is ever replaced, with or without ``force``: not a symbolic
    link (whose target could be anything, ``/dev/stdout`` included), not a
    FIFO, device or socket (as root, ``-o /dev/null --force`` would replace the
    system's ``/dev/null``), not a folder. Standard output is ``-o -``.
    """
    where = display_path(target)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise ExportError(f"{where}: cannot be checked ({error.strerror or error})") from None
    if info is not None:
        mode = info.st_mode
        if stat.S_ISLNK(mode):
            raise ExportError(f"{where}: is a symbolic link; it is neither followed nor replaced")
        if stat.S_ISDIR(mode):
            raise ExportError(f"{where}: is a folder")
        if not stat.S_ISREG(mode):
            kind = (
                "a named pipe (FIFO)"
                if stat.S_ISFIFO(mode)
                else "a socket"
                if stat.S_ISSOCK(mode)
                else "a device"
            )
            raise ExportError(f"{where}: is {kind}, not a regular file; it is never replaced")
        if not force:
            raise ExportExists(f"{where}: already exists")
    try:
        folder = os.stat(target.parent).st_mode
    except FileNotFoundError:
        folder = 0
    except OSError as error:
        raise ExportError(f"{where}: cannot be checked ({error.strerror or error})") from None
    if not stat.S_ISDIR(folder):
        raise ExportError(f"{display_path(target.parent)}: no such folder")


def write_export(target: Path, payload: bytes, *, force: bool) -> None:
    """Write ``payload`` atomically at ``target``, if :func:`check_target` allows it."""
    check_target(target, force=force)
    try:
        atomic_write(target, payload)
    except OSError as error:
        raise ExportError(
            f"{display_path(target)}: cannot be written ({error.strerror or error})"
        ) from None
