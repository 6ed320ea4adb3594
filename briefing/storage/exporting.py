"""Render an export of notes or deadlines and write it safely; shared by the CLI and the reader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.storage.atomic import atomic_write

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.notes import Annotations

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
    """Replace an existing file (or a symlink, itself, never its target)."""


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
    from briefing.core.export import export_data, to_json, to_markdown, to_toml

    all_notes = annotations.all_notes() if annotations else []
    notes = [n for n in all_notes if brief_id is None or n.brief_id == brief_id]
    if fmt == "ics":
        from briefing.core.calendar import deadlines_ics

        chosen = [b for b in briefs.values() if brief_id is None or b.id == brief_id]
        return deadlines_ics(chosen, notes, now)
    if fmt == "md":
        return to_markdown(notes, briefs, now).encode("utf-8")
    all_bookmarks = annotations.all_bookmarks() if annotations else []
    bookmarks = [b for b in all_bookmarks if brief_id is None or b.brief_id == brief_id]
    data = export_data(notes, bookmarks, briefs, now)
    return (to_json(data) if fmt == "json" else to_toml(data)).encode("utf-8")


def write_export(target: Path, payload: bytes, *, force: bool) -> None:
    """Write ``payload`` atomically; refuse to replace a file or follow a symlink without ``force``."""
    if target.is_symlink() and not force:
        raise ExportExists(f"{target}: is a symbolic link; not following it")
    if target.exists() and not force:
        raise ExportExists(f"{target}: already exists")
    if target.exists() and target.is_dir():
        raise ExportError(f"{target}: is a folder")
    if not target.parent.is_dir():
        raise ExportError(f"{target.parent}: no such folder")
    try:
        atomic_write(target, payload)
    except OSError as error:
        raise ExportError(f"{target}: cannot be written ({error.strerror or error})") from None
