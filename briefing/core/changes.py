"""What changed in a brief: items added, removed or edited between two versions.

Every item is reduced to a short digest of everything the reader shows of it,
so two versions (the one on screen and the one just reloaded, or the one the
user last saw and today's) compare item by item, by id. The store keeps the
digests the user has seen; the reader flags the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.core.anchors import KIND_OF_SECTION, ItemKind

if TYPE_CHECKING:
    from briefing.core.models import Brief

ItemKey = tuple[str, str]
"""``(kind, item id)``: an item of a brief, ``kind`` an :class:`ItemKind` value."""


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def item_digests(brief: Brief) -> dict[ItemKey, str]:
    """A digest of every item of ``brief`` (its summary included), keyed by kind and id."""
    digests: dict[ItemKey, str] = {
        (ItemKind.SUMMARY.value, ""): _digest(brief.title, brief.summary),
    }
    for person in brief.participants:
        digests[(ItemKind.PARTICIPANT.value, person.id)] = _digest(
            person.name, person.role, person.affiliation, person.side, person.notes, *person.aliases
        )
    for quote in brief.quotes:
        digests[(ItemKind.QUOTE.value, quote.id)] = _digest(
            quote.text, quote.speaker, quote.context, quote.said, quote.source
        )
    for deadline in brief.deadlines:
        digests[(ItemKind.DEADLINE.value, deadline.id)] = _digest(
            deadline.title, deadline.due, deadline.details, deadline.status.value
        )
    for event in brief.timeline:
        digests[(ItemKind.EVENT.value, event.id)] = _digest(event.label, event.date, event.place)
    for figure in brief.figures:
        digests[(ItemKind.FIGURE.value, figure.id)] = _digest(
            figure.label, figure.value, figure.note
        )
    return digests


@dataclass(frozen=True)
class Changes:
    """The difference between an older and a newer version of a brief."""

    added: frozenset[ItemKey] = field(default_factory=frozenset)
    removed: frozenset[ItemKey] = field(default_factory=frozenset)
    edited: frozenset[ItemKey] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.edited)

    @property
    def flagged(self) -> frozenset[ItemKey]:
        """Items still in the brief that are new or different."""
        return self.added | self.edited

    def describe(self) -> str:
        """A short sentence: "2 new, 1 edited, 3 removed"; empty when nothing changed."""
        parts = [
            f"{len(keys)} {word}"
            for keys, word in (
                (self.added, "new"),
                (self.edited, "edited"),
                (self.removed, "removed"),
            )
            if keys
        ]
        return ", ".join(parts)

    def in_section(self, section: str) -> frozenset[str]:
        """Ids of the flagged items shown in ``section`` (a pane name such as ``quotes``)."""
        kind = KIND_OF_SECTION.get(section)
        wanted = kind.value if kind is not None else ItemKind.SUMMARY.value
        return frozenset(item_id for k, item_id in self.flagged if k == wanted)


def compare(older: Mapping[ItemKey, str], newer: Mapping[ItemKey, str]) -> Changes:
    """The items ``newer`` adds, drops and changes relative to ``older``."""
    old_keys, new_keys = set(older), set(newer)
    return Changes(
        added=frozenset(new_keys - old_keys),
        removed=frozenset(old_keys - new_keys),
        edited=frozenset(key for key in old_keys & new_keys if older[key] != newer[key]),
    )
