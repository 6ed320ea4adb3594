"""From one brief to another in the plain reader: search the library, go to a result, and
the previous or next brief (control f, ``g``, ``[`` and ``]``).

The search is the library index's full-text search (brought up to date first, with the
user's notes beside the briefs), as the Textual reader's ``ctrl+f`` and ``briefing search``
use it; its hits are read as numbered plain lines, and ``g`` opens one at its item. The
order of ``[`` and ``]`` is the library's as the plain reader lists it (newest first).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.anchors import SECTION_OF_KIND
from briefing.core.clock import local_zone
from briefing.core.sections import SECTIONS
from briefing.storage import paths
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.notes_search import NotesIndex
from briefing.storage.index.people import brought_up_to_date
from briefing.storage.index.schema import absolute
from briefing.storage.index.search import Hit, SearchResult, search
from briefing.storage.store.database import StoreError

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.plain.session import PlainReader

READ = 30
"""How many hits are read; the rest are counted (more words narrow the search)."""

LIMIT = 200
"""How many hits a search keeps, as the Textual reader's search screen does."""


def place_of(brief: Brief, kind: str, item_id: str) -> tuple[int, int]:
    """The section (its index in the registry) and the item of ``brief`` that an item of
    ``kind`` with ``item_id`` is at: the summary for a kind no section lists, the first item
    when the id is gone."""
    try:
        key = SECTION_OF_KIND[kind]
    except (KeyError, ValueError):
        key = "summary"
    number = next((n for n, section in enumerate(SECTIONS) if section.key == key), 0)
    section = SECTIONS[number]
    if section.model is None:
        return number, 0
    items = section.items_of(brief)
    found = (n for n, item in enumerate(items) if section.item_id(item) == item_id)
    return number, next(found, 0)


def hit_line(hit: Hit) -> str:
    """A hit as it is read: what it is, who said it, the words around the match, the brief."""
    what = f"{hit.label}, {hit.speaker.text}" if hit.speaker.text else hit.label
    words = hit.snippet.text
    # A snippet cut short ends with its ellipsis: no full stop after it.
    end = "" if words.endswith(("…", ".", "!", "?")) else "."
    return f"{what}: {words}{end} In {hit.title.text}."


class Browsing:
    """The commands of a :class:`PlainReader` that go from one brief to another."""

    def __init__(self, reader: PlainReader) -> None:
        self.reader = reader
        self.hits: list[Hit] = []
        """What the last search found, best first (``g`` and a number opens one)."""
        self.searched = False
        """Whether a search was made (to say why there is no result to go to)."""

    def say(self, *lines: str) -> None:
        self.reader.voice.say(*lines)

    # -- search ---------------------------------------------------------------------------

    def do_search_library(self, argument: str) -> None:
        query = argument or self.reader.ask("Search the library for what? Words, then enter.")
        if not query or not query.strip():
            self.say("Nothing searched.")
            return
        query = " ".join(query.split())
        result = self.search(query)
        self.hits, self.searched = result.hits, True
        if not result.hits:
            problem = [f"Not searched: {result.problem}."] if result.problem else []
            self.say(*problem, f"Search: no matches for {query!r}.")
            return
        count = f"{result.matches} match{'es' if result.matches != 1 else ''}"
        lines = [f"{n}. {hit_line(hit)}" for n, hit in enumerate(result.hits[:READ], 1)]
        left = result.matches - len(lines)
        self.say(
            f"Search: {count} for {query!r}. Type result and a number, or press g, to go to one.",
            *([f"Not searched: {result.problem}."] if result.problem else []),
            *lines,
            *([f"And {left} more: add words to narrow the search."] if left > 0 else []),
            "End of search.",
        )

    def search(self, query: str) -> SearchResult:
        """The library index's search for ``query`` over the library and the user's notes."""
        library = absolute(self.reader.views.library)
        notes = self.notes_index()
        try:
            index = LibraryIndex(paths.index_file(), zone=local_zone())
            try:
                brought_up_to_date(index, library)
                return search(
                    index.connection, query, roots=library, limit=LIMIT, notes=notes, typing=False
                )
            finally:
                index.close()
        except (OSError, sqlite3.Error) as error:
            return SearchResult(problem=f"the library index cannot be used ({error})")
        finally:
            if notes is not None:
                notes.close()

    def notes_index(self) -> NotesIndex | None:
        """The user's notes, searchable beside the briefs (None without notes)."""
        annotations = self.reader.annotations
        try:
            return NotesIndex(annotations.all_notes()) if annotations.store.exists() else None
        except StoreError as error:
            self.say(f"Notes are not searched: {error}")
            return None

    def do_result(self, argument: str) -> None:
        if not self.hits:
            self.say(
                "No results to go to: the last search found none."
                if self.searched
                else "No search yet. Press control f to search the library."
            )
            return
        answer = argument or self.reader.ask(f"Go to which result? 1 to {len(self.hits)}.")
        if answer is None or not answer.strip().isdigit():
            self.say("Nowhere to go.")
            return
        number = int(answer)
        if not 1 <= number <= len(self.hits):
            self.say(f"There is no result {number}; the last search found {len(self.hits)}.")
            return
        hit = self.hits[number - 1]
        reader = self.reader
        path = Path(hit.path)
        # Straight to the item: the brief is named, its summary not read first.
        if reader.path != path and not reader.open_brief(path, say_where=False):
            return
        if reader.brief is not None:
            reader.move(*place_of(reader.brief, hit.kind, hit.item_id))

    # -- the previous and next brief ------------------------------------------------------

    def step(self, step: int) -> None:
        """Open the brief ``step`` on from this one in the library's order (round the end)."""
        reader = self.reader
        order = reader.views.in_order()
        if not order:
            self.say("No briefs in the library.")
            return
        here = order.index(reader.path) if reader.path in order else None
        if here is not None and len(order) == 1:
            self.say("This is the only brief in the library.")
            return
        # With no brief of the library open, ] starts at the first and [ at the last.
        start = (-1 if step > 0 else 0) if here is None else here
        number = (start + step) % len(order)
        self.say(f"Brief {number + 1} of {len(order)}.")
        reader.open_brief(order[number])

    def do_next_brief(self, _argument: str) -> None:
        self.step(1)

    def do_previous_brief(self, _argument: str) -> None:
        self.step(-1)
