"""``briefing agenda`` on a terminal: the open deadlines as a Rich table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from briefing.core.countdown import wording
from briefing.core.safetext import clean_line, short_path
from briefing.storage.index.agenda import due_words
from briefing.ui.console.brief import URGENCY_STYLES

if TYPE_CHECKING:
    from briefing.storage.index.agenda import AgendaRow

WIDE_ENOUGH_FOR_FILES = 120
"""Columns from which the table shows each deadline's file."""


def print_agenda_table(rows: list[AgendaRow], clock: str) -> None:
    """Print ``rows`` (overdue ones first, as :func:`~briefing.storage.index.agenda.schedule` sorts them) as one table."""
    overdue = sum(row.overdue for row in rows)
    console = Console(highlight=False)
    # The file only where there is room: at 80 columns its path squeezed the rest to a word
    # a line (the brief's title says which brief it is).
    with_file = console.width >= WIDE_ENOUGH_FOR_FILES
    table = Table(
        title=Text(f"Open deadlines ({len(rows)}, {overdue} overdue)", style="bold"),
        title_justify="left",
        expand=False,
    )
    table.add_column("Due", overflow="fold", max_width=16)
    table.add_column("Countdown", overflow="fold", max_width=18)
    table.add_column("Deadline", overflow="fold", ratio=3)
    table.add_column("Brief", overflow="fold", ratio=2)
    if with_file:
        # Cut, not folded: a full site-packages path took six lines a row.
        table.add_column("File", overflow="ellipsis", no_wrap=True, max_width=40)
    for n, row in enumerate(rows):
        item = row.item
        due = due_words(item, clock)
        style = URGENCY_STYLES[row.left.urgency]
        cells = [
            Text(clean_line(due)),
            Text("".join(wording(row.left, always=True)), style=style),
            Text(clean_line(item.title), style="bold"),
            Text(clean_line(item.brief_title)),
        ]
        if with_file:
            cells.append(Text(short_path(str(item.path)), style="dim"))
        table.add_row(
            *cells,
            # The overdue ones are a group of their own: a rule below the last of them.
            end_section=row.overdue and n + 1 < len(rows) and not rows[n + 1].overdue,
        )
    console.print(table)
