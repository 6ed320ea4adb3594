"""The files of the notes database on disk: whether they can be written, and whether they
are still the ones the store opened.

A database moved or deleted while briefing runs (its ``-wal`` file removed to "clean
up", a backup restored over it) leaves SQLite writing into files nobody will read
again; the store compares what is there with what it opened before and after every
write to notice.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.safetext import display_path

FileIds = tuple[tuple[int, int] | None, ...]
"""(device, inode) of the database, its -wal and its -shm file; None for one that is missing."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def file_ids(database: Path) -> FileIds:
    """Which files are at the database's paths now."""
    return tuple(
        _identity(database.with_name(database.name + suffix)) for suffix in ("", "-wal", "-shm")
    )


def writable(database: Path) -> bool:
    """False when the database file or its folder cannot be written (WAL needs both)."""
    return os.access(database, os.W_OK) and os.access(database.parent, os.W_OK | os.X_OK)


def present(database: Path) -> bool:
    """True unless nothing is at ``database``.

    A path that cannot be looked at (a folder above it cannot be entered) counts as
    there, so that opening it says why instead of taking it for a first start.
    """
    try:
        database.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True
    return True


def cannot_look(database: Path) -> str | None:
    """Why ``database`` cannot even be looked at (a folder above it cannot be entered); else None."""
    try:
        database.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        return f"{display_path(database)}: cannot be opened ({error.strerror or error})"
    return None


def not_a_file(database: Path) -> str | None:
    """Why ``database`` cannot hold notes when it is there but not a regular file; else None.

    SQLite takes a device's size of 0 for an empty database and would write one into it.
    """
    if os.path.exists(database) and not os.path.isfile(database):
        return (
            f"{display_path(database)}: not a regular file (a folder, FIFO or device);"
            " notes are kept only in a regular file"
        )
    return None
