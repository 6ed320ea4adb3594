"""Anchors: how a note or a bookmark points at an item of a brief, and how it survives edits.

A note stores the brief id, the item's kind and id, and a copy of the item's
text as it was when the note was written. When a revised brief arrives and the
item id is gone, :func:`reanchor` finds the item whose text matches best; when
none matches well enough, the note is *detached*: kept, listed, and shown with
its saved copy of the text. Nothing is ever dropped.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from briefing.core import sections

if TYPE_CHECKING:
    from briefing.core.models import Brief


class ItemKind(str, Enum):
    """What a note or bookmark is attached to.

    The members are the brief format's kinds; a section registered at run time
    (see :func:`briefing.core.sections.register`) gets a member made on first use,
    so ``ItemKind("risk")`` works wherever a stored kind is read back.
    """

    BRIEF = "brief"
    SUMMARY = "summary"
    PARTICIPANT = "participant"
    QUOTE = "quote"
    DEADLINE = "deadline"
    EVENT = "event"
    FIGURE = "figure"

    @classmethod
    def _missing_(cls, value: object) -> ItemKind | None:
        if not isinstance(value, str) or sections.by_kind(value) is None:
            return None
        # Enum's own way to add a pseudo-member (Flag does the same): kept in the value
        # map so the same kind is always the same object.
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        cls._value2member_map_[value] = member
        return member


class _SectionOfKind(Mapping[str, str]):
    """The pane of the reader that shows each kind of item, read from the registry."""

    def __getitem__(self, kind: str) -> str:
        if kind == ItemKind.BRIEF:
            return sections.SUMMARY.key
        section = sections.by_kind(kind)
        if section is None:
            raise KeyError(kind)
        return section.key

    def __iter__(self) -> Iterator[str]:
        yield ItemKind.BRIEF
        yield from (ItemKind(section.kind) for section in sections.SECTIONS)

    def __len__(self) -> int:
        return len(sections.SECTIONS) + 1


class _KindOfSection(Mapping[str, ItemKind]):
    """The kind of the items of each list section (the summary has none), from the registry."""

    def __getitem__(self, key: str) -> ItemKind:
        section = sections.by_key(key)
        if section is None or section.model is None:
            raise KeyError(key)
        return ItemKind(section.kind)

    def __iter__(self) -> Iterator[str]:
        return (section.key for section in sections.lists())

    def __len__(self) -> int:
        return sum(1 for _ in sections.lists())


SECTION_OF_KIND: Mapping[str, str] = _SectionOfKind()
"""The pane of the reader that shows each kind of item."""

KIND_OF_SECTION: Mapping[str, ItemKind] = _KindOfSection()
"""The kind of the items of each list section."""

MATCH_THRESHOLD = 0.6
"""How similar (0-1) an item's text must be to a note's saved copy to re-attach to it."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note or bookmark points."""

    brief_id: str
    kind: ItemKind
    item_id: str
    """The item's id; empty for the brief as a whole and for the summary."""

    @property
    def section(self) -> str:
        """The reader pane that shows the item."""
        return SECTION_OF_KIND[self.kind]


def items_of(brief: Brief, kind: ItemKind) -> Iterator[tuple[str, str]]:
    """Yield ``(item id, item text)`` for every item of ``kind`` in ``brief``."""
    if kind is ItemKind.BRIEF:
        yield "", brief.title
        return
    section = sections.by_kind(kind)
    if section is None:
        return
    for item in section.items_of(brief):
        yield section.item_id(item), section.text(item)


_texts_cache: list[tuple[Brief, ItemKind, dict[str, str]]] = []


def item_text(brief: Brief, kind: ItemKind, item_id: str, *, at: int | None = None) -> str | None:
    """The text of one item (what a note saves a copy of), or None if it is not in the brief.

    ``at``: where the item is likely to be among its section's items (the reader's row):
    when it is there, no other item is read (a known brief builds its quotes as they are
    read: the table of every text built them all, on every move to a quote).
    """
    section = sections.by_kind(kind) if at is not None else None
    if section is not None and at is not None:
        items = section.items_of(brief)
        if 0 <= at < len(items) and section.item_id(items[at]) == item_id:
            return section.text(items[at])
    # The reader asks on every cursor move; a 20,000-quote brief took 20 ms a scan.
    # One brief's table is kept (the brief on screen), keyed by identity: briefs are
    # never changed in place, a reload makes a new one.
    for cached_brief, cached_kind, texts in _texts_cache:
        if cached_brief is brief and cached_kind == kind:
            return texts.get(item_id)
    texts = dict(items_of(brief, kind))
    _texts_cache[:] = [entry for entry in _texts_cache if entry[0] is brief][-5:]
    _texts_cache.append((brief, kind, texts))
    return texts.get(item_id)


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1 (case and spacing ignored)."""
    left, right = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    if left == right:
        return 1.0
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


class Placement(NamedTuple):
    """Where an anchor lands in a (possibly revised) brief."""

    item_id: str | None
    """The item it is attached to now; None when detached."""
    moved: bool
    """True when it was re-attached to an item with another id."""
    score: float
    """How well the text matched (1.0 when the id was found)."""


def place(brief: Brief, kind: ItemKind, item_id: str, saved_text: str) -> Placement:
    """Find where an anchor belongs in ``brief``: its own id, else the best text match, else nowhere."""
    items = list(items_of(brief, kind))
    if any(candidate == item_id for candidate, _ in items):
        return Placement(item_id, moved=False, score=1.0)
    best_id, best = None, 0.0
    for candidate, text in items:
        score = similarity(saved_text, text)
        if score > best:
            best_id, best = candidate, score
    if best_id is not None and best >= MATCH_THRESHOLD:
        return Placement(best_id, moved=True, score=best)
    return Placement(None, moved=False, score=best)
