"""Durations and lead times as ``config.toml`` and the command line write them: ``7d``,
``12h``, ``2w``, ``90m``.

Apart from :mod:`briefing.core.reminders`, which works out what falls due: the config
check (``reminders = [...]``) and the options ``--within`` read them on every start,
before the reader's first frame, and need nothing else of reminders.
"""

from __future__ import annotations

import re
from datetime import timedelta

UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
"""The units of a duration (``7d``, ``12h``, ``2w``, ``90m``)."""
# A pattern, compiled (and cached by ``re``) when first used: nothing compiles at import.
_DURATION = r"\s*(\d{1,6})\s*([mhdw])\s*"
MAX_LEADS = 10
"""Lead times per deadline: more would be a wall of alarms, not a reminder."""
EXAMPLE = '["7d", "1d", "1h"]'


def parse_duration(text: str) -> timedelta | None:
    """Read ``7d``, ``12h``, ``2w`` or ``90m``; None when ``text`` is not one."""
    match = re.fullmatch(_DURATION, text, re.IGNORECASE)
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
