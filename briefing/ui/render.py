"""Content for list rows and headers, built from brief items.

Every piece of brief text enters a :class:`~textual.content.Content` as plain
text (never through ``Content.from_markup``), so ``[bold]`` or
``[@click=app.quit]`` in a brief shows literally and runs nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content

from briefing.core.countdown import Countdown, Urgency, countdown
from briefing.core.render_text import speaker_line
from briefing.core.timeutil import format_when

if TYPE_CHECKING:
    from briefing.core.models import Brief, Deadline, Figure, Participant, Quote, TimelineEvent

URGENCY_STYLE = {
    Urgency.OVERDUE: "bold $error",
    Urgency.DUE_NOW: "bold reverse $error",
    Urgency.DAY: "bold $warning",
    Urgency.WEEK: "$warning",
    Urgency.LATER: "$success",
    Urgency.CLOSED: "$text-muted",
}
"""How each urgency band is coloured; the band's word is always shown as well."""

MUTED = "$text-muted"


def countdown_content(left: Countdown) -> Content:
    """``in 12d 04:31:07 · later`` styled by urgency; the word keeps it readable without colour."""
    style = URGENCY_STYLE[left.urgency]
    if left.urgency is Urgency.CLOSED or left.text == left.urgency.value:
        # Closed deadlines show their status; "due now" needs no "· due now" after it.
        return Content.styled(left.text, style)
    return Content.assemble((left.text, style), (f" · {left.urgency.value}", style))


def quote_prompt(brief: Brief, quote: Quote, *, clock: str = "24h") -> Content:
    """A quote as a list row: the words, who said it, when, and the context."""
    credit = f"— {speaker_line(brief, quote)}"
    if quote.said:
        credit += f", {format_when(quote.said, clock=clock)}"
    parts: list[str | tuple[str, str] | Content] = [
        ("“", "bold $accent"),
        (quote.text, "bold"),
        ("”", "bold $accent"),
        "\n",
        (credit, "italic"),
    ]
    if quote.context:
        parts += ["\n", (quote.context, MUTED)]
    return Content.assemble(*parts)


def deadline_prompt(deadline: Deadline, now: datetime, *, clock: str = "24h") -> Content:
    """A deadline as a list row: title, due time and the live countdown."""
    due = format_when(deadline.due, clock=clock)
    if not isinstance(deadline.due, datetime):
        due += " (end of day)"
    left = countdown(deadline.due_at, now, deadline.status)
    parts: list[str | tuple[str, str] | Content] = [
        (deadline.title, "bold"),
        "\n",
        (f"due {due}", MUTED),
        "\n",
        countdown_content(left),
    ]
    if deadline.details:
        parts += ["\n", (deadline.details.strip(), MUTED)]
    return Content.assemble(*parts)


def event_prompt(event: TimelineEvent, *, clock: str = "24h") -> Content:
    """A timeline event: date, place and label."""
    parts: list[str | tuple[str, str]] = [(format_when(event.date, clock=clock), "bold")]
    if event.place:
        parts += [" · ", (event.place, "$accent")]
    parts += ["\n", event.label]
    return Content.assemble(*parts)


def figure_prompt(figure: Figure) -> Content:
    """A key figure: the value large, then what it measures and a note."""
    parts: list[str | tuple[str, str]] = [(figure.value, "bold $accent"), "  ", figure.label]
    if figure.note:
        parts += ["\n", (figure.note, MUTED)]
    return Content.assemble(*parts)


def participant_summary(person: Participant) -> Content:
    """A participant on one line: name, role and affiliation."""
    details = ", ".join(part for part in (person.role, person.affiliation) if part)
    return Content.assemble((person.name, "bold"), (f" — {details}" if details else "", MUTED))


def plain(text: str | None) -> Content:
    """Brief text as content, never markup."""
    return Content(text or "")


# DataTable measures its cells with Rich, so table cells are rich Text (plain
# text, never markup); Rich styles cannot use theme variables, so urgency uses
# the 16 ANSI colours, which every theme's terminal palette can show.
URGENCY_RICH = {
    Urgency.OVERDUE: "bold red",
    Urgency.DUE_NOW: "bold reverse red",
    Urgency.DAY: "bold yellow",
    Urgency.WEEK: "yellow",
    Urgency.LATER: "green",
    Urgency.CLOSED: "dim",
}


def cell(text: str | None, style: str = "") -> Text:
    """A table cell of brief text: plain, never markup."""
    return Text(text or "", style=style, no_wrap=True, overflow="ellipsis")


def countdown_cell(left: Countdown, suffix: str = "") -> Text:
    """A countdown for a table cell, coloured and worded by urgency."""
    style = URGENCY_RICH[left.urgency]
    text = Text(left.text, style=style)
    if left.urgency is not Urgency.CLOSED and left.text != left.urgency.value:
        text.append(f" · {left.urgency.value}", style=style)
    if suffix:
        text.append(f"  {suffix}", style="dim")
    return text
