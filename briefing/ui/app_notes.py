"""The app's notes across every brief: the lists (``N``, ``B``) and exports (``x``).

The app owns one :class:`AppNotes`. Its lists open a note or bookmark in the
reader at its item (through :class:`~briefing.ui.app_library.LibraryWide`);
an export is rendered by :mod:`briefing.storage.export_files` from the store's
notes and the briefs the app has read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.storage import paths
from briefing.storage.store.database import StoreError
from briefing.ui.key_hints import key_hint
from briefing.ui.lazy import is_brief_screen
from briefing.ui.store_guard import annotations_of

if TYPE_CHECKING:
    from briefing.core.annotations import Bookmark, Note
    from briefing.storage.export_files import ExportRequest
    from briefing.ui.app import BriefingApp

EXPORT_FORMAT = "export.format"
EXPORT_FOLDER = "export.folder"
"""Settings: the export dialog's last format and folder, offered the next time."""


class AppNotes:
    """Every note or bookmark listed, and exports written.

    Args:
        app: The app whose store, screens and briefs these read.
    """

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.deleted: list[Note] = []
        """The notes deleted this session, the last one last (``ctrl+z`` restores it)."""

    def delete(self, note: Note, then: Callable[[], None]) -> None:
        """Delete ``note`` (off the UI thread), say how to undo it, then call ``then``."""

        def deleted(_: object) -> None:
            self.deleted.append(note)
            undo = key_hint(self.app.screen, "app.undo-delete", "ctrl+z")
            self.app.notify(f"Note deleted · {undo} brings it back", timeout=8, markup=False)
            then()

        self.app.notes_keeper.write(
            lambda store: annotations_of(store).delete_note(note.uid), deleted
        )

    def remove_bookmark(self, bookmark: Bookmark, then: Callable[[], None]) -> None:
        """Remove ``bookmark`` (off the UI thread), then call ``then``."""

        anchor = bookmark.anchor

        def removed(_: object) -> None:
            self.app.notify("Bookmark removed", timeout=3)
            then()

        self.app.notes_keeper.write(
            lambda store: annotations_of(store).remove_bookmark(anchor), removed
        )

    def undo_delete(self) -> None:
        """Restore the note deleted last (this session)."""
        if not self.deleted:
            self.app.notify("No deleted note to bring back", timeout=3)
            return
        note = self.deleted.pop()

        def restored(_: object) -> None:
            self.app.notify("Note restored", timeout=3)
            self.changed()
            relist = getattr(self.app.screen, "relist", None)  # the N list, if it is open
            if callable(relist):
                relist()

        self.app.notes_keeper.write(
            lambda store: annotations_of(store).restore_note(note), restored
        )

    def changed(self) -> None:
        """Notes changed behind the screen's back (drafts restored): show them."""
        screen = self.app.screen
        if is_brief_screen(screen) and screen.is_loaded:
            screen.annotations.load()

    def list_all(self, notes: bool) -> None:
        """List every note (``notes``) or every bookmark of every brief."""
        # deferred: the note models and a screen, after the first frame (the app imports this)
        from briefing.storage.store.annotation_pages import AnnotationPages
        from briefing.ui.screens.annotations_list import AnnotationsScreen

        app = self.app
        annotations = app.annotations
        if annotations is None:
            app.notes_unavailable()
            return
        try:
            annotations.store.connection  # noqa: B018 - opened (and checked) here; the list reads in a thread
        except StoreError as error:
            app.store_failed(error)
            return
        pages = AnnotationPages(annotations.store.path)
        table = "notes" if notes else "bookmarks"
        app.push_screen(AnnotationsScreen(table, pages), app.library_wide.open_anchor)

    def export(self) -> None:
        """Ask what to export (notes or deadlines, of this brief or all) and where."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.export import ExportScreen

        app = self.app
        screen = app.screen
        brief = screen.brief if is_brief_screen(screen) and screen.is_loaded else None
        folder = app.store_guard.setting(EXPORT_FOLDER)
        if not folder or not Path(folder).is_dir():
            configured = app.config.export_dir
            folder = str(Path(configured).expanduser() if configured else paths.documents_dir())
        app.push_screen(
            ExportScreen(
                brief.title if brief else None,
                brief.id if brief else None,
                app.store_guard.setting(EXPORT_FORMAT) or app.config.export_format,
                Path(folder),
            ),
            self.run_export,
        )

    def run_export(self, request: ExportRequest | None) -> None:
        """Write the export the dialog asked for (asking before replacing a file)."""
        # deferred: the export renderers bring pydantic; a screen, imported when first opened
        from briefing.storage.export_files import (
            ExportError,
            ExportExists,
            ExportInput,
            export_to,
        )
        from briefing.ui.screens.confirm import ConfirmScreen

        if request is None:
            return
        app = self.app
        annotations = app.annotations
        if annotations is None:
            app.notes_unavailable()
            return
        known = app.library_wide.known_entries()
        briefs = {e.brief.id: e.brief for e in known if e.brief is not None}
        try:
            source = ExportInput(annotations, briefs, app.now(), request.brief_id)
            said = export_to(request.format, source, request.path, force=request.force)
        except StoreError as error:
            app.store_failed(error)
            return
        except ExportExists as error:

            def answered(replace: bool | None) -> None:
                if replace:
                    self.run_export(dataclasses.replace(request, force=True))

            app.push_screen(
                ConfirmScreen(f"{error}. Replace it?", yes="Replace", no="Cancel"), answered
            )
            return
        except ExportError as error:
            app.notify(str(error), title="Export failed", severity="error", markup=False)
            return
        app.store_guard.save_setting(EXPORT_FORMAT, request.format)
        app.store_guard.save_setting(EXPORT_FOLDER, str(request.path.absolute().parent))
        app.notify(
            said[:1].upper() + said[1:],
            title="Exported",
            timeout=8,
            markup=False,
        )
