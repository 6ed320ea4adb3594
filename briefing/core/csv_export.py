"""Notes and the agenda as CSV, safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and some strip a leading tab or carriage return first), so a note or a
brief could make it fetch a URL or run a command. Every such cell is
neutralised the way OWASP recommends: a ``'`` in front, which the spreadsheet
shows as text. The files are UTF-8, comma-separated, quoted where needed,
one header row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from briefing.core.annotations import KIND_LABELS, Bookmark, Note
from briefing.core.models import Brief
from briefing.core.notes_export import context_of
from briefing.core.status import DeadlineStatus

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula."""

NOTES_COLUMNS = (
    "type",
    "brief_id",
    "brief_title",
    "section",
    "speaker",
    "item_id",
    "item_text",
    "body",
    "created",
    "updated",
    "detached",
    "uid",
)
AGENDA_COLUMNS = (
    "due",
    "all_day",
    "overdue",
    "deadline",
    "details",
    "brief_id",
    "brief_title",
    "source",
)


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front when a spreadsheet would read it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()


def notes_csv(
    notes: Iterable[Note], bookmarks: Iterable[Bookmark], briefs: Mapping[str, Brief]
) -> str:
    """One row per note, then one per bookmark (``type`` says which)."""
    rows: list[list[str]] = []
    marks: list[Note | Bookmark] = [*notes, *bookmarks]
    for mark in marks:
        note = mark if isinstance(mark, Note) else None
        rows.append(
            [
                "note" if note else "bookmark",
                mark.brief_id,
                mark.brief_title,
                KIND_LABELS[mark.kind],
                context_of(mark, briefs.get(mark.brief_id)),
                mark.item_id,
                mark.item_text,
                note.body if note else "",
                _iso(mark.created),
                _iso(note.updated) if note else "",
                "yes" if mark.detached else "no",
                note.uid if note else "",
            ]
        )
    return _table(NOTES_COLUMNS, rows)


def agenda_csv(briefs: Iterable[Brief], now: datetime) -> str:
    """Every open deadline of ``briefs``, soonest first (``overdue`` as of ``now``)."""
    found = [
        (deadline, brief)
        for brief in briefs
        for deadline in brief.deadlines
        if deadline.status is DeadlineStatus.OPEN
    ]
    found.sort(key=lambda pair: (pair[0].due_at, pair[1].title.casefold(), pair[0].id))
    rows = [
        [
            deadline.due.isoformat(),
            "no" if isinstance(deadline.due, datetime) else "yes",
            "yes" if deadline.due_at < now else "no",
            deadline.title,
            deadline.details or "",
            brief.id,
            brief.title,
            brief.source.url or brief.source.name if brief.source else "",
        ]
        for deadline, brief in found
    ]
    return _table(AGENDA_COLUMNS, rows)
