"""Notes and bookmarks as plain records, independent of where they are stored."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from briefing.core import sections
from briefing.core.anchors import Anchor, ItemKind


class _KindLabels(Mapping[str, str]):
    """How each kind of item is named to a reader, read from the section registry."""

    def __getitem__(self, kind: str) -> str:
        if kind == ItemKind.BRIEF:
            return "Brief"
        section = sections.by_kind(kind)
        if section is None:
            raise KeyError(kind)
        return section.kind_label

    def __iter__(self) -> Iterator[str]:
        yield ItemKind.BRIEF
        yield from (ItemKind(section.kind) for section in sections.SECTIONS)

    def __len__(self) -> int:
        return len(sections.SECTIONS) + 1


KIND_LABELS: Mapping[str, str] = _KindLabels()
"""How each kind of item is named to a reader ("Quote", "Timeline event")."""


@dataclass(frozen=True, slots=True)
class Note:
    """A Markdown note attached to an item of a brief."""

    uid: str
    """Stable identity across databases (exports and imports merge on it)."""
    brief_id: str
    brief_title: str
    """The brief's title when the note was last saved (for lists and exports)."""
    kind: ItemKind
    item_id: str
    item_text: str
    """A copy of the item's text when the note was written; used to re-attach it."""
    body: str
    """The note itself, in Markdown."""
    created: datetime
    updated: datetime
    detached: bool = False
    """True when the item is no longer in the brief and nothing matched it."""
    conflict: datetime | None = None
    """When ``briefing import-notes`` kept this note beside a different note with the same
    uid: that note's last change (None otherwise; cleared when this note is edited or either
    note deleted). See :func:`conflict_mark`."""
    conflict_with: str = ""
    """The uid of the note this one conflicts with ("" when none)."""

    @property
    def anchor(self) -> Anchor:
        """Where the note points."""
        return Anchor(self.brief_id, self.kind, self.item_id)


def conflict_mark(note: Note) -> str:
    """How a note in conflict is marked wherever its metadata shows ("" when it is not):
    ``⚠ imported: conflicts with a note of 2025-10-26`` (the other note's day, local time)."""
    if note.conflict is None:
        return ""
    return f"⚠ imported: conflicts with a note of {note.conflict.astimezone():%Y-%m-%d}"


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A marked item of a brief."""

    brief_id: str
    brief_title: str
    kind: ItemKind
    item_id: str
    item_text: str
    created: datetime
    detached: bool = False

    @property
    def anchor(self) -> Anchor:
        """Where the bookmark points."""
        return Anchor(self.brief_id, self.kind, self.item_id)
