"""The people an article names, and how two names are found to be the same person.

:mod:`.people` reads the text and proposes a :class:`Person` for each name it
finds; this module holds what it finds (:class:`People`, with every
:class:`Mention` in order for the quotes to look up) and the one rule that
merges names: "Phil Schiller" and "Philip Schiller", or "Bessent" and "Scott
Bessent", are one person (:func:`same_person`, :class:`Known`). Kept apart
because the quotes read the result without the finding rules.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from briefing.importer.lexicon import NICKNAMES


@dataclass
class Person:
    """One participant, with how sure the importer is about each part."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    role_rank: int = 0
    """How the role was found: 3 a title before the name, 2 an apposition, 1 a courtesy title."""
    checks: list[str] = field(default_factory=list)
    first: int = 0
    kind: str = "person"
    """``person``, or ``organisation`` for a body quoted as a source (see :mod:`.sources`)."""

    @property
    def words(self) -> list[str]:
        """The name's words in lower case."""
        return self.name.lower().split()


@dataclass(slots=True)
class Mention:
    """A place where the text names (or stands for) a person."""

    start: int
    end: int
    person: int | None
    """Index into :attr:`People.persons`; None for a pronoun."""
    text: str


@dataclass
class People:
    """Everyone the article names, and every mention of them in order."""

    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _sources: dict[str, int] = field(default_factory=dict, repr=False)

    def add_source(self, name: str, first: int) -> int:
        """The index of the organisation ``name`` among the persons, added the first time."""
        key = name.lower()
        if key not in self._sources:
            self._sources[key] = len(self.persons)
            self.persons.append(
                Person(
                    name,
                    first=first,
                    kind="organisation",
                    checks=["an organisation or publication quoted as a source, not a person"],
                )
            )
        return self._sources[key]

    def index(self) -> None:
        """Sort the mentions (call after adding them)."""
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside ``start:end``."""
        index = bisect.bisect_left(self._starts, start)
        out = []
        # By index: slicing the list from ``index`` would copy the rest of the article's mentions.
        while index < len(self.mentions) and self.mentions[index].start < end:
            if self.mentions[index].end <= end:
                out.append(self.mentions[index])
            index += 1
        return out

    def first_within(self, start: int, end: int) -> Mention | None:
        """The first of :meth:`within`, without listing the others."""
        index = bisect.bisect_left(self._starts, start)
        while index < len(self.mentions) and self.mentions[index].start < end:
            if self.mentions[index].end <= end:
                return self.mentions[index]
            index += 1
        return None

    def last_within(self, start: int, end: int) -> Mention | None:
        """The last of :meth:`within`, found from the end (a sentence can hold thousands)."""
        first = bisect.bisect_left(self._starts, start)
        index = bisect.bisect_left(self._starts, end) - 1
        while index >= first:
            if self.mentions[index].end <= end:
                return self.mentions[index]
            index -= 1
        return None

    def antecedent(self, offset: int, sentence_starts: list[int]) -> Mention | None:
        """The person a pronoun at ``offset`` most likely stands for: the first person named
        earlier in its sentence, else the first one named in the nearest sentence before that
        names anyone (the subject of a sentence is the usual antecedent of the next one's
        pronoun: "Rathbun asked for donations to help Montalvo. He described ..." is Rathbun).
        ``sentence_starts`` are where the article's sentences start, in order; looks back 3000
        characters."""
        number = bisect.bisect_right(sentence_starts, offset) - 1
        end = offset
        while number >= 0:
            start = sentence_starts[number]
            if offset - start > 3000:
                return None
            for mention in self.within(start, end):
                if mention.person is not None:
                    return mention
            end = start
            number -= 1
        return self.last_named_before(offset)

    def last_named_before(self, offset: int, limit: int = 3000) -> Mention | None:
        """The nearest mention by name before ``offset`` (within ``limit`` characters)."""
        index = bisect.bisect_left(self._starts, offset) - 1
        while index >= 0:
            mention = self.mentions[index]
            if offset - mention.start > limit:
                return None
            if mention.person is not None:
                return mention
            index -= 1
        return None


def same_person(a: list[str], b: list[str]) -> bool:
    """Whether two names (lower-case words) can be the same person ("phil schiller", "philip schiller")."""
    if a == b:
        return True
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    first_a, first_b = a[0], b[0]
    if NICKNAMES.get(first_a, first_a) == NICKNAMES.get(first_b, first_b):
        return True
    short, long = sorted((first_a, first_b), key=len)
    return len(short) >= 3 and long.startswith(short)


class Known:
    """The people found so far, by the last word of their names.

    Two names are the same person only when their last words are equal (see
    :func:`same_person`), and a name changes only to a longer one with the same
    last word, so the index stays right as people are merged.
    """

    def __init__(self, people: People) -> None:
        self.people = people
        self.by_last: dict[str, list[Person]] = {}

    def same(self, person: Person) -> Person | None:
        """The first person found so far who is ``person``, else None."""
        words = person.words
        for known in self.by_last.get(words[-1], []) if words else self.people.persons:
            if same_person(known.words, words):
                return known
        return None

    def add(self, person: Person) -> None:
        """Merge ``person`` into the one it is, or add it."""
        known = self.same(person)
        if known is None:
            self.people.persons.append(person)
            words = person.words
            if words:
                self.by_last.setdefault(words[-1], []).append(person)
            return
        _merge(known, person)


def _merge(known: Person, person: Person) -> None:
    """Fold what ``person`` adds (a longer name, an alias, a better role) into ``known``."""
    if len(person.words) > 1 and person.name != known.name:
        if len(person.words) > len(known.words) and len(known.words) == 1:
            known.name = person.name
        elif person.name not in known.aliases:
            known.aliases.append(person.name)
    if person.role_rank > known.role_rank:
        known.role, known.role_rank = person.role, person.role_rank
    known.affiliation = known.affiliation or person.affiliation
    for alias in person.aliases:
        if alias not in known.aliases and alias != known.name:
            known.aliases.append(alias)
    if "only one name given" in known.checks and len(known.words) > 1:
        known.checks.remove("only one name given")
