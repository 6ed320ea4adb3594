"""People and open deadlines across the library, read from the library index.

The people screen and the agenda (screen and ``briefing agenda``) look at
every brief at once. Neither parses brief files: the people come from the
participant and quote rows of the index's ``items`` table (merged by
:mod:`briefing.core.people`), the agenda from the summaries and items the
index keeps for each file. Without an index (no data folder) the same records
are made from briefs read directly, through the same functions.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.core.countdown import Countdown, countdown
from briefing.core.library import BriefSummary
from briefing.core.library_items import LibraryItem, brief_items
from briefing.core.people import Appearance, Person, merge_people
from briefing.core.status import DeadlineStatus

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.library_index import Indexer, LibraryIndex

_T = TypeVar("_T")


def _roots_clause(roots: Sequence[str]) -> tuple[str, list[Any]]:
    """SQL that keeps the rows of files under ``roots`` (the index may hold other libraries).

    A range of the path rather than ``substr`` (which makes a string a row), and
    ``+path`` so that SQLite scans the table in order rather than look up each
    row through an index: for a whole library, three times faster.
    """
    if not roots:
        return "0", []
    clauses, values = [], []
    for root in roots:
        base = root.rstrip(os.sep)
        clauses.append("(+path = ? OR (+path >= ? AND +path < ?))")
        # Every path under base/ sorts between base/ and the next character after the separator.
        values += [root, base + os.sep, base + chr(ord(os.sep) + 1)]
    return "(" + " OR ".join(clauses) + ")", values


def brought_up_to_date(
    index: LibraryIndex,
    paths: Iterable[str | os.PathLike[str]],
    *,
    indexer: Indexer | None = None,
    items: bool = True,
) -> None:
    """Refresh ``index`` for the library at ``paths`` and, with ``items``, fill its items table.

    Unchanged files are only stat'ed, so on a warm index this is quick.
    """
    from briefing.storage.indexing import index_serially

    for _ in index.refresh(list(paths), indexer=indexer or index_serially):
        pass
    if items:
        for _ in index.build_search():
            pass


# People ------------------------------------------------------------------------


_Record = tuple[str, str, str, str, str, str, str, str, str, str, float | None, str]
"""An items-table row: path, kind, item id, text, speaker id and name, role, affiliation,
aliases (one a line), when, when_ts, context."""


@dataclass(frozen=True, slots=True)
class QuoteInfo:
    """A quote as the people screen lists it: its words, when, and the brief it is in."""

    path: Path
    item_id: str
    text: str
    when: str
    """The date as written for reading (the quote's ``said``, else the brief's publication)."""
    when_ts: float | None
    context: str
    brief_title: str


@dataclass(slots=True)
class LibraryPeople:
    """Every person of a library, and each one's quotes."""

    people: list[Person] = field(default_factory=list)
    """Merged people, the most present first (see :func:`~briefing.core.people.merge_people`)."""
    titles: dict[str, str] = field(default_factory=dict)
    """Brief titles by brief key (path)."""
    quotes: dict[tuple[str, str], list[_Record]] = field(default_factory=dict)
    """Quote rows by (brief key, participant id), made into :class:`QuoteInfo` when asked for."""

    def quotes_of(self, person: Person) -> list[QuoteInfo]:
        """Every quote of ``person`` across the library, oldest first (undated last)."""
        titles = self.titles
        found = [
            QuoteInfo(Path(r[0]), r[2], r[3], r[9], r[10], r[11], titles.get(r[0], ""))
            for appearance in person.appearances
            for r in self.quotes.get((appearance.brief, appearance.participant_id), [])
        ]
        found.sort(
            key=lambda q: (q.when_ts is None, q.when_ts or 0.0, q.brief_title.casefold(), q.item_id)
        )
        return found

    def brief_title(self, brief: str) -> str:
        """The title of the brief at key ``brief`` (its file name when unknown)."""
        return self.titles.get(brief) or Path(brief).name


def _people_of(records: Iterable[_Record]) -> LibraryPeople:
    titles: dict[str, str] = {}
    published: dict[str, float] = {}
    participants: list[_Record] = []
    quotes: dict[tuple[str, str], list[_Record]] = {}
    for record in records:
        path, kind = record[0], record[1]
        if kind == "brief":
            titles[path] = record[3].split("\n", 1)[0]
            published[path] = record[10] or 0.0
        elif kind == "participant":
            participants.append(record)
        elif kind == "quote" and record[4]:
            quotes.setdefault((path, record[4]), []).append(record)
    appearances = [
        Appearance(
            brief=path,
            participant_id=item_id,
            name=name,
            role=role,
            affiliation=affiliation,
            aliases=tuple(filter(None, aliases.split("\n"))),
            quotes=len(quotes.get((path, item_id), ())),
            published=published.get(path, 0.0),
        )
        for path, _, item_id, _, _, name, role, affiliation, aliases, *_ in participants
    ]
    known = {(a.brief, a.participant_id) for a in appearances}
    # A speaker the brief does not list has no person to give the words to.
    said = {key: rows for key, rows in quotes.items() if key in known}
    return LibraryPeople(merge_people(appearances), titles, said)


