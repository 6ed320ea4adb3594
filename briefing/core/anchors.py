"""Anchors: how a note or a bookmark points at an item of a brief, and how it survives edits.

A note stores the brief id, the item's kind and id, and a copy of the item's
text as it was when the note was written. When a revised brief arrives and the
item id is gone, :func:`reanchor` finds the item whose text matches best; when
none matches well enough, the note is *detached*: kept, listed, and shown with
its saved copy of the text. Nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.models import Brief


class ItemKind(str, Enum):
    """What a note or bookmark is attached to."""

    BRIEF = "brief"
    SUMMARY = "summary"
    PARTICIPANT = "participant"
    QUOTE = "quote"
    DEADLINE = "deadline"
    EVENT = "event"
    FIGURE = "figure"


SECTION_OF_KIND = {
    ItemKind.BRIEF: "summary",
    ItemKind.SUMMARY: "summary",
    ItemKind.PARTICIPANT: "participants",
    ItemKind.QUOTE: "quotes",
    ItemKind.DEADLINE: "deadlines",
    ItemKind.EVENT: "timeline",
    ItemKind.FIGURE: "figures",
}
"""The pane of the reader that shows each kind of item."""

KIND_OF_SECTION = {
    "participants": ItemKind.PARTICIPANT,
    "quotes": ItemKind.QUOTE,
    "deadlines": ItemKind.DEADLINE,
    "timeline": ItemKind.EVENT,
    "figures": ItemKind.FIGURE,
}

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
    elif kind is ItemKind.SUMMARY:
        yield "", brief.summary
    elif kind is ItemKind.PARTICIPANT:
        for person in brief.participants:
            yield person.id, " ".join(filter(None, (person.name, person.role, person.affiliation)))
    elif kind is ItemKind.QUOTE:
        for quote in brief.quotes:
            yield quote.id, quote.text
    elif kind is ItemKind.DEADLINE:
        for deadline in brief.deadlines:
            yield deadline.id, deadline.title
    elif kind is ItemKind.EVENT:
        for event in brief.timeline:
            yield event.id, f"{event.date} {event.label}"
    else:
        for figure in brief.figures:
            yield figure.id, f"{figure.value} {figure.label}"


_texts_cache: list[tuple[Brief, ItemKind, dict[str, str]]] = []


def item_text(brief: Brief, kind: ItemKind, item_id: str) -> str | None:
    """The text of one item (what a note saves a copy of), or None if it is not in the brief."""
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
    import difflib  # only when a note has to be re-attached

    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


@dataclass(frozen=True, slots=True)
class Placement:
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
