"""``briefing import-notes``: merge a JSON or TOML export of notes back into the notes database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import err as _err
from briefing.cli.common import open_annotations
from briefing.core.errors import BriefError, Problem
from briefing.core.files import FileProblem, FileTooBig, format_size, read_regular_file
from briefing.core.loading import decode
from briefing.core.notes_export import read_export
from briefing.core.safetext import clean_line
from briefing.storage.store.database import StoreError

if TYPE_CHECKING:
    import argparse


EXPORT_LIMIT = 512 * 1024 * 1024
"""The largest notes export ``import-notes`` reads, in bytes."""


def _read_export(path: Path) -> bytes:
    """The bytes of a notes export: a regular file within :data:`EXPORT_LIMIT`, else BriefError."""
    try:
        return read_regular_file(path, limit=EXPORT_LIMIT, what="notes export")
    except FileTooBig as error:
        reason = (
            f"is {error.size:,} bytes; notes exports are limited to {format_size(EXPORT_LIMIT)}"
        )
        raise BriefError(path, [Problem(reason)]) from None
    except FileProblem as error:
        raise BriefError(path, [Problem(error.reason)]) from None


def cmd_import_notes(args: argparse.Namespace) -> int:
    """Merge a JSON or TOML export into the store."""
    path = Path(args.file)
    try:
        text = decode(_read_export(path), path, what="notes export")
        kind = "toml" if path.suffix.lower() == ".toml" else "json"
        notes, bookmarks = read_export(text, kind, path)
    except BriefError as error:
        for line in error.lines():
            print(clean_line(line), file=sys.stderr)
        return 1
    annotations = open_annotations()
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
    if beside:
        print(
            f"{beside} note{' is' if beside == 1 else 's are'} marked"
            " '⚠ imported: conflicts with a note of <date>' until edited"
            " (or until one of the two is deleted)"
        )
    if bookmarks:
        print(
            f"{bookmarks} bookmark{' in the file was' if bookmarks == 1 else 's in the file were'}"
            " not imported (import-notes merges notes only)"
        )
    return 0
