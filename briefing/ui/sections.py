"""The reader's side of the section registry: how each section is drawn.

:mod:`briefing.core.sections` says what a section is; this table says, for each
of its keys, which widget shows it, how a row of it looks and what ``enter``
on an item shows. A section with no entry here is drawn as a list of its items'
text with a detail view of every field (:data:`DEFAULT`), so a new section
needs an entry only to look different.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from textual.binding import Binding, BindingsMap

from briefing.core import sections as core_sections
from briefing.core.section import Section
from briefing.core.timeutil import sort_key
from briefing.ui.detail_content import (
    Parts,
    deadline_detail,
    event_detail,
    fields_detail,
    figure_detail,
    participant_detail,
    quote_detail,
)
from briefing.ui.render import Prompt, event_row, figure_row
from briefing.ui.widgets.deadline_list import DeadlineList
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.pane import Pane
from briefing.ui.widgets.participant_table import ParticipantTable
from briefing.ui.widgets.summary_view import SummaryView

if TYPE_CHECKING:
    from textual.widget import Widget

    from briefing.core.models import Brief

Rows = Callable[[Section, "Brief", Sequence[Any], str], Iterable[tuple[str, Prompt]]]
"""``(section, brief, items, clock)`` to the ``(item id, row)`` pairs of an :class:`ItemList`."""


def _item_list(section: Section) -> Widget:
    return ItemList(section.empty, id=section.key)


def _text_rows(
    section: Section, _brief: Brief, items: Sequence[Any], _clock: str
) -> Iterable[tuple[str, Prompt]]:
    return ((item.id, Prompt([section.text(item)])) for item in items)


class UiSection(NamedTuple):
    """How the reader draws one section (the rest is its :class:`~briefing.core.section.Section`)."""

    make_widget: Callable[[Section], Widget] = _item_list
    """The pane's content, with the section's key as its id; an :class:`ItemList` by default."""
    rows: Rows | None = _text_rows
    """The rows of an :class:`ItemList`; None when the widget fills itself from the brief."""
    detail: Callable[[Brief, Any, datetime, str], Parts] = fields_detail
    """What ``enter`` on an item shows."""
    title_of: Callable[[Any], str] = lambda item: str(getattr(item, "label", "") or "Item")
    """The detail view's heading."""


UI_SECTIONS: dict[str, UiSection] = {
    "summary": UiSection(make_widget=lambda section: SummaryView(id=section.key), rows=None),
    "participants": UiSection(
        make_widget=lambda section: ParticipantTable(id=section.key),
        rows=None,
        detail=participant_detail,
        title_of=lambda person: person.name,
    ),
    # Quotes' rows are made by the screen (a speaker filter and 20,000-row briefs).
    "quotes": UiSection(rows=None, detail=quote_detail, title_of=lambda _quote: "Quote"),
    "deadlines": UiSection(
        make_widget=lambda section: DeadlineList(id=section.key),
        rows=None,
        detail=deadline_detail,
        title_of=lambda d: d.title,
    ),
    "timeline": UiSection(
        rows=lambda _section, _brief, events, clock: (
            (e.id, event_row(e, clock=clock))
            for e in sorted(events, key=lambda e: sort_key(e.date))
        ),
        detail=event_detail,
    ),
    "figures": UiSection(
        rows=lambda _section, _brief, figures, _clock: ((f.id, figure_row(f)) for f in figures),
        detail=figure_detail,
    ),
}
"""The reader's entry of each section that is not drawn as plain text."""

DEFAULT = UiSection()
"""How a section without an entry is drawn."""


SECTION_BINDING = "brief.section."
"""The start of the id of every number key's binding (``brief.section.quotes``)."""


