"""Find the people in an article: titled names, appositions, named speakers, and later mentions.

A person is a run of capitalised name words that the text marks as a person: a
title before it ("U.S. Treasury Secretary Scott Bessent", "head coach Ana
Ferreira"), a role after it ("Anwar Ibrahim, Malaysia's prime minister"), a role
before a comma ("Egypt's Foreign Minister, Amira Hassan"), a courtesy title
("Dr Helen Marsh"), or a verb of speech ("said Maria Lopez"). Later mentions by
surname ("Bessent told reporters"), by title and surname ("President Trump") or
by a short first name ("Phil Schiller") point back to the same person.

What is found, and the rule for when two names are one person, are in :mod:`.persons`.
"""

from __future__ import annotations

import bisect
import re

from briefing.importer.finder import Finder
from briefing.importer.implied_roles import fill_implied_roles
from briefing.importer.lexicon import (
    COMPASS,
    COUNTRIES,
    NAME_SUFFIXES,
    NATIONALITIES,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_HEADS,
    WORK_NOUNS,
)
from briefing.importer.mentions import find_mentions
from briefing.importer.persons import Known, Mention, People, Person, same_person
from briefing.importer.roles import (
    affiliation_before,
    apposition,
    org_after,
    role_before_comma,
    role_text,
    title_before,
)
from briefing.importer.text import Document
from briefing.importer.tokens import (
    Token,
)

__all__ = ["Mention", "People", "Person", "find_people", "same_person"]

_NOT_BEFORE_NAMES = frozenset(["the", "in", "at", "near", "from", "into", "across", "outside"])
"""Words that put a capitalised phrase after them in a place or make it a thing."""
_DESCRIBING_ENDINGS = ("ist", "ists", "crat", "crats", "isan", "ian", "ians")


def _speech_next_to(finder: Finder, i: int, j: int) -> bool:
    tokens = finder.tokens
    if j < tokens.count and tokens.bases[j] in SPEECH_VERBS:
        return True
    if i >= 1 and tokens.bases[i - 1] in SPEECH_VERBS:
        return True
    return i >= 2 and tokens.bases[i - 1] == "to" and tokens.bases[i - 2] == "according"


def _of_organisation(finder: Finder, j: int) -> bool:
    """Whether the name ending before token ``j`` is followed by "of <Organisation>"."""
    tokens = finder.tokens
    if j + 1 >= tokens.count or tokens.bases[j] != "of":
        return False
    k = j + 2 if tokens.bases[j + 1] == "the" else j + 1
    return k < tokens.count and tokens.upper[k] and tokens.bases[k] not in COUNTRIES


def find_people(document: Document, quotes: list[tuple[int, int]]) -> People:
    """Find the people of ``document``; ``quotes`` are the quoted spans (names there are skipped)."""
    finder = Finder(document, quotes)
    people = finder.people
    runs = finder.runs()
    pending_single: list[tuple[Person, bool]] = []
    candidates: list[Person] = []
    # Looked up by key rather than by scanning every run or person found so far:
    # an article naming thousands of people made those scans quadratic.
    run_ending = {j: index for index, (_, j) in enumerate(runs)}
    known = Known(people)
    for index in range(len(runs)):
        read = _read_run(finder, runs, index, run_ending)
        if read is None:
            continue
        person, status, titled = read
        if status == "single":
            pending_single.append((person, titled))
        elif status == "candidate":
            candidates.append(person)
        else:
            known.add(person)
    _settle_singles(known, pending_single, candidates)
    _settle_candidates(finder, known, candidates)
    people.persons.sort(key=lambda p: p.first)
    find_mentions(finder, runs)
    fill_implied_roles(people, document)
    return people


