"""The rows of the library table: what each cell says, which columns fit, and one drawn line.

Plain functions, apart from :class:`~briefing.ui.widgets.library_table.LibraryTable`
(the widget: cursor, keys, messages, cache), as Textual keeps its renderables
apart from its widgets: what a row shows can be read, and tested, without a
running app.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from briefing.core.countdown import countdown
from briefing.core.library import LibraryEntry, next_open_deadline
from briefing.ui.cells import cell, countdown_cell

COLUMNS = (
    ("Title", "title", 0),
    ("Published", "published", 10),
    ("Next deadline", "deadline", 30),
    ("People", "people", 6),
    ("Quotes", "quotes", 6),
    ("Tags", "tags", 24),
)
"""Label, key and width of each column (the title takes what is left), most useful first."""

REQUIRED = 3
"""Title, date and countdown are always shown (80 columns fit them)."""

TITLE_MIN = 60
"""Further columns are shown only while the title keeps at least this many cells."""

TITLE_MAX = 100

_styles: dict[str | Style, Style] = {}
"""Cell styles by name (``"bold"``, ``"dim"``), parsed once."""


def deadline_cell(entry: LibraryEntry, now: datetime) -> Text:
    """The next open deadline of ``entry`` with its countdown, or a dash."""
    summary = entry.summary
    if summary is None:
        return cell("")
    deadline = next_open_deadline(summary.deadlines)
    if deadline is None:
        return cell("—", "dim")
    return countdown_cell(countdown(deadline.due_at, now, deadline.status))


def deadline_words(entry: LibraryEntry, now: datetime) -> tuple[str, str] | None:
    """What the countdown of ``entry``'s row reads at ``now`` (its text and urgency; None
    without one): the row is drawn again only when this changes."""
    summary = entry.summary
    deadline = next_open_deadline(summary.deadlines) if summary is not None else None
    if deadline is None:
        return None
    left = countdown(deadline.due_at, now, deadline.status)
    return left.text, left.urgency.value


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def row_cells(entry: LibraryEntry, now: datetime, marks: str = "") -> list[Text]:
    """The cells of one library row; all brief text enters as plain text, never markup."""
    summary = entry.summary
    if summary is None:
        name = Text("⚠ ", style="bold red")
        name.append(entry.name, style="red")
        name.append(" (invalid)", style="italic red")
        return [name, cell(""), cell(""), cell(""), cell(""), cell("")]
    title = cell(_clip(summary.title, TITLE_MAX), "bold")
    if marks:
        # In front of the title, so an 80-column terminal shows them too.
        title = Text.assemble((f"{marks} ", "bold yellow"), title)
    return [
        title,
        cell(summary.published),
        deadline_cell(entry, now),
        cell(str(summary.people)),
        cell(str(summary.quotes)),
        cell(_clip(", ".join(summary.tags), 60), "dim"),
    ]


def layout(width: int) -> list[tuple[str, str, int]]:
    """The columns that fit in ``width`` cells, with the title's width filled in.

    Title, date and countdown always; people, quotes and tags while the title
    keeps :data:`TITLE_MIN` cells, so a narrow terminal drops columns rather
    than scrolling sideways.
    """
    shown = list(COLUMNS[:REQUIRED])
    fixed = sum(column[2] + 1 for column in shown[1:])
    for column in COLUMNS[REQUIRED:]:
        if width - (fixed + column[2] + 1) < TITLE_MIN:
            break
        shown.append(column)
        fixed += column[2] + 1
    title_width = max(8, min(TITLE_MAX, width - fixed))
    return [(shown[0][0], shown[0][1], title_width), *shown[1:]]


def draw_line(
    console: Console,
    cells: list[Text],
    columns: list[tuple[str, str, int]],
    style: Style,
    width: int,
    selected: bool = False,
) -> Strip:
    """One line of the table: each cell cut (with an ellipsis) or padded to its column.

    A cell of one style (most of them) becomes one segment directly; rendering the
    whole line as a rich Text cost three times as much, and a first frame draws 40.
    On the ``selected`` row the row's colour wins over the cells' own (a countdown's green
    on the cursor's background was unreadable).
    """
    over = Style(color=style.color, dim=False) if selected else None
    blank = Segment(" ", style)
    segments = [blank]
    for position, (_label, _key, cell_width) in enumerate(columns):
        text = cells[position]
        size = cell_width - (1 if position == 0 else 0)
        if text.spans:
            # Several styles in the cell (marks before a title, a countdown's urgency).
            text = text.copy()
            text.truncate(size, overflow="ellipsis", pad=True)
            segments += Segment.apply_style(text.render(console), style, over)
        else:
            plain = text.plain
            if cell_len(plain) > size:
                plain = set_cell_size(plain, size - 1) + "…" if size > 0 else ""
            else:
                plain = set_cell_size(plain, size)
            cell_style = _styles.get(text.style)
            if cell_style is None:
                cell_style = _styles[text.style] = console.get_style(text.style)
            segments.append(
                Segment(plain, style + cell_style + over if over else style + cell_style)
            )
        segments.append(blank)
    length = 1 + sum(column[2] + (0 if n == 0 else 1) for n, column in enumerate(columns))
    return Strip(segments, length).crop_extend(0, width, style)
