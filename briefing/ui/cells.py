"""Table cells and countdowns as the library, the agenda and the reader show them.

Apart from :mod:`briefing.ui.render` (rows built from a brief's items, which brings
the section registry and Markdown): the library's rows need only these, and its
first frame imports only what it shows (issue 15). :mod:`~briefing.ui.render`
gives them under its own name too.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from briefing.core.countdown import Countdown, Urgency, wording

URGENCY_STYLE = {
    Urgency.OVERDUE: "bold $error",
    Urgency.DUE_NOW: "bold reverse $error",
    Urgency.DAY: "bold $warning",
    Urgency.WEEK: "$warning",
    Urgency.LATER: "$success",
    Urgency.CLOSED: "$text-muted",
}
"""How each urgency band is coloured; the band's word is always shown as well."""


def countdown_content(left: Countdown) -> Content:
    """``in 12d 04:31:07 · later`` styled by urgency; the word keeps it readable without colour."""
    style = URGENCY_STYLE[left.urgency]
    time, tail = wording(left)
    if not tail:
        return Content.styled(time, style)
    return Content.assemble((time, style), (tail, style))


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
    time, tail = wording(left)
    text = Text(time, style=style)
    if tail:
        text.append(tail, style=style)
    if suffix:
        text.append(f"  {suffix}", style="dim")
    return text
