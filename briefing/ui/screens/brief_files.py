"""The state and the content hash of the brief file on screen, as the live reload compares them."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.files import MAX_BRIEF_BYTES, FileProblem, read_regular_file
from briefing.storage.index.briefs import content_digest

FileState = tuple[int, int]
"""A file's modification time (ns) and size: what is compared once a second."""


def file_state(path: Path) -> FileState | None:
    """The state of ``path`` on disk, or None when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def file_digest(path: Path) -> str:
    """The content hash of ``path`` (the one the library index keeps), or "" when unreadable.

    Read as a brief is (a regular file, within the size limit): the path may have
    become a FIFO since the brief was loaded, and opening one waits for a writer. Not
    through the loader: a brief shown from the index's content needs no validating
    code (nor pydantic), and a visit asks for this digest (issue 15).
    """
    try:
        return content_digest(read_regular_file(path, limit=MAX_BRIEF_BYTES, what="brief file"))
    except (OSError, FileProblem):
        return ""
