"""Deadlines as an iCalendar document: the library's calendar, and the export of a brief's deadlines.

Each deadline is one VTODO with a DUE (or, for calendars that ignore to-dos, one
VEVENT). Its UID is made of the brief's id and the deadline's, so every export
gives the same deadline the same UID and a calendar that reads the file again
updates the item instead of adding a second one. SEQUENCE and LAST-MODIFIED come
from revisions the caller keeps (the store's ``CalendarRevisions``): they move only
when the deadline does. An open deadline gets one VALARM per configured lead time.
The calendar carries RFC 7986's NAME and REFRESH-INTERVAL for subscribers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from briefing.core.anchors import ItemKind
from briefing.core.annotations import Note
from briefing.core.safetext import clean_line, clean_text
from briefing.core.status import DeadlineStatus

if TYPE_CHECKING:
    from briefing.core.models import Brief

Component = Literal["todo", "event"]

PRODID = "-//briefing//deadlines//EN"
CALENDAR_NAME = "briefing: deadlines"
REFRESH = timedelta(hours=1)
"""How often a subscribed calendar should read the file again."""

TODO_STATUS = {
    DeadlineStatus.OPEN: "NEEDS-ACTION",
    DeadlineStatus.EXTENDED: "NEEDS-ACTION",
    DeadlineStatus.MET: "COMPLETED",
    DeadlineStatus.MISSED: "CANCELLED",
    DeadlineStatus.CANCELLED: "CANCELLED",
}
"""A VTODO's STATUS for each deadline status (RFC 5545 has no "missed": it will not be done)."""


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One deadline as a calendar item: what the document says of it."""

    uid: str
    title: str
    due: date | datetime
    """As the brief writes it: a date is an all-day item (due at the end of that day)."""
    due_at: datetime
    status: DeadlineStatus
    description: str
    url: str | None
    """The brief's source, when it is a plain http(s) URL."""


def _safe_url(text: str | None) -> str | None:
    """``text`` if it is an http(s) URL with nothing a calendar line could trip on, else None."""
    if not text or not text.startswith(("https://", "http://")) or len(text) > 2000:
        return None
    if any(not char.isprintable() or char.isspace() for char in text):
        return None
    return text


def calendar_items(briefs: Iterable[Brief], notes: Iterable[Note]) -> list[CalendarItem]:
    """Every deadline of ``briefs``, with the notes on it in its description."""
    by_item: dict[tuple[str, str], list[Note]] = {}
    for note in notes:
        if note.kind is ItemKind.DEADLINE:
            by_item.setdefault((note.brief_id, note.item_id), []).append(note)
    items = []
    for brief in briefs:
        url = _safe_url(brief.source.url if brief.source else None)
        for deadline in brief.deadlines:
            lines = [f"Brief: {clean_line(brief.title)}"]
            if deadline.status is not DeadlineStatus.OPEN:
                lines.append(f"Status: {deadline.status.value}")
            if deadline.details:
                lines += ["", clean_text(deadline.details.strip())]
            for note in by_item.get((brief.id, deadline.id), []):
                lines += ["", "Note:", clean_text(note.body.strip())]
            items.append(
                CalendarItem(
                    uid=f"{brief.id}/{deadline.id}@briefing",
                    title=clean_line(deadline.title),
                    due=deadline.due,
                    due_at=deadline.due_at,
                    status=deadline.status,
                    description="\n".join(lines),
                    url=url,
                )
            )
    return items


def item_digests(items: Iterable[CalendarItem]) -> dict[str, str]:
    """A digest of what each item says, by UID: a new digest is a new revision."""
    digests = {}
    for item in items:
        fields = [item.title, item.due.isoformat(), item.status.value, item.description, item.url]
        digests[item.uid] = hashlib.sha256(json.dumps(fields).encode("utf-8")).hexdigest()[:32]
    return digests


def _when(item: CalendarItem) -> date | datetime:
    return item.due_at.astimezone(UTC) if isinstance(item.due, datetime) else item.due


def _alarms(component: Any, item: CalendarItem, leads: Sequence[timedelta]) -> None:
    # deferred: icalendar takes about 90 ms to import; only calendar files need it
    from icalendar import Alarm

    for lead in leads:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.title)
        if isinstance(item.due, datetime):
            alarm.add("trigger", -lead, parameters={"RELATED": "END"})
        else:
            # A date falls due at the end of that day, which neither DUE nor DTEND says
            # for every calendar: the alarm is set at its exact moment.
            alarm.add(
                "trigger", (item.due_at - lead).astimezone(UTC), parameters={"VALUE": "DATE-TIME"}
            )
        component.add_component(alarm)


def _component(
    item: CalendarItem, kind: Component, stamp: datetime, leads: Sequence[timedelta]
) -> Any:
    # deferred: icalendar takes about 90 ms to import; only calendar files need it
    from icalendar import Event, Todo

    component: Any = Todo() if kind == "todo" else Event()
    component.add("uid", item.uid)
    component.add("dtstamp", stamp)
    component.add("summary", item.title)
    when = _when(item)
    if kind == "todo":
        component.add("due", when)
        component.add("status", TODO_STATUS[item.status])
    else:
        component.add("dtstart", when)
        end = when if isinstance(when, datetime) else when + timedelta(days=1)
        component.add("dtend", end)
        cancelled = item.status in (DeadlineStatus.CANCELLED, DeadlineStatus.MISSED)
        component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    component.add("description", item.description)
    if item.url:
        component.add("url", item.url)
    if item.status is DeadlineStatus.OPEN:
        _alarms(component, item, leads)
    return component


def calendar_ics(
    items: Iterable[CalendarItem],
    now: datetime,
    *,
    component: Component = "todo",
    leads: Sequence[timedelta] = (),
    revisions: Mapping[str, tuple[int, datetime]] | None = None,
) -> bytes:
    """A calendar of ``items``: VTODOs (or VEVENTs), alarms at ``leads`` before each open one.

    ``revisions`` gives each UID's SEQUENCE and LAST-MODIFIED; without it neither is
    written (an export that keeps no memory claims no revision).
    """
    from icalendar import Calendar  # deferred: only calendar files need it

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", CALENDAR_NAME)
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")  # the same interval, for Outlook and Apple
    stamp = now.astimezone(UTC)
    for item in items:
        part = _component(item, component, stamp, leads)
        if revisions is not None and item.uid in revisions:
            sequence, modified = revisions[item.uid]
            part.add("sequence", sequence)
            part.add("last-modified", modified.astimezone(UTC))
        calendar.add_component(part)
    document: bytes = calendar.to_ical()
    return document


def deadlines_ics(briefs: Iterable[Brief], notes: Iterable[Note], now: datetime) -> bytes:
    """Every deadline of ``briefs`` as VEVENTs (``briefing export --deadlines``): a timed
    deadline at its moment, a dated one as an all-day event."""
    return calendar_ics(calendar_items(briefs, notes), now, component="event")
