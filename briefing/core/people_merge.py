"""The same person across briefs: normalising names and merging participants.

Each brief lists its own participants; a library needs to know that the
"Scott Bessent" of one brief and the "Dr. Scott Bessent" or "SCOTT BESSENT" of
another are one person. Two participants are the same person when their names
are equal after :func:`normalize_name` (case, Latin accents, punctuation,
spacing and leading titles), or when one lists the other's name among its
``aliases`` (transitively). Merging is deliberately cautious: a wrong merge
puts one person's words in another's mouth, a missed one only needs an alias.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HEAD_TITLES = _words(
    """
    president premier minister secretary chancellor senator sen rep representative
    congressman congresswoman governor gov mayor ambassador judge justice chair chairman
    chairwoman chairperson ceo director commissioner spokesman spokeswoman spokesperson
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev reverend
    king queen prince princess sheikh emir general gen colonel col admiral adm captain capt
    lieutenant lt sergeant sgt officer inspector mp
    """
)
"""Words that make a leading run of a name a title ("President", "Dr", "Secretary")."""

TITLE_MODIFIERS = _words(
    """
    vice deputy prime chief executive acting former interim senior junior first foreign finance
    trade treasury state commerce defense defence interior health energy home economy
    economic labour labor justice education environment agriculture transport
    us uk eu un
    """
)
"""Words that qualify a title ("Vice", "Prime", "Treasury"); never a title on their own."""

CONNECTORS = frozenset({"of", "the", "for", "and"})
"""Words inside a title ("Secretary of State"); a title never ends on one."""

POST_NOMINALS = frozenset({"phd", "md", "mp", "mep", "qc", "kc", "obe", "mbe", "cbe", "esq"})
"""Letters after a name ("Jane Smith MP") that do not change who is meant."""

_APOSTROPHES = frozenset("'’ʼ‘`´")
"""Left out rather than made a space: "O'Brien" and "OBrien" are one name."""


def _strips_accents(base: str) -> bool:
    # Accents are optional in Latin, Greek and Cyrillic writing ("José" is often
    # typed "Jose"); in other scripts the marks are letters' parts (Japanese
    # dakuten, Devanagari vowel signs) and removing them makes another name.
    code = ord(base)
    return code < 0x0530 or 0x1D00 <= code < 0x2000


def fold(text: str) -> str:
    """``text`` case-folded, its Latin, Greek and Cyrillic accents removed (NFKD), otherwise unchanged.

    Compatibility forms become their plain letters (full-width "Ｊｏｈｎ" is
    "john", the ligature "ﬁ" is "fi"); the result is in NFC.
    """
    if text.isascii():
        return text.casefold()
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if base and _strips_accents(base):
                continue
        else:
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept).casefold())


def _tokens(text: str) -> list[str]:
    """The words of folded ``text``: punctuation is a space, apostrophes vanish."""
    chars: list[str] = []
    for char in text:
        if char in _APOSTROPHES:
            continue
        category = unicodedata.category(char)
        # Letters, marks and digits make words; everything else separates them.
        chars.append(char if category[0] in "LMN" else " ")
    words = "".join(chars).split()
    # Runs of single letters are initials: "J. D. Vance", "J.D. Vance" and "JD Vance" agree.
    merged: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            merged.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if word:
            merged.append(word)
    return merged


def _title_length(words: list[str]) -> int:
    """How many leading words of ``words`` are a title (0 when they are not one)."""
    end = 0
    has_head = False
    for n, word in enumerate(words):
        if word in HEAD_TITLES:
            has_head = True
        elif word in TITLE_MODIFIERS or (word in CONNECTORS and has_head):
            pass
        else:
            break
        if has_head and word not in CONNECTORS:
            end = n + 1
    return end


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The form of ``name`` that two spellings of the same person share.

    Case-folded, Latin accents removed, punctuation and spacing made single
    spaces, initials run together, and a leading title ("President", "Dr.",
    "Vice Premier", "Secretary of State") or trailing post-nominal ("MP", "PhD")
    dropped, but only while at least two words remain: "Dr. Jane Smith" is "jane
    smith", while "Mr Smith" stays "mr smith" (it says too little to be merged
    with any other Smith) and a participant named "Prime Minister" keeps its name.
    CJK, Arabic and other scripts keep their letters and marks.
    """
    words = _tokens(fold(name))
    title = _title_length(words)
    if title and len(words) - title >= 2:
        words = words[title:]
    while len(words) > 2 and words[-1] in POST_NOMINALS:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=65536)
def _plain(name: str) -> str:
    """``name`` normalised but for its titles: tells "Scott Bessent" from "Dr. Scott Bessent"."""
    return " ".join(_tokens(fold(name)))


