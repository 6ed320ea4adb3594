"""What the plain reader says about the whole library: briefs, agenda, people, notes, export.

The agenda and the people come from the library index (brought up to date first, as
``briefing agenda`` does), notes and bookmarks from the store, exports through
:data:`~briefing.storage.export_files.EXPORT_FORMATS`: the same sources as the Textual
reader's screens, read aloud as numbered lines.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.clock import local_zone
from briefing.core.countdown import day_in_words, in_words
from briefing.core.files import find_briefs
from briefing.core.library import scan, sort_entries
from briefing.core.preview import peek
from briefing.core.safetext import display_path
from briefing.storage import paths
from briefing.storage.export_files import EXPORT_FORMATS, ExportError, render_export, write_export
from briefing.storage.index.agenda import AgendaItem, agenda_in_library, schedule
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.people import people_in_library
from briefing.storage.store.database import StoreError

if TYPE_CHECKING:
    from briefing.plain.session import PlainReader

LISTED = 30
"""How many entries of a list are read before "and N more"."""


def _title(path: Path) -> str:
    """A brief's title as the library lists it (read without validating), else its file name."""
    preview = peek(path)
    return f"{preview.title}. File {path.name}" if preview and preview.title else path.name


def _day(when: str) -> str:
    """A date as the index writes it (``2025-10-26``, maybe with a time), read as words."""
    try:
        return day_in_words(date.fromisoformat(when[:10]))
    except ValueError:
        return when


def _due(item: AgendaItem) -> date | datetime:
    """The day a deadline is due as its brief gives it (a date's moment is the day after)."""
    if item.all_day:
        with contextlib.suppress(ValueError):
            return date.fromisoformat(item.due_text[:10])
    return item.due_at


