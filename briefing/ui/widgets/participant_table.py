"""The participants of a brief as a table: name, role, affiliation, side."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from briefing.ui.render import cell
from briefing.ui.widgets.virtual_wrap import line_count

if TYPE_CHECKING:
    from briefing.core.models import Participant

EMPTY_KEY = "__empty__"

COLUMNS = (("Name", "name"), ("Role", "role"), ("Affiliation", "affiliation"), ("Side", "side"))

MIN_COLUMN = 6
"""No column is cut narrower than this (a long name squeezed the role to one letter)."""


def row_height(cells: list[Text], widths: list[int]) -> int:
    """The lines of a row whose ``cells`` wrap to the columns' ``widths`` (as the table
    wraps them: :func:`~briefing.ui.widgets.virtual_wrap.line_count` is Rich's wrap)."""
    pairs = zip(cells, widths, strict=True)
    return max(line_count(text.plain, max(width, 1)) for text, width in pairs)


def share_widths(
    naturals: list[int],
    room: int,
    minimum: int = MIN_COLUMN,
    floors: list[int] | None = None,
) -> list[int]:
    """Column widths that fit ``room``: every column whole when all fit; else the narrow
    ones whole and the rest an equal share of what is left, never under ``minimum`` nor a
    column's floor (its longest word, so words wrap whole: "Representat" / "ive")."""
    if sum(naturals) <= room:
        return list(naturals)
    floors = floors or [0] * len(naturals)
    if sum(min(f, n) for f, n in zip(floors, naturals, strict=True)) > room:
        floors = [0] * len(naturals)  # too narrow for whole words: fit first
    widths = [0] * len(naturals)
    order = sorted(range(len(naturals)), key=lambda index: naturals[index])
    left = room - sum(min(f, n) for f, n in zip(floors, naturals, strict=True))
    for position, index in enumerate(order):
        floor = min(floors[index], naturals[index])
        left += floor  # this column's floor is spent from its share, not on top of it
        share = max(minimum, floor, left // (len(order) - position))
        widths[index] = min(naturals[index], share)
        left -= widths[index]
    return widths


class ParticipantTable(DataTable[Text]):
    """A table of participants; ``enter`` posts ``RowSelected`` with the participant id as row key.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Next participant. |
    | k, up | Previous participant. |
    | g | First participant. |
    | G | Last participant. |
    | enter | Show the participant and all their quotes. |
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("g", "scroll_top", "Top", show=False, id="table.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="table.bottom"),
    ]

    DEFAULT_CSS = """
    ParticipantTable { height: 1fr; background: transparent; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._names: dict[str, str] = {}
        self._marks: dict[str, str] = {}
        self._people: list[Participant] = []
        self._highlighter: Callable[[str], list[tuple[int, int]]] | None = None

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        """The columns, once: on mount, or when the brief (read in a thread) comes first.

        Not in ``__init__``: measuring a column's label needs the running app's console.
        """
        if not self.columns:
            for label, key in COLUMNS:
                self.add_column(label, key=key)

    def on_resize(self) -> None:
        if self._people:
            self._fit()

    def _widths(self) -> list[int]:
        """The columns' widths by content, shared out when they do not all fit.

        A column keeps room for its label ("Affiliat" at 160x48) and for its longest word
        when they all fit, else for its longest word alone. The vertical scrollbar's room
        is kept only when the wrapped rows are taller than the table.
        """
        labels = [len(label) for label, _ in COLUMNS]
        naturals = list(labels)
        words = [0] * len(COLUMNS)  # the longest word of each column's cells
        for person in self._people:
            for index, text in enumerate(self._texts(person)):
                naturals[index] = max(naturals[index], len(text))
                longest = max((len(word) for word in text.split()), default=0)
                words[index] = max(words[index], min(longest, 16))
        whole = [max(word, label) for word, label in zip(words, labels, strict=True)]
        room = self.size.width - 2 * self.cell_padding * len(COLUMNS)
        widths = naturals
        for spare in (0, self.styles.scrollbar_size_vertical):
            if room - spare <= 0:
                break
            floors = whole if sum(whole) <= room - spare else words
            widths = share_widths(naturals, room - spare, floors=floors)
            if self._rows_height(widths) <= self.size.height:
                break
        return widths

    def _texts(self, person: Participant) -> tuple[str, str, str, str]:
        """The cells' plain text (the name with its mark, as :meth:`set_marks` shows it)."""
        mark = self._marks.get(person.id, "")
        name = f"{mark} {person.name}" if mark else person.name
        return (name, person.role or "", person.affiliation or "", person.side or "")

    def _rows_height(self, widths: list[int]) -> int:
        """Lines the header and the rows take with the cells wrapped to ``widths``."""
        console = self.app.console
        height = self.header_height
        for person in self._people:
            height += max(
                len(Text(text, overflow="fold").wrap(console, max(width, 1)))
                for text, width in zip(self._texts(person), widths, strict=True)
            )
        return height

    def _fit(self) -> None:
        """Lay the columns out to the width (long cells wrap onto more lines)."""
        widths = self._widths()
        if widths == [column.width for column in self.columns.values()]:
            return
        marks, current = self._marks, self.highlighted_id
        self._fill(widths)
        self.set_marks(marks)
        if current is not None:
            self.select_id(current)

    def _fill(self, widths: list[int]) -> None:
        """The columns at ``widths``, then every participant's row, each added once."""
        self.clear(columns=True)
        for (label, key), width in zip(COLUMNS, widths, strict=True):
            # A label that cannot show whole (a 40-column pane) says so: "Affili…".
            shown = label if len(label) <= width else label[: max(width - 1, 1)] + "…"
            self.add_column(shown, key=key, width=width)
        self._marks = {}
        # Each row's height from its text: an automatic height made the table draw
        # every cell of every row first (issue 15: 8,000 cells for 2,000 participants).
        for person in self._people:
            cells = self._cells(person)
            self.add_row(*cells, key=person.id, height=row_height(cells, widths))

    def set_participants(self, participants: list[Participant]) -> None:
        """Show ``participants`` in the order of the brief."""
        self._people = list(participants)
        self._names = {person.id: person.name for person in participants}
        self._marks = {}
        self._add_columns()
        if not participants:
            self.clear()
            self.add_row(
                cell("No participants in this brief", "italic dim"),
                cell(""),
                cell(""),
                cell(""),
                key=EMPTY_KEY,
            )
            return
        # Sized first, then filled: filling, sizing and filling again added every row
        # twice (issue 15: 2,000 participants took 0.4 s).
        self._fill(self._widths())

    def _cells(self, person: Participant) -> list[Text]:
        # Text, not str: DataTable reads a str cell as markup. Wrapped, not cut: the
        # columns share a narrow pane, and each row is as tall as its longest cell.
        cells = [
            cell(person.name, "bold"),
            cell(person.role),
            cell(person.affiliation),
            cell(person.side),
        ]
        for text in cells:
            text.no_wrap, text.overflow = False, "fold"
        if self._highlighter is not None:
            for text in cells:
                for start, end in self._highlighter(text.plain):
                    text.stylize("reverse", start, end)
        return cells

    def _name_cell(self, person_id: str) -> Text:
        name = cell(self._names[person_id], "bold")
        if self._highlighter is not None:
            for start, end in self._highlighter(name.plain):
                name.stylize("reverse", start, end)
        return name

    def set_highlighter(self, highlighter: Callable[[str], list[tuple[int, int]]] | None) -> None:
        """Show the spans ``highlighter`` finds in each cell as matches (None: no more)."""
        self._highlighter = highlighter
        marks, current = self._marks, self.highlighted_id
        self.set_participants(self._people)
        self.set_marks(marks)
        if current is not None:
            self.select_id(current)

    def set_marks(self, marks: dict[str, str]) -> None:
        """Show ``marks`` (e.g. "✎2 ★") before the names of the participants they belong to."""
        old, self._marks = self._marks, dict(marks)
        for person_id in set(old) | set(marks):
            if person_id in self._names and old.get(person_id) != marks.get(person_id):
                name = self._name_cell(person_id)
                if marks.get(person_id):
                    name = Text.assemble((f"{marks[person_id]} ", "bold yellow"), name)
                    name.no_wrap, name.overflow = False, "fold"
                cells = [name, *self.get_row(person_id)[1:]]
                widths = [column.width for column in self.columns.values()]
                self.rows[RowKey(person_id)].height = row_height(cells, widths)
                self.update_cell(person_id, "name", name, update_width=True)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the participant under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key == EMPTY_KEY else key

    def select_id(self, participant_id: str) -> bool:
        """Move the cursor to ``participant_id``; return whether it exists."""
        try:
            self.move_cursor(row=self.get_row_index(participant_id))
        except Exception:  # noqa: BLE001 - RowDoesNotExist
            return False
        return True
