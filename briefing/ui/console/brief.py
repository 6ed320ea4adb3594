"""``briefing show``: a brief rendered with Rich for a terminal.

Every piece of brief text goes into a :class:`rich.text.Text` (never a markup
string), so ``[bold]`` or ``[link=...]`` in a brief is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefing.core import sections
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

    for section in sections.SECTIONS:
        items = section.items_of(brief)
        parts.append(_section(section.title, len(items) if section.counted else None))
        block = BLOCKS.get(section.key)
        if block is not None:
            parts += block(brief, now, clock)
        elif items:
            parts.append(Text("\n".join(section.text_lines(brief, now, clock))))
        else:
            parts.append(Text(f"{section.empty}.", style="dim italic"))
    return Group(*parts)


def _summary(brief: Brief, _now: datetime, _clock: str) -> list[RenderableType]:
    # Links as their words and address, never a clickable terminal hyperlink (Rich's
    # default): a brief is untrusted, and the reader shows them the same way.
    summary = Markdown(brief.summary, hyperlinks=False)
    return [Padding(summary if brief.summary.strip() else _empty("summary"), (0, 1))]


def _participants(brief: Brief, _now: datetime, _clock: str) -> list[RenderableType]:
    if not brief.participants:
        return [_empty("participants")]
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
    return [table]


def _quotes(brief: Brief, _now: datetime, clock: str) -> list[RenderableType]:
    parts: list[RenderableType] = []
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
    return parts or [_empty("quotes")]


def _deadlines(brief: Brief, now: datetime, clock: str) -> list[RenderableType]:
    if not brief.deadlines:
        return [_empty("deadlines")]
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
    return [table]


def _timeline(brief: Brief, _now: datetime, clock: str) -> list[RenderableType]:
    if not brief.timeline:
        return [_empty("timeline")]
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Date", "Place", "Event"):
        table.add_column(column, overflow="fold")
    for event in sorted(brief.timeline, key=lambda e: sort_key(e.date)):
        table.add_row(
            Text(format_when(event.date, clock=clock)), Text(event.place or ""), Text(event.label)
        )
    return [table]


def _figures(brief: Brief, _now: datetime, _clock: str) -> list[RenderableType]:
    if not brief.figures:
        return [_empty("figures")]
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Value", "Figure", "Note"):
        table.add_column(column, overflow="fold")
    for figure in brief.figures:
        table.add_row(Text(figure.value, style="bold"), Text(figure.label), Text(figure.note or ""))
    return [table]


BLOCKS: dict[str, Callable[[Brief, datetime, str], list[RenderableType]]] = {
    "summary": _summary,
    "participants": _participants,
    "quotes": _quotes,
    "deadlines": _deadlines,
    "timeline": _timeline,
    "figures": _figures,
}
"""Sections drawn as tables or Markdown; any other section is printed as its plain text
(:meth:`briefing.core.section.Section.text_lines`), so a new section needs no entry."""


def print_brief(brief: Brief, now: datetime, console: Console, *, clock: str = "24h") -> None:
    """Print ``brief`` to ``console``."""
    console.print(render_brief(brief, now, clock=clock))
