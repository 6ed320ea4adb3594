"""What a drafted date is called, where the clause around it is not enough.

A deadline is named by the noun phrase of the deadline ("the expiration of a
temporary tariff truce on Nov. 10" -> "Expiration of a temporary tariff truce"),
or by its subject and verb ("the truce expiring on Nov. 10" -> "Truce expires"),
not by the clause's own verb ("came just weeks before ..."). The items of a list
("meetings held in Geneva in May, London in June") are named after the first
item with their own place. Events of one draft that would still read the same
are told apart by their own dates, or kept once when one date holds the other.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.importer.patterns import lazy

if TYPE_CHECKING:
    from briefing.importer.dates import FoundDate

__all__ = ["ListItems", "deadline_label", "distinct_labels"]

_NOUN = lazy(
    r"\b(?:deadlines?|expiration|expiry|cut-?off|ultimatum|hearings?|referendum|ballot"
    r"|(?<=the\s)(?:vote|closing|end))\b",
    re.IGNORECASE,
)
"""The nouns that name a deadline ("the vote", "the end" only with their article)."""
_VERB = lazy(
    r"\b(?P<verb>expir(?:es|e|ing)|laps(?:es|e|ing)|ends?|ending|clos(?:es|e|ing)"
    r"|runs? out|running out|takes? effect|taking effect|comes? into force|coming into force)\s*$",
    re.IGNORECASE,
)
"""The verbs that make a date a deadline when they stand right before it."""
_PRESENT = {
    "expire": "expires", "expiring": "expires", "lapse": "lapses", "lapsing": "lapses",
    "end": "ends", "ending": "ends", "closing": "closes", "running out": "runs out",
    "taking effect": "takes effect", "coming into force": "comes into force",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "our", "these"}
_STOPS = {
    "of", "on", "in", "at", "by", "for", "to", "from", "with", "before", "after", "ahead",
    "until", "and", "or", "but", "as", "than", "is", "are", "was", "were", "be", "been",
}  # fmt: skip
_PREPOSITION_END = lazy(
    r"\s*\b(?:on|by|until|from|in|since|of|at|before|after|for)\s*$", re.IGNORECASE
)
_AFTER = lazy(r"\s*(?:['’]s\s+)?(?P<noun>deadline|cut-?off|expiry)\b", re.IGNORECASE)
_PLACE = lazy(r"(?:^|\s)(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$")
_ITEM = lazy(
    r"^\s*(?:(?:and|or)\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"(?:\s+(?:in|on|at))?\s*$"
)
_OWN_VERB = lazy(r"\s+(?:is|are|was|were|will|would|has|have|had|falls?|looms?)\b", re.IGNORECASE)
_LEADING_PREPOSITION = lazy(r"^(?:in|on|at|by|from|since|until)\s+", re.IGNORECASE)
MAX_LABEL = 100


def _finish(text: str, words: int = 2) -> str | None:
    text = " ".join(text.split()).strip(" ,.;:-—–\"“”'‘’()")
    if len(text.split()) < words:
        return None
    if len(text) > MAX_LABEL:
        text = text[:MAX_LABEL].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def _phrase_start(before: str, head: int, limit: int) -> int:
    """Where the noun phrase ending at ``before[head]`` starts: back over up to ``limit``
    words to the article before them (left out), or to a preposition or verb-like stop."""
    words = list(re.finditer(r"[\w'’.-]+", before[:head]))
    start = head
    for word in reversed(words[-limit:]):
        lower = word.group().lower()
        if lower in _DETERMINERS:
            return start
        if lower in _STOPS or not re.fullmatch(r"[\w'’-]+", word.group()):
            break
        if re.search(r"['’]s$", lower):
            return word.start()  # "the union's deadline": the owner names it
        start = word.start()
    # No article: only the words right before the noun that name it ("Applications").
    return start if start == 0 or before[:start].rstrip().endswith(",") else head


def deadline_label(sentence: str, bounds: tuple[int, int], start: int, end: int) -> str | None:
    """The name of the deadline dated at ``start:end`` of ``sentence`` (its clause is
    ``bounds``), or None when its words give none better than the clause."""
    left, right = bounds
    after = _AFTER.match(sentence, end)
    if after:
        return _finish(sentence[after.start("noun") : right])
    before = _PREPOSITION_END.sub("", sentence[left:start])
    noun = _NOUN.search(before)
    if noun:
        # The phrase ends where a verb of its own starts ("the deadline is").
        phrase = before[_phrase_start(before, noun.start(), 3) :]
        own_verb = _OWN_VERB.search(phrase)
        phrase = phrase[: own_verb.start()] if own_verb else phrase
        return _finish(phrase, words=1)
    verb = _VERB.search(before)
    if verb:
        subject = _phrase_start(before, verb.start(), 4)
        if subject == verb.start():
            return None
        word = verb.group("verb").lower()
        return _finish(f"{before[subject : verb.start()]} {_PRESENT.get(word, verb.group('verb'))}")
    return None


class ListItems:
    """The labels of one sentence's list of places and dates ("held in Geneva in May,
    London in June"): the first item's label, said again with each item's own place."""

    def __init__(self) -> None:
        self._head: tuple[str, str] | None = None
        """The label of the list's first item and the place it ends with."""

    def label(self, sentence: str, bounds: tuple[int, int], start: int, end: int, own: str) -> str:
        """The label of the date at ``start:end``; ``own`` is what its clause would give."""
        place = list_item_place(sentence, bounds, start, end)
        if place is not None and self._head is not None:
            head, head_place = self._head
            cut = head.rfind(head_place)
            return head[:cut] + place + head[cut + len(head_place) :]
        ends_with = trailing_place(own)
        self._head = (own, ends_with) if ends_with else None
        return own


def trailing_place(label: str) -> str | None:
    """The capitalised name a label ends with ("... held in Geneva" -> "Geneva"), if any."""
    match = _PLACE.search(label.rstrip("…"))
    return match.group("place") if match else None


def list_item_place(sentence: str, bounds: tuple[int, int], start: int, end: int) -> str | None:
    """The place of a list item whose clause is only a name and the date ("London in
    June", "and Madrid in September"), or None when the clause says more."""
    left, right = bounds
    if sentence[end:right].strip(" .;:"):
        return None
    item = _ITEM.match(sentence[left:start])
    return item.group("place") if item else None


def distinct_labels(found: list[FoundDate]) -> list[FoundDate]:
    """``found`` with no two dates of a kind under one label: a date whose day lies in
    another's month is the same event (the day is kept), the others are told apart
    by the words of their own dates."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(found):
        groups.setdefault((item.kind, item.label.casefold()), []).append(index)
    dropped: set[int] = set()
    renamed: dict[int, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for index in members:
            within = [
                other
                for other in members
                if other != index and found[other].iso.startswith(found[index].iso + "-")
            ]
            if within:
                dropped.add(index)
        kept = [index for index in members if index not in dropped]
        if len(kept) > 1:
            for index in kept:
                when = _LEADING_PREPOSITION.sub("", found[index].phrase)
                renamed[index] = f"{found[index].label} ({when})"
    return [
        replace(item, label=renamed[index]) if index in renamed else item
        for index, item in enumerate(found)
        if index not in dropped
    ]
