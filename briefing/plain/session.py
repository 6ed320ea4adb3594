"""The plain reader itself: where the user is in a brief, and every command's answer.

:class:`PlainReader` holds the position (a section of the registry and an item in it),
the last find, and the clock mode; it reads and writes notes and bookmarks through the
store the Textual reader uses, so each sees what the other wrote. What is library-wide
(the library, agenda, people, every note and bookmark, export) is :class:`LibraryViews`,
find in the brief is :class:`FindInBrief`, and going to another brief (search the library,
``[`` and ``]``) is :class:`Browsing`: parts it owns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.core.anchors import Anchor, ItemKind
from briefing.core.clock import Clock, local_zone
from briefing.core.countdown import day_in_words
from briefing.core.errors import BriefError
from briefing.core.find import Match
from briefing.core.loading import load_brief
from briefing.core.models import Brief
from briefing.core.section import Section
from briefing.core.sections import SECTIONS
from briefing.plain import speech
from briefing.plain.browsing import Browsing
from briefing.plain.commands import (
    BY_KEY,
    BY_NAME,
    COMMANDS,
    Command,
    help_line,
    key_name,
    parse,
)
from briefing.plain.finding import FindInBrief
from briefing.plain.terminal import Input, Voice
from briefing.plain.views import LISTED, LibraryViews
from briefing.storage.store.database import StoreError
from briefing.storage.store.notes import Annotations

END_OF_NOTE = "."
"""A line holding only this ends a note."""


@dataclass
class Place:
    """Where the reader is: a section (its index in the registry) and an item in it."""

    section: int = 0
    item: int = 0
    find: list[Match] = field(default_factory=list)
    match: int = -1


class PlainReader:
    """A brief read aloud in plain lines: one command in, what is there out."""

    def __init__(
        self,
        voice: Voice,
        keys: Input,
        clock: Clock,
        annotations: Annotations,
        library: Sequence[Path],
    ) -> None:
        self.voice = voice
        self.input = keys
        self.clock = clock
        self.annotations = annotations
        self.brief: Brief | None = None
        self.path: Path | None = None
        self.place = Place()
        self.as_published = False
        self.line_mode = not keys.keys
        self.running = True
        self.views = LibraryViews(self, list(library))
        self.finding = FindInBrief(self)
        self.browsing = Browsing(self)

    # -- the loop -------------------------------------------------------------------

    def run(self) -> int:
        """Read commands until ``quit`` or the end of input; return the exit status."""
        while self.running:
            self.voice.prompt()
            entry = self.input.line() if self.line_mode else self.input.key()
            if entry is None:
                self.voice.echo("")
                break
            self.dispatch(entry)
        self.voice.say("Goodbye.")
        return 0

    def dispatch(self, entry: str) -> None:
        """Run the command of a key, or of a line of words."""
        if not self.line_mode and len(entry) == 1:
            if entry.isdigit() and entry != "0":
                self.voice.echo(f"section {entry}")
                self.run_command(BY_NAME["section"], entry)
                return
            command = BY_KEY.get(entry)
            if command is None:
                self.voice.echo(key_name(entry))
                self.voice.say(f"No command on {key_name(entry)!r}. Press ? for help.")
                return
            self.voice.echo(command.words[0] if command.words else key_name(entry))
            self.run_command(command, "")
            return
        self.run_line(entry)

    def run_line(self, line: str) -> None:
        """Run a command typed as words."""
        if not line.strip():
            self.where()
            return
        found = parse(line)
        if found is None:
            self.voice.say(f"Unknown command {line.strip()!r}. Type help for the commands.")
            return
        self.run_command(*found)

    def run_command(self, command: Command, argument: str) -> None:
        name = f"do_{command.name}"
        parts = (self, self.views, self.finding, self.browsing)
        owner = next(part for part in parts if hasattr(part, name))
        handler: Callable[[str], None] = getattr(owner, name)
        handler(argument)

    def ask(self, question: str) -> str | None:
        """A line typed after ``question`` (the terminal's line editing); None at the end."""
        self.voice.say(question)
        self.voice.prompt(": ")
        return self.input.line()

    # -- the brief and the position ---------------------------------------------------

    def now(self) -> datetime:
        """The time countdowns are read from: now, or the brief's publication."""
        if self.as_published and self.brief is not None:
            return self.brief.published_at
        return self.clock.now()

    def open_brief(self, path: Path, *, say_where: bool = True) -> bool:
        """Load and announce the brief at ``path`` (and where the reader is in it, unless
        ``say_where`` is False); say why not if it cannot be read."""
        try:
            brief = load_brief(path)
        except BriefError as error:
            self.voice.say(f"Cannot open: {error}")
            return False
        self.brief, self.path, self.place = brief, path, Place()
        counts = ", ".join(
            f"{number} {section.title}"
            + (f" ({len(section.items_of(brief))})" if section.counted else "")
            for number, section in enumerate(SECTIONS, 1)
        )
        self.voice.say(
            f"Brief: {brief.title}.",
            f"Published {day_in_words(brief.published_at)}.",
            f"{len(SECTIONS)} sections: {counts}.",
            "Press j and k for the next and previous item, l and h for sections,"
            " enter for the item in full, ? for help, : to type a command.",
        )
        if say_where:
            self.where()
        return True

    def section(self) -> Section:
        return SECTIONS[self.place.section]

    def items(self) -> Sequence[Any]:
        return self.section().items_of(self.brief) if self.brief is not None else ()

    def item(self) -> Any | None:
        items = self.items()
        return items[self.place.item] if 0 <= self.place.item < len(items) else None

    def anchor(self) -> Anchor | None:
        item = self.item()
        if self.brief is None or item is None:
            return None
        section = self.section()
        item_id = "" if section.model is None else section.item_id(item)
        return Anchor(self.brief.id, ItemKind(section.kind), item_id)

    def marks(self) -> str:
        """ " 1 note. Bookmarked." for the item here, from the store."""
        anchor = self.anchor()
        if anchor is None or not self.annotations.store.exists():
            return ""
        try:
            notes = self.notes_here(anchor)
            marked = any(
                b.kind == anchor.kind and b.item_id == anchor.item_id
                for b in self.annotations.bookmarks_for_brief(anchor.brief_id)
            )
        except StoreError as error:
            return f" Notes cannot be read: {error}."
        said = f" {len(notes)} note{'s' if len(notes) != 1 else ''}." if notes else ""
        return said + (" Bookmarked." if marked else "")

    def notes_here(self, anchor: Anchor) -> list[Any]:
        return [
            note
            for note in self.annotations.notes_for_brief(anchor.brief_id)
            if note.kind == anchor.kind and note.item_id == anchor.item_id
        ]

    def needs_brief(self) -> bool:
        if self.brief is None:
            self.voice.say("No brief is open. Press L for the library, o to open one.")
            return True
        return False

    def where(self, _argument: str = "") -> None:
        """Say the section, the position in it and the item: "Quotes, 2 of 8. ..."."""
        if self.needs_brief():
            return
        assert self.brief is not None
        section, items = self.section(), self.items()
        if not items:
            self.voice.say(f"{section.title}: {section.empty}.")
            return
        item = items[self.place.item]
        if section.model is None:
            self.voice.say(f"{section.title}.{self.marks()}", *speech.summary_lines(self.brief))
            return
        line = speech.short_line(section, self.brief, item, self.now())
        position = f"{section.title}, {self.place.item + 1} of {len(items)}."
        self.voice.say(f"{position} {line}.{self.marks()}")

    do_where = where

    def move(self, section: int, item: int) -> None:
        self.place.section, self.place.item = section, item
        self.where()

    def do_next_item(self, _argument: str) -> None:
        if self.needs_brief():
            return
        if self.place.item + 1 >= len(self.items()):
            self.voice.say(f"Last item of {self.section().title}. Press l for the next section.")
            return
        self.move(self.place.section, self.place.item + 1)

    def do_previous_item(self, _argument: str) -> None:
        if self.needs_brief():
            return
        if self.place.item == 0:
            self.voice.say(f"First item of {self.section().title}.")
            return
        self.move(self.place.section, self.place.item - 1)

    def do_next_section(self, _argument: str) -> None:
        if not self.needs_brief():
            self.move((self.place.section + 1) % len(SECTIONS), 0)

    def do_previous_section(self, _argument: str) -> None:
        if not self.needs_brief():
            self.move((self.place.section - 1) % len(SECTIONS), 0)

    def do_section(self, argument: str) -> None:
        if self.needs_brief():
            return
        if not argument.isdigit() or not 1 <= int(argument) <= len(SECTIONS):
            self.voice.say(f"Sections are numbered 1 to {len(SECTIONS)}.")
            return
        self.move(int(argument) - 1, 0)

    def do_full(self, _argument: str) -> None:
        item, anchor = self.item(), self.anchor()
        if self.needs_brief() or item is None or anchor is None:
            return
        assert self.brief is not None
        lines = speech.full_lines(self.section(), self.brief, item, self.now())
        notes = self.notes_here(anchor) if self.annotations.store.exists() else []
        for number, note in enumerate(notes, 1):
            lines.append(
                f"Note {number} of {len(notes)}, {day_in_words(note.updated.astimezone(local_zone()))}:"
            )
            lines.extend(note.body.splitlines())
        self.voice.say(*lines, "End of item.")

    def do_time_left(self, _argument: str) -> None:
        if self.needs_brief():
            return
        assert self.brief is not None
        item = self.item()
        if self.section().key == "deadlines" and item is not None:
            deadlines = [item]
        else:
            deadlines = sorted(self.brief.deadlines, key=lambda d: d.due_at)
        if not deadlines:
            self.voice.say("No deadlines in this brief.")
        clock = "as published" if self.as_published else "now"
        self.voice.say(*(f"{speech.deadline_words(d, self.now())}." for d in deadlines))
        self.voice.say(f"Clock: {clock}, {day_in_words(self.now())}.")

    def do_clock(self, _argument: str) -> None:
        if self.needs_brief():
            return
        self.as_published = not self.as_published
        mode = "as published" if self.as_published else "now"
        self.voice.say(f"Clock: {mode}, {day_in_words(self.now())}. Press t for the time left.")

    # -- notes and bookmarks ------------------------------------------------------------

    def do_note(self, argument: str) -> None:
        anchor = self.anchor()
        if self.needs_brief() or anchor is None:
            return
        assert self.brief is not None
        body = argument or self.read_note()
        if not body:
            self.voice.say("No note written.")
            return
        try:
            self.annotations.add_note(
                anchor,
                brief_title=self.brief.title,
                item_text=self.section().text(self.item()),
                body=body,
                now=self.clock.now(),
            )
        except StoreError as error:
            self.voice.say(f"The note was not saved: {error}")
            return
        self.voice.say(f"Note saved on {self.section().title}, item {self.place.item + 1}.")

    def read_note(self) -> str:
        """Lines typed until a line holding only a full stop (or the end of input)."""
        self.voice.say(
            f"New note. Type it; end with a line holding only a full stop ({END_OF_NOTE})."
            " An empty first line cancels."
        )
        lines: list[str] = []
        while True:
            self.voice.prompt("note: ")
            line = self.input.line()
            if line is None or line.strip() == END_OF_NOTE or (not lines and not line.strip()):
                break
            lines.append(line)
        return "\n".join(lines).strip()

    def do_bookmark(self, _argument: str) -> None:
        anchor = self.anchor()
        if self.needs_brief() or anchor is None:
            return
        assert self.brief is not None
        try:
            now_set = self.annotations.toggle_bookmark(
                anchor,
                brief_title=self.brief.title,
                item_text=self.section().text(self.item()),
                now=self.clock.now(),
            )
        except StoreError as error:
            self.voice.say(f"The bookmark was not changed: {error}")
            return
        self.voice.say("Bookmarked." if now_set else "Bookmark removed.")

    # -- the rest -------------------------------------------------------------------------

    def do_line(self, _argument: str) -> None:
        self.voice.prompt("command: ")
        line = self.input.line()
        if line is not None:
            self.run_line(line)

    def do_line_mode(self, _argument: str) -> None:
        self.line_mode = True
        self.voice.say("Line mode: type a command as words, then enter. Type keys to go back.")

    def do_key_mode(self, _argument: str) -> None:
        if not self.input.keys:
            self.voice.say("Single keys need a terminal; staying in line mode.")
            return
        self.line_mode = False
        self.voice.say("Key mode: single keys. Press : to type a command.")

    def do_help(self, _argument: str) -> None:
        lines = ["Commands. The key, or the words to type, then what it does."]
        lines += [help_line(command) for command in COMMANDS]
        lines.append("1 to 9: that section.")
        lines.append(
            f"Lists read their first {LISTED} lines; type agenda all, people all, and so on, for every one."
        )
        self.voice.say(*lines, "End of help.")

    def do_quit(self, _argument: str) -> None:
        self.running = False
