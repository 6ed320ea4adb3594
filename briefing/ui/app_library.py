"""The app's views across the whole library: search, people and the agenda.

The app owns one :class:`LibraryWide`. Each of its screens is imported when
first opened, so none of them costs anything at start-up. They all ask for an
:class:`ItemTarget` (a brief file and an item in it), which is opened in a reader
over the list, at that item: escape from the reader comes back to the list as the
user left it, and escape there to where they were before. A note or bookmark from
the lists (``N``, ``B``) is opened by its anchor, in the reader they were opened from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from briefing.core.library import LibraryEntry
from briefing.ui.lazy import is_brief_screen

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefing.core.anchors import Anchor
    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.brief import BriefScreen


READER = "reader"
"""The name the reader screen is installed under: kept when closed, for the next brief."""


class ItemTarget(NamedTuple):
    """An item of a brief to open: the brief's file, the item's kind (an ``ItemKind`` value) and id."""

    path: Path
    kind: str = "brief"
    item_id: str = ""


class LibraryWide:
    """Search (``ctrl+f``), people (``p``) and agenda (``A``), and opening a brief at an item.

    Args:
        app: The app whose screens these are pushed on.
    """

    def __init__(self, app: BriefingApp) -> None:
        self.app = app

    def search(self) -> None:
        """Search every brief and note of the library."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.search import SearchScreen

        self.show(SearchScreen, SearchScreen)

    def people(self) -> None:
        """List every participant of every brief, the same person merged across briefs."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.people import PeopleScreen

        self.show(PeopleScreen, PeopleScreen)

    def agenda(self) -> None:
        """List every open deadline of the library, soonest first."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.agenda import AgendaScreen

        self.show(AgendaScreen, AgendaScreen)

    def show(self, kind: type[Screen[Any]], make: Callable[[], Screen[Any]]) -> None:
        """Show the list screen of ``kind``: the one already open under the readers opened
        from it (as the user left it), else a new one from ``make()``."""
        app = self.app
        stack = app.screen_stack
        shown = next((screen for screen in reversed(stack) if isinstance(screen, kind)), None)
        if shown is None:
            app.push_screen(make())
            return
        # Back down to it: only readers opened from the list lie over it (or the list's own
        # dialogs), so nothing but those readers is closed.
        while app.screen is not shown and len(app.screen_stack) > 1:
            app.pop_screen()

    def open_reader(self, entry: LibraryEntry, siblings: list[LibraryEntry]) -> None:
        """Open ``entry`` in the reader closed last, or else in a new one (none is open)."""
        app = self.app
        reader = self.closed_reader()
        if reader is not None:
            # Shown again with this brief in its panes: mounting and laying out new ones
            # cost four times as much (issue 15).
            app.push_screen(reader, app.back_to_library)
            reader.loader.reopen(entry, siblings)
            return
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.brief import BriefScreen

        screen = BriefScreen(entry, siblings)
        # Installed, so that closing it keeps it (see closed_reader).
        app.install_screen(screen, READER)
        app.push_screen(screen, app.back_to_library)

    def closed_reader(self) -> BriefScreen | None:
        """The reader closed last, when it can show another brief (else it is let go).

        Showing a brief in the panes of the reader closed before costs a fourth of
        mounting and laying out new ones (issue 15: enter on a second brief).
        """
        app = self.app
        if not app.is_screen_installed(READER):
            return None
        reader = app.get_screen(READER)
        if not is_brief_screen(reader) or reader in app.screen_stack:
            return None  # (open beneath another screen: the next one is a screen of its own)
        if reader.panes_mounted and reader.loader.closed_at == app.size:
            return reader
        # Closed before its panes were mounted, or at another size (its layout was chosen
        # for that size, and a screen off the stack is told of no resize).
        app.uninstall_screen(READER)
        reader.remove()
        return None

    def known_entries(self) -> list[LibraryEntry]:
        """Every entry the app has read: the library's, and the brief open on screen."""
        entries = self.app.library_entries()
        for screen in self.app.screen_stack:
            if is_brief_screen(screen) and screen.entry not in entries:
                entries.append(screen.entry)
        return entries

    def open_item(self, target: ItemTarget) -> None:
        """Open the brief at ``target.path`` in a new reader over the list on screen, at its
        item (escape from the reader comes back to the list)."""
        # deferred: the sections' registry, as a brief is opened at an item
        from briefing.core.anchors import SECTION_OF_KIND, ItemKind

        try:
            section = SECTION_OF_KIND[ItemKind(target.kind)]
        except ValueError:
            section = "summary"
        self.open_at(
            lambda screen: screen.entry.path == target.path,
            lambda: (
                next((e for e in self.known_entries() if e.path == target.path), None)
                or LibraryEntry(target.path)
            ),
            section,
            target.item_id,
            over_list=True,
        )

    def open_anchor(self, anchor: Anchor | None) -> None:
        """Open the brief an anchor points into, at its item."""
        if anchor is None:
            return
        self.open_at(
            lambda screen: screen.brief.id == anchor.brief_id,
            lambda: next(
                (e for e in self.known_entries() if e.ok and e.brief_id == anchor.brief_id), None
            ),
            anchor.section,
            anchor.item_id,
        )

    def open_at(
        self,
        is_open: Callable[[BriefScreen], bool],
        find_entry: Callable[[], LibraryEntry | None],
        section: str,
        item_id: str,
        *,
        over_list: bool = False,
    ) -> None:
        """Go to ``section``/``item_id`` in the brief on screen if ``is_open(screen)``, else open
        the entry ``find_entry()`` returns (None: say it is gone) and go there once it is shown.

        With ``over_list``, the entry opens in a new reader over the screen on top.
        """
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.brief import BriefScreen

        app = self.app
        screen = app.screen
        if isinstance(screen, BriefScreen) and screen.is_loaded and is_open(screen):
            screen.select_item(section, item_id)
            return
        entry = find_entry()
        if entry is None:
            app.notify(
                "That brief is not in the library any more; its notes are kept (N lists them).",
                severity="warning",
                timeout=8,
            )
            return
        if over_list:
            siblings = [e for e in app.library_entries() if e.ok]
            # Its result (the path it closes on) is the library's business, not the list's.
            app.push_screen(BriefScreen(entry, siblings), lambda _path: None)
        else:
            app.open_entry(entry)
        target = app.screen

        async def when_ready() -> None:
            if isinstance(target, BriefScreen):
                await target.ready.wait()
                # Only once what filling the screen left pending (its first focus, the tab bar's
                # first activation) is handled: switching sections before that makes the stale
                # events and the new ones switch the screen back and forth for ever.
                target.call_after_refresh(target.select_item, section, item_id)

        app.run_worker(when_ready(), group="open-anchor", exclusive=True)
