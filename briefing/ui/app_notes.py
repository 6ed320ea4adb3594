"""Notes, bookmarks and exports at the level of the app (a mixin of :class:`BriefingApp`).

The app owns the store: it says once when the store cannot be used, offers to
move an unreadable database aside, lists every note or bookmark (``N``, ``B``),
opens a brief at the item an entry points to, and writes exports (``x``).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

from briefing.core.safetext import display_path
from briefing.storage.store.database import Store, StoreError
from briefing.ui.app_library import LibraryWideApp
from briefing.ui.lazy import is_brief_screen

if TYPE_CHECKING:
    from briefing.core.anchors import Anchor
    from briefing.core.library import LibraryEntry
    from briefing.storage.config import Config
    from briefing.storage.export_files import ExportRequest
    from briefing.storage.store.notes import Annotations
    from briefing.storage.store.seen import SeenItems
    from briefing.storage.store.writer import StoreWriter
    from briefing.ui.note_keeping import NoteKeeper


class AnnotatingApp(LibraryWideApp):
    """The part of :class:`~briefing.ui.app.BriefingApp` that deals with notes, bookmarks and exports."""

    store: Store | None
    config: Config
    told_detached: dict[str, int]
    _annotations: Annotations | None
    _store_failure_said: bool
    _unreadable_error: StoreError | None

    def now(self) -> datetime:
        """The current time (the app's injected clock)."""
        raise NotImplementedError

    def library_entries(self) -> list[LibraryEntry]:
        """The entries of the library screen."""
        raise NotImplementedError

    def open_entry(self, entry: LibraryEntry, siblings: list[LibraryEntry] | None = None) -> None:
        """Open ``entry`` in the reader."""
        raise NotImplementedError

    @property
    def annotations(self) -> Annotations | None:
        """Notes and bookmarks, or None when the store cannot be used (the reader works on without them)."""
        if self._annotations is None and self.store is not None:
            from briefing.storage.store.notes import Annotations

            self._annotations = Annotations(self.store)
        return self._annotations

    @property
    def seen_items(self) -> SeenItems | None:
        """What the user has seen of each brief, or None when the store cannot be used."""
        if self.store is None:
            return None
        current: SeenItems | None = getattr(self, "_seen_items", None)
        if current is None or current.store is not self.store:
            from briefing.storage.store.seen import SeenItems

            current = self._seen_items = SeenItems(self.store)
        return current

    @property
    def notes_keeper(self) -> NoteKeeper:
        """The writer of notes, bookmarks and settings, and the keeper of drafts."""
        keeper: NoteKeeper | None = getattr(self, "_notes_keeper", None)
        if keeper is None:
            from briefing.storage import paths
            from briefing.ui.note_keeping import NoteKeeper

            keeper = self._notes_keeper = NoteKeeper(self, paths.data_dir())  # type: ignore[arg-type]
        return keeper

    @property
    def writer(self) -> StoreWriter | None:
        """The thread that writes to the store, in order (None without a store)."""
        return self.notes_keeper.writer

    def on_mount(self) -> None:
        # Handled for this class as well as BriefingApp's own on_mount (Textual walks the MRO).
        self.notes_keeper.install_signal_handlers()
        self.notes_keeper.offer_drafts()

    def on_unmount(self) -> None:
        # The app is ending (quit, signal, or error): writes still queued get a moment,
        # then become drafts, before the driver restores the terminal.
        self.notes_keeper.remove_signal_handlers()
        self.notes_keeper.finish()

    async def action_quit(self) -> None:
        """Quit; with note text not saved, ask first (keep it as a draft, keep editing, or discard)."""
        from briefing.ui.screens.confirm import ChoiceScreen

        keeper = self.notes_keeper
        unsaved = keeper.unsaved_editors()
        if not unsaved:
            self.exit()
            return

        def answered(choice: str | None) -> None:
            if choice == "draft":
                keeper.keep_open_editors()
            if choice in ("draft", "discard"):
                for editor in unsaved:
                    editor.stored = editor.text  # nothing left to ask about
                self.exit()

        choices = [
            ("s", "Keep as draft and quit", "draft"),
            ("n", "Keep editing", "keep"),
            ("y", "Discard and quit", "discard"),
        ]
        question = f"{len(unsaved)} note(s) not saved. Quit anyway?"
        self.push_screen(ChoiceScreen(question, choices, cancel="keep"), answered)

    def notes_changed(self) -> None:
        """Notes changed behind the screen's back (drafts restored): show them."""
        screen = self.screen
        if is_brief_screen(screen) and screen.is_loaded:
            screen.annotations.load()

    def store_failed(self, error: StoreError) -> None:
        """The store failed: say so once; offer to move an unreadable file aside.

        Only a store that cannot be opened or read at all is dropped (the reader goes on
        without notes); a failed write (a busy database, a full disk) leaves it in use,
        so the next write tries again.
        """
        lasting = error.unreadable or self.store is None or not self.store.is_open
        if not lasting:
            self.notify(f"{error}", title="Not saved", severity="error", timeout=10, markup=False)
            return
        self.store = None
        self._annotations = None
        if self._store_failure_said:
            return
        self._store_failure_said = True
        if not getattr(error, "unreadable", False):
            self.notify(
                f"{error}. The reader carries on without notes and bookmarks.",
                title="Notes are unavailable",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        from briefing.storage import paths
        from briefing.storage.store.database import Store, move_aside
        from briefing.ui.screens.confirm import ConfirmScreen

        database = paths.database_file()

        def answered(move: bool | None) -> None:
            if not move:
                self.notify(
                    "Carrying on without notes and bookmarks; 'briefing doctor' can check the file later.",
                    severity="warning",
                    timeout=10,
                )
                return
            try:
                moved = move_aside(database, self.now())
            except OSError as failure:
                self.notify(
                    f"Could not move {display_path(database)} aside: {failure.strerror or failure}",
                    severity="error",
                    markup=False,
                )
                return
            self.store = Store(database)
            self._store_failure_said = False
            self.notify(
                f"Moved to {display_path(moved)}; a new notes database will be started.", timeout=10, markup=False
            )

        question = (
            f"{error}\n\nMove it aside (renamed with a timestamp, nothing is deleted) and start a new notes"
            " database? Until then the reader works without notes."
        )
        self.push_screen(ConfirmScreen(question, yes="Move aside", no="Not now"), answered)

    def notes_unavailable(self) -> None:
        """Notes were asked for but the store cannot be used: the first time after an unreadable
        database was found at start-up, offer to move it aside; otherwise say so."""
        pending, self._unreadable_error = self._unreadable_error, None
        if pending is not None and not self._store_failure_said:
            self.store_failed(pending)
            return
        self.notify(
            "Notes are unavailable (see the earlier message, or run 'briefing doctor')",
            severity="warning",
        )

    def _list_annotations(self, notes: bool) -> None:
        from briefing.ui.screens.annotations_list import AnnotationsScreen

        annotations = self.annotations
        if annotations is None:
            self.notes_unavailable()
            return
        from briefing.storage.store.annotation_pages import AnnotationPages

        try:
            annotations.store.connection  # noqa: B018 - opened (and checked) here; the list reads in a thread
        except StoreError as error:
            self.store_failed(error)
            return
        pages = AnnotationPages(annotations.store.path)
        table = "notes" if notes else "bookmarks"
        self.push_screen(AnnotationsScreen(table, pages), self.open_anchor)

    def action_all_notes(self) -> None:
        """List every note of every brief, newest first."""
        self._list_annotations(notes=True)

    def action_all_bookmarks(self) -> None:
        """List every bookmark of every brief."""
        self._list_annotations(notes=False)

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

    def known_entries(self) -> list[LibraryEntry]:
        """Every entry the app has read: the library's, and the brief open on screen."""
        entries = self.library_entries()
        for screen in self.screen_stack:
            if is_brief_screen(screen) and screen.entry not in entries:
                entries.append(screen.entry)
        return entries

    def action_export(self) -> None:
        """Export notes (or deadlines) to a file."""
        from briefing.ui.screens.export import ExportScreen

        brief = (
            self.screen.brief
            if is_brief_screen(self.screen) and self.screen.is_loaded
            else None
        )
        self.push_screen(
            ExportScreen(
                brief.title if brief else None,
                brief.id if brief else None,
                self.config.export_format,
            ),
            self.run_export,
        )

    def run_export(self, request: ExportRequest | None) -> None:
        """Write the export the dialog asked for (asking before replacing a file)."""
        from briefing.storage.export_files import (
            ExportError,
            ExportExists,
            render_export,
            write_export,
        )
        from briefing.ui.screens.confirm import ConfirmScreen

        if request is None:
            return
        annotations = self.annotations
        if annotations is None:
            self.notes_unavailable()
            return
        briefs = {e.brief.id: e.brief for e in self.known_entries() if e.brief is not None}
        try:
            payload = render_export(
                request.format, annotations, briefs, self.now(), request.brief_id
            )
            write_export(request.path, payload, force=request.force)
        except StoreError as error:
            self.store_failed(error)
            return
        except ExportExists as error:

            def answered(replace: bool | None) -> None:
                if replace:
                    self.run_export(dataclasses.replace(request, force=True))

            self.push_screen(
                ConfirmScreen(f"{error}. Replace it?", yes="Replace", no="Cancel"), answered
            )
            return
        except ExportError as error:
            self.notify(str(error), title="Export failed", severity="error", markup=False)
            return
        self.notify(
            f"Wrote {display_path(request.path)} ({len(payload):,} bytes)",
            title="Exported",
            timeout=8,
            markup=False,
        )
