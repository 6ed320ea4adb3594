"""The reader's screens that look across the whole library: search, people and the agenda.

Each screen is imported when first opened, so none of them costs anything at
start-up. They all answer with an :class:`ItemTarget` (a brief file and an
item in it), which the app opens in the reader at that item.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import App

from briefing.core.library import LibraryEntry


@dataclass(frozen=True, slots=True)
class ItemTarget:
    """An item of a brief to open: the brief's file, the item's kind (an ``ItemKind`` value) and id."""

    path: Path
    kind: str = "brief"
    item_id: str = ""


class LibraryWideApp(App[None]):
    """Search (``ctrl+f``), people (``p``) and agenda (``A``), and opening a brief at an item."""

    def known_entries(self) -> list[LibraryEntry]:
        """Every entry the app has read (see ``AnnotatingApp``)."""
        raise NotImplementedError

    def open_entry(self, entry: LibraryEntry, siblings: list[LibraryEntry] | None = None) -> None:
        """Open ``entry`` in the reader."""
        raise NotImplementedError

    def action_search(self) -> None:
        """Search every brief and note of the library."""
        from briefing.ui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(), self.open_item)

    def action_people(self) -> None:
        """List every participant of every brief, the same person merged across briefs."""
        from briefing.ui.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen(), self.open_item)

    def action_agenda(self) -> None:
        """List every open deadline of the library, soonest first."""
        from briefing.ui.screens.agenda import AgendaScreen

        if not isinstance(self.screen, AgendaScreen):
            self.push_screen(AgendaScreen(), self.open_item)

    def open_item(self, target: ItemTarget | None) -> None:
        """Open the brief at ``target.path`` in the reader, at its item."""
        from briefing.core.anchors import SECTION_OF_KIND, ItemKind

        if target is None:
            return
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
        )

    def open_at(self, is_open, find_entry, section: str, item_id: str) -> None:  # noqa: ANN001
        """Go to ``section``/``item_id`` in the brief on screen if ``is_open(screen)``, else open
        the entry ``find_entry()`` returns (None: say it is gone) and go there once it is shown."""
        from briefing.ui.screens.brief import BriefScreen

        screen = self.screen
        if isinstance(screen, BriefScreen) and screen.is_loaded and is_open(screen):
            screen.select_item(section, item_id)
            return
        entry = find_entry()
        if entry is None:
            self.notify(
                "That brief is not in the library any more; its notes are kept (N lists them).",
                severity="warning",
                timeout=8,
            )
            return
        self.open_entry(entry)
        target = self.screen

        async def when_ready() -> None:
            if isinstance(target, BriefScreen):
                await target.ready.wait()
                # Only once what filling the screen left pending (its first focus, the tab bar's
                # first activation) is handled: switching sections before that makes the stale
                # events and the new ones switch the screen back and forth for ever.
                target.call_after_refresh(target.select_item, section, item_id)

        self.run_worker(when_ready(), group="open-anchor", exclusive=True)
