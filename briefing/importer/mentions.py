"""Where an article names its people again: by surname, by first name, by pronoun.

After :mod:`.people` has found who takes part, every later run of name words that
matches one of them ("Bessent", "Phil Schiller") and every pronoun becomes a
:class:`~.persons.Mention`, in order, for the quotes to look up.
"""

from __future__ import annotations

import re

from briefing.importer.finder import Finder
from briefing.importer.lexicon import NAME_SUFFIXES, PRONOUNS
from briefing.importer.persons import Mention, People, same_person


def _name_index(
    people: People,
) -> tuple[dict[str, list[int]], dict[str, list[int]], list[list[list[str]]]]:
    """The people found, by last word of each name and alias, by first name (of a
    two-word name), and every name of each as words: what a later mention is matched to."""
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    known_names: list[list[list[str]]] = []
    for index, person in enumerate(people.persons):
        words = person.words
        names = [words, *(alias.lower().split() for alias in person.aliases)]
        known_names.append(names)
        for name in names:
            if name:
                by_last.setdefault(name[-1], []).append(index)
        if len(words) == 2 and words[0] not in PRONOUNS:
            by_first.setdefault(words[0], []).append(index)
    return by_last, by_first, known_names


def _pronoun_mentions(finder: Finder, in_names: set[int]) -> None:
    """Every pronoun outside a quotation and outside a name, as a mention of no one yet."""
    people, tokens = finder.people, finder.tokens
    # Read from the columns: a Token for each word of a long article is not needed.
    for index, base in enumerate(tokens.bases):
        if base in PRONOUNS:
            start = tokens.starts[index]
            if start not in in_names and not finder.inside_quote(start):
                people.mentions.append(
                    Mention(start, tokens.ends[index], None, tokens.texts[index])
                )


def find_mentions(finder: Finder, runs: list[tuple[int, int]]) -> None:
    people, tokens = finder.people, finder.tokens
    by_last, by_first, known_names = _name_index(people)
    if not people.persons:
        people.index()
        return
    last_person: int | None = None
    in_names: set[int] = set()
    for i, j in runs:
        if finder.inside_quote(tokens.starts[i]):
            continue
        words = [base for base in tokens.bases[i:j] if base not in NAME_SUFFIXES]
        if not words:
            continue
        candidates = [
            k for k in dict.fromkeys(by_last.get(words[-1], []))
            if any(same_person(name, words) for name in known_names[k])
        ]  # fmt: skip
        if not candidates and len(words) == 1:
            candidates = by_first.get(words[0], [])
        if len(candidates) >= 1:
            chosen = last_person if last_person in candidates else candidates[0]
            last_person = chosen
            person = people.persons[chosen]
            spelled = " ".join(
                text
                for text, base in zip(tokens.texts[i:j], tokens.bases[i:j], strict=True)
                if base not in NAME_SUFFIXES
            )
            spelled = re.sub(r"['’]s?$", "", spelled)
            if len(words) > 1 and spelled != person.name and spelled not in person.aliases:
                person.aliases.append(spelled)  # "Phil Schiller" for "Philip Schiller"
            in_names.update(tokens.starts[i:j])
            people.mentions.append(
                Mention(
                    tokens.starts[i],
                    tokens.ends[j - 1],
                    chosen,
                    finder.body[tokens.starts[i] : tokens.ends[j - 1]],
                )
            )
    _pronoun_mentions(finder, in_names)
    people.index()
