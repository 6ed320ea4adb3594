"""What the plain reader says about a brief and its items: pure functions, one line each.

The sections come from the registry (:data:`briefing.core.sections.SECTIONS`); this
module is the plain reader's half of it, as :mod:`briefing.ui.sections` is the Textual
reader's: a short line and the item in full for the sections that read better their
own way, and for any other section the registry's text and plain-text lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from briefing.core.countdown import countdown, day_in_words, in_words
from briefing.core.models import Brief
from briefing.core.section import Section
from briefing.core.timeutil import PartialDate, format_when

_EMPHASIS = re.compile(r"(\*\*|__|`)")


def when_in_words(value: date | datetime | PartialDate | None) -> str:
    """A date as read aloud ("26 October 2025"); a partial date as written ("2025-06")."""
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return format_when(value)
    return day_in_words(value)


def speaker_words(brief: Brief, speaker: str | None) -> str:
    """ "Li Chenggang, Trade Representative, China", or "Unattributed"."""
    person = brief.participant(speaker)
    if person is None:
        return "Unattributed"
    return ", ".join(part for part in (person.name, person.role, person.affiliation) if part)


def summary_lines(brief: Brief) -> list[str]:
    """The summary as lines, its Markdown emphasis marks dropped (read aloud as "star star")."""
    text = _EMPHASIS.sub("", brief.summary.strip()) or "No summary in this brief."
    return [line.strip() for line in text.splitlines() if line.strip()]


def deadline_words(deadline: Any, now: datetime) -> str:
    """A deadline and its time left in words: "Truce expires, due in 12 days ..."."""
    left = countdown(deadline.due_at, now, deadline.status)
    return f"{deadline.title}, {in_words(left, deadline.due)}"


def _short_participant(_brief: Brief, person: Any, _now: datetime) -> str:
    line = ", ".join(part for part in (person.name, person.role, person.affiliation) if part)
    return line + (f". Side: {person.side}" if person.side else "")


def _short_quote(brief: Brief, quote: Any, _now: datetime) -> str:
    return f"{speaker_words(brief, quote.speaker)}: {quote.text}"


def _short_event(_brief: Brief, event: Any, _now: datetime) -> str:
    place = f", {event.place}" if event.place else ""
    return f"{when_in_words(event.date)}{place}: {event.label}"


def _short_figure(_brief: Brief, figure: Any, _now: datetime) -> str:
    return f"{figure.value}: {figure.label}"


def _full_quote(brief: Brief, quote: Any, _now: datetime) -> list[str]:
    lines = [f"Quote: {quote.text}", f"Speaker: {speaker_words(brief, quote.speaker)}"]
    if quote.said:
        lines.append(f"Said: {when_in_words(quote.said)}")
    if quote.source:
        lines.append(f"Source: {quote.source}")
    if quote.context:
        lines.append(f"Context: {quote.context}")
    return lines


def _full_deadline(_brief: Brief, deadline: Any, now: datetime) -> list[str]:
    lines = [f"Deadline: {deadline_words(deadline, now)}", f"Status: {deadline.status.value}"]
    if deadline.details:
        lines.append(f"Details: {deadline.details}")
    return lines


def _full_participant(brief: Brief, person: Any, now: datetime) -> list[str]:
    lines = [f"Participant: {_short_participant(brief, person, now)}"]
    if person.aliases:
        lines.append("Also called: " + ", ".join(person.aliases))
    if person.notes:
        lines.append(f"About: {person.notes}")
    return lines


def _full_figure(_brief: Brief, figure: Any, _now: datetime) -> list[str]:
    lines = [f"Figure: {figure.value}", f"What: {figure.label}"]
    if figure.note:
        lines.append(f"Note: {figure.note}")
    return lines


Short = Callable[[Brief, Any, datetime], str]
Full = Callable[[Brief, Any, datetime], list[str]]

SHORT: dict[str, Short] = {
    "participants": _short_participant,
    "quotes": _short_quote,
    "deadlines": lambda _brief, deadline, now: deadline_words(deadline, now),
    "timeline": _short_event,
    "figures": _short_figure,
}
"""A section's one line per item, by section key; other sections read the item's text."""

FULL: dict[str, Full] = {
    "participants": _full_participant,
    "quotes": _full_quote,
    "deadlines": _full_deadline,
    "figures": _full_figure,
}
"""A section's item in full, by section key; other sections read the registry's lines."""


def short_line(section: Section, brief: Brief, item: Any, now: datetime) -> str:
    """What an item is, in one line."""
    if section.model is None:
        return brief.title
    short = SHORT.get(section.key)
    return short(brief, item, now) if short else section.text(item)


def full_lines(section: Section, brief: Brief, item: Any, now: datetime) -> list[str]:
    """Everything the brief says about an item, one fact a line."""
    if section.model is None:
        return [brief.title, *summary_lines(brief)]
    full = FULL.get(section.key)
    if full is not None:
        return full(brief, item, now)
    lines = section.lines(brief, [item], now, "24h") if section.lines else [section.text(item)]
    return [line.strip().removeprefix("- ") for line in lines if line.strip()]
