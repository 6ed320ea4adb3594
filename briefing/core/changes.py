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

from briefing.core import sections

if TYPE_CHECKING:
    from briefing.core.models import Brief

ItemKey = tuple[str, str]
"""``(kind, item id)``: an item of a brief, ``kind`` an :class:`ItemKind` value."""


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def item_digests(brief: Brief) -> dict[ItemKey, str]:
    """A digest of every item of ``brief`` (its summary included), keyed by kind and id."""
    return {
        (section.kind, section.item_id(item)): _digest(*section.digest_parts(item))
        for section in sections.SECTIONS
        for item in section.items_of(brief)
    }


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
        found = sections.by_key(section)
        wanted = found.kind if found is not None else sections.SUMMARY.kind
        return frozenset(item_id for k, item_id in self.flagged if k == wanted)


def compare(older: Mapping[ItemKey, str], newer: Mapping[ItemKey, str]) -> Changes:
    """The items ``newer`` adds, drops and changes relative to ``older``."""
    old_keys, new_keys = set(older), set(newer)
    return Changes(
        added=frozenset(new_keys - old_keys),
        removed=frozenset(old_keys - new_keys),
        edited=frozenset(key for key in old_keys & new_keys if older[key] != newer[key]),
    )
