"""The notes database as the reader sees it: usable, read-only, failed, or set aside.

The app owns one :class:`StoreGuard`. Every screen asks it for the store's
notes and bookmarks (``annotations``) and what the user has seen
(``seen_items``); both are None while the store cannot be used, and the reader
works on without them. A failure is said once; an unreadable file is offered to
be moved aside (renamed, never deleted) and a new database started.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from briefing.core.safetext import display_path
from briefing.storage import paths
from briefing.storage.store.database import Store, StoreError, move_aside
from briefing.storage.store.seen import SeenItems

if TYPE_CHECKING:
    from pathlib import Path

    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from briefing.storage.store.notes import Annotations

StoreWrite = Callable[[Callable[[Store], Any]], None]
"""Hands a write (a function of the store) to the store's writer thread."""


def annotations_of(store: Store) -> Annotations:
    """The notes and bookmarks of ``store``, the note models imported when first needed."""
    # deferred: the note models, after the first frame (the app imports this module)
    from briefing.storage.store.notes import Annotations

    return Annotations(store)


class StoreHost(Protocol):
    """What the guard needs of the app: to say things, to ask, and the time."""

    @property
    def is_running(self) -> bool: ...

    startup_warnings: list[str]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def push_screen(self, screen: Screen[Any], callback: Any = None) -> Any: ...

    def now(self) -> datetime: ...


class StoreGuard:
    """Holds the app's store and says, once, when it cannot be used.

    Args:
        host: The app (notifications, dialogs, the clock).
        store: The notes database, or None (no data folder).
        write: Hands a write to the store's writer thread (settings are saved there, so a
            locked database never freezes the reader).
    """

    def __init__(self, host: StoreHost, store: Store | None, write: StoreWrite) -> None:
        self.host = host
        self.store = store
        """The notes database; None once it failed for good, or if there never was one."""
        self.write = write
        self._annotations: Annotations | None = None
        self._seen_items: SeenItems | None = None
        self.failure_said = False
        """True once a lasting failure was said (it is said once a session)."""
        self.unreadable_error: StoreError | None = None
        """An unreadable database found at start: the first use of notes offers to move it aside."""

    @property
    def annotations(self) -> Annotations | None:
        """Notes and bookmarks, or None when the store cannot be used (the reader works on without them)."""
        if self._annotations is None and self.store is not None:
            self._annotations = annotations_of(self.store)
        return self._annotations

    @property
    def seen_items(self) -> SeenItems | None:
        """What the user has seen of each brief, or None when the store cannot be used."""
        if self.store is None:
            return None
        current = self._seen_items
        if current is None or current.store is not self.store:
            current = self._seen_items = SeenItems(self.store)
        return current

    # Opening and settings (never fatal) ----------------------------------------------

    def open(self) -> None:
        """Open the store (creating it on a first start) and say at once if it cannot be used.

        The app puts this off until the first frame is out, as creating the database syncs
        to disk; a data folder that cannot be written is still said at start, not at the
        first note.
        """
        if self.store is None:
            return
        try:
            self.store.connection  # noqa: B018 - opening is the point
        except StoreError as error:
            self.trouble(error)
            return
        if self.store.read_only:
            self.host.notify(
                self.store.read_only_message, severity="warning", timeout=10, markup=False
            )

    def setting(self, key: str) -> str | None:
        """A remembered setting, or None when there is none or the store is unusable."""
        if self.store is None:
            return None
        try:
            return self.store.get_setting(key)
        except StoreError as error:
            self.trouble(error)
            return None

    def save_setting(self, key: str, value: str) -> None:
        """Remember a setting through the writer; a failure is said, and the next one tries again."""
        if self.store is None:
            return
        self.write(lambda store: store.set_setting(key, value))

    def trouble(self, error: StoreError) -> None:
        """The store could not be opened or read on its own (not for a note): say so, once.

        An unreadable file is kept for the first use of notes to offer moving it aside
        (see :meth:`unavailable`); before the app runs, the message waits among its
        start-up warnings.
        """
        if not error.unreadable:
            # A data folder that cannot be written: say so now; the reader opens without notes.
            self.failed(error)
            return
        self.store = None
        self.unreadable_error = error
        message = (
            f"{error}. Notes, bookmarks and settings are off until it is moved aside:"
            " use any notes key (n, N, b) to be asked, or run 'briefing doctor --repair'."
        )
        if self.host.is_running:
            self.host.notify(message, severity="warning", timeout=10, markup=False)
        else:
            self.host.startup_warnings.append(message)

    # Failures ------------------------------------------------------------------------

    def failed(self, error: StoreError) -> None:
        """The store failed: say so once; offer to move an unreadable file aside.

        Only a store that cannot be opened or read at all is dropped (the reader goes on
        without notes); a failed write (a busy database, a full disk) leaves it in use,
        so the next write tries again.
        """
        lasting = error.unreadable or self.store is None or not self.store.is_open
        if not lasting:
            self.host.notify(
                f"{error}", title="Not saved", severity="error", timeout=10, markup=False
            )
            return
        self.store = None
        self._annotations = None
        if self.failure_said:
            return
        self.failure_said = True
        if not error.unreadable:
            self.host.notify(
                f"{error}. The reader carries on without notes and bookmarks.",
                title="Notes are unavailable",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self.offer_move_aside(error)

    def offer_move_aside(self, error: StoreError) -> None:
        """Ask whether to move the unreadable database aside and start a new one."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.confirm import ConfirmScreen

        question = (
            f"{error}\n\nMove it aside (renamed with a timestamp, nothing is deleted) and start a new notes"
            " database? Until then the reader works without notes."
        )
        database = paths.database_file()

        def answered(move: bool | None) -> None:
            if move:
                self.move_aside(database)
            else:
                self.host.notify(
                    "Carrying on without notes and bookmarks; 'briefing doctor' can check the file later.",
                    severity="warning",
                    timeout=10,
                )

        self.host.push_screen(ConfirmScreen(question, yes="Move aside", no="Not now"), answered)

    def move_aside(self, database: Path) -> None:
        """Rename ``database`` with a timestamp and start a new store in its place."""
        try:
            moved = move_aside(database, self.host.now())
        except OSError as failure:
            self.host.notify(
                f"Could not move {display_path(database)} aside: {failure.strerror or failure}",
                severity="error",
                markup=False,
            )
            return
        self.store = Store(database)
        self.failure_said = False
        self.host.notify(
            f"Moved to {display_path(moved)}; a new notes database will be started.",
            timeout=10,
            markup=False,
        )

    def unavailable(self) -> None:
        """Notes were asked for but the store cannot be used: the first time after an unreadable
        database was found at start-up, offer to move it aside; otherwise say so."""
        pending, self.unreadable_error = self.unreadable_error, None
        if pending is not None and not self.failure_said:
            self.failed(pending)
            return
        self.host.notify(
            "Notes are unavailable (see the earlier message, or run 'briefing doctor')",
            severity="warning",
        )

    def close(self) -> None:
        """Close the store: it copies every note into briefing.db itself and removes the -wal file."""
        if self.store is not None:
            self.store.close()
