"""Roles for people the text names without a title: what the sentences naming them imply.

A report lists many people with no title of their own: "celebrity guests like Stan
Lee, Mark Hamill, and Margaret Atwood" (each a celebrity guest), "... were successfully
re-elected" (each re-elected), "Image: Nick Moreau." (a photographer's credit). Each
person still without a role takes the first such reading among the sentences that
name them. The draft marks these roles for checking.
"""

from __future__ import annotations

from briefing.importer.patterns import lazy
from briefing.importer.persons import People
from briefing.importer.text import Document

MAX_MENTIONS_READ = 8
"""How many mentions of one person are read for a role (the first ones say most)."""

_CREDIT = lazy(r"\b(?:Image|Photo|Photograph|Picture)s?(?: by)?:?\s*$")
_OUTCOME = lazy(
    r"\b(re-elected|elected|defeated|appointed|nominated|arrested|charged|convicted|sentenced"
    r"|acquitted|released|resigned|retired|injured|killed|wounded|hired|fired)\b"
)
_LIST_OPENER = lazy(r"\b(?:like|such as|including|among them)\s")
_ONLY_NAMES = lazy(r"(?:[\s,]|and\b|[A-Z][\w.'’-]*)*")
_PLURAL_NOUN = lazy(r"\b([a-z][a-z-]{2,}?)(ie)?s\b")


def fill_implied_roles(people: People, document: Document) -> None:
    """Give each person without a role the first role the sentences naming them imply."""
    starts: dict[int, list[int]] = {}
    for mention in people.mentions:
        if mention.person is not None and people.persons[mention.person].role is None:
            found = starts.setdefault(mention.person, [])
            if len(found) < MAX_MENTIONS_READ:
                found.append(mention.start)
    outcomes: dict[int, str | None] = {}
    for index, person in enumerate(people.persons):
        if person.role is not None or person.kind != "person":
            continue
        for start in starts.get(index, [person.first]):
            role = implied_role(document, start, outcomes)
            if role is not None:
                person.role = role
                break


def implied_role(document: Document, start: int, outcomes: dict[int, str | None]) -> str | None:
    """The role the sentence around a name at ``start`` implies, if any.

    ``outcomes`` remembers each sentence's outcome word by where the sentence starts: a
    sentence naming thousands of people is searched once, not once for each of them."""
    body = document.body
    if _CREDIT.search(body, max(0, start - 12), start):
        return "photographer (image credit)"
    sentence_start, sentence_end = document.sentence_at(start)
    listed = _listed_as(body, sentence_start, start)
    if listed is not None:
        return listed
    if sentence_start not in outcomes:
        outcome = _OUTCOME.search(body, sentence_start, sentence_end)
        outcomes[sentence_start] = outcome.group(1) if outcome else None
    return outcomes[sentence_start]


def _listed_as(body: str, sentence_start: int, start: int) -> str | None:
    """ "guests like Stan Lee, Mark Hamill": the plural noun before the list, made singular."""
    openers = list(_LIST_OPENER.finditer(body, max(sentence_start, start - 300), start))
    opener = openers[-1] if openers else None
    if opener is None or not _ONLY_NAMES.fullmatch(body, opener.end(), start):
        return None
    before = body[max(sentence_start, opener.start() - 80) : opener.start()]
    plurals = list(_PLURAL_NOUN.finditer(before))
    if not plurals:
        return None
    noun = plurals[-1]
    return noun.group(1) + ("y" if noun.group(2) else "")
