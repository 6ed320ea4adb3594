"""Reminders: lead times before a deadline, and which of them a moment has crossed.

``reminders = ["7d", "1d", "1h"]`` in ``config.toml`` gives the lead times. The
calendar file gets one alarm per lead time; the running reader reminds once per
deadline and lead time, when the clock crosses it. What was already told is
remembered by a *mark* (the deadline, the lead time and the moment it falls due),
so a restart does not repeat it and a moved deadline reminds again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
"""The units of a duration (``7d``, ``12h``, ``2w``, ``90m``)."""
_DURATION = re.compile(r"\s*(\d{1,6})\s*([mhdw])\s*", re.IGNORECASE)
MAX_LEADS = 10
"""Lead times per deadline: more would be a wall of alarms, not a reminder."""
EXAMPLE = '["7d", "1d", "1h"]'


def parse_duration(text: str) -> timedelta | None:
    """Read ``7d``, ``12h``, ``2w`` or ``90m``; None when ``text`` is not one."""
    match = _DURATION.fullmatch(text)
    if match is None:
        return None
    amount, unit = match.groups()
    return timedelta(**{UNITS[unit.lower()]: int(amount)})


def parse_lead(text: str) -> timedelta | None:
    """A lead time: a duration longer than zero; None otherwise."""
    lead = parse_duration(text)
    return lead if lead and lead > timedelta(0) else None


def parse_leads(value: object) -> tuple[tuple[timedelta, ...], str | None]:
    """The lead times of the config's ``reminders``, longest first, or why they are not valid."""
    if not isinstance(value, list):
        return (), f"expected a list of lead times such as {EXAMPLE}"
    if len(value) > MAX_LEADS:
        return (), f"at most {MAX_LEADS} lead times, got {len(value)}"
    leads: set[timedelta] = set()
    for n, entry in enumerate(value, start=1):
        if not isinstance(entry, str):
            kind = "a number" if isinstance(entry, int | float) else type(entry).__name__
            return (), f'item {n}: expected a lead time such as "1d", got {kind}'
        lead = parse_lead(entry)
        if lead is None:
            shown = "".join(c for c in entry[:20] if c.isprintable())
            return (), f"item {n}: {shown!r} is not a lead time such as 7d, 12h, 2w or 90m"
        leads.add(lead)
    return tuple(sorted(leads, reverse=True)), None


def lead_words(lead: timedelta) -> str:
    """A lead time as the config writes it: ``7d``, ``1h``, ``90m``."""
    seconds = int(lead.total_seconds())
    for size, unit in ((86_400, "d"), (3600, "h")):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds // 60}m"


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
