"""The brief screen, live: the file is reloaded when it changes, and what is new is flagged.

The screen owns one :class:`LiveReload`. Once a second (on the screen's clock timer) the
file on screen is checked with ``stat``; when it has changed it is read again in a
thread, and the items that were added or edited are flagged (●) until the user has had
the cursor on them. A file that turns invalid leaves the last good version on screen,
with a warning. Polling one ``stat`` a second, rather than a file-watching thread, works
the same on network drives and in containers without inotify, quick enough for a reader.

The store remembers which version of each item the user has seen, so a brief
opened again flags what changed since the last visit; ``u`` goes to the next
flagged item, ``c`` copies the item under the cursor. A file whose every item the user
has seen is remembered too: opening it again digests nothing (issue 15: ~150 ms of CPU on
a 20,000-quote brief); that version's digests are made only if the file changes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message

from briefing.core.anchors import SECTION_OF_KIND, ItemKind
from briefing.core.errors import BriefError
from briefing.core.safetext import display_path, short_path
from briefing.storage.store.database import StoreError
from briefing.storage.store.seen import SeenItems
from briefing.ui.screens.brief_files import FileState, file_digest, file_state
from briefing.ui.screens.brief_live_keys import copy_focused, next_unseen
from briefing.ui.widgets.brief_header import BriefHeader

if TYPE_CHECKING:
    from briefing.core.changes import Changes, ItemKey
    from briefing.core.models import Brief
    from briefing.storage.store.database import Store
    from briefing.ui.screens.brief import BriefScreen

LIVE_BINDINGS = [
    Binding("u", "next_unseen", "Next new", id="brief.next-unseen"),
    Binding("c", "copy", "Copy", show=False, id="brief.copy"),
]

UNSEEN_MARK = "●"


def _key(kind: str | ItemKind, item_id: str) -> ItemKey:
    # Marks use ItemKind members, changes use their values; keys must compare equal.
    return (ItemKind(kind).value, item_id)


class LiveReload:
    """Reload on change, flag what is new to the user, ``u`` to go to it, ``c`` to copy.

    Its messages (:class:`Digested`, :class:`Reloaded`) come back from its threads
    through the screen, which routes them here.

    Args:
        screen: The brief screen kept live (its entry, its cursor, its app).
    """

    def __init__(self, screen: BriefScreen) -> None:
        self.screen = screen
        self._own_writes: set[str] = set()
        """Digests of the files this reader wrote (the review's saves): not outside changes."""
        self.reset()

    class Reloaded(Message):
        """The file on screen was read again: a new version, or why it is not valid now."""

        def __init__(
            self,
            path: Path,
            state: FileState | None,
            brief: Brief | None,
            error: BriefError | None,
            digests: dict[ItemKey, str] | None = None,
            digest: str = "",
            shown: dict[ItemKey, str] | None = None,
        ) -> None:
            self.path = path
            self.digest = digest
            """The file's content hash as read (:func:`file_digest`)."""
            self.state = state
            self.brief = brief
            self.error = error
            self.digests = digests
            self.shown = shown  # the digests of the version on screen as the reload began
            super().__init__()

    def reset(self) -> None:
        """Forget the state of the previous brief (on opening another)."""
        self.unseen: set[ItemKey] = set()
        """Items new to the user (added or edited since they last saw them)."""
        self._shown_digests: dict[ItemKey, str] = {}
        """The digests of the version on screen; empty until digested, or if all was seen."""
        self._digesting = False  # while the digests of the brief opened are being made
        self._version = ""  # the file digest of the version on screen ("" after a reload)
        self._whole_written = False  # True once the store knows all of _version was seen
        self._file_state: FileState | None = None
        self._reloading = False
        self._bad_state: FileState | None = None
        self._to_mark_seen: dict[ItemKey, str] = {}
        self._pending_changes: Changes | None = None
        self._missing: Path | None = None
        """The file on screen, when it was found deleted (or unreadable) on disk."""
        self._problem_since: str | None = None
        """When the file on disk went bad (HH:MM in the reader's zone), while it stays bad."""
        self.last_changes: Changes | None = None
        """What the latest reload changed (None before any)."""

    # Showing ------------------------------------------------------------------

    def brief_shown(self, changes: Changes | None, digest: str = "") -> None:
        """The brief on screen was (re)shown: work out what is new. ``changes``: from a reload;
        ``digest``: of the bytes it was built from (hashed as read: not read again here)."""
        brief = self.screen.brief
        self._file_state = file_state(self.screen.entry.path)
        if changes is None:
            self._shown_digests = {}
            self.unseen = set()
            # At once, not in a thread: the library, shown next, must already know of the visit.
            self._version = self.record_visit(brief.id, self.screen.entry.path, digest)
            self._whole_written = self._all_seen(brief.id, self._version)
            self._digesting = False  # (a pass for the brief shown before is of no use now)
            if not self._whole_written:
                self.digest_brief(brief)
        else:
            self._version = ""  # (its file digest is not the one shown: no version marked seen)
            self.unseen = (self.unseen | set(changes.flagged)) - set(changes.removed)

    def _all_seen(self, brief_id: str, version: str) -> bool:
        """True when the user has seen every item of the file of ``version`` (one row read)."""
        seen_items = self.screen.briefing_app.seen_items
        if seen_items is None or not version:
            return False
        try:
            return seen_items.whole(brief_id) == version
        except StoreError as error:
            self.screen.briefing_app.store_failed(error)
            return False

    class Digested(Message):
        """The digests of every item of the brief just opened (computed in a thread)."""

        def __init__(self, brief: Brief, digests: dict[ItemKey, str]) -> None:
            self.brief = brief
            self.digests = digests
            super().__init__()

    def digest_brief(self, brief: Brief) -> None:
        """Digest every item in a thread: a 20,000-quote brief takes a few hundred ms."""
        # deferred: change digests (pydantic's models), after the first frame
        from briefing.core.changes import item_digests

        def digest() -> None:
            self.screen.post_message(self.Digested(brief, item_digests(brief)))

        self._digesting = True
        self.screen.run_worker(digest, thread=True, exclusive=True, group="brief-digests")

    def digested(self, message: Digested) -> None:
        """The digests of the brief opened are in: flag what changed since the last visit."""
        if not self.screen.is_loaded or message.brief is not self.screen.brief:
            return
        self._digesting = False
        self._shown_digests = message.digests
        self.unseen = self._unseen_since_last_visit(message.brief.id, message.digests)
        if self.unseen:
            self.screen.annotations.refresh_marks()
        elif not self._whole_written and self._version:
            self._whole_written = True
            self._write_seen(message.brief.id, {}, whole=self._version)

    def _unseen_since_last_visit(self, brief_id: str, digests: dict[ItemKey, str]) -> set[ItemKey]:
        # deferred: change digests (pydantic's models), after the first frame
        from briefing.core.changes import compare

        seen_items = self.screen.briefing_app.seen_items
        if seen_items is None:
            return set()
        try:
            seen = seen_items.seen(brief_id)
            if not seen:
                # A first visit: nothing is "new" yet; from now on, changes are.
                self._whole_written = bool(self._version)
                self._write_seen(brief_id, dict(digests), whole=self._version)
                return set()
        except StoreError as error:
            self.screen.briefing_app.store_failed(error)
            return set()
        return set(compare(seen, digests).flagged)

    def record_visit(self, brief_id: str, path: Path, digest: str = "") -> str:
        """Remember this visit and the file's content hash (``digest``, else read now: the library
        flags briefs changed since); return that hash ("" with no store: nothing recorded)."""
        seen_items = self.screen.briefing_app.seen_items
        if seen_items is None:
            return ""
        digest = digest or file_digest(path)
        now = self.screen.briefing_app.now()

        def visit(store: Store) -> None:  # on the store writer's thread
            SeenItems(store).visit(brief_id, digest, now)

        self.screen.briefing_app.notes_keeper.write(visit)
        return digest

    def unseen_mark(self, kind: ItemKind, item_id: str) -> str:
        """``●`` for an item new to the user, else ""."""
        return UNSEEN_MARK if _key(kind, item_id) in self.unseen else ""

    def unseen_keys(self, kind: ItemKind) -> list[tuple[ItemKind, str]]:
        """The flagged items of ``kind``, as the marks code keys them."""
        return [(kind, item_id) for k, item_id in self.unseen if k == kind.value]

    def item_seen(self, kind: ItemKind | str, item_id: str) -> None:
        """The cursor reached an item: it is no longer new (saved on the next tick)."""
        key = _key(kind, item_id)
        if key in self.unseen:
            self.unseen.discard(key)
            self.screen.annotations.refresh_marks()
        digest = self._shown_digests.get(key)
        if digest is not None:
            self._to_mark_seen[key] = digest

    def flush_seen(self) -> None:
        """Save the items seen since the last tick (one transaction, not one per cursor move)."""
        if not self._to_mark_seen or not self.screen.is_loaded:
            return
        pending, self._to_mark_seen = self._to_mark_seen, {}
        seen_items = self.screen.briefing_app.seen_items
        if seen_items is None:
            return
        # The last new item seen: every item of this version now is (see brief_shown).
        whole = not (self.unseen or self._digesting or self._whole_written)
        self._whole_written = self._whole_written or (whole and bool(self._version))
        self._write_seen(self.screen.brief.id, pending, whole=self._version if whole else "")

    def _write_seen(self, brief_id: str, items: dict[ItemKey, str], whole: str = "") -> None:
        """Record seen items through the store writer: a busy database never holds up the reader.
        ``whole``: the file digest of a version every item of which is seen once these are."""
        now = self.screen.briefing_app.now()

        def mark(store: Store) -> None:  # on the store writer's thread
            seen = SeenItems(store)
            seen.mark_seen(brief_id, items.items(), now)
            if whole:
                seen.mark_whole(brief_id, whole, now)

        self.screen.briefing_app.notes_keeper.write(mark)

    # Reloading ----------------------------------------------------------------

    def check_file(self) -> None:
        """Reload the brief when its file changed on disk (called once a second)."""
        self.flush_seen()
        if not self.screen.is_loaded or self._reloading or self._digesting:
            return  # (the digests of the version on screen are still being computed)
        path = self.screen.entry.path
        state = file_state(path)
        if state is None:
            self._file_missing(path)
            return
        if self._missing is not None:
            # Back (or another brief is on screen): read it again, whatever its time.
            self._missing = self._file_state = None
            self.set_file_problem("")
        if state == self._file_state or state == self._bad_state:
            return
        self._reloading = True
        self.reload_file(path, state)

    def _file_missing(self, path: Path) -> None:
        """The file on screen is gone or cannot be read: say so once, and keep a marker."""
        if self._missing == path:
            return
        self._missing = path
        deleted = not os.path.lexists(path)
        what = "deleted" if deleted else "cannot be read"
        self.set_file_problem(f"file {what}; showing the last version read")
        self.screen.notify(
            f"{display_path(path)} was deleted" if deleted else f"{display_path(path)} {what}",
            title="The brief on screen is the last version read",
            severity="warning",
            timeout=12,
            markup=False,
        )

    def set_file_problem(self, problem: str) -> None:
        """Keep ``problem`` in view in the header, with the time it began ("" when the file
        is fine again): the toast fades, the marker stays."""
        if not problem:
            self._problem_since = None
        elif self._problem_since is None:
            app = self.screen.briefing_app
            self._problem_since = app.now().astimezone(app.local_zone).strftime("%H:%M")
        since = f" (since {self._problem_since})" if problem else ""
        self.screen.query_one(BriefHeader).problem = problem + since

    def reload_file(self, path: Path, state: FileState) -> None:
        """Read the file again in a thread; the screen is posted :class:`Reloaded`."""
        # deferred: pydantic, the models and change digests, after the first frame
        from briefing.core.changes import item_digests
        from briefing.core.loading import load_brief
        from briefing.core.markdown_blocks import summary_blocks

        screen = self.screen
        local_zone = screen.briefing_app.local_zone
        # Not digested on opening (every item seen): made here, only now that it is needed.
        shown, known = screen.brief, self._shown_digests

        def reload() -> None:
            digest = file_digest(path)
            try:
                brief = load_brief(path, local_zone=local_zone)
                summary_blocks(brief)  # here, not on the UI thread as it is shown
            except BriefError as error:
                screen.post_message(self.Reloaded(path, state, None, error))
            else:
                digests = item_digests(brief)
                before = known or item_digests(shown)
                message = self.Reloaded(path, state, brief, None, digests, digest, before)
                screen.post_message(message)

        screen.run_worker(reload, thread=True, exclusive=True, group="brief-reload")

    def reloaded(self, message: Reloaded) -> None:
        """The file was read again: show the new version, or say why it is not valid."""
        self._reloading = False
        if message.path != self.screen.entry.path:
            return  # another brief is on screen now
        if message.brief is None:
            if message.state != self._bad_state:
                self._bad_state = message.state
                self.set_file_problem("file on disk is not valid; showing the last good version")
                error = message.error
                summary = error.summary(short_path(str(error.path))) if error else "cannot be read"
                self.screen.notify(
                    f"{summary}\nThe last good version stays on screen.",
                    title="The brief on disk is not valid",
                    severity="warning",
                    timeout=12,
                    markup=False,
                )
            return
        # deferred: change digests (pydantic's models), after the first frame
        from briefing.core.changes import compare

        if self._bad_state is not None:
            self._bad_state = None
            self.set_file_problem("")
        assert message.digests is not None
        changes = compare(message.shown or self._shown_digests, message.digests)
        self.last_changes = changes
        if not changes:
            self._file_state = message.state
            return
        section, focused = self.screen.current, self.screen.focused_item()
        self._shown_digests = message.digests
        self.screen.entry.brief = message.brief
        self.screen.entry.indexed = None
        self._pending_changes = changes
        self.screen.show_brief(self.screen.entry)
        if focused is not None:
            self.screen.select_item(section, focused[1])
        else:
            self.screen.select_item(section, "")
        if message.digest not in self._own_writes:
            self.screen.notify(f"Reloaded: {changes.describe()}", timeout=4)

    def own_write(self, path: Path) -> None:
        """This reader just wrote ``path`` (the review saved it): its reload is not news."""
        self._own_writes.add(file_digest(path))

    def take_pending_changes(self) -> Changes | None:
        """The changes of the reload being shown (None when the brief is being opened)."""
        changes, self._pending_changes = self._pending_changes, None
        return changes

    # Keys ---------------------------------------------------------------------

    def next_unseen(self) -> None:
        """Go to the next item that is new to the user, pane by pane from the cursor."""
        if not self.screen.is_loaded:
            return
        if not self.unseen:
            self.screen.notify("Nothing new in this brief", timeout=2)
            return
        here = self.screen.focused_item()
        kind, item_id = next_unseen(self.unseen, self.screen.current, here[1] if here else "")
        self.screen.select_item(SECTION_OF_KIND[ItemKind(kind)], item_id)
        self.item_seen(kind, item_id)

    def copy(self) -> None:
        """Copy the item under the cursor as text (with its attribution) to the clipboard."""
        if self.screen.is_loaded:
            copy_focused(self.screen)