class LibraryViews:
    """The library-wide commands of a :class:`PlainReader`."""

    def __init__(self, reader: PlainReader, library: list[Path]) -> None:
        self.reader = reader
        self.library = library
        self.briefs: list[Path] = []

    def say(self, *lines: str) -> None:
        self.reader.voice.say(*lines)

    def index(self) -> LibraryIndex:
        return LibraryIndex(paths.index_file(), zone=local_zone())

    def _listed(
        self, heading: str, lines: list[str], argument: str = "", command: str = ""
    ) -> None:
        """Say ``heading`` and the numbered ``lines``: the first :data:`LISTED`, or all."""
        shown = lines if argument.strip() == "all" else lines[:LISTED]
        numbered = [f"{number}. {line}" for number, line in enumerate(shown, 1)]
        left = len(lines) - len(shown)
        more = [f"And {left} more. Type {command} all to hear every one."] if left else []
        self.say(heading, *numbered, *more, f"End of {command or heading.split(':')[0].lower()}.")

    def in_order(self) -> list[Path]:
        """The brief files, in the order the reader's library lists them (newest first)."""
        entries = list(scan(self.library, local_zone=local_zone()))
        ordered = [entry.path for entry in sort_entries(entries, "published", self.reader.now())]
        files = set(find_briefs(self.library, []))
        return [path for path in dict.fromkeys(ordered) if path in files]

    def do_library(self, argument: str) -> None:
        self.briefs = self.in_order()
        where = ", ".join(display_path(path) for path in self.library)
        if not self.briefs:
            self.say(f"No briefs in {where}.")
            return
        self._listed(
            f"Library: {len(self.briefs)} briefs in {where}. Press o and a number to open one.",
            [_title(path) for path in self.briefs],
            argument,
            "library",
        )

    def do_open(self, argument: str) -> None:
        if not self.briefs:
            self.briefs = self.in_order()
        answer = argument or self.reader.ask(f"Open which brief? 1 to {len(self.briefs)}.")
        if answer is None or not answer.strip().isdigit():
            self.say("Nothing opened.")
            return
        number = int(answer)
        if not 1 <= number <= len(self.briefs):
            self.say(f"There is no brief {number}; the library has {len(self.briefs)}.")
            return
        self.reader.open_brief(self.briefs[number - 1])

    def do_agenda(self, argument: str) -> None:
        items, failed = agenda_in_library(self.index(), self.library, local_zone())
        rows = schedule(items, self.reader.now())
        lines = [
            f"{row.item.title}, {in_words(row.left, _due(row.item))}. In {row.item.brief_title}."
            for row in rows
        ]
        if failed:
            lines.append(f"{failed} files could not be read; briefing validate says why.")
        if not rows:
            self.say("Agenda: no open deadlines in the library.")
            return
        self._listed(
            f"Agenda: {len(rows)} open deadlines, soonest first.", lines, argument, "agenda"
        )

    def do_people(self, argument: str) -> None:
        library = people_in_library(self.index(), self.library, local_zone())
        people = library.people
        if argument.strip().isdigit():
            number = int(argument)
            if not 1 <= number <= len(people):
                self.say(f"There is no person {number}; the library has {len(people)}.")
                return
            person = people[number - 1]
            quotes = library.quotes_of(person)
            self._listed(
                f"{person.name}, {', '.join([*person.roles[:1], *person.affiliations[:1]])}:"
                f" {len(quotes)} quote{'s' if len(quotes) != 1 else ''}, oldest first.",
                [f"{q.text}. {_day(q.when)}. In {q.brief_title}." for q in quotes],
                "all",
                "quotes",
            )
            return
        lines = []
        for person in people:
            about = ", ".join([*person.roles[:1], *person.affiliations[:1]])
            said = f"{person.quotes} quote{'s' if person.quotes != 1 else ''}"
            lines.append(f"{person.name}" + (f", {about}" if about else "") + f". {said}.")
        if not lines:
            self.say("People: nobody in the library.")
            return
        heading = f"People: {len(lines)}, the most present first. Type people and a number for one."
        self._listed(heading, lines, argument, "people")

    def do_notes(self, argument: str) -> None:
        store = self.reader.annotations
        try:
            notes = store.all_notes() if store.store.exists() else []
        except StoreError as error:
            self.say(f"Notes cannot be read: {error}")
            return
        lines = [
            f"On {note.kind.value} {note.item_text!r} in {note.brief_title},"
            f" {day_in_words(note.updated.astimezone(local_zone()))}: {' '.join(note.body.split())}"
            for note in notes
        ]
        if not lines:
            self.say("Notes: none yet. Press n on an item to write one.")
            return
        self._listed(f"Notes: {len(lines)}, the latest first.", lines, argument, "notes")

    def do_bookmarks(self, argument: str) -> None:
        store = self.reader.annotations
        try:
            marks = store.all_bookmarks() if store.store.exists() else []
        except StoreError as error:
            self.say(f"Bookmarks cannot be read: {error}")
            return
        lines = [f"{m.kind.value} {m.item_text!r} in {m.brief_title}" for m in marks]
        if not lines:
            self.say("Bookmarks: none yet. Press b on an item to set one.")
            return
        self._listed(f"Bookmarks: {len(lines)}, the latest first.", lines, argument, "bookmarks")

    def do_export(self, argument: str) -> None:
        reader = self.reader
        if reader.needs_brief() or reader.brief is None:
            return
        keys = ", ".join(f"{key} ({fmt.name})" for key, fmt in EXPORT_FORMATS.items())
        fmt = (reader.ask(f"Export as? {keys}. Enter for md.") or "md").strip() or "md"
        if fmt not in EXPORT_FORMATS:
            self.say(f"No format {fmt!r}. Nothing exported.")
            return
        default = f"{reader.brief.id}{EXPORT_FORMATS[fmt].suffix}"
        name = argument or (reader.ask(f"File name? Enter for {default}.") or "").strip()
        target = Path(name or default)
        store = reader.annotations if reader.annotations.store.exists() else None
        try:
            payload = render_export(
                fmt, store, {reader.brief.id: reader.brief}, reader.now(), reader.brief.id
            )
            write_export(target, payload, force=False)
        except (ExportError, StoreError) as error:
            self.say(f"Not exported: {error}")
            return
        self.say(f"Exported to {display_path(target)}.")
