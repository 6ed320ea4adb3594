"""What a refresh of the library index reads of a file, and reports of its steps.

Plain types, apart from the reading of brief files (:mod:`briefing.storage.index.indexing`:
the models, the search items, worker processes), which the refresh
(:mod:`briefing.storage.index.refreshing`) and the loader's messages share. Neither
this nor those are imported by the library's first frame, which lists the index from
its rows (:meth:`~briefing.storage.index.database.LibraryIndex.cached`, issue 15).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import tzinfo

from briefing.core.library import LibraryEntry
from briefing.storage.index.database import entry_from_row


@dataclass(frozen=True, slots=True)
class IndexedFile:
    """One file as indexed: its identity on disk and what it holds (picklable, for worker processes)."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    published: float | None = None
    """The publication time (POSIX timestamp) of a valid brief, for sorting."""
    summary: str | None = None
    """The summary as JSON, for a valid brief."""
    error: str | None = None
    """The problems as JSON, for an invalid file."""
    unchanged: bool = False
    """True when the content hash matched the index: nothing was parsed."""
    items: str | None = None
    """Every item of a valid brief as JSON (see :mod:`briefing.core.library_items`), for search."""
    brief_id: str | None = None
    """The brief's id (so the library can key its marks without decoding summaries)."""
    content: str | None = None
    """A valid brief's normalised content (:func:`~.briefs.pack`) in base64: ASCII, since it
    crosses the worker's pipe as JSON. The reader builds the brief from it (issue 15)."""

    def packed(self) -> bytes:
        """The content as :func:`~.briefs.pack` made it (b"" without one)."""
        return base64.b64decode(self.content or "")

    def entry(self) -> LibraryEntry:
        """The library entry this row stands for."""
        return entry_from_row(
            self.path, self.published, self.summary, self.error, self.digest, self.brief_id
        )


Indexer = Callable[[list[tuple[str, str | None]], tzinfo | None], Iterator[IndexedFile]]
"""Indexes ``(path, known digest)`` pairs, yielding results in any order (see :mod:`.indexing`)."""


def stale_jobs(
    files: list[str], known: dict[str, tuple[int, int, str]]
) -> list[tuple[str, str | None]]:
    """The ``files`` to read, each with the digest the index holds of it (None: none).

    A file is read unless the index holds it with the same size and time and a
    digest; one that cannot be stat'ed is read all the same (and found unreadable).
    """
    jobs: list[tuple[str, str | None]] = []
    for path in files:
        old = known.get(path)
        try:
            info = os.stat(path)
        except OSError:
            jobs.append((path, None))
            continue
        if old is not None and old[0] == info.st_size and old[1] == info.st_mtime_ns and old[2]:
            continue
        jobs.append((path, old[2] if old else None))
    return jobs


@dataclass(slots=True)
class Progress:
    """What one step of a refresh found: entries new or changed, files gone, and how far it got."""

    entries: list[LibraryEntry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    checked: int = 0
    total: int = 0
    done: bool = False
