"""Words of an article as tokens, and the tests the people rules apply to single words."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import add

from briefing.importer.lexicon import (
    COUNTRIES,
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    STOP_CAPS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from briefing.importer.patterns import lazy
from briefing.importer.text import Document

# An initial ("J." in "Donald J. Trump") is one token when a capitalised word follows.
_TOKEN = lazy(
    r"(?:[^\W\d_]\.){2,}|[A-Z]\.(?= [A-Z][a-z])|[^\W\d_]\w*(?:[-'’]\w+)*['’]?|\d[\d,.]*\d|\d|[^\w\s]"
)
_PARTICLE_NAME = lazy(r"[a-z]{1,3}-[A-Z][a-z]")
"""A name that opens with a particle joined by a hyphen ("al-Amr", "el-Sisi", "bin-Laden")."""
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


class Tokens(dict[int, Token]):
    """The tokens of a body, kept as columns; a :class:`Token` is made when one is asked for.

    An article of two million characters has some 600,000 tokens. Made as
    objects they took about a second, half of it the garbage collector walking
    them again and again as more were made; columns of numbers and strings are
    not walked, and the words of a text repeat, so each distinct word is read once.
    ``tokens[i]`` is a dictionary look-up (at C speed once the token is made:
    the rules ask for the tokens around each name many times); :meth:`__missing__`
    makes it the first time. The scans over every token read the columns
    (:attr:`upper`, :attr:`bases`); a run of tokens is :meth:`span`.
    """

    def __init__(
        self,
        starts: list[int],
        ends: list[int],
        texts: list[str],
        bases: list[str],
        possessive: list[bool],
        upper: list[bool],
    ) -> None:
        super().__init__()
        self.starts = starts
        self.ends = ends
        self.texts = texts
        self.bases = bases
        """Lower case, without a possessive ending."""
        self.possessive = possessive
        self.upper = upper
        """Whether each starts with a capital."""
        self.count = len(starts)
        """How many tokens (``len()`` of a dict subclass is a Python call; the rules ask often)."""

    def __missing__(self, index: int) -> Token:
        if not -self.count <= index < self.count:
            raise IndexError(index)
        token = self[index] = Token(
            self.starts[index],
            self.ends[index],
            self.texts[index],
            self.bases[index],
            self.possessive[index],
            self.upper[index],
        )
        return token

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[int]:
        """Not iterable: a dict's iteration would give the indices of the tokens made so far.

        Loop over ``range(tokens.count)`` or take :meth:`span`.
        """
        raise TypeError("Tokens is not iterable: use range(tokens.count) or span()")

    def span(self, start: int, end: int) -> list[Token]:
        """``tokens[start:end]`` as a list would give it."""
        return [self[i] for i in range(*slice(start, end).indices(self.count))]


@dataclass
class TokenView:
    """The body of an article (nicknames blanked out) and its tokens."""

    body: str
    tokens: Tokens
    document: Document


def _word_shape(text: str) -> tuple[str, bool, bool]:
    """The base of a token, whether it is possessive, and whether it starts with a capital."""
    base = text.lower()
    possessive = False
    if base.endswith(("'s", "’s")):
        base, possessive = base[:-2], True
    elif base.endswith(("'", "’")) and len(base) > 1:
        base, possessive = base[:-1], True
    return base, possessive, text[:1].isupper()


def tokenize(body: str, skip: list[tuple[int, int]]) -> Tokens:
    """The tokens of ``body``, without those that start inside a ``skip`` span."""
    starts: list[int] = []
    texts: list[str] = []
    add_start, add_text = starts.append, texts.append
    for match in _TOKEN.finditer(body):
        add_start(match.start())
        add_text(match.group())
    if skip:
        skip_starts = [s for s, _ in skip]
        kept = []
        for number, start in enumerate(starts):
            index = bisect.bisect_right(skip_starts, start) - 1
            if not (index >= 0 and start < skip[index][1]):
                kept.append(number)
        starts = [starts[k] for k in kept]
        texts = [texts[k] for k in kept]
    shapes = {text: _word_shape(text) for text in set(texts)}
    bases = {text: shape[0] for text, shape in shapes.items()}
    possessive = {text: shape[1] for text, shape in shapes.items()}
    upper = {text: shape[2] for text, shape in shapes.items()}
    return Tokens(
        starts,
        list(map(add, starts, map(len, texts))),
        texts,
        list(map(bases.__getitem__, texts)),
        list(map(possessive.__getitem__, texts)),
        list(map(upper.__getitem__, texts)),
    )


def is_title_word(base: str) -> bool:
    return base in TITLE_HEADS or base in TITLE_MODIFIERS or singular(base) in TITLE_HEADS


def singular(base: str) -> str:
    return base[:-1] if base.endswith("s") and base[:-1] in TITLE_HEADS else base


@lru_cache(maxsize=1 << 16)
def _name_like(text: str) -> bool:
    """Whether a word can be part of a person's name (a capitalised word, not a title...).

    Judged by the word's text and cached: the same words recur, each is judged once.
    """
    base, _, upper = _word_shape(text)
    if is_initial(text) or _PARTICLE_NAME.match(text):
        return True  # "J.", "al-Amr", "el-Sisi"
    if not upper or not any(c.islower() for c in text):
        return False
    return not (
        base in STOP_CAPS
        or base in ORG_WORDS
        or base in MONTHS_DAYS
        or base in COUNTRIES
        or base in NATIONALITIES
        or is_title_word(base)
        or base in HONORIFICS
    )


def is_initial(text: str) -> bool:
    """Whether a token is an initial or a run of them ("J.", "K.C.")."""
    return (
        len(text) >= 2
        and text[-1] == "."
        and text[0].isupper()
        and text.count(".") * 2 == len(text)
    )


def first_name_like(body: str, tokens: Tokens, i: int) -> bool:
    """A country or month that is a first name here ("Jordan Baptiste", "June Okafor")."""
    base = tokens.bases[i]
    return (
        tokens.upper[i]
        and (base in COUNTRIES or base in MONTHS_DAYS)
        and not tokens.possessive[i]
        and i + 1 < tokens.count
        and name_like_at(tokens, i + 1)
        and adjacent_at(body, tokens, i, i + 1)
        and (i == 0 or tokens.bases[i - 1] not in ("in", "of", "from", "to", "at", "and"))
    )


def adjacent(body: str, left: Token, right: Token) -> bool:
    gap = body[left.end : right.start]
    return not gap.strip() and "\n" not in gap


def adjacent_at(body: str, tokens: Tokens, left: int, right: int) -> bool:
    """:func:`adjacent` for tokens ``left`` and ``right``, read from the columns."""
    gap = body[tokens.ends[left] : tokens.starts[right]]
    return not gap.strip() and "\n" not in gap


def name_like_at(tokens: Tokens, i: int) -> bool:
    """Whether token ``i`` can be part of a person's name (see :func:`_name_like`)."""
    return _name_like(tokens.texts[i])
