"""The agenda (``A``): every open deadline of the library, with live countdowns.

Overdue deadlines come first, in a group of their own, then the rest soonest
first. One timer on the screen moves the list's ``now`` once a second; the
rows work out their countdowns from it as they are drawn, so only the rows on
screen cost anything. The order of the rows never changes as time passes (every
countdown runs at the same rate); only the line between overdue and upcoming
moves, and the screen regroups when a deadline crosses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
from briefing.core.timeutil import format_when
from briefing.storage.index.agenda import agenda_in_library, schedule, tags_of
from briefing.storage.index.indexing import index_in_processes
from briefing.ui.app import BriefingApp
from briefing.ui.app_library import ItemTarget
from briefing.ui.render import MUTED, Prompt, countdown_content
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList, PromptLike
from briefing.ui.widgets.stable_footer import StableFooter
from briefing.ui.widgets.virtual_layout import next_enabled

if TYPE_CHECKING:
    from briefing.storage.index.agenda import AgendaItem, AgendaRow

GROUP = "group:"
"""The id prefix of the group headings ("Overdue", "Upcoming"), which cannot be highlighted."""


class AgendaList(ItemList):
    """The agenda's rows: group headings and deadlines whose countdowns follow :attr:`now`.

    The list never reads the clock: the screen sets :attr:`now` (and
    :attr:`shift`, the clock "as published") and the rows on screen are drawn
    again.
    """

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False)
    """The moment countdowns are computed from."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("No open deadlines in the library", id=id, classes=classes)
        self.shift: dict[str, timedelta] = {}
        """How far each brief's clock is moved (by path), when the clock runs as published."""
        self.clock_style = "24h"
        """``24h`` or ``12h`` times of day."""

    def watch_now(self) -> None:
        self.redraw()

    def row_disabled(self, index: int) -> bool:
        ids = self.item_ids
        return not ids or ids[index].startswith(GROUP)

    def set_items(self, items: Iterable[tuple[str, PromptLike]]) -> None:
        """Replace the rows; the cursor never rests on a heading."""
        super().set_items(items)
        if self.highlighted is not None and self.row_disabled(self.highlighted):
            self.highlighted = next_enabled(
                self.row_count, self.row_disabled, self.highlighted, 1, wrap=True
            )


class _DeadlineRow:
    """A deadline's row, its countdown made from the list's ``now`` whenever it is drawn."""

    __slots__ = ("item", "owner")

    def __init__(self, owner: AgendaList, item: AgendaItem) -> None:
        self.owner = owner
        self.item = item

    def _row(self) -> Prompt:
        item, owner = self.item, self.owner
        due = (
            f"{item.due_text} (end of day)"
            if item.all_day
            else format_when(item.due_at, clock=owner.clock_style)
        )
        moment = owner.now + owner.shift.get(str(item.path), timedelta(0))
        return Prompt(
            [
                (item.title, "bold"),
                "\n",
                (f"due {due} · ", MUTED),
                (item.brief_title, "italic"),
                "\n",
                countdown_content(countdown(item.due_at, moment)),
            ]
        )

    @property
    def plain(self) -> str:
        """The row's text at the list's ``now``."""
        return self._row().plain

    def build(self) -> Content:
        """The row's Content at the list's ``now``."""
        return self._row().build()


def _heading(text: str, style: str) -> Content:
    return Content.styled(text, style)


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
    AgendaScreen AgendaList { height: 1fr; }
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
        yield AgendaList(id="agenda-list")
        yield StableFooter()

    def on_mount(self) -> None:
        agenda = self.query_one(AgendaList)
        agenda.clock_style = self.briefing_app.config.clock
        agenda.focus()
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
            moment = now + self.query_one(AgendaList).shift.get(
                str(boundary.item.path), timedelta(0)
            )
            if countdown(boundary.item.due_at, moment).seconds < 0:
                self.regroup()
                return
        self.query_one(AgendaList).now = now

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
        agenda = self.query_one(AgendaList)
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
        entries: list[tuple[str, PromptLike]] = []
        if overdue:
            entries.append(
                (f"{GROUP}overdue", _heading(f"Overdue ({len(overdue)})", "bold $error"))
            )
            entries += [(row.item.key, _DeadlineRow(agenda, row.item)) for row in overdue]
        if upcoming and overdue:
            entries.append((f"{GROUP}upcoming", _heading(f"Upcoming ({len(upcoming)})", "bold")))
        entries += [(row.item.key, _DeadlineRow(agenda, row.item)) for row in upcoming]
        agenda.empty_text = (
            f"No open deadlines in briefs tagged {self.tag}"
            if self.tag
            else "No open deadlines in the library"
        )
        agenda.now = now
        agenda.set_items(entries)
        self.update_title(len(overdue))

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

    @on(ItemList.Selected, "#agenda-list")
    def deadline_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        item = next((row.item for row in self.rows if row.item.key == event.item_id), None)
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
