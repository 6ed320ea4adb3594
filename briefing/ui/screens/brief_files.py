"""The state and the content hash of the brief file on screen, as the live reload compares them."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.errors import BriefError

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
    become a FIFO since the brief was loaded, and opening one waits for a writer.
    """
    # deferred: pydantic and the models, after the first frame
    from briefing.core.loading import read_limited
    from briefing.storage.index.indexing import content_digest

    try:
        return content_digest(read_limited(path))
    except (OSError, BriefError):
        return ""
