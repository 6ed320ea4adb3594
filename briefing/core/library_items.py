"""Every item of a brief as one searchable record, for what works across the library.

Search, the people screen and the agenda look at all briefs at once; the
library index keeps these records (one per summary, participant, quote,
deadline, event and figure) so that none of them has to parse a brief file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from briefing.core import sections
from briefing.core.anchors import ItemKind
from briefing.core.section import IndexContext
from briefing.core.timeutil import format_when, sort_key

if TYPE_CHECKING:
    from briefing.core.models import Brief


@dataclass(frozen=True, slots=True)
class LibraryItem:
    """One item of one brief, flattened for indexing."""

    kind: str
    """An :class:`~briefing.core.anchors.ItemKind` value."""
    item_id: str
    """The item's id within its brief ("" for the brief itself)."""
    text: str
    """What is searched: the item's words (a quote's text, a deadline's title and details...)."""
    speaker_id: str = ""
    """For a quote, who said it; for a participant, its own id."""
    speaker_name: str = ""
    """The name of the speaker or participant."""
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()
    """Other names of a participant."""
    when: str = ""
    """The item's date as written for reading (a quote's ``said``, a deadline's due time...)."""
    when_ts: float | None = None
    """The same as a POSIX timestamp, for ordering; None when the item has no date."""
    context: str = ""
    """A quote's context, a deadline's status, an event's place, a figure's value."""

    def to_json(self) -> list[Any]:
        """A JSON-ready list of the fields, in order (compact: a library has ~40 items a brief)."""
        return [
            self.kind,
            self.item_id,
            self.text,
            self.speaker_id,
            self.speaker_name,
            self.role,
            self.affiliation,
            list(self.aliases),
            self.when,
            self.when_ts,
            self.context,
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> LibraryItem:
        """Rebuild an item from :meth:`to_json`; raises ``TypeError``/``ValueError`` on bad data."""
        if not isinstance(data, list) or len(data) != 11:
            raise ValueError("not a library item")
        fields = list(data)
        fields[7] = tuple(str(alias) for alias in fields[7])
        return cls(*fields)


def _timestamp(value: Any, brief: Brief) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.timestamp()
    day, _timed, at = sort_key(value)
    return datetime.combine(day, at, tzinfo=brief.zone).timestamp()


def brief_items(brief: Brief) -> list[LibraryItem]:
    """Every item of ``brief``, the brief itself (title and summary) first."""
    # Looked up here rather than through the model: indexing a library asks once per
    # quote, and pydantic's private attributes are slow to reach.
    people = {person.id: person for person in brief.participants}
    formatted: dict[Any, tuple[str, float | None]] = {}

    def when(value: Any) -> tuple[str, float | None]:
        found = formatted.get(value)
        if found is None:
            found = formatted[value] = (format_when(value), _timestamp(value, brief))
        return found

    context = IndexContext(brief, people, when)
    items = []
    for section in sections.SECTIONS:
        # The summary's record stands for the brief itself (its title and summary).
        kind = ItemKind.BRIEF.value if section.model is None else section.kind
        for item in section.items_of(brief):
            items.append(LibraryItem(kind, section.item_id(item), **section.record(item, context)))
    return items
