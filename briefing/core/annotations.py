"""Notes and bookmarks as plain records, independent of where they are stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from briefing.core.anchors import Anchor, ItemKind

KIND_LABELS = {
    ItemKind.BRIEF: "Brief",
    ItemKind.SUMMARY: "Summary",
    ItemKind.PARTICIPANT: "Participant",
    ItemKind.QUOTE: "Quote",
    ItemKind.DEADLINE: "Deadline",
    ItemKind.EVENT: "Timeline event",
    ItemKind.FIGURE: "Key figure",
}
"""How each kind of item is named to a reader."""


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

    @property
    def anchor(self) -> Anchor:
        """Where the note points."""
        return Anchor(self.brief_id, self.kind, self.item_id)


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
