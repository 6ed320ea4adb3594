"""Reminders at the configured lead times, and the calendar file, while the reader runs.

The app owns one :class:`Reminding`. With ``reminders = [...]`` in config.toml it
reads the library's open deadlines (from the library index, in a thread) every
minute, and each second asks :func:`briefing.core.reminders.due_reminders`
which lead times the clock has crossed: each is said in the app, rings the
terminal bell and asks for a desktop notification (the terminal's own escape
sequence, else ``notify-send``). What was told goes to the store through its
writer thread, so a restart does not tell it again. With ``agenda_ics = PATH``
it keeps that calendar file current: when a brief file changes, the calendar
is made again in a thread and written by the store's writer (which keeps the
revisions), never on the UI thread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefing.core.countdown import countdown, wording
from briefing.core.reminders import (
    Reminder,
    ReminderDue,
    due_reminders,
    lead_words,
    next_crossing,
)
from briefing.core.safetext import clean_line
from briefing.core.terminal_notify import notification_sequence
from briefing.ui.textual_compat import write_to_terminal

if TYPE_CHECKING:
    from briefing.core.ical import Component
    from briefing.core.models import Brief
    from briefing.storage.store.database import Store
    from briefing.ui.app import BriefingApp

REFRESH_SECONDS = 60.0
"""How often the library's deadlines are read again (the index makes it cheap)."""

NEVER = datetime.max.replace(tzinfo=UTC)
"""When nothing is left to tell: no lead time of any deadline is still ahead."""

Stamp = tuple[tuple[str, int, int], ...]
"""Each brief file's path, modification time and size: the calendar is made again when it moves."""


