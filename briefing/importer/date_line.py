"""Read the publication date (and time, and zone) from an article's date line.

"October 26, 2025 01:55 PM GMT+03:00", "2025-10-26", "Published 27 April 2018":
the header of a pasted article often says when it was published. A line
qualifies only when it is little more than a date, so a sentence that mentions
one is not taken for the date line. Kept apart from :mod:`.dates`, which finds
the dates in the body, because only this reads times of day and time zones.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from briefing.importer.date_words import DATES, iso_date, month_number, safe_date
from briefing.importer.patterns import lazy

_TIME = lazy(r"\b(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?(?=\s|$|,)")


_ZONE = lazy(
    r"\b(?:GMT|UTC|Z)\s*(?P<sign>[+-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?"
    r"|(?P<sign2>[+-])(?P<oh2>\d{2}):?(?P<om2>\d{2})\b"
    r"|\b(?P<name>GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|EET|EEST|JST|KST|AEST|AEDT|SGT|MYT|HKT|WIB)\b"
)


_ZONE_HOURS = {
    "GMT": 0, "UTC": 0, "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7,
    "PDT": -7, "PST": -8, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "JST": 9,
    "KST": 9, "AEST": 10, "AEDT": 11, "SGT": 8, "MYT": 8, "HKT": 8, "WIB": 7,
}  # fmt: skip


def header_date(line: str) -> date | datetime | None:
    """Read the publication date of a date line ("October 26, 2025 01:55 PM GMT+03:00")."""
    match = next(
        (m for m in DATES.finditer(line) if m.group("y1") or m.group("y2") or m.group("iso")), None
    )
    if match is None:
        return None
    rest = line[: match.start()] + " " + line[match.end() :]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    zone_names = set(_ZONE_HOURS)
    if len([w for w in words if w not in zone_names and w.upper() not in ("AM", "PM")]) > 6:
        return None
    if match.group("iso"):
        day = iso_date(match.group("iso"))
    else:
        month = month_number(match.group("m1") or match.group("m2"))
        year = int(match.group("y1") or match.group("y2"))
        day = safe_date(year, month, int(match.group("d1") or match.group("d2")))
    if day is None or not 1900 <= day.year <= 2200:
        return None
    after = line[match.end() :]
    clock = _TIME.search(after)
    if clock is None or (clock.group("min") is None and clock.group("ampm") is None):
        return day
    hour, minute = int(clock.group("h")), int(clock.group("min") or 0)
    ampm = (clock.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day
    moment = datetime.combine(day, time(hour, minute))
    zone = _ZONE.search(after[clock.end() :])
    if zone is None:
        return moment
    if zone.group("name"):
        offset = timedelta(hours=_ZONE_HOURS[zone.group("name")])
    else:
        sign = -1 if (zone.group("sign") or zone.group("sign2")) == "-" else 1
        hours = int(zone.group("oh") or zone.group("oh2"))
        minutes = int(zone.group("om") or zone.group("om2") or 0)
        if hours > 14 or minutes > 59:
            return moment
        offset = sign * timedelta(hours=hours, minutes=minutes)
    return moment.replace(tzinfo=timezone(offset))