class Appearance(NamedTuple):
    """One participant entry of one brief: who the brief says took part.

    A named tuple, not a frozen dataclass: a large library makes ~50,000 of
    them, and a frozen dataclass takes four times as long to build.
    """

    brief: str
    """The brief's key (its file's path)."""
    participant_id: str
    """The participant's id within the brief."""
    name: str
    """The name as the brief writes it."""
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()
    """Other names the brief gives for the same participant."""
    quotes: int = 0
    """How many quotes of the brief are this participant's."""
    published: float = 0.0
    """When the brief was published (a POSIX timestamp), to order a person's briefs."""


@dataclass(frozen=True, slots=True)
class Person:
    """Everyone the library knows as one person: their appearances merged."""

    key: str
    """A key unique in the library: the first of the person's normalised names."""
    name: str
    """The name to show: the most common full form among the briefs."""
    names: tuple[str, ...]
    """Every distinct way the briefs write the name (aliases included), most common first."""
    roles: tuple[str, ...]
    """The roles the briefs give, most common first."""
    affiliations: tuple[str, ...]
    """The affiliations the briefs give, most common first."""
    appearances: tuple[Appearance, ...]
    """Every participant entry that is this person, newest brief first."""
    quotes: int
    """How many quotes the person has across the library."""
    search_text: str = ""
    """Names, roles and affiliations folded once, for the filter."""

    @property
    def briefs(self) -> int:
        """How many briefs the person appears in."""
        return len({a.brief for a in self.appearances})


class _UnionFind:
    """Sets of appearance indexes that grow by union (with path halving)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, n: int) -> int:
        parent = self.parent
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _ranked(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct non-empty ``values``, most common first, then in the order first seen."""
    counts = Counter(value for value in values if value)
    order = {value: n for n, value in reversed(list(enumerate(counts)))}
    return tuple(sorted(counts, key=lambda value: (-counts[value], order[value])))


def _display_name(appearances: list[Appearance]) -> str:
    """The most common full form of the name.

    First the normalised name most appearances share (an alias naming another
    appearance counts as a vote for it), then, among the ways it is written, the
    most common; a tie goes to a form without a title, then not in capitals,
    then the first alphabetically, so a library always shows the same name.
    """
    names = [a.name.strip() for a in appearances if a.name.strip()]
    if not names:
        return appearances[0].participant_id
    votes = Counter(normalize_name(name) for name in names)
    for appearance in appearances:
        for alias in appearance.aliases:
            key = normalize_name(alias)
            if key in votes:
                votes[key] += 1
    best = min(votes, key=lambda key: (-votes[key], -len(key.split()), key))
    forms = Counter(name for name in names if normalize_name(name) == best)
    return min(
        forms,
        key=lambda name: (
            -forms[name],
            _plain(name) != best,
            name.isupper(),
            name.casefold(),
            name,
        ),
    )


def merge_people(appearances: Iterable[Appearance]) -> list[Person]:
    """Merge ``appearances`` into people, the most present first.

    Two appearances are one person when their normalised names are equal, or
    when an alias of one normalises to the name of the other; merging is
    transitive. Two aliases that are equal do not merge their owners on their
    own (two presidents may both be listed as "POTUS"). People are ordered by
    the number of briefs, then of quotes, then by name.
    """
    items = list(appearances)
    sets = _UnionFind(len(items))
    by_name: dict[str, int] = {}
    keys = [normalize_name(a.name) for a in items]
    for n, key in enumerate(keys):
        if not key:
            continue
        first = by_name.setdefault(key, n)
        sets.union(first, n)
    for n, appearance in enumerate(items):
        for alias in appearance.aliases:
            other = by_name.get(normalize_name(alias))
            if other is not None:
                sets.union(n, other)
    groups: dict[int, list[int]] = {}
    for n in range(len(items)):
        groups.setdefault(sets.find(n), []).append(n)
    people = [
        _person([items[n] for n in members], [keys[n] for n in members])
        for members in groups.values()
    ]
    people.sort(key=lambda p: (-p.briefs, -p.quotes, p.name.casefold(), p.key))
    return people


def _person(members: list[Appearance], keys: list[str]) -> Person:
    members.sort(key=lambda a: (-a.published, a.brief, a.participant_id))
    names = _ranked(
        [a.name.strip() for a in members] + [alias.strip() for a in members for alias in a.aliases]
    )
    roles = _ranked(a.role.strip() for a in members)
    affiliations = _ranked(a.affiliation.strip() for a in members)
    # Not the brief's own key: that would make two people of one when a brief lists the
    # same id twice; a normalised name belongs to one person only.
    key = min((k for k in keys if k), default=f"{members[0].brief}#{members[0].participant_id}")
    search = "\n".join([*names, *roles, *affiliations, *keys])
    return Person(
        key=key,
        name=_display_name(members),
        names=names,
        roles=roles,
        affiliations=affiliations,
        appearances=tuple(members),
        quotes=sum(a.quotes for a in members),
        search_text=fold(search),
    )


def person_matches(person: Person, query: str) -> bool:
    """True when every word of ``query`` is in the person's names, roles or affiliations.

    Accents and case do not matter: "jose" finds "José".
    """
    return all(word in person.search_text for word in fold(query).split())
