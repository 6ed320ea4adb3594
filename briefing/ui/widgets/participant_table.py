"""The participants of a brief as a table: name, role, affiliation, side."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from briefing.ui.render import cell

if TYPE_CHECKING:
    from briefing.core.models import Participant

EMPTY_KEY = "__empty__"


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
        # Here, not on mount: the brief (read in a thread) may arrive before the mount.
        for label, key in (
            ("Name", "name"),
            ("Role", "role"),
            ("Affiliation", "affiliation"),
            ("Side", "side"),
        ):
            self.add_column(label, key=key)

    def set_participants(self, participants: list[Participant]) -> None:
        """Show ``participants`` in the order of the brief."""
        self._people = list(participants)
        self._names = {person.id: person.name for person in participants}
        self._marks = {}
        self.clear()
        if not participants:
            self.add_row(
                cell("No participants in this brief", "italic dim"),
                cell(""),
                cell(""),
                cell(""),
                key=EMPTY_KEY,
            )
            return
        for person in participants:
            self.add_row(*self._cells(person), key=person.id)

    def _cells(self, person: Participant) -> list[Text]:
        # Text, not str: DataTable reads a str cell as markup.
        cells = [
            cell(person.name, "bold"),
            cell(person.role),
            cell(person.affiliation),
            cell(person.side),
        ]
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
