"""Finding words in one brief: which items match, and where, ignoring case and accents.

The reader's ``/`` searches every pane at once. A query's words must all appear
in an item (in any order); "Bessent tariff" finds a quote by Bessent about
tariffs. Matching ignores case and accents ("Jose" finds "José"), and
:meth:`Finder.spans` gives the places to highlight in the original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.anchors import SECTION_OF_KIND
from briefing.core.library_items import brief_items

if TYPE_CHECKING:
    from briefing.core.models import Brief


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without case or accents, and for each folded character the index it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


@dataclass(frozen=True, slots=True)
class Match:
    """An item of the brief that matches: the pane that shows it and the item's id."""

    section: str
    item_id: str
    occurrence: int = 0
    """Which place in the item's text (the summary, a long text, is a match per place)."""


class Finder:
    """A query: its words, folded; ``bool(finder)`` is False for an empty query."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.words = [word for word in (fold(part)[0] for part in query.split()) if word]

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, text: str) -> bool:
        """True when every word of the query is in ``text``."""
        folded = fold(text)[0]
        return all(word in folded for word in self.words)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the words occur in ``text`` (start and end offsets in ``text``), merged and sorted."""
        if not self.words:
            return []
        folded, origin = fold(text)
        found: list[tuple[int, int]] = []
        for word in self.words:
            start = folded.find(word)
            while start != -1:
                end = start + len(word)
                found.append((origin[start], origin[end - 1] + 1))
                start = folded.find(word, end)
        found.sort()
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def find(self, brief: Brief) -> list[Match]:
        """Every item of ``brief`` that matches, in the order of the panes and of each pane."""
        if not self.words:
            return []
        found: list[Match] = []
        for item in brief_items(brief):
            # What a row shows: a quote's speaker and context count as its words too.
            text = "\n".join(filter(None, [item.text, item.speaker_name, item.context, item.when]))
            if not self.matches(text):
                continue
            section = SECTION_OF_KIND[item.kind]
            # The summary is one item but a page of text: each place the words occur is a
            # match, so n and N step through them (one when only the title matched).
            places = len(self.spans(brief.summary)) if section == "summary" else 1
            found.extend(Match(section, item.item_id, n) for n in range(max(places, 1)))
        return found
