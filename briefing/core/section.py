"""What the code knows about one section of a brief: one :class:`Section`, one row of the registry.

The registry itself (the six sections of the brief format, in the order of their
number keys) is :mod:`briefing.core.sections`; this module holds the record and
the small helpers its entries share, so the entries can be written without
importing the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from briefing.core.ids import derive_id

if TYPE_CHECKING:
    from briefing.core.models import Brief, Quote


def speaker_line(brief: Brief, quote: Quote) -> str:
    """Return "Name, Role (Affiliation)" for the quote's speaker, or "Unattributed"."""
    person = brief.participant(quote.speaker)
    if person is None:
        return "Unattributed"
    line = person.name
    if person.role:
        line += f", {person.role}"
    if person.affiliation:
        line += f" ({person.affiliation})"
    return line


def indented(text: str, prefix: str = "  ") -> str:
    """Indent every line of ``text`` so multi-line notes stay inside their item."""
    return "\n".join(prefix + line if line else "" for line in text.strip().splitlines())


# Never compared nor printed: no __eq__ or __repr__ to compile as the module is imported.
@dataclass(slots=True, eq=False, repr=False)
class IndexContext:
    """What the library index's records of one brief share (see :attr:`Section.index_fields`)."""

    brief: Brief
    people: Mapping[str, Any]
    """The brief's participants by id (looked up once for every item)."""
    when: Callable[[Any], tuple[str, float | None]]
    """A date as written for reading and as a timestamp, cached per value."""


def _texts(*fields: str) -> Callable[[Any], str]:
    def read(item: Any) -> str:
        return " ".join(str(getattr(item, name) or "") for name in fields)

    return read


def _raw_texts(*fields: str) -> Callable[[dict[str, Any]], str]:
    def read(item: dict[str, Any]) -> str:
        return " ".join(str(item.get(name) or "") for name in fields)

    return read


def id_rule(prefix: str, *fields: str) -> tuple[Callable[[Any], str], Callable[[Any], str]]:
    """An id rule: ``prefix-`` and the slug of ``fields``, for a loaded item and for its raw dict.

    Returns ``(derive, raw_derive)``, the pair :class:`Section` takes as
    ``derive_id`` and ``raw_id``.
    """
    loaded, raw = _texts(*fields), _raw_texts(*fields)
    return (lambda item: derive_id(prefix, loaded(item))), (
        lambda item: derive_id(prefix, raw(item))
    )


# Never compared nor printed: no __eq__ or __repr__ to compile as the module is imported.
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Section:
    """One section of a brief, and everything the code does with it that is not drawing a pane.

    Only ``key``, ``title``, ``kind``, ``model``, ``text`` and the id rule are
    needed for a list of items; every other field has a default that reads
    :attr:`search_fields`.
    """

    key: str
    """The brief's attribute and the pane's name, e.g. ``quotes``."""
    title: str
    """The heading, e.g. "Key figures"."""
    kind: str
    """The :class:`~briefing.core.anchors.ItemKind` value of its items (what a note points at)."""
    kind_label: str
    """How one item is named to a reader: "Quote", "Timeline event"."""
    model: type[Any] | str | None
    """The model of one item (a dataclass, as in :mod:`briefing.core.models`), or the name
    of one there (looked up when first needed: the reader imports the registry for its
    first frame, before the models); None for the summary (the brief itself)."""
    text: Callable[[Any], str]
    """An item's text: what a note saves a copy of and re-attaches by."""
    derive_id: Callable[[Any], str]
    """The id rule: the id of a loaded item that has none (before it is made unique)."""
    raw_id: Callable[[dict[str, Any]], str]
    """The same rule on the raw data, for the loader's duplicate-id checks."""
    search_fields: Callable[[Any], Sequence[str | None]]
    """The words the library index and the reader's ``/`` find an item by, one field a line."""
    copy_line: Callable[[Brief, Any, str], str] | None = None
    """``(brief, item, clock)`` to the line ``c`` copies; None: the item's text and the brief's title."""
    digest: Callable[[Any], Sequence[object]] | None = None
    """What a change to an item is (see :mod:`briefing.core.changes`); None: its search fields."""
    index_fields: Callable[[Any, IndexContext], dict[str, Any]] | None = None
    """The library record of an item beyond kind and id (:class:`LibraryItem` fields); None: its
    search fields as ``text``."""
    lines: Callable[[Brief, Sequence[Any], datetime, str], list[str]] | None = None
    """``(brief, items, now, clock)`` to the plain-text lines of ``briefing show``; None: one
    ``- text`` line an item."""
    items: Callable[[Brief], Sequence[Any]] | None = None
    """How to read the items from a brief; None: the brief's attribute ``key``."""
    empty: str = ""
    """What the pane and ``show`` say when there is nothing: "No quotes in this brief"."""
    fields_per_line: bool = True
    """True when :attr:`search_fields` are fields one a line (the search snippet keeps lines)."""
    search_boost: float = 1.0
    """How much higher a match ranks in the library search (bm25 is multiplied by it)."""
    counted: bool = True
    """True when the heading shows how many items there are (False for the summary)."""

    def item_model(self) -> type[Any] | None:
        """The model of one item as a class (a name is looked up in :mod:`briefing.core.models`)."""
        if isinstance(self.model, str):
            # deferred: the models once items are read; the registry is read before the first frame
            from briefing.core import models

            found: type[Any] = getattr(models, self.model)
            return found
        return self.model

    def items_of(self, brief: Brief) -> Sequence[Any]:
        """The section's items in ``brief``."""
        if self.items is not None:
            return self.items(brief)
        return getattr(brief, self.key, None) or ()

    def find(self, brief: Brief, item_id: str) -> Any | None:
        """The item ``item_id``, or None; a section of the brief itself (the summary) is its item."""
        if self.model is None:
            return brief
        for item in self.items_of(brief):
            if item.id == item_id:
                return item
        return None

    def item_id(self, item: Any) -> str:
        """An item's id ("" for the brief itself)."""
        return "" if self.model is None else str(item.id)

    def copy(self, brief: Brief, item: Any, clock: str = "24h") -> str:
        """The line ``c`` copies for ``item``."""
        if self.copy_line is not None:
            return self.copy_line(brief, item, clock)
        return f"{self.text(item)} ({brief.title})"

    def digest_parts(self, item: Any) -> Sequence[object]:
        """What is compared to tell that ``item`` changed."""
        if self.digest is not None:
            return self.digest(item)
        return tuple(self.search_fields(item))

    def record(self, item: Any, context: IndexContext) -> dict[str, Any]:
        """The library index's fields for ``item`` (beyond its kind and id)."""
        if self.index_fields is not None:
            return self.index_fields(item, context)
        return {"text": "\n".join(filter(None, self.search_fields(item)))}

    def text_lines(self, brief: Brief, now: datetime, clock: str = "24h") -> list[str]:
        """The section's body in ``briefing show``'s plain text (its heading not included)."""
        items = self.items_of(brief)
        if self.lines is not None:
            out = self.lines(brief, items, now, clock)
        else:
            out = [f"- {self.text(item)}" for item in items]
        if not items:
            out.append(f"{self.empty}.")
        return out
