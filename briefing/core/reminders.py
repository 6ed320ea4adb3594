"""Reminders: lead times before a deadline, and which of them a moment has crossed.

``reminders = ["7d", "1d", "1h"]`` in ``config.toml`` gives the lead times. The
calendar file gets one alarm per lead time; the running reader reminds once per
deadline and lead time, when the clock crosses it. What was already told is
remembered by a *mark* (the deadline, the lead time and the moment it falls due),
so a restart does not repeat it and a moved deadline reminds again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# The lead times are read by the config check and the command line, which need none of
# the rest (and its dataclasses, before the reader's first frame).
from briefing.core.durations import (
    EXAMPLE,
    MAX_LEADS,
    UNITS,
    lead_words,
    parse_duration,
    parse_lead,
    parse_leads,
)

__all__ = [
    "EXAMPLE",
    "MAX_LEADS",
    "UNITS",
    "Reminder",
    "ReminderDue",
    "due_reminders",
    "lead_words",
    "mark",
    "next_crossing",
    "parse_duration",
    "parse_lead",
    "parse_leads",
]


@dataclass(frozen=True, slots=True)
class ReminderDue:
    """An open deadline that may need a reminder."""

    key: str
    """The deadline, unique in the library (its brief's id and its own)."""
    title: str
    brief_title: str
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder to give now: the deadline and the nearest lead time crossed."""

    item: ReminderDue
    lead: timedelta
    marks: tuple[str, ...]
    """Every lead time of this deadline crossed and not yet told (one reminder tells them all)."""


def mark(item: ReminderDue, lead: timedelta) -> str:
    """What remembers that ``item`` was reminded of at ``lead``."""
    due = item.due_at.astimezone(UTC).isoformat(timespec="seconds")
    return f"{item.key}|{int(lead.total_seconds())}|{due}"


def due_reminders(
    items: Iterable[ReminderDue], leads: Sequence[timedelta], now: datetime, told: set[str]
) -> list[Reminder]:
    """The reminders to give at ``now``: one per deadline whose lead time was crossed and not told.

    A deadline already passed gets none (the agenda shows it overdue). When the
    reader was not running as several lead times passed, one reminder tells them
    all, worded for the nearest.
    """
    found = []
    for item in items:
        left = item.due_at.astimezone(UTC) - now.astimezone(UTC)
        if left < timedelta(0):
            continue
        crossed = [lead for lead in leads if left <= lead and mark(item, lead) not in told]
        if crossed:
            nearest = min(crossed)
            found.append(Reminder(item, nearest, tuple(mark(item, lead) for lead in crossed)))
    found.sort(key=lambda r: (r.item.due_at.astimezone(UTC), r.item.key))
    return found


def next_crossing(
    items: Iterable[ReminderDue], leads: Sequence[timedelta], now: datetime, told: set[str]
) -> datetime | None:
    """The first moment after ``now`` when a lead time not yet told is crossed; None if never.

    The reader asks :func:`due_reminders` only from then on: with 20,000 deadlines
    that took 27 ms, too much for a check each second on the UI thread.
    """
    soonest: datetime | None = None
    moment = now.astimezone(UTC)
    for item in items:
        due = item.due_at.astimezone(UTC)
        for lead in leads:
            at = due - lead
            if at > moment and (soonest is None or at < soonest) and mark(item, lead) not in told:
                soonest = at
    return soonest
