"""The reader: one brief in panes, with live countdowns and keyboard navigation.

On a terminal 120 columns wide or more, every pane shows at once in a grid;
narrower, one at a time with a tab bar, switched by the number keys or ``tab``.
Panes, tabs and number keys come from :func:`briefing.ui.sections.reader_sections`.
The screen owns the one timer that moves every countdown.

The screen keeps the keys and routes; what it does lives in the parts it owns (``loader``,
``tabs``, ``clock``, ``search``, ``live``, ``annotations``, ``details``: see ``__init__``).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import DescendantFocus, Resize
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from briefing.core.library import LibraryEntry
from briefing.ui.app import BriefingApp
from briefing.ui.field_keys import field_key_allowed
from briefing.ui.screens.annotating import ANNOTATION_BINDINGS, NOTE_ACTIONS, BriefAnnotations
from briefing.ui.screens.brief_clock import BriefClock
from briefing.ui.screens.brief_details import BriefDetails
from briefing.ui.screens.brief_live import LIVE_BINDINGS, LiveReload
from briefing.ui.screens.brief_loading import REVIEW_BINDING, BriefLoading
from briefing.ui.screens.brief_marks import MarksRead
from briefing.ui.screens.brief_search import SEARCH_ACTIONS, SEARCH_BINDINGS, BriefSearch
from briefing.ui.screens.brief_tabs import BriefTabs
from briefing.ui.screens.styled_once import StyledOnce
from briefing.ui.sections import bind_sections, section_bindings, section_keys
from briefing.ui.textual_compat import focused_without_repaint, own_bindings
from briefing.ui.widgets.brief_header import BriefHeader
from briefing.ui.widgets.deadline_list import DeadlineList
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.key_bar import KeyBar
from briefing.ui.widgets.pane import Pane, mark_panes, pane_of, panes_of, section_of
from briefing.ui.widgets.participant_table import ParticipantTable
from briefing.ui.widgets.section_bar import SectionBar

if TYPE_CHECKING:
    from briefing.core.models import Brief


class BriefScreen(StyledOnce[Path]):
    """Every section of one brief; ``escape`` or ``q`` goes back to the library."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    STYLED_FIRST = (DeadlineList, ParticipantTable)  # the deepest: see StyledOnce
    AUTO_FOCUS = "#summary"  # (Textual's default focused the hidden tab bar first: a restyle)
    ALLOW_IN_MAXIMIZED_VIEW = "KeyBar"  # a maximised pane keeps the keys (z Restore), as a Footer

    BINDINGS = [
        # First: while a search is active, its n, N and escape win (see BriefSearch.allows).
        *SEARCH_BINDINGS,
        # The number keys of the sections registered at import; __init__ adds any registered since.
        *section_bindings(),
        Binding("tab", "cycle(1)", "Next pane", show=False, id="brief.next-pane"),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False, id="brief.previous-pane"),
        REVIEW_BINDING,  # before the clock: a draft's review keeps its place at 80 columns
        Binding("a", "toggle_clock", "Clock", id="brief.clock"),
        Binding("s", "pick_speaker", "Filter by speaker", show=False, id="brief.speaker"),
        Binding(
            "left_square_bracket", "sibling(-1)", "Previous brief", show=False, id="brief.previous"
        ),
        Binding("right_square_bracket", "sibling(1)", "Next brief", show=False, id="brief.next"),
        Binding("escape", "back", "Back", id="brief.back"),
        Binding("q", "back(True)", "Back", show=False, id="brief.back-to-library"),
        *ANNOTATION_BINDINGS,
        *LIVE_BINDINGS,
    ]

    current: reactive[str] = reactive("summary", init=False, repaint=False)
    """The section that has the focus (and, when narrow, the one shown)."""

    focused = focused_without_repaint()  # the panes' classes draw a change (see mark_panes)

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False, repaint=False)
    """The time every countdown on the screen is computed from (the widgets bound to it
    draw what it changes: a tick repaints no more than that)."""

    as_published: reactive[bool] = reactive(False, init=False)
    """True when the clock runs from the brief's publication time instead of now."""

    speaker_filter: reactive[str | None] = reactive(None, init=False)
    """The participant id the quotes are filtered by, or None for all."""

    class BriefShown(Message):
        """A brief was put on screen (on opening, and on ``[`` / ``]``)."""

        def __init__(self, brief_id: str) -> None:
            self.brief_id = brief_id
            super().__init__()

    def __init__(self, entry: LibraryEntry, siblings: list[LibraryEntry] | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.library_order = siblings or [entry]
        self.panes_mounted = False
        """True once the panes (and, narrow, the tab bar) are mounted (with the screen)."""
        self.loader = BriefLoading(self)
        self.tabs = BriefTabs(self)
        self.clock = BriefClock(lambda: self.briefing_app.now())
        self.search = BriefSearch(self)
        self.live = LiveReload(self)
        self.annotations = BriefAnnotations(self)
        self.details = BriefDetails(self)
        self.ready = asyncio.Event()
        """Set once the brief is in the panes (tests and benchmarks wait on it)."""
        bind_sections(own_bindings(self))

    @property
    def brief(self) -> Brief:
        """The brief on screen (only valid once it has loaded)."""
        assert self.entry.brief is not None
        return self.entry.brief

    @property
    def clock_style(self) -> str:
        """``24h`` or ``12h``, from config.toml."""
        return self.briefing_app.config.clock

    @property
    def is_loaded(self) -> bool:
        """True once the brief is on screen."""
        return self.loader.shown

    briefing_app = getters.app(BriefingApp)
    """The app, typed."""

    def compose(self) -> ComposeResult:
        yield from self.loader.compose()
        yield KeyBar()

    def on_mount(self) -> None:
        # In the reader's clock mode; the offset is set once the brief is known.
        self.set_reactive(BriefScreen.as_published, self.briefing_app.clock_as_published)
        self.now = self.briefing_app.now()
        self.set_interval(1, self.tick, name="brief-countdowns")
        self.loader.start()

    @on(BriefHeader.Painted)
    def _header_painted(self) -> None:
        self.loader.painted()

    @on(BriefLoading.Loaded)
    def _loaded(self, message: BriefLoading.Loaded) -> None:
        self.loader.loaded(message.entry, message.digest)

    def open_entry(self, entry: LibraryEntry) -> None:
        """Show ``entry`` here, reading its file first (in a thread) when the library only indexed it."""
        self.loader.open_entry(entry)

    def show_brief(self, entry: LibraryEntry) -> None:
        """Put ``entry``'s brief into every pane."""
        self.loader.show(entry)

    # Sections and focus ----------------------------------------------------

    def section_widget(self, key: str) -> Widget:
        """The focusable widget of section ``key``."""
        return self.query_one(f"#{key}")

    def action_section(self, key: str) -> None:
        """Go to section ``key``."""
        self.current = key
        if self.panes_mounted:
            # At once (not Widget.focus, which waits a turn): keys typed next go to the new pane.
            self.set_focus(self.section_widget(key))

    def action_cycle(self, step: int) -> None:
        """Go to the next (``step`` 1) or previous (-1) section."""
        keys = section_keys()
        index = (keys.index(self.current) + step) % len(keys)
        self.action_section(keys[index])

    def watch_current(self, old: str | None = None, _new: str | None = None) -> None:
        if not self.panes_mounted:
            return
        self.tabs.show_current()  # (narrow only: a wide screen has no tab bar)
        if section_of(self.focused) != self.current:
            self.set_focus(self.section_widget(self.current))  # marks the two panes
        # The pane left and the one shown, not a query over all (all without ``old``: mounted).
        panes = panes_of(self, old, self.current) if old else self.query(Pane)
        mark_panes(panes, self.current, self.focused)
        if self.is_loaded:
            self.annotations.refresh_notes_panel()

    def watch_focused(self, old: Widget | None, new: Widget | None) -> None:
        mark_panes(filter(None, (pane_of(old), pane_of(new))), self.current, new)

    @on(Resize)  # the tab bar is built once the screen is narrow, on the current section
    def _resized_tabs(self, event: Resize) -> None:
        self.tabs.follow_layout(event)

    @on(DescendantFocus)
    def follow_focus(self, event: DescendantFocus) -> None:
        """A click (or tab) focused a widget: its pane becomes the current section."""
        if event.widget is not self.focused:
            return  # a stale event: acting on it would fight the focus set since
        section = section_of(event.widget)
        if section is not None and section != self.current:
            self.current = section

    @on(ItemList.Highlighted)
    @on(ParticipantTable.Highlighted)
    def item_highlighted(self) -> None:
        """The cursor moved: show the notes of the item now under it (and it is no longer new)."""
        if self.is_loaded:
            focused = self.annotations.focused_anchor()
            if focused is not None:
                self.live.item_seen(focused[0].kind, focused[0].item_id)
            self.annotations.refresh_notes_panel()

    def select_item(self, section: str, item_id: str) -> None:
        """Go to ``section`` and put the cursor on ``item_id`` (from the notes and bookmarks lists)."""
        self.details.select_item(section, item_id)

    @on(SectionBar.Clicked)
    def tab_clicked(self, event: SectionBar.Clicked) -> None:
        """A tab was clicked: go to its section."""
        self.tabs.clicked(event)

    # Moving between briefs -------------------------------------------------

    def action_sibling(self, step: int) -> None:
        """Open the previous (-1) or next (1) brief of the library in place."""
        if self.is_loaded:
            self.loader.sibling(step)

    def action_back(self, quit_if_first: bool = False) -> None:
        """Return to the library; ``q`` (``quit_if_first``) quits the reader opened on a file."""
        if quit_if_first and len(self.app.screen_stack) == 1:
            self.briefing_app.notes_keeper.quit()
            return
        if self.speaker_filter is not None and self.current == "quotes":
            self.speaker_filter = None
            return
        self.loader.cancel()
        self.live.flush_seen()
        self.briefing_app.close_brief(self, self.entry.path)

    def focused_item(self) -> tuple[str, str] | None:
        """The section and id of the item under the cursor (the summary's id is "")."""
        found = self.annotations.focused_anchor()
        return None if found is None else (found[0].section, found[0].item_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The search's keys decline while no search is active, so n, N and escape fall through.

        ``/`` declines in a text field (the search field's own ``/``, for one); so do the
        keys that open the note editor (see ``BriefAnnotations.note_key_allowed``).
        """
        if action == "search_brief":
            return field_key_allowed(self, action, opens={"search_brief"})
        if action == "review_draft":
            return self.loader.can_review()
        if action in NOTE_ACTIONS:
            return self.annotations.note_key_allowed(action)
        if action in SEARCH_ACTIONS:
            return self.search.allows(action)
        return True

    # The clock -------------------------------------------------------------------

    def tick(self) -> None:
        """Move every countdown to the clock's time, and look for a change of the file on disk;
        called once a second by the timer."""
        self.now = self.clock.now()
        self.live.check_file()

    def watch_now(self, now: datetime) -> None:
        if self.panes_mounted:
            self.query_one(DeadlineList).now = now

    def action_toggle_clock(self) -> None:
        """Switch between now and the brief's publication time."""
        if self.is_loaded:
            self.as_published = not self.as_published

    def watch_as_published(self, as_published: bool) -> None:
        # The mode is the reader's, not one brief's: the next brief and the agenda follow it.
        app = self.briefing_app
        app.clock_as_published = as_published
        app.clock_as_published_at = app.now() if as_published else None
        if not self.is_loaded:
            return
        self.clock.set_mode(as_published, self.brief.published_at)
        self.tick()
        self.notify("Clock: as published" if as_published else "Clock: now", timeout=2)

    # Routes to the parts the screen owns ---------------------------------------------

    async def action_search_brief(self) -> None:
        """Show the search field."""
        if self.is_loaded:
            await self.search.open()

    def action_next_match(self) -> None:
        """Go to the next match, across panes."""
        self.search.step(1)

    def action_previous_match(self) -> None:
        """Go to the previous match, across panes."""
        self.search.step(-1)

    def action_matches_only(self) -> None:
        """Show only the items that match, or every item again."""
        self.search.toggle_matches_only()

    def action_clear_search(self) -> None:
        """Clear the search: every item, no highlights, the field hidden."""
        self.search.clear()

    @on(Input.Changed, "#search-input")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.search.find(event.value)

    @on(Input.Submitted, "#search-input")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.search.submitted()

    def action_review_draft(self) -> None:
        """Open this draft in its review again."""
        self.loader.review()

    def action_next_unseen(self) -> None:
        """Go to the next item that is new to the user, pane by pane from the cursor."""
        if self.is_loaded:
            self.live.next_unseen()

    def action_copy(self) -> None:
        """Copy the item under the cursor as text (with its attribution) to the clipboard."""
        if self.is_loaded:
            self.live.copy()

    @on(LiveReload.Digested)
    def _digested(self, message: LiveReload.Digested) -> None:
        self.live.digested(message)

    @on(LiveReload.Reloaded)
    def _reloaded(self, message: LiveReload.Reloaded) -> None:
        self.live.reloaded(message)

    def action_note(self) -> None:
        """Write a new note on the focused item."""
        self.annotations.note()

    def action_edit_note(self) -> None:
        """Edit a note of the focused item (asked which when it has several)."""
        self.annotations.actions.edit_note()

    def action_external_edit(self, what: str = "note") -> None:
        """A note of the focused item in $EDITOR, or (``o``) the brief's file at its line."""
        self.annotations.actions.external_edit(what)

    def action_delete_note(self) -> None:
        """Delete a note of the focused item, after asking (ctrl+z brings it back)."""
        self.annotations.actions.delete_note()

    def action_bookmark(self) -> None:
        """Toggle a bookmark on the focused item (on the brief itself from the summary)."""
        self.annotations.bookmark()

    @on(MarksRead)
    def _marks_read(self, message: MarksRead) -> None:
        self.annotations.marks_read(message)

    @on(ItemList.Selected)
    def _item_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self.details.item_selected(section_of(event.item_list), event.item_id)

    @on(ParticipantTable.Selected)
    def _person_selected(self, event: ParticipantTable.Selected) -> None:
        event.stop()
        self.details.person_selected(event.participant_id)

    def action_pick_speaker(self) -> None:
        """Choose a speaker to filter the quotes by."""
        if self.is_loaded:
            self.details.pick_speaker()

    def watch_speaker_filter(self) -> None:
        self.details.speaker_changed()
