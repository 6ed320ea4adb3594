"""One pass over an article's tokens for the people rules: names, runs of name words, quotes.

Shared by :mod:`.people` (who takes part) and :mod:`.mentions` (where each is named again).
"""

from __future__ import annotations

import bisect

from briefing.importer.lexicon import PRONOUNS
from briefing.importer.patterns import lazy
from briefing.importer.persons import People
from briefing.importer.text import Document
from briefing.importer.tokens import (
    TokenView,
    adjacent_at,
    first_name_like,
    is_initial,
    is_title_word,
    name_like_at,
    tokenize,
)

_NICKNAME = lazy(r"\b([A-Z][\w-]+) [\"“‘']([A-Z][\w-]+)[\"”’'] ([A-Z][\w-]+)")
_NAME_PARTICLES = frozenset(
    ["de", "van", "von", "bin", "al", "da", "del", "di", "le", "la", "ter", "der"]
)


class Finder(TokenView):
    """The state of one pass over an article's tokens."""

    def __init__(self, document: Document, quotes: list[tuple[int, int]]) -> None:
        self.document = document
        self.nicknames: dict[int, str] = {}
        skip = []
        body = document.body
        parts = []
        done = 0
        for match in _NICKNAME.finditer(body):
            # Thomas "Tom" Whitaker: the nickname is an alias, not a quotation.
            skip.append((match.start(2) - 1, match.end(2) + 1))
            self.nicknames[match.start(1)] = f"{match.group(2)} {match.group(3)}"
            # Blanked in one pass at the end: a copy of the body per nickname was quadratic.
            parts += [body[done : match.start(2) - 1], " " * (match.end(2) - match.start(2) + 2)]
            done = match.end(2) + 1
        self.body = "".join([*parts, body[done:]]) if parts else body
        self.tokens = tokenize(body, skip)
        self.quotes = quotes
        self._quote_starts = [s for s, _ in quotes]
        self.people = People()

    def common_words(self) -> set[str]:
        """The words the article also writes in lower case: common words, not names."""
        tokens = self.tokens
        return {base for base, upper in zip(tokens.bases, tokens.upper, strict=True) if not upper}

    def inside_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self._quote_starts, offset) - 1
        return index >= 0 and offset < self.quotes[index][1]

    def runs(self) -> list[tuple[int, int]]:
        """Index ranges of runs of name-like tokens (``He`` allowed right after a title)."""
        tokens, body = self.tokens, self.body
        upper, count = tokens.upper, tokens.count
        runs = []
        i = 0
        while i < count:
            if not upper[i]:
                i += 1  # every run starts with a capital: a name, a first name or "He"
                continue
            starts_run = (
                name_like_at(tokens, i)
                or first_name_like(body, tokens, i)
                or (
                    tokens.bases[i] in PRONOUNS
                    and tokens.texts[i][0].isupper()
                    and i > 0
                    and is_title_word(tokens.bases[i - 1])
                    and tokens.upper[i - 1]
                    and i + 1 < tokens.count
                    and name_like_at(tokens, i + 1)
                    and adjacent_at(body, tokens, i, i + 1)
                )
            )
            if not starts_run:
                i += 1
                continue
            j = i + 1
            while (
                j < tokens.count
                and j - i < 4
                and not tokens.possessive[j - 1]
                and adjacent_at(body, tokens, j - 1, j)
                and (name_like_at(tokens, j) or tokens.bases[j] in _NAME_PARTICLES)
            ):
                j += 1
            while j - 1 > i and (
                not name_like_at(tokens, j - 1) or is_initial(tokens.texts[j - 1])
            ):
                j -= 1
            if is_initial(tokens.texts[i]) and j == i + 1:
                i = j  # a lone initial ("Plan B.") names nobody
                continue
            runs.append((i, j))
            i = j
        return runs
