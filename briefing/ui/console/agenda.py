"""``briefing agenda`` on a terminal: the open deadlines as a Rich table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from briefing.core.countdown import wording
from briefing.core.safetext import clean_line, display_path
from briefing.core.timeutil import format_when
from briefing.ui.console.brief import URGENCY_STYLES

if TYPE_CHECKING:
    from briefing.storage.index.agenda import AgendaRow


def print_agenda_table(rows: list[AgendaRow], clock: str) -> None:
    """Print ``rows`` (overdue ones first, as :func:`~briefing.storage.index.agenda.schedule` sorts them) as one table."""
    overdue = sum(row.overdue for row in rows)
    table = Table(
        title=Text(f"Open deadlines ({len(rows)}, {overdue} overdue)", style="bold"),
        title_justify="left",
        expand=False,
    )
    for column in ("Due", "Countdown", "Deadline", "Brief", "File"):
        table.add_column(column, overflow="fold")
    for n, row in enumerate(rows):
        item = row.item
        due = (
            f"{item.due_text} (end of day)"
            if item.all_day
            else format_when(item.due_at, clock=clock)
        )
        style = URGENCY_STYLES[row.left.urgency]
        table.add_row(
            Text(clean_line(due)),
            Text("".join(wording(row.left, always=True)), style=style),
            Text(clean_line(item.title), style="bold"),
            Text(clean_line(item.brief_title)),
            Text(display_path(item.path), style="dim"),
            # The overdue ones are a group of their own: a rule below the last of them.
            end_section=row.overdue and n + 1 < len(rows) and not rows[n + 1].overdue,
        )
    Console(highlight=False).print(table)
