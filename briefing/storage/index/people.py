"""People across the library, read from the library index (and how the agenda reads it too).

The people screen looks at every brief at once without parsing brief files:
the people come from the participant and quote rows of the index's ``items``
table (merged by :mod:`briefing.core.people_merge`). Without an index (no data
folder) the same records are made from briefs read directly, through the same
functions. :func:`read_library` is shared with :mod:`.agenda`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing.core.library import scan
from briefing.core.library_items import brief_items
from briefing.core.people_merge import Appearance, Person, merge_people
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_serially
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.schema import absolute, roots_clause

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.index.indexing import Indexer

_T = TypeVar("_T")


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
    for _ in refresh(index, list(paths), indexer=indexer or index_serially):
        pass
    if items:
        for _ in build_search(index):
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
    """Merged people, the most present first (see :func:`~briefing.core.people_merge.merge_people`)."""
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

    The items table is filled by ``refreshing.build_search``; see
    :func:`brought_up_to_date`. Raises ``sqlite3.DatabaseError`` when the index
    cannot be read.
    """
    where, values = roots_clause(roots, scan=True)
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


def read_briefs(
    paths: Iterable[str | os.PathLike[str]], zone: tzinfo | None
) -> Iterable[tuple[Path, Brief]]:
    """Every valid brief under ``paths`` with its absolute path (invalid files are skipped)."""
    for entry in scan([os.path.abspath(os.fspath(p)) for p in paths], local_zone=zone):
        if entry.brief is not None:
            yield entry.path, entry.brief


# Reading a library ----------------------------------------------------------------


def read_library(
    index: LibraryIndex | None,
    paths: Iterable[str | os.PathLike[str]],
    zone: tzinfo | None,
    indexer: Indexer | None,
    items: bool,
    from_index: Callable[[sqlite3.Connection, list[str]], _T],
    from_briefs: Callable[[Iterable[tuple[Path, Brief]]], _T],
) -> _T:
    """Read something of the whole library: ``from_index`` on the index brought up to date
    (with its search tables when ``items``), or ``from_briefs`` on every brief read again
    when there is no usable index."""
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
    return read_library(index, paths, zone, indexer, True, read_people, people_of_briefs)
