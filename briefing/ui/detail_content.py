"""The full text of one item, for the detail view (``enter`` on an item).

Each section's detail view is named in :mod:`briefing.ui.sections`; these are
the builders it names, and :func:`detail_content` picks one by the item's model.
A section without a builder of its own shows every field of its item.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.content import Content

from briefing.core.countdown import countdown
from briefing.core.timeutil import format_when
from briefing.ui.render import countdown_content, markdown_content, quote_prompt

MUTED = "$text-muted"

Parts = list[str | tuple[str, str] | Content]
"""What a detail view is assembled from."""

if TYPE_CHECKING:
    from briefing.core.models import Brief, Deadline, Figure, Participant, Quote, TimelineEvent

    Item = Participant | Quote | Deadline | TimelineEvent | Figure


def _field(label: str, value: str | None) -> list[str | tuple[str, str]]:
    if not value:
        return []
    return [(f"{label}: ", "bold"), value, "\n"]


def _markdown_field(label: str, value: str | None) -> Parts:
    """A field the format documents as Markdown, rendered (``**212**`` reads as bold)."""
    if not value:
        return []
    return [(f"{label}: ", "bold"), markdown_content(value.strip()), "\n"]


def detail_title(item: Item) -> str:
    """A short heading for the detail view."""
    # deferred: ui/sections imports this module's builders
    from briefing.ui.sections import for_item

    return for_item(item).title_of(item)


def detail_content(brief: Brief, item: Item, now: datetime, *, clock: str = "24h") -> Content:
    """Everything known about ``item``: for a participant, also every quote of theirs."""
    # deferred: ui/sections imports this module's builders
    from briefing.ui.sections import for_item

    return Content.assemble(*for_item(item).detail_parts(brief, item, now, clock))


def quote_detail(brief: Brief, item: Quote, _now: datetime, clock: str) -> Parts:
    """A quote's words, then who said it, when and where: each once (the list row's
    credit and context lines would repeat the fields below)."""
    parts: Parts = [(f"“{item.text}”", "bold"), "\n\n"]
    speaker = brief.participant(item.speaker)
    if speaker:
        parts += _field("Speaker", speaker.name) + _field("Role", speaker.role)
        parts += _field("Affiliation", speaker.affiliation)
    parts += _field("Said", format_when(item.said, clock=clock) if item.said else None)
    parts += _field("Source", item.source)
    parts += _field("Context", item.context)
    return parts


def participant_detail(brief: Brief, item: Participant, _now: datetime, clock: str) -> Parts:
    """A participant, and every quote of theirs."""
    parts: Parts = []
    parts += _field("Role", item.role) + _field("Affiliation", item.affiliation)
    parts += _field("Side", item.side) + _field("Also known as", ", ".join(item.aliases))
    parts += _markdown_field("Notes", item.notes)
    quotes = [q for q in brief.quotes if q.speaker == item.id]
    parts.append((f"\nQuotes ({len(quotes)})\n", "bold underline"))
    if not quotes:
        parts.append(("No quotes by this participant in this brief.\n", MUTED))
    for quote in quotes:
        parts += [quote_prompt(brief, quote, clock=clock), "\n\n"]
    return parts


def deadline_detail(_brief: Brief, item: Deadline, now: datetime, clock: str) -> Parts:
    """A deadline: when it is due, the time left, its status and details."""
    due = format_when(item.due, clock=clock) + (
        "" if isinstance(item.due, datetime) else " (end of day)"
    )
    parts: Parts = []
    parts += _field("Due", due)
    parts += [
        ("Time left: ", "bold"),
        countdown_content(countdown(item.due_at, now, item.status)),
        "\n",
    ]
    parts += _field("Status", item.status.value) + _markdown_field("Details", item.details)
    return parts


def event_detail(_brief: Brief, item: TimelineEvent, _now: datetime, clock: str) -> Parts:
    """A timeline event: its date, place and label."""
    parts: Parts = []
    parts += _field("Date", format_when(item.date, clock=clock)) + _field("Place", item.place)
    parts += _field("Event", item.label)
    return parts


def figure_detail(_brief: Brief, item: Figure, _now: datetime, _clock: str) -> Parts:
    """A key figure: its value, what it measures and a note."""
    parts: Parts = []
    parts += _field("Value", item.value) + _field("Measures", item.label)
    return parts + _field("Note", item.note)


def fields_detail(_brief: Brief, item: Any, _now: datetime, clock: str) -> Parts:
    """Every field of an item but its id, labelled by the field's name: for a new section."""
    parts: Parts = []
    for name in (f.name for f in dataclasses.fields(item)):
        value = getattr(item, name)
        if name == "id" or value in (None, "", []):
            continue
        shown = format_when(value, clock=clock) if isinstance(value, datetime) else str(value)
        parts += _field(name.replace("_", " ").capitalize(), shown)
    return parts
