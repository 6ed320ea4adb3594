"""Keeping every typed note: writes off the UI thread, drafts, signals and quitting.

The app owns one :class:`NoteKeeper`. It gives the store's writes to a
:class:`~briefing.storage.store.writer.StoreWriter` (so a locked database never freezes
the reader), keeps text that could not be written as draft files (see
:mod:`briefing.storage.store.drafts`), offers drafts back at start, and on SIGTERM,
SIGHUP or SIGINT keeps the open editors' text as drafts before the app exits
cleanly (its driver then restores the terminal).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from briefing.core.anchors import Anchor, ItemKind
from briefing.core.safetext import clean_line, clean_text, display_path
from briefing.storage.store.database import StoreError
from briefing.storage.store.drafts import Draft, discard_draft, load_drafts, save_draft
from briefing.storage.store.notes import Annotations
from briefing.storage.store.writer import StoreWriter, WriteJob

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.storage.store.database import Store
    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.note_editor import NoteEditorScreen

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


def _write_note(
    anchor: Anchor, title: str, item_text: str, body: str, uid: str | None, now: datetime
) -> Callable[[Store], str]:
    def run(store: Store) -> str:
        notes = Annotations(store)
        # An edit whose note was deleted meanwhile (another window) is kept as a new note.
        if uid is not None and notes.get_note(uid) is not None:
            return notes.update_note(uid, body, now).uid
        return notes.add_note(
            anchor, brief_title=title, item_text=item_text, body=body, now=now
        ).uid

    return run


class NoteKeeper:
    """Everything that stands between a typed note and its loss, for one ``app``."""

    def __init__(self, app: BriefingApp, data_dir: Path) -> None:
        self.app = app
        self.data_dir = data_dir
        self._writer: StoreWriter | None = None
        self._writer_for: Store | None = None
        self.said_waiting = False
        self.kept_at_exit = 0
        self._signals: list[int] = []
        """Notes kept as drafts as the app ended (the writer could not write them in time)."""

    @property
    def writer(self) -> StoreWriter | None:
        """The writer for the app's store (None while there is no store)."""
        store = self.app.store
        if store is None:
            return None
        if self._writer is None or self._writer_for is not store:
            if self._writer is not None:
                # The file was moved aside and a new store started: a fresh connection.
                self.keep([d for d in self._writer.close(0.5) if isinstance(d, Draft)])
            # Results come back through call_later, which posts a message (thread-safe).
            self._writer, self._writer_for = StoreWriter(store.path, self._on_ui_thread), store
        return self._writer

    def _on_ui_thread(self, function: Callable[[], object]) -> None:
        """Run ``function`` on the UI's thread: ``call_later`` posts a message, which is thread-safe."""
        self.app.call_later(function)

    def write(self, run: Callable[[Store], Any], done: Callable[[Any], None] | None = None) -> None:
        """Write in the background (bookmarks, settings, seen items); a failure is said, not fatal."""
        writer = self.writer
        if writer is None:
            return
        writer.submit(WriteJob(run, done, failed=self.app.store_failed, waiting=self.say_waiting))

    def say_waiting(self) -> None:
        """A write outside the editor waits for a busy database: say so once a session."""
        if not self.said_waiting:
            self.said_waiting = True
            self.app.notify(
                "Waiting for the database (locked by another process); changes are saved when it frees",
                severity="warning",
                timeout=8,
            )

    # Notes -------------------------------------------------------------------------

    def note_saver(
        self,
        anchor: Anchor,
        *,
        brief_title: str,
        item_text: str,
        note_uid: str | None = None,
        saved: Callable[[], None] | None = None,
    ) -> tuple[Callable[[str, NoteEditorScreen], None], Callable[[str], bool]]:
        """For a note editor: a ``save(body, editor)`` that writes through the writer, and a
        ``keep_draft(body)`` that keeps the text as a draft file."""
        state = {"uid": note_uid}

        def draft(body: str) -> Draft:
            return Draft(
                anchor.brief_id, brief_title, anchor.kind.value, anchor.item_id, item_text,
                body, self.app.now().isoformat(), state["uid"],
            )  # fmt: skip

        def save(body: str, editor: NoteEditorScreen) -> None:
            writer = self.writer
            if writer is None:
                editor.save_failed("notes are unavailable")
                return

            def done(uid: str) -> None:
                state["uid"] = uid
                editor.save_done()
                if saved is not None:
                    saved()

            def failed(error: StoreError) -> None:
                editor.save_failed(str(error))
                if error.unreadable:
                    self.app.store_failed(error)

            run = _write_note(anchor, brief_title, item_text, body, state["uid"], self.app.now())
            writer.submit(WriteJob(run, done, failed, editor.save_waiting, keep=draft(body)))

        def keep_draft(body: str) -> bool:
            return self.keep([draft(body)]) == 1

        return save, keep_draft

    def keep(self, drafts: list[Draft]) -> int:
        """Write ``drafts`` as files; return how many were kept (a failure is said)."""
        kept = 0
        for draft in drafts:
            try:
                save_draft(self.data_dir, draft)
                kept += 1
            except OSError as error:
                with contextlib.suppress(Exception):
                    self.app.notify(
                        f"Could not keep a note draft in {display_path(self.data_dir)}: {error.strerror or error}",
                        severity="error",
                        markup=False,
                    )
        if kept and self.app.is_running:
            self.app.notify(f"Kept {kept} note draft(s); offered back at the next start", timeout=8)
        return kept

    def open_editors(self) -> list[NoteEditorScreen]:
        """Every note editor on the screen stack."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.note_editor import NoteEditorScreen

        return [s for s in self.app.screen_stack if isinstance(s, NoteEditorScreen)]

    def unsaved_editors(self) -> list[NoteEditorScreen]:
        """Open editors whose text would be lost by quitting."""
        return [e for e in self.open_editors() if e.unsaved and e.keep_draft is not None]

    def keep_open_editors(self) -> None:
        """Keep the text of every open editor that is not on disk as a draft."""
        for editor in self.unsaved_editors():
            if editor.keep_draft is not None and editor.keep_draft(editor.text):
                editor.stored = editor.text

    def quit(self) -> None:
        """Quit the app; with note text not saved, ask first (keep it as a draft, keep editing, or discard)."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.confirm import ChoiceScreen

        unsaved = self.unsaved_editors()
        if not unsaved:
            self.app.exit()
            return

        def answered(choice: str | None) -> None:
            if choice == "draft":
                self.keep_open_editors()
            if choice in ("draft", "discard"):
                for editor in unsaved:
                    editor.stored = editor.text  # nothing left to ask about
                self.app.exit()

        choices = [
            ("s", "Keep as draft and quit", "draft"),
            ("n", "Keep editing", "keep"),
            ("y", "Discard and quit", "discard"),
        ]
        self.app.push_screen(
            ChoiceScreen(not_saved(len(unsaved)), choices, cancel="keep"), answered
        )

    def finish(self) -> int:
        """At exit: give the writer a moment to finish, then keep every note it did not
        write as a draft; return how many (said on stderr by the launcher)."""
        if self._writer is None:
            return 0
        left = self._writer.close()
        kept = self.keep([d for d in left if isinstance(d, Draft)])
        self.kept_at_exit += kept
        return kept

    # Signals ---------------------------------------------------------------------------

    def install_signal_handlers(self) -> None:
        """On SIGTERM, SIGHUP and SIGINT: keep drafts, then exit through Textual (which
        restores the terminal). Not when headless (tests: the loop is the test runner's)."""
        if self.app.is_headless:
            return
        with contextlib.suppress(RuntimeError, NotImplementedError, ValueError):
            loop = asyncio.get_running_loop()
            for number in SIGNALS:
                loop.add_signal_handler(number, self.on_signal, number)
                self._signals.append(number)

    def remove_signal_handlers(self) -> None:
        """Give the signals back (the app has ended; its loop may run on)."""
        with contextlib.suppress(RuntimeError, NotImplementedError, ValueError):
            loop = asyncio.get_running_loop()
            for number in self._signals:
                loop.remove_signal_handler(number)
        self._signals.clear()

    def on_signal(self, number: int) -> None:
        """A signal asked the reader to end: nothing typed is lost, the terminal is restored."""
        self.keep_open_editors()
        self.app.exit(return_code=128 + number)

    # Drafts at start ---------------------------------------------------------------------

    def offer_drafts(self) -> None:
        """Offer the drafts kept by an earlier run: restore them as notes, or discard them."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.confirm import ChoiceScreen

        found, warnings = load_drafts(self.data_dir)
        for warning in warnings:
            self.app.notify(warning, severity="warning", timeout=10, markup=False)
        if not found:
            return
        first = found[0][1]
        try:
            when = f"{datetime.fromisoformat(first.saved).astimezone(self.app.local_zone):%Y-%m-%d %H:%M}"
        except (ValueError, OverflowError):  # a time at the calendar's ends, from a file
            when = clean_line(first.saved[:40])
        count = len(found)
        # Text from files: cleaned of control and invisible characters before it is shown.
        question = (
            f"{count} unsaved note draft{'s' if count > 1 else ''} from {when}"
            f" on {clean_line(first.brief_title)}{' and others' if count > 1 else ''}:\n\n"
            f"{clean_text(first.body[:200])}"
        )

        def answered(choice: str | None) -> None:
            if choice == "restore":
                self.restore(found)
            elif choice == "discard":
                for path, _ in found:
                    discard_draft(path)
                self.app.notify(f"Discarded {count} note draft(s)", timeout=5)

        choices = [
            ("r", "Restore", "restore"),
            ("d", "Discard", "discard"),
            ("l", "Later", "later"),
        ]
        self.app.push_screen(ChoiceScreen(question, choices, cancel="later"), answered)

    def restore(self, found: list[tuple[Path, Draft]]) -> None:
        """Write each draft as a note (in the background); a draft's file goes once it is written."""
        writer = self.writer
        if writer is None:
            self.app.notes_unavailable()
            return
        for path, draft in found:
            try:
                anchor = Anchor(draft.brief_id, ItemKind(draft.kind), draft.item_id)
            except ValueError:
                self.app.notify(
                    f"{display_path(path)}: not a note draft (unknown kind)", markup=False
                )
                continue
            run = _write_note(
                anchor,
                draft.brief_title,
                draft.item_text,
                draft.body,
                draft.note_uid,
                self.app.now(),
            )

            def done(_uid: str, path: Path = path) -> None:
                discard_draft(path)
                self.app.notify("Note draft restored", timeout=4)
                self.app.notes.changed()

            writer.submit(WriteJob(run, done, self.app.store_failed, self.say_waiting))


def not_saved(count: int) -> str:
    """The quit question about ``count`` notes not saved ("1 note", "2 notes")."""
    return f"{count} note{'' if count == 1 else 's'} not saved. Quit anyway?"
