"""One item of a brief as a line of text to paste elsewhere (the reader's ``c`` key).

A quote reads ``"text" — Speaker, Role (Brief title, 2025-10-26)``, so it can
be pasted into a report with its attribution; a deadline carries its due time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.render_text import speaker_line
from briefing.core.timeutil import format_when

if TYPE_CHECKING:
    from briefing.core.models import Brief


def item_text(brief: Brief, section: str, item_id: str, *, clock: str = "24h") -> str | None:
    """The item ``item_id`` of ``section`` as text to copy, or None when there is no such item."""
    day = format_when(brief.published).split(" ")[0]
    if section == "summary":
        return f"{brief.title}\n\n{brief.summary.strip()}".strip()
    if section == "quotes":
        for quote in brief.quotes:
            if quote.id == item_id:
                when = format_when(quote.said).split(" ")[0] if quote.said else day
                return f"“{quote.text}” — {speaker_line(brief, quote)} ({brief.title}, {when})"
    elif section == "participants":
        for person in brief.participants:
            if person.id == item_id:
                details = ", ".join(p for p in (person.role, person.affiliation) if p)
                return f"{person.name}" + (f", {details}" if details else "") + f" ({brief.title})"
    elif section == "deadlines":
        for deadline in brief.deadlines:
            if deadline.id == item_id:
                status = "" if deadline.status.value == "open" else f" [{deadline.status.value}]"
                return (
                    f"{deadline.title}: due {format_when(deadline.due_at, clock=clock)}{status}"
                    f" ({brief.title})"
                )
    elif section == "timeline":
        for event in brief.timeline:
            if event.id == item_id:
                place = f", {event.place}" if event.place else ""
                return f"{format_when(event.date)}: {event.label}{place} ({brief.title})"
    elif section == "figures":
        for figure in brief.figures:
            if figure.id == item_id:
                note = f" — {figure.note}" if figure.note else ""
                return f"{figure.label}: {figure.value}{note} ({brief.title}, {day})"
    return None