class ReaderSection(NamedTuple):
    """A section as the reader sees it: its registry entry, its drawing and its number key."""

    core: Section
    ui: UiSection
    number: int

    @property
    def key(self) -> str:
        """The section's key, also its pane's widget id (``#quotes``)."""
        return self.core.key

    @property
    def binding(self) -> tuple[str, str, str]:
        """``(key, action, binding id)`` of its number key, as ``Binding`` takes them."""
        return str(self.number), f"section('{self.key}')", f"{SECTION_BINDING}{self.key}"

    def make_widget(self) -> Widget:
        """The pane's content widget."""
        return self.ui.make_widget(self.core)

    def make_pane(self) -> Pane:
        """The titled pane (``3 Quotes``) holding a fresh widget."""
        return Pane(
            self.key, f"{self.number} {self.core.title}", self.make_widget(), id=f"pane-{self.key}"
        )

    def rows(self, brief: Brief, clock: str = "24h") -> Iterable[tuple[str, Prompt]] | None:
        """The rows of its list for ``brief``, or None when its widget fills itself."""
        if self.ui.rows is None:
            return None
        return self.ui.rows(self.core, brief, self.core.items_of(brief), clock)

    def title_of(self, item: Any) -> str:
        """The detail view's heading for ``item``."""
        return self.ui.title_of(item)

    def detail_parts(self, brief: Brief, item: Any, now: datetime, clock: str) -> Parts:
        """The detail view of ``item``."""
        return self.ui.detail(brief, item, now, clock)


def reader_sections() -> list[ReaderSection]:
    """Every section of the registry with its drawing, in the order of the number keys."""
    return [
        ReaderSection(section, UI_SECTIONS.get(section.key, DEFAULT), number)
        for number, section in enumerate(core_sections.SECTIONS, 1)
    ]


def section_keys() -> list[str]:
    """The keys of the sections, in the order of their panes and number keys."""
    return [section.key for section in core_sections.SECTIONS]


def reader_section(key: str) -> ReaderSection | None:
    """The reader section called ``key``, or None."""
    return next((entry for entry in reader_sections() if entry.key == key), None)


def section_bindings() -> list[Binding]:
    """The brief screen's number keys, one a section; the first stands for all in the footer."""
    entries = reader_sections()
    bindings = []
    for entry in entries:
        key, action, binding_id = entry.binding
        if entry.number == 1:
            shown = f"1-{len(entries)}"
            bindings.append(Binding(key, action, "Sections", key_display=shown, id=binding_id))
        else:
            bindings.append(Binding(key, action, entry.core.title, show=False, id=binding_id))
    return bindings


def bind_sections(bindings: BindingsMap) -> None:
    """Make the number keys in ``bindings`` (one screen's own) those of the registry as it is now.

    A screen class takes its ``BINDINGS`` when it is made, from the sections registered
    then; a section registered since gets its key here, and ``1`` its new ``1-N`` label.
    The other keys, and the order the footer shows them in, stay as they are.
    """
    fresh = {binding.key: binding for binding in section_bindings()}
    keys = bindings.key_to_bindings
    for key, bound in list(keys.items()):
        if any((b.id or "").startswith(SECTION_BINDING) for b in bound):
            # A new list: the map's lists are shared with the class's.
            kept = [b for b in bound if not (b.id or "").startswith(SECTION_BINDING)]
            if key in fresh:
                kept.append(fresh.pop(key))
            if kept:
                keys[key] = kept
            else:
                del keys[key]
    for key, binding in fresh.items():
        keys[key] = [*keys.get(key, ()), binding]


def for_item(item: Any) -> ReaderSection:
    """The reader section whose items are of ``item``'s model."""
    for entry in reader_sections():
        model = entry.core.item_model()
        if model is not None and isinstance(item, model):
            return entry
    raise LookupError(f"no section shows a {type(item).__name__}")


class _Pairs(Sequence[tuple[str, str]]):
    """``(key, title)`` of every section, read from the registry each time (it can grow)."""

    def __getitem__(self, index: Any) -> Any:
        pairs = [(section.key, section.title) for section in core_sections.SECTIONS]
        return pairs[index]

    def __len__(self) -> int:
        return len(core_sections.SECTIONS)


SECTIONS: Sequence[tuple[str, str]] = _Pairs()
"""Section keys and names, in the order of the number keys."""