def read_people(connection: sqlite3.Connection, roots: Sequence[str]) -> LibraryPeople:
    """The people of the library under ``roots`` (absolute paths), from the index's items table.

    The items table is filled by ``LibraryIndex.build_search``; see
    :func:`brought_up_to_date`. Raises ``sqlite3.DatabaseError`` when the index
    cannot be read.
    """
    where, values = _roots_clause(roots)
    rows = connection.execute(
        "SELECT path, kind, item_id, text, speaker_id, speaker_name, role, affiliation, aliases,"
        " when_text, when_ts, context FROM items"
        f" WHERE +kind IN ('brief', 'participant', 'quote') AND {where}",
        values,
    )
    return _people_of(rows)


def people_of_briefs(briefs: Iterable[tuple[Path, Brief]]) -> LibraryPeople:
    """The people of ``briefs`` (path and brief), for a library read without an index."""
    return _people_of(
        (str(path), *data[:7], "\n".join(data[7]), *data[8:])
        for path, brief in briefs
        for data in (item.to_json() for item in brief_items(brief))
    )


# The agenda ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An open deadline of one brief, with what the agenda shows of its brief."""

    path: Path
    """The brief's file."""
    item_id: str
    """The deadline's id in its brief ("" when the index could not tell)."""
    title: str
    due_at: datetime
    """The moment it falls due, in the brief's own offset (a date's is the end of that day)."""
    due_text: str
    """The due date as the brief writes it, for reading (``2025-11-10``)."""
    all_day: bool
    """True when the brief gives a date only (it falls due at the end of that day)."""
    brief_title: str
    published_at: datetime
    """When the brief was published (the clock "as published" counts from it)."""
    tags: tuple[str, ...] = ()
    """The brief's tags, for the filter."""

    @property
    def key(self) -> str:
        """A key unique in the library: the file and the deadline."""
        return f"{self.path}#{self.item_id or self.title}"

    def has_tag(self, tag: str) -> bool:
        """True when the brief is tagged ``tag`` (case does not matter)."""
        wanted = tag.casefold()
        return any(t.casefold() == wanted for t in self.tags)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _agenda_of(path: Path, summary: BriefSummary, deadlines: list[LibraryItem]) -> list[AgendaItem]:
    # Summaries carry each deadline's id and due text; older rows only have the items to
    # match by position (both follow the brief's order). When those disagree (an index row
    # of another version) the ids are left out, not guessed.
    if summary.deadlines and all(info.deadline_id for info in summary.deadlines):
        deadlines = [
            LibraryItem("deadline", info.deadline_id, info.title, when=info.due_text)
            for info in summary.deadlines
        ]
    matched = len(deadlines) == len(summary.deadlines) and all(
        item.text.split("\n", 1)[0] == info.title
        for item, info in zip(deadlines, summary.deadlines, strict=True)
    )
    found = []
    for n, info in enumerate(summary.deadlines):
        if info.status is not DeadlineStatus.OPEN:
            continue
        item = deadlines[n] if matched else None
        due_text = item.when if item else info.due_at.isoformat()
        found.append(
            AgendaItem(
                path=path,
                item_id=item.item_id if item else "",
                title=info.title,
                due_at=info.due_at,
                due_text=due_text,
                all_day=_is_date(due_text),
                brief_title=summary.title,
                published_at=summary.published_at,
                tags=summary.tags,
            )
        )
    return found


def read_agenda(connection: sqlite3.Connection, roots: Sequence[str]) -> list[AgendaItem]:
    """Every open deadline of the library under ``roots`` (absolute paths), from the index.

    Reads the summaries and items the index keeps per file (filled by
    ``LibraryIndex.refresh``; the search tables are not needed). Raises
    ``sqlite3.DatabaseError`` when the index cannot be read.
    """
    where, values = _roots_clause(roots)
    rows = connection.execute(
        f"SELECT path, summary, items FROM files WHERE summary IS NOT NULL AND {where}", values
    )
    found: list[AgendaItem] = []
    for path, stored, items in rows:
        try:
            summary = BriefSummary.from_json(json.loads(stored))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged row: the library screen says so; the agenda skips it
        if not any(d.status is DeadlineStatus.OPEN for d in summary.deadlines):
            continue
        deadlines: list[LibraryItem] = []
        try:
            for data in json.loads(items or "[]"):
                if isinstance(data, list) and data and data[0] == "deadline":
                    deadlines.append(LibraryItem.from_json(data))
        except (TypeError, ValueError):
            deadlines = []
        found.extend(_agenda_of(Path(path), summary, deadlines))
    return found


def unreadable(connection: sqlite3.Connection, roots: Sequence[str]) -> int:
    """How many files under ``roots`` the index knows to be invalid or unreadable."""
    where, values = _roots_clause(roots)
    row = connection.execute(
        f"SELECT count(*) FROM files WHERE error IS NOT NULL AND {where}", values
    ).fetchone()
    return int(row[0])


