"""How the reader fills: the header from a peek at the file, the panes, the brief.

The screen owns one :class:`BriefLoading`. As the screen mounts, two things start
side by side: the brief is read and validated in a thread (whose
:class:`BriefLoading.Loaded` comes back through the screen, which hands it here),
and the tab bar, the panes and the notes panel are mounted. Whichever ends last
puts the brief in the panes. The header (the title read without validating the
file) is there from the first frame.

Both start at once rather than one after the first frame: what the reader waits
for is the content, and waiting for the header's frame before mounting, then for
the panes before reading, put the three one after the other (issue 15: the seed
brief's content 946 ms -> see benchmarks/README.md).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message

from briefing.core.errors import BriefError
from briefing.core.library import LibraryEntry
from briefing.core.preview import peek
from briefing.core.safetext import display_path
from briefing.storage.index.briefs import ReadBrief, keep_brief, read_brief, read_known
from briefing.ui.lazy import is_library_screen
from briefing.ui.sections import reader_sections
from briefing.ui.widgets.brief_header import BriefHeader
from briefing.ui.widgets.pane import Panes

if TYPE_CHECKING:
    from briefing.ui.screens.brief import BriefScreen

REVIEW_BINDING = Binding("R", "review_draft", "Review", id="brief.review")
"""Opens the review of a draft again (it opens by itself only once per reader); shown
only while the brief on screen is a draft (see :meth:`BriefLoading.can_review`)."""


class BriefLoading:
    """The header's preview, mounting the panes, and reading the brief in a thread.

    Args:
        screen: The brief screen it fills (its entry, its panes, its parts).
    """

    class Loaded(Message):
        """The loading worker read the brief of ``entry`` (or recorded its error)."""

        def __init__(self, entry: LibraryEntry, digest: str = "") -> None:
            self.entry = entry
            self.digest = digest  # of the bytes its brief was built from ("": none)
            super().__init__()

    def __init__(self, screen: BriefScreen) -> None:
        self.screen = screen
        self.shown = False
        """True once a brief is on screen."""
        self.reading: LibraryEntry | None = None
        """The entry the worker is reading now (its :class:`Loaded` shows it)."""
        self.reviewed: set[Path] = set()
        """Drafts already opened in the review screen (a reload does not open it again)."""
        self.closed_at: Size | None = None
        """The terminal's size when the screen was last closed (None: open)."""
        self.digest_read: tuple[LibraryEntry, str] | None = None
        """The entry read last and the digest of its bytes: its visit records it, rather
        than the file being read and hashed again as the brief is shown."""

    def preview(self) -> BriefHeader:
        """The header of the first frame: the brief's title, read without validating it."""
        return BriefHeader(self.preview_content(self.screen.entry), id="brief-header")

    @staticmethod
    def preview_content(entry: LibraryEntry) -> Content:
        """What the header says of ``entry`` before it is validated (its title, peeked at)."""
        if entry.brief is not None:
            return BriefHeader.preview(entry.brief.title, "", "")
        peeked = peek(entry.path)
        if peeked is None:
            return BriefHeader.preview(entry.path.name, "", "")
        return BriefHeader.preview(peeked.title, peeked.source, peeked.published)

    def closed(self, size: Size) -> None:
        """The screen is closing, kept for the next brief (see :meth:`reopen`): nothing of it
        is on screen, so its clock's tick checks no file."""
        self.cancel()
        self.shown = False
        self.closed_at = size

    def reopen(self, entry: LibraryEntry, siblings: list[LibraryEntry]) -> None:
        """Show ``entry`` in this screen, closed before: its panes are reused, not mounted
        again. It opens as a new reader would, at its first section; a brief still to be
        read shows its header alone, never the panes of the brief closed before."""
        screen = self.screen
        self.closed_at = None
        screen.library_order = siblings
        screen.ready.clear()
        screen.live.reset()
        screen.live.set_file_problem("")
        if screen.search.searching:
            screen.search.clear()
        if screen.maximized is not None:
            screen.minimize()
        screen.current = "summary"
        mode = screen.briefing_app.clock_as_published
        if mode != screen.as_published:
            # Switched in the agenda while this screen was closed: taken as on_mount takes it.
            screen.set_reactive(type(screen).as_published, mode)
            screen.query_one(BriefHeader).as_published = mode
            screen.clock.set_mode(False, screen.briefing_app.now())  # (as published: see _show)
        screen.tick()
        self.read_known(entry)
        if entry.brief is None:
            # Its header alone until it is read: never the panes of the brief closed before.
            screen.query_one(BriefHeader).show_preview(self.preview_content(entry))
            self._panes_visible(False)
        self.open_entry(entry)

    def _panes_visible(self, visible: bool) -> None:
        # Hidden rather than removed: nothing is laid out again to show them.
        for part in self.screen.query("#panes, #notes-panel, #section-tabs"):
            part.styles.visibility = "visible" if visible else "hidden"

    def compose(self) -> ComposeResult:
        """The header, the tab bar (when narrow) and the panes: all in the first frame (the
        notes strip is mounted when an item first has notes to show: see ``ui.screens.annotating``).

        A brief the library index knows is read here, before they are drawn (a file read,
        a digest and one row: about a millisecond for the seed brief), so the first frame
        holds its content; any other is read in a thread once the screen is mounted (see
        :meth:`start`). Composed rather than mounted after the first frame: mounting them
        then cost a frame of empty panes and four awaited mounts (issue 15).
        """
        screen = self.screen
        self.read_known(screen.entry)
        yield self.preview().data_bind(type(screen).now, type(screen).as_published)
        yield from screen.tabs.compose()  # (narrow only: see BriefTabs)
        with Panes(id="panes"):
            yield from (e.make_pane() for e in reader_sections())

    def read_known(self, entry: LibraryEntry) -> None:
        """Give ``entry`` its brief when the library index knows the file's bytes (see
        :func:`~briefing.storage.index.briefs.read_known`): read, never validated, on this thread."""
        if entry.brief is None and entry.error is None:
            app = self.screen.briefing_app
            known = read_known(entry.path, app.library_index, zone=app.local_zone)
            if known is not None:
                entry.brief = known.brief
                self.digest_read = (entry, known.digest)

    def start(self) -> None:
        """The panes are mounted: show the brief, or start reading it (in a thread)."""
        screen = self.screen
        screen.panes_mounted = True
        screen.watch_current()
        if screen.entry.brief is None:
            self._panes_visible(False)  # until it is read: empty panes are nothing to read
        self.open_entry(screen.entry)

    def painted(self) -> None:
        """The header is on screen: the first frame is out."""
        self.screen.briefing_app.first_frame_out()

    def open_entry(self, entry: LibraryEntry) -> None:
        """Show ``entry``; a brief the index does not know is read in a thread first."""
        self.read_known(entry)
        if entry.brief is not None:
            self.show(entry)
        else:
            self.load(entry)

    def sibling(self, step: int) -> None:
        """Open the previous (-1) or next (1) brief of the library in place (``[`` and ``]``)."""
        screen, order = self.screen, self.screen.library_order
        if len(order) < 2:
            # The order is what the library shows: say so when a filter narrowed it.
            query = next(
                (s.filter_text for s in screen.app.screen_stack if is_library_screen(s)), ""
            )
            where = f"shown (filter: {query})" if query else "in the library"
            screen.notify(f"This is the only brief {where}", timeout=2, markup=False)
            return
        index = order.index(screen.entry) if screen.entry in order else 0
        self.open_entry(order[(index + step) % len(order)])

    def load(self, entry: LibraryEntry) -> None:
        """Start :meth:`load_entry` in a thread (a new one cancels the one running)."""
        self.reading = entry
        self.screen.run_worker(
            partial(self.load_entry, entry),
            name="load_entry",
            group="brief-load",
            exclusive=True,
            thread=True,
        )

    def load_entry(self, entry: LibraryEntry) -> None:
        """Read ``entry``'s brief (in a thread); post :class:`Loaded`.

        A brief whose bytes the library index knows is built from the content it keeps,
        without validating the file; any other is validated, shown, then kept there
        (here, after the message: the reader does not wait for it to be written).
        """
        app = self.screen.briefing_app
        read: ReadBrief | None = None
        try:
            read = read_brief(entry.path, app.library_index, zone=app.local_zone)
            entry.brief = read.brief
        except BriefError as error:
            entry.error = error
        self.screen.post_message(self.Loaded(entry, read.digest if read is not None else ""))
        if read is not None:
            keep_brief(app.library_index, read)

    def loaded(self, entry: LibraryEntry, digest: str = "") -> None:
        """The worker is done: show the brief, or say why it cannot be (and leave if nothing is shown)."""
        screen = self.screen
        if self.reading is entry:
            self.reading = None
        if digest:
            self.digest_read = (entry, digest)
        if entry.brief is not None:
            self.show(entry)
            return
        summary = (
            entry.error.summary() if entry.error else f"{display_path(entry.path)}: cannot be read"
        )
        screen.notify(
            summary, title="This brief cannot be opened", severity="error", timeout=15, markup=False
        )
        if not screen.is_loaded:
            screen.briefing_app.close_brief(screen, entry.path)

    def show(self, entry: LibraryEntry) -> None:
        """Put ``entry``'s brief into every pane, and tell every part of the screen."""
        assert entry.brief is not None
        with self.screen.app.batch_update():
            self._show(entry)
        self.screen.ready.set()
        # The review key shows (or no longer shows) in the footer: is this brief a draft?
        self.screen.refresh_bindings()
        if entry.brief.draft is not None and entry.path not in self.reviewed:
            # A draft of `briefing import` opens in its review, once per reader; R again.
            self.reviewed.add(entry.path)
            self.review()

    def can_review(self) -> bool:
        """True while the brief on screen is a draft (it has a ``[draft]`` table)."""
        entry = self.screen.entry
        return self.shown and entry.brief is not None and entry.brief.draft is not None

    def review(self) -> None:
        """Open the brief on screen, a draft, in the review screen."""
        if not self.can_review():
            return
        # deferred: a screen, opened only for a draft (it brings tomli-w)
        from briefing.ui.screens.review import ReviewScreen

        path = self.screen.entry.path
        self.screen.app.push_screen(ReviewScreen(path, self.screen.live.own_write))

    def _show(self, entry: LibraryEntry) -> None:
        assert entry.brief is not None
        screen = self.screen
        screen.entry = entry
        self.shown = True
        self._panes_visible(True)
        brief = entry.brief
        screen.speaker_filter = None
        if screen.as_published:
            screen.clock.set_mode(True, brief.published_at)
            screen.now = screen.clock.now()
            screen.query_one(BriefHeader).as_published = True
        position = ""
        order = screen.library_order
        if len(order) > 1 and entry in order:
            position = f"{order.index(entry) + 1}/{len(order)}"
        screen.query_one(BriefHeader).set_brief(brief, position, clock=screen.clock_style)
        screen.details.fill(brief)
        read = self.digest_read
        digest = read[1] if read is not None and read[0] is entry else ""
        screen.live.brief_shown(screen.live.take_pending_changes(), digest)
        screen.annotations.load()
        screen.search.refresh()
        screen.post_message(screen.BriefShown(brief.id))

    def cancel(self) -> None:
        """Stop a read that is still running (the screen is closing)."""
        self.screen.workers.cancel_group(self.screen, "brief-load")
