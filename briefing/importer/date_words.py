"""How an article writes a date, and which calendar date the words mean.

One pattern (:data:`DATES`) finds every way of writing a date the importer
knows: "Nov. 10", "October 25, 2025", "27 April 2018", "in May", "March 2023",
"on Sunday", "next Tuesday", "yesterday", "later this week", "in 2021".
:func:`resolve_phrase` turns one found phrase into an ISO value, given the
publication date and the tense of its clause. Kept apart from :mod:`.dates`,
which decides where an article's dates are, what kind they are and how to
label them; this module only knows the calendar.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta

from briefing.importer.patterns import lazy

Resolved = tuple[str, list[str]] | None
"""An ISO value and the doubts about it, or None when the words are no usable date."""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)


_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


DATES = lazy(
    rf"""
    (?:\b(?P<lead>{_WEEKDAY}),?\s+(?=\d|{_MONTH}))?
    (?:
        (?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?
      | \b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?![\w.]\w)(?:,?\s+(?P<y2>\d{{4}})\b)?
      | \b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b
      | \b(?P<m3>{_FULL_MONTH})\s+(?P<y3>\d{{4}})\b
      | \b(?:the\s+)?end\s+of\s+(?P<m5>{_FULL_MONTH})\b(?!\s+\d)
      | \b(?P<prep>(?:in|since|during|by|until|from|early|late|mid|last|next|this|of)[\s-]+)
          (?P<m4>{_FULL_MONTH})\b(?!\s+\d)
      | \b(?P<wprefix>(?:next|last|this|coming)\s+)?(?P<wd>{_WEEKDAY})\b(?P<poss>['’]s)?
      | (?P<rel>\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|the\ previous\ day|the\ day\ before
          |the\ next\ day|the\ following\ day|later\ this\ week|earlier\ this\ week
          |(?:the\ )?end\ of\ (?:the|this)\ (?:week|month)))\b
      | \b(?P<ago>\d{{1,3}})\s+(?P<ago_unit>hours?|days?)\s+ago\b
      | \bin\s+(?P<year>(?:19|20)\d{{2}})\b(?![-–/]\d)
    )
    """,
    re.VERBOSE,
)

_DATE_START = lazy(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|the|end|in|since|during|by|until|from|early|late|mid|last|next|this|of|coming"
    r"|today|yesterday|tomorrow|tonight|later|earlier|Today|Yesterday|Tomorrow|Tonight"
)
"""Where a match of :data:`DATES` can begin: each of its branches starts with one of these.

(:data:`DATES` is case-sensitive, so these are too.)
"""


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`DATES` in ``text``, as ``DATES.finditer(text)`` gives them.

    The full pattern is tried only where a date can begin (:data:`_DATE_START`):
    trying all its branches at every character took about 0.3 s per megabyte,
    most of it on text that holds no date at all.
    """
    start = _DATE_START.compiled.search
    match = DATES.compiled.match
    pos = 0
    while (candidate := start(text, pos)) is not None:
        found = match(text, candidate.start())
        if found is None:
            pos = candidate.start() + 1
            continue
        yield found
        pos = found.end()


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date, tense: str) -> date | None:
    candidates = [
        d for year in (published.year - 1, published.year, published.year + 1)
        if (d := safe_date(year, month, day)) is not None
    ]  # fmt: skip
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: (abs((d - published).days), d < published))
    if abs((nearest - published).days) <= 90:
        return nearest
    if tense == "future":
        ahead = [d for d in candidates if d >= published - timedelta(days=1)]
        if ahead:
            return ahead[0]
    if tense == "past":
        behind = [d for d in candidates if d <= published + timedelta(days=1)]
        if behind:
            return behind[-1]
    return nearest


def _weekday(name: str, prefix: str, published: date, tense: str) -> date:
    target = WEEKDAYS.index(name.lower())
    ahead = (target - published.weekday()) % 7
    if prefix == "next":
        return published + timedelta(days=ahead or 7)
    if prefix == "last":
        return published - timedelta(days=(7 - ahead) % 7 or 7)
    if ahead == 0:
        return published
    if tense == "future" or prefix in ("this", "coming"):
        return published + timedelta(days=ahead)
    if tense == "past":
        return published - timedelta(days=7 - ahead)
    return (
        published + timedelta(days=ahead) if ahead <= 3 else published - timedelta(days=7 - ahead)
    )


def resolve_phrase(match: re.Match[str], published: date, tense: str) -> Resolved:
    """Return the ISO value of a match and any doubts, or None when it is not a usable date."""
    group = match.group
    checks: list[str] = []
    if group("iso"):
        found = iso_date(group("iso"))
        return (found.isoformat(), checks) if found else None
    if group("m1") or group("m2"):
        month = month_number(group("m1") or group("m2"))
        day = int(group("d1") or group("d2"))
        year = group("y1") or group("y2")
        if year:
            found = safe_date(int(year), month, day)
        else:
            found = _nearest_year(month, day, published, tense)
            checks.append(f'year inferred for "{match.group().strip()}"')
        return (found.isoformat(), checks) if found else None
    if group("m3"):
        return f"{int(group('y3')):04d}-{month_number(group('m3')):02d}", checks
    if group("m5"):
        month = month_number(group("m5"))
        found = _nearest_year(month, 15, published, tense)
        if found is None:
            return None
        checks.append(f'year inferred for "{match.group().strip()}"')
        last = calendar.monthrange(found.year, month)[1]
        return date(found.year, month, last).isoformat(), checks
    if group("m4"):
        prep = group("prep").strip().rstrip("-").lower()
        month = month_number(group("m4"))
        if prep in ("next", "this") and tense != "past":
            tense = "future"
        elif prep == "last":
            tense = "past"
        found = _nearest_year(month, 15 if month != 2 else 14, published, tense)
        if found is None:
            return None
        checks.append(f'year inferred for "{match.group().strip()}"')
        return f"{found.year:04d}-{month:02d}", checks
    if group("wd"):
        prefix = (group("wprefix") or "").strip().lower()
        if group("poss"):
            tense = tense if tense != "unknown" else "future"
        found = _weekday(group("wd"), prefix, published, tense)
        if found != published:
            checks.append(f'"{match.group().strip()}" read as {found:%A %d %B %Y}')
        return found.isoformat(), checks
    if group("rel"):
        return _relative(group("rel").lower(), published, checks)
    if group("ago"):
        # "24 hours ago", "3 days ago": whole days back from the publication date.
        count = int(group("ago"))
        days = count if group("ago_unit").startswith("day") else count // 24
        checks.append(f'"{match.group().strip()}" counted from the publication date')
        return (published - timedelta(days=days)).isoformat(), checks
    return None


def _relative(phrase: str, published: date, checks: list[str]) -> tuple[str, list[str]] | None:
    phrase = " ".join(phrase.split())
    if phrase in ("today", "tonight"):
        return published.isoformat(), checks
    if phrase in ("yesterday", "the previous day", "the day before"):
        found = published - timedelta(days=1)
    elif phrase in ("tomorrow", "the next day", "the following day"):
        found = published + timedelta(days=1)
    elif phrase.endswith("week") and "earlier" not in phrase:
        # A Sunday article's "this week" is the week ahead.
        to_sunday = 6 - published.weekday()
        found = published + timedelta(days=to_sunday or 7)
    elif phrase.endswith("month"):
        last = calendar.monthrange(published.year, published.month)[1]
        found = published.replace(day=last)
    else:
        return None
    checks.append(f'"{phrase}" counted from the publication date')
    return found.isoformat(), checks
