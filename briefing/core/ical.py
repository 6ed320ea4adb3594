"""Deadlines as an iCalendar file, with the notes on each deadline in its description."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from briefing.core.anchors import ItemKind
from briefing.core.annotations import Note
from briefing.core.status import DeadlineStatus

if TYPE_CHECKING:
    from briefing.core.models import Brief


def deadlines_ics(briefs: Iterable[Brief], notes: Iterable[Note], now: datetime) -> bytes:
    """Every deadline of ``briefs`` as VEVENTs: a timed deadline at its moment, a dated one as an all-day event."""
    from icalendar import Calendar, Event  # deferred: only the ics export needs it

    by_item: dict[tuple[str, str], list[Note]] = {}
    for note in notes:
        if note.kind is ItemKind.DEADLINE:
            by_item.setdefault((note.brief_id, note.item_id), []).append(note)
    calendar = Calendar()
    calendar.add("prodid", "-//briefing//deadlines//EN")
    calendar.add("version", "2.0")
    stamp = now.astimezone(UTC)
    for brief in briefs:
        for deadline in brief.deadlines:
            event = Event()
            event.add("uid", f"{brief.id}/{deadline.id}@briefing")
            event.add("dtstamp", stamp)
            event.add("summary", deadline.title)
            if isinstance(deadline.due, datetime):
                event.add("dtstart", deadline.due_at.astimezone(UTC))
                event.add("dtend", deadline.due_at.astimezone(UTC))
            else:
                event.add("dtstart", deadline.due)
                event.add("dtend", deadline.due + timedelta(days=1))
            lines = [f"Brief: {brief.title}"]
            if deadline.status is not DeadlineStatus.OPEN:
                lines.append(f"Status: {deadline.status.value}")
                event.add(
                    "status",
                    "CANCELLED" if deadline.status is DeadlineStatus.CANCELLED else "CONFIRMED",
                )
            if deadline.details:
                lines += ["", deadline.details.strip()]
            for note in by_item.get((brief.id, deadline.id), []):
                lines += ["", "Note:", note.body.strip()]
            event.add("description", "\n".join(lines))
            calendar.add_component(event)
    document: bytes = calendar.to_ical()
    return document
