"""Words of an article as tokens, and the tests the people rules apply to single words."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from briefing.core.article.lexicon import (
    COUNTRIES,
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    STOP_CAPS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from briefing.core.article.patterns import lazy
from briefing.core.article.text import Document

_TOKEN = lazy(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\w*(?:[-'’]\w+)*['’]?|\d[\d,.]*\d|\d|[^\w\s]")
MONTHS_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


@dataclass(slots=True)
class Token:
    """A word or punctuation mark of the body."""

    start: int
    end: int
    text: str
    base: str
    """Lower case, without a possessive ending."""
    possessive: bool
    upper: bool
    """Starts with a capital."""


@dataclass
class TokenView:
    """The body of an article (nicknames blanked out) and its tokens."""

    body: str
    tokens: list[Token]
    document: Document


def tokenize(body: str, skip: list[tuple[int, int]]) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(body):
        text = match.group()
        base = text.lower()
        possessive = False
        if base.endswith(("'s", "’s")):
            base, possessive = base[:-2], True
        elif base.endswith(("'", "’")) and len(base) > 1:
            base, possessive = base[:-1], True
        tokens.append(Token(match.start(), match.end(), text, base, possessive, text[:1].isupper()))
    if skip:
        starts = [s for s, _ in skip]
        kept = []
        for token in tokens:
            index = bisect.bisect_right(starts, token.start) - 1
            if index >= 0 and token.start < skip[index][1]:
                continue
            kept.append(token)
        tokens = kept
    return tokens


def is_title_word(base: str) -> bool:
    return base in TITLE_HEADS or base in TITLE_MODIFIERS or singular(base) in TITLE_HEADS


def singular(base: str) -> str:
    return base[:-1] if base.endswith("s") and base[:-1] in TITLE_HEADS else base


def name_like(token: Token) -> bool:
    if not token.upper or not any(c.islower() for c in token.text):
        return False
    base = token.base
    return not (
        base in STOP_CAPS
        or base in ORG_WORDS
        or base in MONTHS_DAYS
        or base in COUNTRIES
        or base in NATIONALITIES
        or is_title_word(base)
        or base in HONORIFICS
    )


def first_name_like(body: str, tokens: list[Token], i: int) -> bool:
    """A country or month that is a first name here ("Jordan Baptiste", "June Okafor")."""
    token = tokens[i]
    return (
        token.upper
        and (token.base in COUNTRIES or token.base in MONTHS_DAYS)
        and not token.possessive
        and i + 1 < len(tokens)
        and name_like(tokens[i + 1])
        and adjacent(body, token, tokens[i + 1])
        and (i == 0 or tokens[i - 1].base not in ("in", "of", "from", "to", "at", "and"))
    )


def adjacent(body: str, left: Token, right: Token) -> bool:
    gap = body[left.end : right.start]
    return not gap.strip() and "\n" not in gap
