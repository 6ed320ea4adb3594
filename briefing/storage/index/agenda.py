"""Open deadlines across the library, read from the library index: the agenda.

The agenda screen and ``briefing agenda`` list every open deadline of every
brief without parsing brief files: the summaries the index keeps carry each
deadline's title, due time, status and id. Without an index (no data folder)
the same records are made from briefs read directly.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.countdown import Countdown, countdown
from briefing.core.library import BriefSummary, summarize
from briefing.core.library_items import LibraryItem, brief_items
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import format_when
from briefing.storage.index.people import read_library
from briefing.storage.index.schema import roots_clause

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.index.database import LibraryIndex
    from briefing.storage.index.indexing import Indexer


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
    # Summaries carry each deadline's id and due text; without them, the brief's items
    # (when given) are matched by position (both follow the brief's order). When those
    # disagree the ids are left out, not guessed.
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

    Reads the summaries the index keeps per file (filled by ``refreshing.refresh``;
    each names its deadlines' ids, so the search tables are not needed). Raises
    ``sqlite3.DatabaseError`` when the index cannot be read.
    """
    where, values = roots_clause(roots, scan=True)
    rows = connection.execute(
        f"SELECT path, summary FROM files WHERE summary IS NOT NULL AND {where}", values
    )
    found: list[AgendaItem] = []
    for path, stored in rows:
        try:
            summary = BriefSummary.from_json(json.loads(stored))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged row: the library screen says so; the agenda skips it
        if not any(d.status is DeadlineStatus.OPEN for d in summary.deadlines):
            continue
        found.extend(_agenda_of(Path(path), summary, []))
    return found


def unreadable(connection: sqlite3.Connection, roots: Sequence[str]) -> int:
    """How many files under ``roots`` the index knows to be invalid or unreadable."""
    where, values = roots_clause(roots, scan=True)
    row = connection.execute(
        f"SELECT count(*) FROM files WHERE error IS NOT NULL AND {where}", values
    ).fetchone()
    return int(row[0])


def agenda_of_briefs(briefs: Iterable[tuple[Path, Brief]]) -> list[AgendaItem]:
    """Every open deadline of ``briefs`` (path and brief), for a library read without an index."""
    found: list[AgendaItem] = []
    for path, brief in briefs:
        deadlines = [item for item in brief_items(brief) if item.kind == "deadline"]
        found.extend(_agenda_of(path, summarize(brief), deadlines))
    return found


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """An agenda line at a given moment: the deadline and its countdown."""

    item: AgendaItem
    left: Countdown

    @property
    def overdue(self) -> bool:
        """True once the deadline has passed (it is still open)."""
        return self.left.seconds < 0


def due_words(item: AgendaItem, clock: str = "24h") -> str:
    """When ``item`` falls due, as the reader says it: ``2025-11-02 (end of day)`` for a
    date-only deadline (not the next midnight), else the date, time and offset."""
    if item.all_day:
        return f"{item.due_text} (end of day)"
    return format_when(item.due_at, clock=clock)


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
    return read_library(
        index,
        paths,
        zone,
        indexer,
        False,
        lambda connection, roots: (read_agenda(connection, roots), unreadable(connection, roots)),
        lambda briefs: (agenda_of_briefs(briefs), 0),
    )