def agenda_of_briefs(briefs: Iterable[tuple[Path, Brief]]) -> list[AgendaItem]:
    """Every open deadline of ``briefs`` (path and brief), for a library read without an index."""
    from briefing.core.library import summarize

    found: list[AgendaItem] = []
    for path, brief in briefs:
        deadlines = [item for item in brief_items(brief) if item.kind == "deadline"]
        found.extend(_agenda_of(path, summarize(brief), deadlines))
    return found


def read_briefs(
    paths: Iterable[str | os.PathLike[str]], zone: tzinfo | None
) -> Iterable[tuple[Path, Brief]]:
    """Every valid brief under ``paths`` with its absolute path (invalid files are skipped)."""
    from briefing.core.library import scan

    for entry in scan([os.path.abspath(os.fspath(p)) for p in paths], local_zone=zone):
        if entry.brief is not None:
            yield entry.path, entry.brief


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """An agenda line at a given moment: the deadline and its countdown."""

    item: AgendaItem
    left: Countdown

    @property
    def overdue(self) -> bool:
        """True once the deadline has passed (it is still open)."""
        return self.left.seconds < 0


def schedule(
    items: Iterable[AgendaItem],
    now: datetime,
    *,
    tag: str | None = None,
    within: timedelta | None = None,
    shift: Callable[[AgendaItem], timedelta] | None = None,
) -> list[AgendaRow]:
    """The agenda at ``now``: overdue deadlines first (the longest overdue first), then soonest first.

    ``tag`` keeps the deadlines of briefs with that tag; ``within`` those due
    before ``now + within`` (overdue ones are always kept: they are still open).
    ``shift`` moves the clock per deadline (the clock "as published" counts each
    from its own brief's publication).
    """
    rows = []
    for item in items:
        if tag and not item.has_tag(tag):
            continue
        moment = now + shift(item) if shift else now
        left = countdown(item.due_at, moment)
        if within is not None and left.seconds > within.total_seconds():
            continue
        rows.append(AgendaRow(item, left))
    rows.sort(
        key=lambda r: (r.left.seconds, r.item.brief_title.casefold(), r.item.title, r.item.key)
    )
    return rows


def tags_of(items: Iterable[AgendaItem]) -> list[tuple[str, int]]:
    """The tags of the briefs with open deadlines and how many deadlines each has, by name."""
    counts: dict[str, tuple[str, int]] = {}
    for item in items:
        for tag in dict.fromkeys(t.casefold() for t in item.tags):
            shown, count = counts.get(tag, (next(t for t in item.tags if t.casefold() == tag), 0))
            counts[tag] = (shown, count + 1)
    return sorted(counts.values(), key=lambda pair: pair[0].casefold())


# Reading a library ----------------------------------------------------------------


def _read_library(
    index: LibraryIndex | None,
    paths: Iterable[str | os.PathLike[str]],
    zone: tzinfo | None,
    indexer: Indexer | None,
    items: bool,
    from_index: Callable[[sqlite3.Connection, list[str]], _T],
    from_briefs: Callable[[Iterable[tuple[Path, Brief]]], _T],
) -> _T:
    from briefing.storage.library_index import LibraryIndex, absolute

    roots = absolute(paths)
    if index is not None:
        # A connection of its own: the library screen's worker may be using the app's in
        # another thread; SQLite serialises two connections, not two threads on one.
        own = LibraryIndex(index.path, zone=index.zone)
        try:
            brought_up_to_date(own, roots, indexer=indexer, items=items)
            return from_index(own.connection, roots)
        except (OSError, sqlite3.Error):
            pass  # a read-only or damaged data folder: read the briefs themselves
        finally:
            own.close()
    return from_briefs(read_briefs(roots, zone))


def people_in_library(
    index: LibraryIndex | None,
    paths: Iterable[str | os.PathLike[str]],
    zone: tzinfo | None,
    *,
    indexer: Indexer | None = None,
) -> LibraryPeople:
    """The people of the library at ``paths``: from the index (brought up to date first), or,
    without a usable index, from every brief read again."""
    return _read_library(index, paths, zone, indexer, True, read_people, people_of_briefs)


def agenda_in_library(
    index: LibraryIndex | None,
    paths: Iterable[str | os.PathLike[str]],
    zone: tzinfo | None,
    *,
    indexer: Indexer | None = None,
) -> tuple[list[AgendaItem], int]:
    """The open deadlines of the library at ``paths`` and how many of its files are invalid.

    From the index (brought up to date first; its search tables are not
    needed), or, without a usable index, from every brief read again (the
    invalid ones are then not counted).
    """
    return _read_library(
        index,
        paths,
        zone,
        indexer,
        False,
        lambda connection, roots: (read_agenda(connection, roots), unreadable(connection, roots)),
        lambda briefs: (agenda_of_briefs(briefs), 0),
    )
