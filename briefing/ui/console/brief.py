"""``briefing show``: a brief rendered with Rich for a terminal.

Every piece of brief text goes into a :class:`rich.text.Text` (never a markup
string), so ``[bold]`` or ``[link=...]`` in a brief is shown as written.
"""

from __future__ import annotations

from datetime import datetime

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefing.core.countdown import Urgency, countdown
from briefing.core.models import Brief
from briefing.core.render_text import speaker_line
from briefing.core.timeutil import format_when, sort_key

URGENCY_STYLES = {
    Urgency.OVERDUE: "bold red",
    Urgency.DUE_NOW: "bold red",
    Urgency.DAY: "bold yellow",
    Urgency.WEEK: "yellow",
    Urgency.LATER: "green",
    Urgency.CLOSED: "dim",
}


def _section(title: str, count: int | None = None) -> Rule:
    label = title if count is None else f"{title} ({count})"
    return Rule(Text(label, style="bold"), align="left", style="dim")


def _empty(what: str) -> Text:
    return Text(f"No {what} in this brief.", style="dim italic")


def render_brief(brief: Brief, now: datetime, *, clock: str = "24h") -> RenderableType:
    """Return a Rich renderable of every section of ``brief``."""
    parts: list[RenderableType] = []
    header = Text(brief.title, style="bold")
    facts = Text(style="dim")
    if brief.source:
        facts.append(brief.source.name)
        facts.append(" · ")
    facts.append(f"published {format_when(brief.published, clock=clock)}")
    if brief.tags:
        facts.append(" · " + ", ".join(brief.tags))
    parts += [header, facts, Text()]

    parts.append(_section("Summary"))
    parts.append(
        Padding(Markdown(brief.summary) if brief.summary.strip() else _empty("summary"), (0, 1))
    )

    parts.append(_section("Participants", len(brief.participants)))
    if brief.participants:
        table = Table(show_edge=False, expand=False, pad_edge=False)
        for column in ("Name", "Role", "Affiliation", "Side"):
            table.add_column(column, overflow="fold")
        for person in brief.participants:
            table.add_row(
                *(
                    Text(value or "")
                    for value in (person.name, person.role, person.affiliation, person.side)
                )
            )
        parts.append(table)
    else:
        parts.append(_empty("participants"))

    parts.append(_section("Quotes", len(brief.quotes)))
    for quote in brief.quotes:
        body = Text("“", style="bold")
        body.append(quote.text)
        body.append("”", style="bold")
        credit = Text("— " + speaker_line(brief, quote), style="italic")
        if quote.said:
            credit.append(f", {format_when(quote.said, clock=clock)}")
        if quote.source:
            credit.append(f"; {quote.source}", style="dim")
        block: list[RenderableType] = [body, credit]
        if quote.context:
            block.append(Text(quote.context, style="dim"))
        parts.append(Padding(Group(*block), (0, 1, 1, 1)))
    if not brief.quotes:
        parts.append(_empty("quotes"))

    parts.append(_section("Deadlines", len(brief.deadlines)))
    if brief.deadlines:
        table = Table(show_edge=False, pad_edge=False)
        for column in ("Deadline", "Due", "Time left", "Urgency"):
            table.add_column(column, overflow="fold")
        for deadline in sorted(brief.deadlines, key=lambda d: d.due_at):
            left = countdown(deadline.due_at, now, deadline.status)
            due = format_when(deadline.due, clock=clock)
            if not isinstance(deadline.due, datetime):
                due += " (end of day)"
            style = URGENCY_STYLES[left.urgency]
            table.add_row(
                Text(deadline.title),
                Text(due),
                Text(left.text, style=style),
                Text(left.urgency.value, style=style),
            )
        parts.append(table)
    else:
        parts.append(_empty("deadlines"))

    parts.append(_section("Timeline", len(brief.timeline)))
    if brief.timeline:
        table = Table(show_edge=False, pad_edge=False)
        for column in ("Date", "Place", "Event"):
            table.add_column(column, overflow="fold")
        for event in sorted(brief.timeline, key=lambda e: sort_key(e.date)):
            table.add_row(
                Text(format_when(event.date, clock=clock)),
                Text(event.place or ""),
                Text(event.label),
            )
        parts.append(table)
    else:
        parts.append(_empty("timeline"))

    parts.append(_section("Key figures", len(brief.figures)))
    if brief.figures:
        table = Table(show_edge=False, pad_edge=False)
        for column in ("Value", "Figure", "Note"):
            table.add_column(column, overflow="fold")
        for figure in brief.figures:
            table.add_row(
                Text(figure.value, style="bold"), Text(figure.label), Text(figure.note or "")
            )
        parts.append(table)
    else:
        parts.append(_empty("figures"))
    return Group(*parts)


def print_brief(brief: Brief, now: datetime, console: Console, *, clock: str = "24h") -> None:
    """Print ``brief`` to ``console``."""
    console.print(render_brief(brief, now, clock=clock))
