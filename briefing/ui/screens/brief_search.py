"""Searching the brief on screen: ``/`` finds words in every pane at once (a mixin of BriefScreen).

The matches are the items whose text holds every word, in the order of the
panes; ``n`` and ``N`` go to the next and previous one across panes, the bar
says ``3/17``, ``m`` hides the items that do not match, ``escape`` clears.
While no search is active, ``n`` and ``N`` keep their usual meaning (a new
note, every note): the search's bindings decline in :meth:`check_action`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from briefing.ui.field_keys import field_binding, field_key_allowed

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import Input

    from briefing.core.find import Finder, Match
    from briefing.core.models import Brief
    from briefing.ui.widgets.search_bar import SearchBar

SEARCH_BINDINGS = [
    field_binding("slash", "search_brief", "Find", id="brief.find"),  # see ui.field_keys
    Binding("n", "next_match", "Next match", id="brief.find-next"),
    Binding("N", "previous_match", "Previous match", id="brief.find-previous"),
    Binding("m", "matches_only", "Matches only", id="brief.find-only"),
    Binding("escape", "clear_search", "Clear search", id="brief.find-clear"),
]
"""Listed before the screen's other keys, so that n, N and escape mean the search's while one is active."""

SEARCH_ACTIONS = {"next_match", "previous_match", "matches_only", "clear_search"}


class SearchMixin:
    """``/`` to find words in every pane, ``n``/``N`` between matches, ``m`` matches only."""

    if TYPE_CHECKING:  # provided by BriefScreen
        current: str
        _shown: bool
        _panes_mounted: bool

        @property
        def brief(self) -> Brief: ...

        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

        def mount(self, *widgets: Widget, **options: Any) -> Any: ...

        def select_item(self, section: str, item_id: str) -> None: ...

        def section_widget(self, key: str) -> Widget: ...

        def focused_item(self) -> tuple[str, str] | None: ...

        def notify(self, message: str, **options: Any) -> None: ...

        def refresh_bindings(self) -> None: ...

    def reset_search(self) -> None:
        """No search (on opening a brief)."""
        self.finder: Finder | None = None
        self.matches: list[Match] = []
        self.match_index = -1
        self.matches_only = False

    @property
    def searching(self) -> bool:
        """True while a search is active (its bar shown or its words in force)."""
        return bool(self.finder) or self._bar_active()

    def _bar(self) -> SearchBar | None:
        try:
            return self.query_one("SearchBar")
        except Exception:  # noqa: BLE001 - NoMatches: not mounted yet
            return None

    def _bar_active(self) -> bool:
        bar = self._bar()
        return bar is not None and bar.has_class("-active")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The search's keys decline while no search is active, so n, N and escape fall through.

        ``/`` declines in a text field (the search field's own ``/``, for one).
        """
        if action == "search_brief":
            return field_key_allowed(self, action, opens={"search_brief"})  # type: ignore[arg-type]
        if action in ("note", "edit_note"):  # priority keys too (screens.annotating)
            return self.note_key_allowed(action)  # type: ignore[attr-defined]
        if action in SEARCH_ACTIONS:
            if action == "clear_search":
                return self.searching
            return bool(self.finder) and bool(self.matches)
        return True

    # Keys ---------------------------------------------------------------------

    async def action_search_brief(self) -> None:
        """Show the search field."""
        if not self._shown:
            return
        from textual.widgets import Input

        bar = await self.mount_search_bar()
        bar.add_class("-active")
        self.set_focus(bar.query_one(Input))  # type: ignore[attr-defined]  # ui.field_keys
        self.refresh_bindings()

    async def mount_search_bar(self) -> SearchBar:
        """The search bar, mounted hidden under the panes unless it is there already.

        The reader mounts it with its panes, so that ``/`` finds it ready.
        """
        from briefing.ui.widgets.search_bar import SearchBar

        bar = self._bar()
        if bar is None:
            bar = SearchBar()
            # In the flow under the panes (a second bottom dock would sit under the footer).
            await self.mount(bar, after=self.query_one("#panes"))
        return bar

    def action_next_match(self) -> None:
        """Go to the next match, across panes."""
        self._step(1)

    def action_previous_match(self) -> None:
        """Go to the previous match, across panes."""
        self._step(-1)

    def action_matches_only(self) -> None:
        """Show only the items that match, or every item again."""
        self.matches_only = not self.matches_only
        self._apply_filter()
        self._update_count()

    def action_clear_search(self) -> None:
        """Clear the search: every item, no highlights, the field hidden."""
        from textual.widgets import Input

        bar = self._bar()
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
        self.section_widget(self.current).focus()
        self.refresh_bindings()

    # The field ----------------------------------------------------------------

    # Handlers by name, not @on: a mixin is not a MessagePump, whose metaclass collects @on.

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search-input":
            event.stop()
            self.find(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search-input":
            event.stop()
            self.section_widget(self.current).focus()
            if self.matches:
                self._step(1)

    def find(self, query: str) -> None:
        """Search the brief for ``query``; highlight the matches in every pane."""
        from briefing.core.find import Finder

        self.finder = Finder(query)
        self.matches = self.finder.find(self.brief) if self.finder else []
        self.match_index = -1
        self._apply_highlights()
        if self.matches_only:
            self._apply_filter()
        self._update_count()
        self.refresh_bindings()

    def refresh_search(self) -> None:
        """Search again (the brief was reloaded or another was opened in place)."""
        if self.finder:
            self.find(self.finder.query)

    # Applying -----------------------------------------------------------------

    def _step(self, direction: int) -> None:
        if not self.matches:
            return
        if self.match_index == -1:
            # A fresh search starts from the cursor: the match under it, or the next one.
            start = self._start_index()
            self.match_index = start if direction > 0 else (start - 1) % len(self.matches)
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        match = self.matches[self.match_index]
        self.select_item(match.section, match.item_id)
        self._update_count()

    def _start_index(self) -> int:
        """The first match at or after the cursor, in pane order (0 past the last)."""
        from briefing.ui.sections import SECTIONS

        focused = self.focused_item()
        if focused is None:
            return 0
        for index, match in enumerate(self.matches):
            if (match.section, match.item_id) == focused:
                return index
        sections = [key for key, _name in SECTIONS]
        current = sections.index(focused[0])
        later = [
            index
            for index, match in enumerate(self.matches)
            if sections.index(match.section) > current
        ]
        return later[0] if later else 0

    def _apply_highlights(self) -> None:
        from briefing.ui.widgets.item_list import ItemList

        if not self._panes_mounted:
            return
        from briefing.ui.widgets.participant_table import ParticipantTable

        highlighter = self.finder.spans if self.finder else None
        for section in ("quotes", "deadlines", "timeline", "figures"):
            widget = self.query_one(f"#{section}")
            if isinstance(widget, ItemList):
                widget.set_highlighter(highlighter)
        table = self.query_one("#participants")
        if isinstance(table, ParticipantTable):
            table.set_highlighter(highlighter)

    def _apply_filter(self) -> None:
        from briefing.ui.widgets.item_list import ItemList
        from briefing.ui.widgets.participant_table import ParticipantTable

        if not self._panes_mounted:
            return
        only = self.matches_only and bool(self.finder)
        for section in ("quotes", "deadlines", "timeline", "figures"):
            widget = self.query_one(f"#{section}")
            if isinstance(widget, ItemList):
                keep = {m.item_id for m in self.matches if m.section == section}
                widget.keep_only(keep if only else None)
        table = self.query_one("#participants")
        if isinstance(table, ParticipantTable):
            keep = {m.item_id for m in self.matches if m.section == "participants"}
            people = self.brief.participants
            table.set_participants([p for p in people if p.id in keep] if only else people)

    def _update_count(self) -> None:
        from textual.content import Content
        from textual.widgets import Static

        bar = self._bar()
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
