"""A library: the briefs under a set of files and folders, good and bad alike.

A file that fails to load is still an entry (with its error), so one bad file
never hides the others and the reader can say what is wrong with it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.countdown import countdown
from briefing.core.status import DeadlineStatus

if TYPE_CHECKING:
    from briefing.core.errors import BriefError
    from briefing.core.models import Brief, Deadline


@dataclass(slots=True)
class LibraryEntry:
    """One file of the library: its brief, or the error that stopped it loading."""

    path: Path
    """The brief file."""
    brief: Brief | None = None
    """The loaded brief, when it is valid."""
    error: BriefError | None = None
    """Why it could not be loaded, when it is not."""

    @property
    def pending(self) -> bool:
        """True while the file has not been read yet."""
        return self.brief is None and self.error is None

    @property
    def ok(self) -> bool:
        """True when the brief loaded."""
        return self.brief is not None

    @property
    def key(self) -> str:
        """A key unique within the library: the file's path."""
        return str(self.path)

    @property
    def title(self) -> str:
        """The brief's title, or the file name for an invalid file."""
        return self.brief.title if self.brief else self.path.name


def scan(
    paths: Iterable[str | os.PathLike[str]], *, local_zone: tzinfo | None = None
) -> Iterator[LibraryEntry]:
    """Load every brief under ``paths``, yielding an entry per file as it is read."""
    from briefing.core.errors import BriefError
    from briefing.core.loading import find_briefs, load_brief

    for path in find_briefs(paths):
        try:
            yield LibraryEntry(path, brief=load_brief(path, local_zone=local_zone))
        except BriefError as error:
            yield LibraryEntry(path, error=error)


def next_open_deadline(brief: Brief, now: datetime) -> Deadline | None:
    """Return the soonest open deadline that has not yet passed at ``now``, else the latest overdue one."""
    open_deadlines = [d for d in brief.deadlines if d.status is DeadlineStatus.OPEN]
    if not open_deadlines:
        return None
    upcoming = [d for d in open_deadlines if countdown(d.due_at, now).seconds >= 0]
    if upcoming:
        return min(upcoming, key=lambda d: d.due_at)
    return max(open_deadlines, key=lambda d: d.due_at)


def matches(entry: LibraryEntry, query: str) -> bool:
    """True when every word of ``query`` is in the title, tags, participant names or file name."""
    words = query.casefold().split()
    if not words:
        return True
    haystack = [entry.path.name]
    if entry.brief:
        haystack += [entry.brief.title, *entry.brief.tags]
        haystack += [p.name for p in entry.brief.participants]
    text = "\n".join(haystack).casefold()
    return all(word in text for word in words)
