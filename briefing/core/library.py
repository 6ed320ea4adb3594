"""A library: the briefs under a set of files and folders, good and bad alike.

A file that fails to load is still an entry (with its error), so one bad file
never hides the others and the reader can say what is wrong with it. The
library lists each brief by its :class:`BriefSummary` (what a row shows), which
the library index keeps between runs, so a large library opens without parsing
every file again; the whole brief is read only when it is opened.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from briefing.core.errors import BriefError, Problem
from briefing.core.files import FileProblem, NoBriefsFound, find_briefs
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import format_when

if TYPE_CHECKING:
    from briefing.core.models import Brief


class SummaryLoader(Protocol):
    """Where the stored summaries of listed briefs come from (the library index)."""

    def __call__(self, path: str) -> str | None:
        """The stored summary (JSON) of the brief at ``path``; "" when it cannot be read."""
        ...

    def many(self, paths: Sequence[str]) -> dict[str, str]:
        """The stored summaries of ``paths`` that can be read, by path (one query)."""
        ...


PREFETCH_CHUNK = 500
"""Paths asked for in one query (SQLite's oldest limit on parameters is 999)."""


def prefetch(entries: Iterable[LibraryEntry]) -> None:
    """Fetch the stored summaries ``entries`` will need, a query per 500 rather than one each.

    For the rows about to be drawn (40 queries took 4-7 ms of the library's first
    frame), and before a filter or a sort reads every summary of a large library.
    """
    waiting: dict[int, tuple[object, list[LibraryEntry]]] = {}
    for entry in entries:
        loader = entry.loader
        if loader is not None and entry.stored is None and entry.indexed is None:
            waiting.setdefault(id(loader), (loader, []))[1].append(entry)
    for source, group in waiting.values():
        many = getattr(source, "many", None)
        if many is None:
            continue  # a plain callable: each entry asks for itself
        for start in range(0, len(group), PREFETCH_CHUNK):
            chunk = group[start : start + PREFETCH_CHUNK]
            found = many([entry.key for entry in chunk])
            for entry in chunk:
                stored = found.get(entry.key)
                if stored is not None:
                    entry.stored, entry.loader = stored, None


class DeadlineLike(Protocol):
    """What the library needs of a deadline (a model's or a summary's)."""

    @property
    def title(self) -> str: ...
    @property
    def due_at(self) -> datetime: ...
    @property
    def status(self) -> DeadlineStatus: ...


D = TypeVar("D", bound=DeadlineLike)


# Immutable, declared as a NamedTuple (the index stores it as a row): a frozen dataclass
# compiles its methods at import.
class DeadlineInfo(NamedTuple):
    """A deadline as the library shows it: what falls due, when, and whether it is still open."""

    title: str
    due_at: datetime
    status: DeadlineStatus = DeadlineStatus.OPEN
    deadline_id: str = ""
    """The deadline's id in its brief (to open the brief at it)."""
    due_text: str = ""
    """The due time as the brief gives it (a date alone means the end of that day)."""


@dataclass(frozen=True, slots=True)
class BriefSummary:
    """What a library row shows of a brief, and what the filter searches."""

    brief_id: str
    title: str
    published_at: datetime
    published: str
    """The publication date as written for reading (``2025-10-26``)."""
    deadlines: tuple[DeadlineInfo, ...] = ()
    people: int = 0
    quotes: int = 0
    tags: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    """Participant names, for the filter."""
    haystack: str = field(default="", compare=False)
    """Title, tags and names, case-folded once (the filter runs on every keystroke)."""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dictionary (the library index stores it)."""
        return {
            "id": self.brief_id,
            "title": self.title,
            "published_at": self.published_at.isoformat(),
            "published": self.published,
            "deadlines": [
                [d.title, d.due_at.isoformat(), d.status.value, d.deadline_id, d.due_text]
                for d in self.deadlines
            ],
            "people": self.people,
            "quotes": self.quotes,
            "tags": list(self.tags),
            "names": list(self.names),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BriefSummary:
        """Rebuild a summary from :meth:`to_json`; raises ``KeyError``/``ValueError``/``TypeError`` on bad data."""
        return make_summary(
            brief_id=str(data["id"]),
            title=str(data["title"]),
            published_at=datetime.fromisoformat(data["published_at"]),
            published=str(data["published"]),
            deadlines=tuple(
                DeadlineInfo(
                    str(row[0]),
                    datetime.fromisoformat(row[1]),
                    DeadlineStatus(row[2]),
                    *(str(extra) for extra in row[3:5]),
                )
                for row in data["deadlines"]
            ),
            people=int(data["people"]),
            quotes=int(data["quotes"]),
            tags=tuple(str(tag) for tag in data["tags"]),
            names=tuple(str(name) for name in data["names"]),
        )


def make_summary(**fields: Any) -> BriefSummary:
    """Build a :class:`BriefSummary`, computing its filter haystack."""
    haystack = "\n".join([fields["title"], *fields.get("tags", ()), *fields.get("names", ())])
    return BriefSummary(**fields, haystack=haystack.casefold())


def summarize(brief: Brief) -> BriefSummary:
    """The library's view of ``brief``."""
    return make_summary(
        brief_id=brief.id,
        title=brief.title,
        published_at=brief.published_at,
        published=format_when(brief.published).split(" ")[0],
        deadlines=tuple(
            DeadlineInfo(d.title, d.due_at, d.status, d.id, format_when(d.due))
            for d in brief.deadlines
        ),
        people=len(brief.participants),
        quotes=len(brief.quotes),
        tags=tuple(brief.tags),
        names=tuple(p.name for p in brief.participants),
    )


class LibraryEntry:
    """One file of the library: its summary (and the brief once read), or the error that stopped it loading.

    Entries compare by identity. The path is kept as given and made a
    :class:`~pathlib.Path` only when asked for: a library of 5,000 briefs
    listed from its index spent two thirds of its time building paths.
    """

    __slots__ = (
        "_location",
        "_path",
        "brief",
        "error",
        "indexed",
        "stored",
        "stored_time",
        "digest",
        "stored_id",
        "loader",
    )

    def __init__(
        self,
        path: str | os.PathLike[str],
        brief: Brief | None = None,
        error: BriefError | None = None,
        indexed: BriefSummary | None = None,
        stored: str | None = None,
        stored_time: float | None = None,
        digest: str | None = None,
        stored_id: str | None = None,
        loader: SummaryLoader | Callable[[str], str | None] | None = None,
    ) -> None:
        self._location = os.fspath(path)
        self._path = path if isinstance(path, Path) else None
        self.brief = brief
        """The loaded brief, once it has been read in full."""
        self.error = error
        """Why it could not be loaded, when it is not."""
        self.indexed = indexed
        """The summary, once decoded from :attr:`stored` or computed from :attr:`brief`."""
        self.stored = stored
        """The summary as the library index keeps it (JSON), decoded on first use: a large
        library lists at once and decodes only the rows it shows."""
        self.stored_time = stored_time
        """The publication time (a POSIX timestamp) from the index, to sort without decoding."""
        self.digest = digest
        """The content hash of the file when it was indexed (compared with the user's last visit)."""
        self.stored_id = stored_id
        """The brief's id from the index, known without decoding :attr:`stored`."""
        self.loader = loader
        """Fetches :attr:`stored` from the index when first needed (given the path)."""

    def __repr__(self) -> str:
        state = "ok" if self.ok else ("error" if self.error else "pending")
        return f"LibraryEntry({self._location!r}, {state})"

    @property
    def path(self) -> Path:
        """The brief file."""
        if self._path is None:
            self._path = Path(self._location)
        return self._path

    @property
    def name(self) -> str:
        """The file's name (without building a Path)."""
        return os.path.basename(self._location)

    @property
    def summary(self) -> BriefSummary | None:
        """What the library shows of a valid brief; None for an invalid or unread file."""
        if self.indexed is None:
            if self.brief is not None:
                self.indexed = summarize(self.brief)
            elif self.error is None:
                if self.stored is None and self.loader is not None:
                    self.stored = self.loader(self._location)
                    self.loader = None
                if self.stored is not None:
                    self._decode()
        return self.indexed

    def _decode(self) -> None:
        try:
            self.indexed = BriefSummary.from_json(json.loads(self.stored or ""))
        except (KeyError, TypeError, ValueError):
            self.error = BriefError(
                self.path,
                [Problem("its entry in the library index is damaged; press r to read it again")],
            )

    @property
    def pending(self) -> bool:
        """True while the file has not been read (nor found in the index) yet."""
        return (
            self.brief is None
            and self.error is None
            and self.indexed is None
            and not self.stored
            and self.loader is None
        )

    @property
    def ok(self) -> bool:
        """True when the brief is valid (read, or known valid from the index)."""
        return self.error is None and (
            self.brief is not None
            or self.indexed is not None
            or self.stored is not None
            or self.loader is not None
        )

    @property
    def brief_id(self) -> str | None:
        """The brief's id, when it is valid."""
        if self.indexed is None and self.stored_id and self.error is None:
            return self.stored_id
        summary = self.summary
        return summary.brief_id if summary else None

    @property
    def key(self) -> str:
        """A key unique within the library: the file's path."""
        return self._location

    @property
    def title(self) -> str:
        """The brief's title, or the file name for an invalid file."""
        summary = self.summary
        return summary.title if summary else self.name

    @property
    def published_time(self) -> float:
        """When the brief was published (a POSIX timestamp), for sorting; 0 for an invalid file."""
        if self.indexed is None and self.stored_time is not None and self.error is None:
            return self.stored_time
        summary = self.summary
        return summary.published_at.timestamp() if summary else 0.0


def scan(
    paths: Iterable[str | os.PathLike[str]], *, local_zone: tzinfo | None = None
) -> Iterator[LibraryEntry]:
    """Load every brief under ``paths``, yielding an entry per file as it is read.

    A folder that cannot be entered (or is nested too deeply to search) is
    yielded last as an entry with its error, so the library says so.
    """
    # deferred: pydantic after the first frame (the launcher imports this module)
    from briefing.core.loading import load_brief

    problems: list[FileProblem] = []
    for path in find_briefs(paths, problems):
        try:
            yield LibraryEntry(path, brief=load_brief(path, local_zone=local_zone))
        except BriefError as error:
            yield LibraryEntry(path, error=error)
    for problem in problems:
        if not isinstance(problem, NoBriefsFound):
            yield LibraryEntry(
                problem.path, error=BriefError(problem.path, [Problem(problem.reason)])
            )


def next_open_deadline(deadlines: Sequence[D]) -> D | None:
    """Return the open deadline the agenda puts first: the longest overdue, else the soonest.

    That is the earliest open one (ties by title) at any moment: the agenda
    (``storage/index/agenda.schedule``) orders by time left, so the library's column,
    its status line and the agenda name the same deadline.
    """
    open_deadlines = [d for d in deadlines if d.status is DeadlineStatus.OPEN]
    if not open_deadlines:
        return None
    return min(open_deadlines, key=lambda d: (d.due_at, d.title))


def matches(entry: LibraryEntry, query: str) -> bool:
    """True when every word of ``query`` is in the title, tags, participant names or file name."""
    words = query.casefold().split()
    if not words:
        return True
    summary = entry.summary
    text = entry.name.casefold()
    if summary is not None:
        text = f"{text}\n{summary.haystack}"
    return all(word in text for word in words)


def sort_entries(entries: list[LibraryEntry], order: str, now: datetime) -> list[LibraryEntry]:
    """Order ``entries`` by ``order``; files that failed to load always come last."""
    good: list[LibraryEntry] = []
    bad: list[LibraryEntry] = []
    for entry in entries:
        (good if entry.ok else bad).append(entry)
    bad.sort(key=lambda e: e.name)
    if order == "title":
        good.sort(key=lambda e: e.title.casefold())
    elif order == "deadline":

        def deadline_key(entry: LibraryEntry) -> tuple[int, float]:
            summary = entry.summary
            deadline = next_open_deadline(summary.deadlines) if summary else None
            if deadline is None:
                return (2, 0.0)
            seconds = (deadline.due_at - now).total_seconds()
            return (0, seconds) if seconds >= 0 else (1, -seconds)

        good.sort(key=deadline_key)
    else:
        good.sort(key=lambda e: e.published_time, reverse=True)
    if order == "published":
        return good + bad
    # Sorting decoded summaries; an entry whose index row turned out damaged moves down.
    return [e for e in good if e.ok] + bad + [e for e in good if not e.ok]