class Reminding:
    """Reminders and the calendar file of a running reader.

    Args:
        app: The app that shows the reminders and owns the store's writer.
    """

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.leads = app.config.lead_times()
        self.calendar = app.config.agenda_ics_path()
        self.items: list[ReminderDue] = []
        self.told: set[str] | None = None
        """Marks of the reminders already given (None until read from the store)."""
        self._wake: datetime | None = None
        """Nothing to tell before this moment (None: look now); see :func:`next_crossing`."""
        self._stamp: Stamp | None = None
        self._calendar_said = False

    def start(self) -> None:
        """Begin: read what was told, the deadlines, and keep checking (nothing if not configured)."""
        if not self.leads and self.calendar is None:
            return
        if self.leads:
            if self.app.store is None:
                self.told = set()  # no store: remembered for this session only
            else:
                self.app.notes_keeper.write(self._read_told, self._told_read)
            self.app.set_interval(1, self.check, name="reminders")
        self.refresh()
        self.app.set_interval(REFRESH_SECONDS, self.refresh, name="reminders-refresh")

    @staticmethod
    def _read_told(store: Store) -> set[str]:
        # deferred: reminding starts after the first frame; the index and the models bring pydantic
        from briefing.storage.store.database import StoreError
        from briefing.storage.store.reminders import RemindersTold

        try:
            return RemindersTold(store).told()
        except StoreError:
            return set()  # the store's trouble is said where it is opened; remind all the same

    def _told_read(self, told: set[str]) -> None:
        self.told = (self.told or set()) | told
        self._wake = None
        self.check()

    def refresh(self) -> None:
        """Read the open deadlines again, and make the calendar again if a brief changed."""
        self.app.run_worker(self._read_library, thread=True, group="reminders", exclusive=True)

    def _read_library(self) -> None:
        """In a thread: the open deadlines from the index; the calendar's briefs if they moved."""
        if self.leads:
            # deferred: reminding starts after the first frame; the index and the models bring pydantic
            from briefing.storage.index.agenda import agenda_in_library

            app = self.app
            items, _ = agenda_in_library(app.library_index, app.library_paths, app.local_zone)
            due = [ReminderDue(i.key, i.title, i.brief_title, i.due_at) for i in items]
            self.app.call_from_thread(self._loaded, due)
        if self.calendar is not None:
            stamp = self._library_stamp()
            if stamp != self._stamp or not os.path.exists(self.calendar):
                briefs = self._briefs()
                self.app.call_from_thread(self._write_calendar, briefs, stamp)

    def _loaded(self, items: list[ReminderDue]) -> None:
        self.items = items
        self._wake = None
        self.check()

    def check(self) -> None:
        """Give the reminders whose lead time the clock has crossed (each once)."""
        if self.told is None or not self.items:
            return
        now = self.app.now()
        if self._wake is not None and now < self._wake:
            return
        reminders = due_reminders(self.items, self.leads, now, self.told)
        for reminder in reminders:
            self.told.update(reminder.marks)
            self._tell(reminder, now)
        # Never again before the next crossing (the clock may also be moved back: what
        # was told stays told, and nothing untold lies between).
        self._wake = next_crossing(self.items, self.leads, now, self.told) or NEVER
        marks = [m for reminder in reminders for m in reminder.marks]
        if marks and self.app.store is not None:
            self.app.notes_keeper.write(lambda store: self._record(store, marks, now))

    @staticmethod
    def _record(store: Store, marks: list[str], now: datetime) -> None:
        # deferred: reminding starts after the first frame; the index and the models bring pydantic
        from briefing.storage.store.reminders import RemindersTold

        RemindersTold(store).record(marks, now)

    def _tell(self, reminder: Reminder, now: datetime) -> None:
        item = reminder.item
        left = "".join(wording(countdown(item.due_at, now)))
        title = f"Reminder ({lead_words(reminder.lead)} before)"
        body = f"{clean_line(item.title)}: {left} · {clean_line(item.brief_title)}"
        self.app.notify(body, title=title, timeout=30, markup=False)
        self.app.bell()
        desktop = (f"briefing: {item.title}", f"{left} · {item.brief_title}")
        sequence = notification_sequence(*desktop, os.environ)
        if sequence:
            write_to_terminal(self.app, sequence)
        elif not self.app.is_headless:
            self.app.run_worker(lambda: _notify_send(*desktop), thread=True, group="notify-send")

    # The calendar file -------------------------------------------------------------------

    def _library_stamp(self) -> Stamp:
        # deferred: reminding starts after the first frame; the index and the models bring pydantic
        from briefing.core.files import find_briefs

        found = []
        for path in find_briefs(self.app.library_paths, []):
            try:
                info = os.stat(path)
            except OSError:
                continue
            found.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(found)

    def _briefs(self) -> list[Brief]:
        # deferred: reminding starts after the first frame; the index and the models bring pydantic
        from briefing.core.library import scan

        briefs: dict[str, Brief] = {}
        for entry in scan(self.app.library_paths, local_zone=self.app.local_zone):
            if entry.brief is not None:
                briefs.setdefault(entry.brief.id, entry.brief)
        return list(briefs.values())

    def _write_calendar(self, briefs: list[Brief], stamp: Stamp) -> None:
        target = self.calendar
        if target is None:
            return
        now = self.app.now()
        component: Component = "event" if self.app.config.ics_component == "event" else "todo"
        leads = self.leads

        def run(store: Store | None) -> str:
            # deferred: reminding starts after the first frame; the index and the models bring pydantic
            from briefing.storage.calendar_file import library_calendar, write_calendar
            from briefing.storage.export_files import ExportError

            payload = library_calendar(briefs, now, component=component, leads=leads, store=store)
            try:
                write_calendar(target, payload)
            except ExportError as error:
                return str(error)
            return ""

        def done(problem: str) -> None:
            if problem:
                if not self._calendar_said:
                    self._calendar_said = True
                    self.app.notify(
                        f"agenda_ics: {problem}", severity="warning", timeout=10, markup=False
                    )
                return
            self._stamp = stamp

        if self.app.store is None:
            self.app.run_worker(lambda: self.app.call_from_thread(done, run(None)), thread=True)
        else:
            self.app.notes_keeper.write(run, done)


def _notify_send(title: str, body: str) -> None:
    """Ask the desktop for a notification with ``notify-send``, if it is installed."""
    program = shutil.which("notify-send")
    if program is None:
        return
    try:
        subprocess.run(
            [program, "--app-name=briefing", "--", clean_line(title)[:200], clean_line(body)[:200]],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        pass  # no desktop to tell: the reminder was shown in the app and rang the bell


def start_reminding(app: BriefingApp) -> Reminding:
    """Start reminders and the calendar file for ``app`` (its timers keep the part alive)."""
    reminding = Reminding(app)
    reminding.start()
    return reminding