def _run_bounds(finder: Finder, runs: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The name words of run ``index``, or None when the run is not a person's name."""
    tokens = finder.tokens
    i, j = runs[index]
    if finder.inside_quote(tokens.starts[i]):
        return None
    if (
        j - i >= 3
        and i >= 2
        and tokens.bases[i - 1] in ("of", "for")
        and tokens.bases[i - 2] in TITLE_HEADS
        and tokens.upper[i - 2]
    ):
        # "Minister of Irrigation Yousif Adam": the first word belongs to the title.
        i += 1
        runs[index] = (i, j)
    if j < tokens.count and tokens.upper[j] and tokens.bases[j] in ORG_WORDS:
        return None  # "General Workers' Union", "Rovers Supporters Club"
    if j - i >= 4 and i > 0 and tokens.bases[i - 1] in ("of", "for", "on", "-"):
        i = j - 2  # "University of Texas Arlington Amneh Jafari": the organisation, then the name
        runs[index] = (i, j)
    if j - i >= 3 and _describes(tokens.texts[i], tokens.bases[i]):
        i += 1  # "Scientologist Tom Cruise", "Pan-democrat Gary Fan"
        runs[index] = (i, j)
    return i, j


def _describes(text: str, base: str) -> bool:
    """Whether a capitalised word before a two-word name describes the person (a follower, a
    party member, a nationality) rather than being a first name."""
    head, _, tail = text.partition("-")
    return (
        base.endswith(_DESCRIBING_ENDINGS)
        or base in NATIONALITIES
        or (bool(tail) and tail[:1].islower() and head[:1].isupper())
    )


def _read_run(
    finder: Finder, runs: list[tuple[int, int]], index: int, run_ending: dict[int, int]
) -> tuple[Person, str, bool] | None:
    """The person run ``index`` names, how sure (``person``, ``single``, ``candidate``), and
    whether a title stands before it; None when it names nobody."""
    tokens = finder.tokens
    bounds = _run_bounds(finder, runs, index)
    if bounds is None:
        return None
    i, j = bounds
    title, before, honorific = title_before(finder, i)
    # "Presidents Donald Trump and Xi Jinping": the title covers both names.
    if not title and i >= 2 and tokens.bases[i - 1] == "and":
        previous = runs[run_ending[i - 1]] if i - 1 in run_ending else None
        if previous is not None:
            title, before, honorific = title_before(finder, previous[0])
            if not (title and title[-1].base.endswith("s")):
                title = []
    name_end = j  # the name's words, read from the columns: without "Jr." and the like
    while name_end > i and tokens.bases[name_end - 1] in NAME_SUFFIXES:
        name_end -= 1
    name_words = name_end - i
    if not name_words:
        return None
    name = " ".join(tokens.texts[i:name_end])
    if tokens.possessive[name_end - 1]:
        name = re.sub(r"['’]s?$", "", name)
    person = Person(name=name, first=tokens.starts[i])
    if tokens.starts[i] in finder.nicknames:
        person.aliases.append(finder.nicknames[tokens.starts[i]])
    if title:
        person.role = role_text([t for t in title if t.base not in ("former",)] or title)
        person.role_rank = 3
        sentence_start = finder.document.sentence_at(tokens.starts[i])[0]
        person.affiliation = affiliation_before(finder, before, sentence_start)
    _describe(finder, person, i, j, honorific)
    titled = bool(title) or honorific is not None
    is_person = person.role is not None or honorific is not None
    speaks = _speech_next_to(finder, i, j)
    if not is_person and name_words >= 2 and _of_organisation(finder, j):
        # "Sarah Klein of Ostrava Partners"
        is_person = True
        person.affiliation = org_after(finder, j + 1)
        person.checks.append("no title or role given")
    if not is_person and name_words >= 2 and speaks:
        is_person = True
        person.checks.append("named as a speaker, with no title or role")
    if name_words == 1 and (is_person or speaks):
        return person, "single", titled
    if not is_person:
        return (person, "candidate", False) if name_words >= 2 else None
    return person, "person", titled


def _describe(finder: Finder, person: Person, i: int, j: int, honorific: Token | None) -> None:
    """Fill in the role and affiliation the words after (or around) the name give."""
    tokens = finder.tokens
    after = apposition(finder, j)
    if after is not None:
        if person.role_rank < 2:
            person.role, person.role_rank = after[0], 2
        person.affiliation = person.affiliation or after[1]
    if person.role is None:
        comma = role_before_comma(finder, i)
        if comma is not None:
            person.role, person.role_rank = comma[0], 2
            person.affiliation = person.affiliation or comma[1]
    if j < tokens.count - 2 and tokens.bases[j] == "of" and person.role and not person.affiliation:
        person.affiliation = org_after(finder, j + 1)
    if person.role is None and honorific is not None and honorific.base in ("professor", "prof"):
        person.role, person.role_rank = "Professor", 1


def _settle_singles(
    known: Known, pending_single: list[tuple[Person, bool]], candidates: list[Person]
) -> None:
    """One-word names: a person found already, a full name seen elsewhere, or a titled name."""
    first_candidate: dict[str, Person] = {}
    for candidate in candidates:
        first_candidate.setdefault(candidate.words[-1], candidate)
    for person, titled in pending_single:
        if known.same(person) is not None:
            known.add(person)
            continue
        # "Grace Okonkwo was declared the winner ... Okonkwo, a former head teacher":
        # the full name seen earlier (or later) is the person's name.
        full = first_candidate.get(person.words[-1])
        if full is not None:
            if person.role is None:
                full.checks.append("no title or role given")
            full.role, full.role_rank = person.role, person.role_rank
            full.affiliation = full.affiliation or person.affiliation
            known.add(full)
        elif titled:
            person.checks.append("only one name given")
            known.add(person)


def _settle_candidates(finder: Finder, known: Known, candidates: list[Person]) -> None:
    """Names with nothing around them marking a person, kept when they look like one."""
    common = finder.common_words()
    # A phrase that is a place or a thing in one sentence ("in Kuala Lumpur") is one everywhere.
    things = {p.name for p in candidates if not _looks_like_a_name(finder, p, common)}
    for person in candidates:
        if known.same(person) is not None or person.name not in things:
            if not person.checks:
                person.checks.append("no title or role given")
            known.add(person)


def _apposed_body(finder: Finder, k: int) -> bool:
    """Whether the words from token ``k`` are ", a <organisation or place word>"."""
    tokens = finder.tokens
    if k + 2 >= tokens.count or tokens.texts[k] != "," or tokens.bases[k + 1] not in ("a", "an"):
        return False
    for m in range(k + 2, min(k + 6, tokens.count)):
        if tokens.upper[m] or not tokens.texts[m][:1].isalpha():
            return False
        if tokens.bases[m] in ORG_WORDS:
            return True
    return False


def _looks_like_a_name(finder: Finder, person: Person, common: set[str]) -> bool:
    """Whether a bare run of capitalised words reads as a person's name, not a place or a thing."""
    tokens = finder.tokens
    i = bisect.bisect_left(tokens.starts, person.first)
    before = tokens.bases[i - 1] if i > 0 else ""
    if before in _NOT_BEFORE_NAMES or before in WORK_NOUNS:
        return False  # "the Velvet Underground", "in Saratoga Springs", "the film Easy Rider"
    if before in ("of", "for") and i > 1 and tokens.bases[i - 2] in ORG_WORDS:
        return False  # "University of Texas"
    end = bisect.bisect_left(tokens.starts, person.first + len(person.name))
    if end < tokens.count and tokens.texts[end][:1].isdigit():
        return False  # "Internet Explorer 6": a product and its version
    if _apposed_body(finder, end):
        return False  # "Instituto Gonzaga, a catholic school"
    words = person.words
    if len(set(words)) < len(words):
        return False  # "Duran Duran": a repeated word names a band or a brand
    return not any(word in common or word in COMPASS for word in words)
