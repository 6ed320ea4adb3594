"""The full text of one item, for the detail view (``enter`` on an item)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content

from briefing.core.countdown import countdown
from briefing.core.timeutil import format_when
from briefing.ui.render import countdown_content, quote_prompt

MUTED = "$text-muted"

if TYPE_CHECKING:
    from briefing.core.models import Brief, Deadline, Figure, Participant, Quote, TimelineEvent

    Item = Participant | Quote | Deadline | TimelineEvent | Figure


def _field(label: str, value: str | None) -> list[str | tuple[str, str]]:
    if not value:
        return []
    return [(f"{label}: ", "bold"), value, "\n"]


def detail_title(item: Item) -> str:
    """A short heading for the detail view."""
    from briefing.core.models import Deadline, Participant, Quote, TimelineEvent

    if isinstance(item, Participant):
        return item.name
    if isinstance(item, Quote):
        return "Quote"
    if isinstance(item, Deadline):
        return item.title
    if isinstance(item, TimelineEvent):
        return item.label
    return item.label


def detail_content(brief: Brief, item: Item, now: datetime, *, clock: str = "24h") -> Content:
    """Everything known about ``item``: for a participant, also every quote of theirs."""
    from briefing.core.models import Deadline, Participant, Quote, TimelineEvent

    parts: list[str | tuple[str, str] | Content] = []
    if isinstance(item, Quote):
        parts.append(quote_prompt(brief, item, clock=clock))
        parts.append("\n\n")
        speaker = brief.participant(item.speaker)
        if speaker:
            parts += _field("Speaker", speaker.name) + _field("Role", speaker.role)
            parts += _field("Affiliation", speaker.affiliation)
        parts += _field("Said", format_when(item.said, clock=clock) if item.said else None)
        parts += _field("Source", item.source)
        parts += _field("Context", item.context)
    elif isinstance(item, Participant):
        parts += _field("Role", item.role) + _field("Affiliation", item.affiliation)
        parts += _field("Side", item.side) + _field("Also known as", ", ".join(item.aliases))
        parts += _field("Notes", item.notes)
        quotes = [q for q in brief.quotes if q.speaker == item.id]
        parts.append((f"\nQuotes ({len(quotes)})\n", "bold underline"))
        if not quotes:
            parts.append(("No quotes by this participant in this brief.\n", MUTED))
        for quote in quotes:
            parts += [quote_prompt(brief, quote, clock=clock), "\n\n"]
    elif isinstance(item, Deadline):
        due = format_when(item.due, clock=clock) + (
            "" if isinstance(item.due, datetime) else " (end of day)"
        )
        parts += _field("Due", due)
        parts += [
            ("Time left: ", "bold"),
            countdown_content(countdown(item.due_at, now, item.status)),
            "\n",
        ]
        parts += _field("Status", item.status.value) + _field("Details", item.details)
    elif isinstance(item, TimelineEvent):
        parts += _field("Date", format_when(item.date, clock=clock)) + _field("Place", item.place)
        parts += _field("Event", item.label)
    else:
        parts += (
            _field("Value", item.value) + _field("Measures", item.label) + _field("Note", item.note)
        )
    return Content.assemble(*parts)
