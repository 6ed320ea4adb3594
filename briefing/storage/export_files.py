"""Render an export of notes or deadlines and write it safely; shared by the CLI and the reader.

The documents are built in :mod:`briefing.core.notes_export` (notes) and
:mod:`briefing.core.ical` (deadlines); this module chooses between them and writes the file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from briefing.core.safetext import display_path
from briefing.storage.atomic import atomic_write

if TYPE_CHECKING:
    from briefing.core.annotations import Bookmark, Note
    from briefing.core.models import Brief
    from briefing.storage.store.notes import Annotations


# Never compared, printed nor changed: no methods but __init__ to compile as the module is imported.
@dataclass(eq=False, repr=False)
class ExportInput:
    """What a format's renderer reads: the notes store, the briefs, the time, the brief chosen."""

    annotations: Annotations | None
    """None when there is no database yet (so no notes)."""
    briefs: Mapping[str, Brief]
    now: datetime
    brief_id: str | None = None
    """Only this brief; all briefs when None."""

    def notes(self) -> list[Note]:
        """The notes to export."""
        found = self.annotations.all_notes() if self.annotations else []
        return [n for n in found if self.brief_id is None or n.brief_id == self.brief_id]

    def bookmarks(self) -> list[Bookmark]:
        """The bookmarks to export."""
        found = self.annotations.all_bookmarks() if self.annotations else []
        return [b for b in found if self.brief_id is None or b.brief_id == self.brief_id]

    def chosen_briefs(self) -> list[Brief]:
        """The briefs to export (the deadlines' source)."""
        return [b for b in self.briefs.values() if self.brief_id is None or b.id == self.brief_id]


# The renderers import their documents' modules when called: an export is rare, and
# the CLI's parser and the config check read this table on every start (the modules
# bring pydantic and the note models, which stay out of the first frame).


def _markdown(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.notes_export import to_markdown

    return to_markdown(source.notes(), source.briefs, source.now).encode("utf-8")


def _data(source: ExportInput) -> dict[str, object]:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.notes_export import export_data

    return export_data(source.notes(), source.bookmarks(), source.briefs, source.now)


def _json(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.notes_export import to_json

    return to_json(_data(source)).encode("utf-8")


def _toml(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.notes_export import to_toml

    return to_toml(_data(source)).encode("utf-8")


def _ical(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.ical import deadlines_ics

    return deadlines_ics(source.chosen_briefs(), source.notes(), source.now)


def _annotation(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.web_annotation import to_annotations

    briefs, now = source.briefs, source.now
    return to_annotations(source.notes(), source.bookmarks(), briefs, now).encode("utf-8")


def _notes_csv(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.csv_export import notes_csv

    return notes_csv(source.notes(), source.bookmarks(), source.briefs).encode("utf-8")


def _agenda_csv(source: ExportInput) -> bytes:
    # deferred: an export is rare; this table is read on every start
    from briefing.core.csv_export import agenda_csv

    return agenda_csv(source.chosen_briefs(), source.now).encode("utf-8")


def _vault(source: ExportInput, folder: Path, force: bool) -> int:
    # deferred: an export is rare; this table is read on every start
    from briefing.storage.vault_files import VaultError, write_vault

    try:
        return write_vault(source, folder, force=force)
    except VaultError as error:
        raise (ExportExists if error.exists else ExportError)(str(error)) from None


class ExportFormat(NamedTuple):
    """One export format: everything the CLI, the config check and the export dialog know of it."""

    key: str
    """What ``--format`` and ``export_format`` take: ``md``."""
    name: str
    """The document's kind, for help texts: "Markdown"."""
    label: str
    """The export dialog's choice: "Markdown notes"."""
    suffix: str
    """The file name's ending: ``.md``."""
    exports: Literal["notes", "deadlines", "vault"]
    """What it holds; also the file's name when no brief names it."""
    render: Callable[[ExportInput], bytes] | None
    """The document's bytes (None for a format that writes a folder)."""
    write_folder: Callable[[ExportInput, Path, bool], int] | None = None
    """``(source, folder, force)``: write a folder of files, return how many; None: one file."""


EXPORT_FORMATS: dict[str, ExportFormat] = {
    fmt.key: fmt
    for fmt in (
        ExportFormat("md", "Markdown", "Markdown notes", ".md", "notes", _markdown),
        ExportFormat("json", "JSON", "JSON notes", ".json", "notes", _json),
        ExportFormat("toml", "TOML", "TOML notes", ".toml", "notes", _toml),
        ExportFormat("ics", "iCalendar", "Deadlines (iCalendar)", ".ics", "deadlines", _ical),
        ExportFormat(
            "annotation",
            "Web Annotation",
            "Web Annotations (JSON-LD)",
            ".jsonld",
            "notes",
            _annotation,
        ),
        ExportFormat("csv", "CSV", "Notes (CSV)", ".csv", "notes", _notes_csv),
        ExportFormat("agenda-csv", "CSV", "Agenda (CSV)", ".csv", "deadlines", _agenda_csv),
        ExportFormat(
            "vault", "Obsidian vault", "Obsidian vault (folder)", "", "vault", None, _vault
        ),
    )
}
"""Every export format, in the order the dialog and ``--help`` list them."""

FORMATS = tuple(EXPORT_FORMATS)
"""The format keys (``--format``'s choices)."""
SUFFIXES = {key: fmt.suffix for key, fmt in EXPORT_FORMATS.items()}
FOLDER_FORMATS = tuple(key for key, fmt in EXPORT_FORMATS.items() if fmt.write_folder)
"""The formats that write a folder (``-o DIR``) rather than one file."""
NOTE_FORMATS = tuple(key for key, fmt in EXPORT_FORMATS.items() if fmt.exports == "notes")
"""The formats ``export_format`` in the config may name (the default of a notes export)."""
DEADLINES_FORMAT = next(key for key, fmt in EXPORT_FORMATS.items() if fmt.exports == "deadlines")
"""The format ``--deadlines`` means."""


def spoken(keys: Sequence[str]) -> str:
    """``md, json or toml``: keys for a sentence."""
    return keys[0] if len(keys) == 1 else f"{', '.join(keys[:-1])} or {keys[-1]}"


def kind_names(exports: str) -> str:
    """``Markdown, JSON or TOML``: the document kinds of the formats that export ``exports``."""
    names = (fmt.name for fmt in EXPORT_FORMATS.values() if fmt.exports == exports)
    return spoken(list(dict.fromkeys(names)))


# Never compared, printed nor changed: no methods but __init__ to compile as the module is imported.
@dataclass(eq=False, repr=False)
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
    render = EXPORT_FORMATS[fmt].render
    if render is None:
        raise ExportError(f"{EXPORT_FORMATS[fmt].name} is written to a folder, not to one file")
    return render(ExportInput(annotations, briefs, now, brief_id))


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


def export_to(fmt: str, source: ExportInput, target: Path, *, force: bool) -> str:
    """Write the export in ``fmt`` at ``target`` (a file, or a folder for a folder format).

    Returns what was written, for the user ("wrote notes.csv (1,234 bytes)").
    """
    chosen = EXPORT_FORMATS[fmt]
    if chosen.write_folder is not None:
        count = chosen.write_folder(source, target, force)
        return f"wrote {count:,} page{'' if count == 1 else 's'} in {display_path(target)}"
    assert chosen.render is not None
    payload = chosen.render(source)
    write_export(target, payload, force=force)
    return f"wrote {display_path(target)} ({len(payload):,} bytes)"
