"""Find in the open brief, and step through the matches: the plain reader's ``/``, ``f``, ``F``.

The matching is :class:`briefing.core.find.Finder`, the Textual reader's find.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.find import Finder
from briefing.core.sections import SECTIONS

if TYPE_CHECKING:
    from briefing.plain.session import PlainReader


class FindInBrief:
    """The find commands of a :class:`PlainReader`; the matches live in its place."""

    def __init__(self, reader: PlainReader) -> None:
        self.reader = reader

    def do_find(self, argument: str) -> None:
        reader = self.reader
        if reader.needs_brief() or reader.brief is None:
            return
        query = argument or reader.ask("Find what? Words, then enter.") or ""
        reader.place.find, reader.place.match = Finder(query).find(reader.brief), -1
        count = len(reader.place.find)
        reader.voice.say(f"{count} match{'es' if count != 1 else ''} for {query.strip()!r}.")
        if count:
            self.step(1)

    def step(self, step: int) -> None:
        """Go ``step`` matches on (round the end), and say where."""
        reader, place = self.reader, self.reader.place
        if not place.find or reader.brief is None:
            reader.voice.say("No matches. Press / to find.")
            return
        place.match = (place.match + step) % len(place.find)
        match = place.find[place.match]
        number = next(n for n, s in enumerate(SECTIONS) if s.key == match.section)
        section = SECTIONS[number]
        items = section.items_of(reader.brief)
        index = next(
            (
                n
                for n, item in enumerate(items)
                if section.model is None or section.item_id(item) == match.item_id
            ),
            0,
        )
        reader.voice.say(f"Match {place.match + 1} of {len(place.find)}.")
        reader.move(number, index)

    def do_next_match(self, _argument: str) -> None:
        self.step(1)

    def do_previous_match(self, _argument: str) -> None:
        self.step(-1)
