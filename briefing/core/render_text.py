"""Render a brief as plain text (Markdown-flavoured): for pipes, screen readers and exports.

``briefing show`` prints this when its output is not a terminal or ``NO_COLOR``
is set; it is also the Markdown rendering of a whole brief. The text is already
free of control characters (the models clean it when loading).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from briefing.core.countdown import countdown

if TYPE_CHECKING:
    from briefing.core.models import Brief, Quote
from briefing.core.timeutil import format_when, sort_key


def _indented(text: str, prefix: str = "  ") -> str:
    """Indent every line of ``text`` so multi-line notes stay inside their item."""
    return "\n".join(prefix + line if line else "" for line in text.strip().splitlines())


def speaker_line(brief: Brief, quote: Quote) -> str:
    """Return "Name, Role (Affiliation)" for the quote's speaker, or "Unattributed"."""
    person = brief.participant(quote.speaker)
    if person is None:
        return "Unattributed"
    line = person.name
    if person.role:
        line += f", {person.role}"
    if person.affiliation:
        line += f" ({person.affiliation})"
    return line


def brief_to_text(brief: Brief, now: datetime, *, clock: str = "24h") -> str:
    """Return every section of ``brief`` as plain text, deadlines counted down from ``now``."""
    out: list[str] = [f"# {brief.title}", ""]
    facts = []
    if brief.source:
        facts.append(
            f"Source: {brief.source.name}" + (f" <{brief.source.url}>" if brief.source.url else "")
        )
    facts.append(f"Published: {format_when(brief.published, clock=clock)}")
    if brief.tags:
        facts.append("Tags: " + ", ".join(brief.tags))
    out += facts + [""]

    out += ["## Summary", "", brief.summary.strip() or "No summary in this brief.", ""]

    out += [f"## Participants ({len(brief.participants)})", ""]
    for person in brief.participants:
        details = ", ".join(part for part in (person.role, person.affiliation) if part)
        line = f"- {person.name}" + (f" — {details}" if details else "")
        if person.side:
            line += f" [side: {person.side}]"
        out.append(line)
        if person.notes:
            out.append(_indented(person.notes))
    if not brief.participants:
        out.append("No participants in this brief.")
    out.append("")

    out += [f"## Quotes ({len(brief.quotes)})", ""]
    for quote in brief.quotes:
        out.append(f"- “{quote.text}”")
        attribution = f"  — {speaker_line(brief, quote)}"
        if quote.said:
            attribution += f", {format_when(quote.said, clock=clock)}"
        if quote.source:
            attribution += f"; {quote.source}"
        out.append(attribution)
        if quote.context:
            out.append(_indented(f"Context: {quote.context}"))
    if not brief.quotes:
        out.append("No quotes in this brief.")
    out.append("")

    out += [f"## Deadlines ({len(brief.deadlines)})", ""]
    for deadline in sorted(brief.deadlines, key=lambda d: d.due_at):
        left = countdown(deadline.due_at, now, deadline.status)
        due = format_when(deadline.due, clock=clock)
        if not isinstance(deadline.due, datetime):
            due += " (end of day)"
        out.append(f"- {deadline.title} — due {due} — {left.text} [{left.urgency.value}]")
        if deadline.details:
            out.append(_indented(deadline.details))
    if not brief.deadlines:
        out.append("No deadlines in this brief.")
    out.append("")

    out += [f"## Timeline ({len(brief.timeline)})", ""]
    for event in sorted(brief.timeline, key=lambda e: sort_key(e.date)):
        place = f" · {event.place}" if event.place else ""
        out.append(f"- {format_when(event.date, clock=clock)}{place} — {event.label}")
    if not brief.timeline:
        out.append("No timeline in this brief.")
    out.append("")

    out += [f"## Key figures ({len(brief.figures)})", ""]
    for figure in brief.figures:
        out.append(
            f"- {figure.value} — {figure.label}" + (f" ({figure.note})" if figure.note else "")
        )
    if not brief.figures:
        out.append("No figures in this brief.")
    return "\n".join(out) + "\n"
