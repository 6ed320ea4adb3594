"""The agenda (``A``): every open deadline of the library, with live countdowns.

Overdue deadlines come first, in a group of their own, then the rest soonest
first. One timer on the screen moves the table's ``now`` once a second; the
rows work out their countdowns from it as they are drawn, so only the rows on
screen cost anything. The order of the rows never changes as time passes (every
countdown runs at the same rate); only the line between overdue and upcoming
moves, and the screen regroups when a deadline crosses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from briefing.core.countdown import countdown
from briefing.storage.index.agenda import agenda_in_library, due_words, schedule, tags_of
from briefing.storage.index.indexing import index_in_processes
from briefing.ui.app import BriefingApp
from briefing.ui.app_library import ItemTarget
from briefing.ui.render import MUTED
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.agenda_table import AgendaLine, AgendaTable
from briefing.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from briefing.storage.index.agenda import AgendaItem, AgendaRow

GROUP = "group:"
"""The key prefix of the group headings ("Overdue", "Upcoming"), which cannot be highlighted."""


class AgendaScreen(Screen[None]):
    """Every open deadline across the library; ``enter`` opens its brief at it.

    | Key(s) | Description |
    | :- | :- |
    | enter | Open the brief at the deadline. |
    | t | Show only the deadlines of briefs with a tag (a picker). |
    | a | Count down from each brief's publication time instead of now. |
    | r | Read the library again. |
    | escape | Close. |
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="agenda.close"),
        Binding("t", "pick_tag", "Tag", id="agenda.tag"),
        Binding("a", "toggle_clock", "Clock", id="agenda.clock"),
        Binding("r", "reload", "Reload", show=False, id="agenda.reload"),
        Binding("q", "close", "Close", show=False, id="agenda.quit"),
    ]

    DEFAULT_CSS = """
    AgendaScreen #agenda-title { text-style: bold; color: $accent; padding: 0 1; }
    AgendaScreen AgendaTable { height: 1fr; }
    """

    tag: reactive[str | None] = reactive(None, init=False)
    """Only the deadlines of briefs with this tag; None for all."""

    as_published: reactive[bool] = reactive(False, init=False)
    """True when each deadline counts down from its brief's publication time, as the reader's ``a`` does."""

    @dataclass
    class Loaded(Message):
        """The loading worker has the open deadlines of the library."""

        items: list[AgendaItem]
        unreadable: int

    def __init__(self) -> None:
        super().__init__()
        self.items: list[AgendaItem] | None = None
        """Every open deadline of the library, once read."""
        self.rows: list[AgendaRow] = []
        """What is listed, in order, as last grouped."""
        self._toggled_at: datetime | None = None
        self._boundary: AgendaRow | None = None
        self._unreadable = 0

    briefing_app = getters.app(BriefingApp)
    """The app, typed."""

    def compose(self) -> ComposeResult:
        yield Static(Content("Agenda · reading the library…"), id="agenda-title", markup=False)
        yield AgendaTable("No open deadlines in the library", id="agenda-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(AgendaTable).focus()
        self._follow_reader_clock()
        self.set_interval(1, self.tick, name="agenda-countdowns")
        self.load_agenda()

    def _follow_reader_clock(self) -> None:
        """Start in the clock mode of the reader: the app's, if it keeps one, else the brief's beneath."""
        app = self.briefing_app
        shared = getattr(app, "clock_as_published", None)
        if isinstance(shared, bool):
            # From the moment the reader's "a" was pressed, so both clocks read the same.
            since = getattr(app, "clock_as_published_at", None)
            self._toggled_at = (since or app.now()) if shared else None
        else:
            below = [s for s in app.screen_stack if isinstance(s, BriefScreen) and s.is_loaded]
            if below and below[-1].as_published:
                reader = below[-1]
                # The reader's clock started from its brief's publication when "a" was pressed.
                offset = reader.clock.now() - app.now()
                self._toggled_at = reader.brief.published_at - offset
        self.set_reactive(AgendaScreen.as_published, self._toggled_at is not None)

    @work(thread=True, exclusive=True, group="agenda-load")
    def load_agenda(self) -> None:
        """Read the open deadlines from the library index (brought up to date first), in a thread."""
        app = self.briefing_app
        items, unreadable = agenda_in_library(
            app.library_index, app.library_paths, app.local_zone, indexer=index_in_processes
        )
        self.post_message(self.Loaded(items, unreadable))

    def on_agenda_screen_loaded(self, message: Loaded) -> None:
        self.items = message.items
        self._unreadable = message.unreadable
        self.regroup()

    # The clock -------------------------------------------------------------------------

    def clock_now(self) -> datetime:
        """The app's time (the rows add their brief's shift when the clock runs as published)."""
        return self.briefing_app.now()

    def _shifts(self) -> dict[str, timedelta]:
        if self._toggled_at is None or not self.items:
            return {}
        return {str(item.path): item.published_at - self._toggled_at for item in self.items}

    def tick(self) -> None:
        """Move every countdown to the clock's time; regroup when a deadline has become overdue."""
        now = self.clock_now()
        boundary = self._boundary
        if boundary is not None:
            moment = now + self.query_one(AgendaTable).shift.get(
                str(boundary.item.path), timedelta(0)
            )
            if countdown(boundary.item.due_at, moment).seconds < 0:
                self.regroup()
                return
        # Only the countdown cells on screen are drawn again; the rows stay as they are.
        self.query_one(AgendaTable).now = now

    def action_toggle_clock(self) -> None:
        """Count down from each brief's publication time, or from now."""
        self.as_published = not self.as_published

    def watch_as_published(self, as_published: bool) -> None:
        self._toggled_at = self.clock_now() if as_published else None
        app = self.briefing_app
        # The app keeps the reader's clock mode: the agenda's "a" sets it too.
        app.clock_as_published = as_published
        app.clock_as_published_at = self._toggled_at
        self.regroup()
        self.notify("Clock: as published" if as_published else "Clock: now", timeout=2)

    # The rows --------------------------------------------------------------------------

    def regroup(self) -> None:
        """List the deadlines again: filter, order and group them at the clock's time."""
        if self.items is None:
            return
        agenda = self.query_one(AgendaTable)
        now = self.clock_now()
        agenda.shift = self._shifts()
        shift = agenda.shift
        self.rows = schedule(
            self.items,
            now,
            tag=self.tag,
            shift=(lambda item: shift.get(str(item.path), timedelta(0))) if shift else None,
        )
        overdue = [row for row in self.rows if row.overdue]
        upcoming = self.rows[len(overdue) :]
        self._boundary = upcoming[0] if upcoming else None
        lines: list[AgendaLine] = []
        if overdue:
            lines.append(AgendaLine(f"{GROUP}overdue", f"Overdue ({len(overdue)})", overdue=True))
            lines += [self._line(row) for row in overdue]
        if upcoming and overdue:
            lines.append(AgendaLine(f"{GROUP}upcoming", f"Upcoming ({len(upcoming)})"))
        lines += [self._line(row) for row in upcoming]
        agenda.empty_text = (
            f"No open deadlines in briefs tagged {self.tag}"
            if self.tag
            else "No open deadlines in the library"
        )
        agenda.set_lines(lines, now)
        self.update_title(len(overdue))

    def _line(self, row: AgendaRow) -> AgendaLine:
        item = row.item
        clock = self.briefing_app.config.clock
        return AgendaLine(
            item.key,
            item.title,
            due=due_words(item, clock),
            brief=item.brief_title,
            due_at=item.due_at,
            clock=str(item.path),
        )

    def update_title(self, overdue: int) -> None:
        """Say how many deadlines are listed, the filter and the clock."""
        parts = [f"Agenda · {len(self.rows)} open deadline{'s' if len(self.rows) != 1 else ''}"]
        if overdue:
            parts.append(f"{overdue} overdue")
        if self.tag:
            parts.append(f"tag: {self.tag}")
        parts.append("clock: as published" if self.as_published else "clock: now")
        if self._unreadable:
            parts.append(
                f"{self._unreadable} invalid file{'s' if self._unreadable != 1 else ''} left out"
            )
        self.query_one("#agenda-title", Static).update(Content(" · ".join(parts)))

    @on(AgendaTable.RowSelected, "#agenda-list")
    def deadline_selected(self, event: AgendaTable.RowSelected) -> None:
        event.stop()
        item = next((row.item for row in self.rows if row.item.key == event.key), None)
        if item is not None:
            self.briefing_app.library_wide.open_item(
                ItemTarget(item.path, "deadline", item.item_id)
            )

    # Tags ---------------------------------------------------------------------------------

    def action_pick_tag(self) -> None:
        """Choose a tag to show only the deadlines of briefs with it (or all)."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.picker import PickerScreen

        if not self.items:
            self.notify("No open deadlines to filter", timeout=3)
            return
        choices = [("all", Content.styled("All tags", "italic"))] + [
            (f"tag:{tag}", Content.assemble(tag, (f"  {count}", MUTED)))
            for tag, count in tags_of(self.items)
        ]

        def picked(value: str | None) -> None:
            if value is not None:
                self.tag = value.removeprefix("tag:") if value.startswith("tag:") else None

        current = f"tag:{self.tag}" if self.tag else "all"
        self.app.push_screen(
            PickerScreen("Show the deadlines of briefs tagged", choices, current), picked
        )

    def watch_tag(self) -> None:
        self.regroup()

    def action_reload(self) -> None:
        """Read the library again (new, changed and removed briefs)."""
        self.load_agenda()

    def action_close(self) -> None:
        """Go back."""
        self.dismiss(None)
