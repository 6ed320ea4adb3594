"""What the library index keeps of a file, and what a refresh reports of its steps.

Plain types and the rebuilding of an entry from a row, apart from the reading of brief
files (:mod:`briefing.storage.index.indexing`: the models, the search items, worker
processes) and from the refresh that stores their results
(:mod:`briefing.storage.index.refreshing`): the library's first frame opens the index
and lists it from its rows, and imports neither of those (issue 15).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from briefing.core.errors import BriefError, Problem
from briefing.core.library import LibraryEntry


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


def entry_from_row(
    path: str,
    published: float | None,
    summary: str | None,
    error: str | None,
    digest: str | None = None,
    brief_id: str | None = None,
) -> LibraryEntry:
    """Rebuild a library entry from an index row (a valid brief's summary is decoded when first used)."""
    if summary is not None:
        # The path as a string: a Path is built only for an entry that asks for one.
        return LibraryEntry(
            path, stored=summary, stored_time=published, digest=digest or None, stored_id=brief_id
        )
    file = Path(path)
    try:
        problems = [
            Problem(str(message), str(location), line, column)
            for message, location, line, column in json.loads(error or "[]")
        ]
    except (TypeError, ValueError):
        problems = [Problem("its entry in the library index is damaged; press r to read it again")]
    return LibraryEntry(file, error=BriefError(file, problems))


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
