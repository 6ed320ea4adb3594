"""Searching the brief on screen: ``/`` finds words in every pane at once.

The matches are the items whose text holds every word, in the order of the
panes; ``n`` and ``N`` go to the next and previous one across panes, the bar
says ``3/17``, ``m`` hides the items that do not match, ``escape`` clears.
While no search is active, ``n`` and ``N`` keep their usual meaning (a new
note, every note): the screen asks :meth:`BriefSearch.allows` in its ``check_action``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Input, Static

from briefing.ui.field_keys import field_binding
from briefing.ui.sections import reader_sections
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.participant_table import ParticipantTable
from briefing.ui.widgets.search_bar import SearchBar
from briefing.ui.widgets.summary_view import SummaryView

if TYPE_CHECKING:
    from briefing.core.find import Finder, Match
    from briefing.ui.screens.brief import BriefScreen

SEARCH_BINDINGS = [
    field_binding("slash", "search_brief", "Find", id="brief.find"),  # see ui.field_keys
    Binding("n", "next_match", "Next match", id="brief.find-next"),
    Binding("N", "previous_match", "Previous match", id="brief.find-previous"),
    Binding("m", "matches_only", "Matches only", id="brief.find-only"),
    Binding("escape", "clear_search", "Clear search", id="brief.find-clear"),
]
"""Listed before the screen's other keys, so that n, N and escape mean the search's while one is active."""

SEARCH_ACTIONS = {"next_match", "previous_match", "matches_only", "clear_search"}


class BriefSearch:
    """The search of one brief screen: its words, its matches, the match the cursor is on.

    The screen routes ``/``, ``n``, ``N``, ``m``, ``escape`` and the field's
    messages here; this puts the highlights and the filter on the panes.

    Args:
        screen: The brief screen searched (its panes, its cursor, its brief).
    """

    def __init__(self, screen: BriefScreen) -> None:
        self.screen = screen
        self.finder: Finder | None = None
        """The words searched for (None: no search)."""
        self.matches: list[Match] = []
        """Every item that holds every word, in the order of the panes."""
        self.match_index = -1
        """The match the cursor was moved to (-1: none yet)."""
        self.matches_only = False
        """True when the items that do not match are hidden (``m``)."""

    @property
    def searching(self) -> bool:
        """True while a search is active (its bar shown or its words in force)."""
        return bool(self.finder) or self._bar_active()

    @property
    def has_matches(self) -> bool:
        """True while ``n`` and ``N`` move between matches (not writing a note)."""
        return bool(self.finder) and bool(self.matches)

    def bar(self) -> SearchBar | None:
        """The search bar, once mounted."""
        try:
            return self.screen.query_one(SearchBar)
        except NoMatches:
            return None

    def _bar_active(self) -> bool:
        bar = self.bar()
        return bar is not None and bar.has_class("-active")

    def allows(self, action: str) -> bool:
        """Whether the search's key ``action`` applies now (n, N, escape fall through otherwise)."""
        if action == "clear_search":
            return self.searching
        return self.has_matches

    # Keys ---------------------------------------------------------------------

    async def open(self) -> None:
        """Show the search field, with the focus in it."""
        bar = await self.mount_bar()
        bar.add_class("-active")
        self.screen.set_focus(bar.query_one(Input))  # at once: see ui.field_keys
        self.screen.refresh_bindings()

    async def mount_bar(self) -> SearchBar:
        """The search bar, mounted hidden under the panes unless it is there already.

        The reader mounts it with its panes, so that ``/`` finds it ready.
        """
        bar = self.bar()
        if bar is None:
            bar = SearchBar()
            # In the flow under the panes (a second bottom dock would sit under the footer).
            await self.screen.mount(bar, after=self.screen.query_one("#panes"))
        return bar

    def toggle_matches_only(self) -> None:
        """Show only the items that match, or every item again."""
        self.matches_only = not self.matches_only
        self._apply_filter()
        self._update_count()

    def clear(self) -> None:
        """Clear the search: every item, no highlights, the field hidden."""
        bar = self.bar()
        if bar is not None:
            bar.remove_class("-active")
            field = bar.query_one(Input)
            with field.prevent(Input.Changed):
                field.value = ""
        self.finder = None
        self.matches = []
        self.match_index = -1
        self.matches_only = False
        self._apply_highlights()
        self._apply_filter()
        self.screen.section_widget(self.screen.current).focus()
        self.screen.refresh_bindings()

    # The field ----------------------------------------------------------------

    def submitted(self) -> None:
        """``enter`` in the field: back to the panes, at the first match."""
        # At once (Widget.focus waits a turn, and would take the focus back from the
        # match's pane when the first match is in another one).
        self.screen.set_focus(self.screen.section_widget(self.screen.current))
        if self.matches:
            self.step(1)

    def find(self, query: str) -> None:
        """Search the brief for ``query``; highlight the matches in every pane."""
        # deferred: a search, once `/` opened its field (core/find.py, no part of the first frame)
        from briefing.core.find import Finder

        self.finder = Finder(query)
        self.matches = self.finder.find(self.screen.brief) if self.finder else []
        self.match_index = -1
        self._apply_highlights()
        if self.matches_only:
            self._apply_filter()
        self._update_count()
        self.screen.refresh_bindings()

    def refresh(self) -> None:
        """Search again (the brief was reloaded or another was opened in place)."""
        if self.finder:
            self.find(self.finder.query)

    # Applying -----------------------------------------------------------------

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) match, across panes."""
        if not self.matches:
            return
        if self.match_index == -1:
            # A fresh search starts from the cursor: the match under it, or the next one.
            start = self._start_index()
            self.match_index = start if direction > 0 else (start - 1) % len(self.matches)
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        match = self.matches[self.match_index]
        self.screen.select_item(match.section, match.item_id)
        if match.section == "summary":
            self.screen.query_one(SummaryView).show_match(match.occurrence)
        self._update_count()

    def _start_index(self) -> int:
        """The first match at or after the cursor, in pane order (0 past the last)."""
        focused = self.screen.focused_item()
        if focused is None:
            return 0
        for index, match in enumerate(self.matches):
            if (match.section, match.item_id) == focused:
                return index
        sections = [entry.key for entry in reader_sections()]
        current = sections.index(focused[0])
        later = [
            index
            for index, match in enumerate(self.matches)
            if sections.index(match.section) > current
        ]
        return later[0] if later else 0

    def _lists(self) -> list[tuple[str, ItemList]]:
        """Every section shown as an :class:`ItemList`, with its key (the participants'
        table and the summary are searched, but drawn otherwise)."""
        found = []
        for entry in reader_sections():
            widget = self.screen.section_widget(entry.key)
            if isinstance(widget, ItemList):
                found.append((entry.key, widget))
        return found

    def _apply_highlights(self) -> None:
        if not self.screen.panes_mounted:
            return
        highlighter = self.finder.spans if self.finder else None
        for _section, widget in self._lists():
            widget.set_highlighter(highlighter)
        table = self.screen.query_one("#participants")
        if isinstance(table, ParticipantTable):
            table.set_highlighter(highlighter)
        self.screen.query_one(SummaryView).set_highlighter(highlighter)

    def _apply_filter(self) -> None:
        if not self.screen.panes_mounted:
            return
        only = self.matches_only and bool(self.finder)
        for section, widget in self._lists():
            keep = {m.item_id for m in self.matches if m.section == section}
            widget.keep_only(keep if only else None)
        table = self.screen.query_one("#participants")
        if isinstance(table, ParticipantTable):
            keep = {m.item_id for m in self.matches if m.section == "participants"}
            people = self.screen.brief.participants
            table.set_participants([p for p in people if p.id in keep] if only else people)

    def _update_count(self) -> None:
        bar = self.bar()
        if bar is None:
            return
        count = bar.query_one("#search-count", Static)
        if not self.finder:
            count.update(Content(""))
        elif not self.matches:
            count.update(Content.styled("no match", "$warning"))
        else:
            at = self.match_index + 1 if self.match_index >= 0 else 0
            text = f"{at}/{len(self.matches)}" if at else f"{len(self.matches)} found"
            if self.matches_only:
                text += " · only"
            count.update(Content(text))
