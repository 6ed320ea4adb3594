"""Reading a search query, and finding its words again in the text it matched.

A query is never handed to FTS5 as the user wrote it: :func:`parse_query`
reads words, quoted phrases and ``prefix*`` words and builds an expression in
which every word is a quoted string, so nothing typed (``NEAR``, ``OR``,
``text:``, ``(``, a lone ``*``, control characters) is ever an FTS5 operator.

FTS5 says which items match, not where; :func:`mark` and :func:`snippet` find
the words again in Python and return plain text with ``(start, end)`` offsets,
since brief text is untrusted and no marker characters may be put into it.
Kept apart from :mod:`briefing.storage.index.search` (which runs the
queries) because none of this touches a database.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_QUERY_CHARS = 1000
"""Longer queries are cut here (with a message): nobody types more, and a paste of 10 KB must stay fast."""
MAX_TERMS = 16
"""Words and phrases searched at most (FTS5 limits the depth of an expression)."""
MIN_PREFIX = 3
"""The word being typed is searched as a prefix from this many characters on."""
SNIPPET_CHARS = 160
"""The length of a snippet around its first match."""

Span = tuple[int, int]

# Letters and digits (and the combining marks that may follow them): what FTS5's
# unicode61 tokenizer keeps as token characters; everything else separates words.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_SPACE = re.compile(r"\s")


def fold(word: str) -> str:
    """``word`` without case or diacritics, as FTS5's ``remove_diacritics 2`` compares it."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _sharp_s(text: str) -> str:
    """``text`` with each ``ss`` written ``ß`` (the German spelling an ASCII query stands for)."""
    return text.replace("ss", "ß").replace("SS", "ß").replace("Ss", "ß")


@dataclass(frozen=True, slots=True)
class Term:
    """One word or quoted phrase of a query: all of its words, in order, must match."""

    words: tuple[str, ...]
    """The words as typed (FTS5 folds them itself)."""
    prefix: bool = False
    """The last word matches any word it begins."""

    @property
    def folded(self) -> tuple[str, ...]:
        """The words without case or diacritics, to locate them in text."""
        return tuple(fold(word) for word in self.words)

    def expression(self) -> str:
        """This term as an FTS5 string: quoted, so never an operator (words hold no quotes).

        FTS5 folds case and diacritics but not ``ß``, which is no diacritic: a term with
        ``ss`` or ``ß`` is also searched spelt the other way ("weissach", "Weißach").
        """
        text = " ".join(self.words)
        star = "*" if self.prefix else ""
        spellings = dict.fromkeys(
            (text, text.replace("ß", "ss").replace("ẞ", "SS"), _sharp_s(text))
        )
        if len(spellings) == 1:
            return f'"{text}"{star}'
        return "(" + " OR ".join(f'"{spelling}"{star}' for spelling in spellings) + ")"


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its terms (all must match) and what could not be searched."""

    terms: tuple[Term, ...] = ()
    problem: str | None = None

    def expression(self) -> str:
        """The FTS5 expression: every term, ANDed."""
        return " AND ".join(term.expression() for term in self.terms)


def parse_query(text: str, *, typing: bool = True) -> Query:
    """Read ``text`` as words in any order, ``"quoted phrases"`` and ``prefix*`` words.

    With ``typing``, the last word (when no space follows it yet) is the one
    being typed: it is searched as a prefix once it has :data:`MIN_PREFIX`
    characters, and left out until then when other words narrow the search.
    ``AND``, ``OR``, ``NOT`` and ``NEAR`` are words like any other; punctuation
    separates words, as it does in the index. Never raises.
    """
    problems: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        problems.append(
            f"the query is too long: only its first {MAX_QUERY_CHARS:,} characters are used"
        )
    terms: list[Term] = []
    position, length = 0, len(text)
    unbalanced = False
    while position < length:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char == '"':
            term, position, left_open = _phrase(text, position, typing=typing)
            unbalanced = unbalanced or left_open
        else:
            end = position
            while end < length and not text[end].isspace() and text[end] != '"':
                end += 1
            last = typing and end == length
            term, position = _word(text[position:end], typing=last, narrowed=bool(terms)), end
        if term is not None:
            terms.append(term)
    if unbalanced:
        problems.append("unbalanced quote: the phrase runs to the end of the query")
    if len(terms) > MAX_TERMS or any(len(term.words) > MAX_TERMS for term in terms):
        terms = [Term(t.words[:MAX_TERMS], t.prefix) for t in terms[:MAX_TERMS]]
        problems.append(f"too many words: only the first {MAX_TERMS} are searched")
    if not terms and text.strip():
        problems.append("nothing to search for: type words (letters or digits)")
    return Query(tuple(terms), "; ".join(problems) or None)


def _phrase(text: str, position: int, *, typing: bool) -> tuple[Term | None, int, bool]:
    """The phrase whose quote opens at ``position``: its term (None without words), where
    reading goes on, and whether its quote is left open (the phrase runs to the end).
    """
    length = len(text)
    close = text.find('"', position + 1)
    if close < 0:
        body, end = text[position + 1 :], length
        # A phrase still being typed: its last word is a prefix, as for a bare word.
        prefix = typing and bool(body) and not body[-1].isspace()
    else:
        body, end = text[position + 1 : close], close + 1
        prefix = end < length and text[end] == "*"
    words = tuple(_TOKEN.findall(body))
    return (Term(words, prefix) if words else None), end, close < 0


def _word(raw: str, *, typing: bool, narrowed: bool) -> Term | None:
    """The term of the bare word ``raw`` (None without letters or digits).

    ``prefix*`` is a prefix. With ``typing`` it is the word being typed: a prefix
    once it has :data:`MIN_PREFIX` characters, and left out until then when
    other terms (``narrowed``) narrow the search already.
    """
    words = tuple(_TOKEN.findall(raw))
    if not words:
        return None
    if raw.endswith("*"):
        return Term(words, prefix=True)
    if typing:
        if len(fold(words[-1])) >= MIN_PREFIX:
            return Term(words, prefix=True)
        if narrowed:
            return None  # a word's first letters would only empty the results for a moment
    return Term(words)


# -------------------------------------------------------------------- marking


def _folded_text(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, and where each folded character came from (None: the same place)."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char) if not char.isascii() else char.lower()
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


@functools.lru_cache(maxsize=32)
def _pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    alternatives = []
    for term in terms:
        words = [re.escape(word) for word in term.folded if word]
        if not words:
            continue
        body = r"(?:[\W_]|[\u0300-\u036f])+".join(words)
        tail = r"(?:[^\W_]|[\u0300-\u036f])*" if term.prefix else ""
        alternatives.append(body + tail)
    if not alternatives:
        return None
    # Longest first, so a phrase wins over its own first word.
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


def mark(text: str, terms: Sequence[Term]) -> tuple[Span, ...]:
    """Where ``terms`` match in ``text``: sorted, non-overlapping ``(start, end)`` offsets."""
    pattern = _pattern(tuple(terms))
    if pattern is None or not text:
        return ()
    folded, origin = _folded_text(text)
    spans: list[Span] = []
    for found in pattern.finditer(folded):
        start, end = found.span()
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return tuple(spans)


@dataclass(frozen=True, slots=True)
class Marked:
    """Plain text and the ``(start, end)`` offsets of what matched in it."""

    text: str
    spans: tuple[Span, ...] = ()


_CONTROLS_TO_REPLACEMENT = {
    code: "\ufffd"
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
    + [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
}
_WHITESPACE = re.compile(r"\s+")


def _window(text: str, first: int | None, width: int) -> tuple[int, int]:
    """The part of ``text`` to show: about ``width`` characters, the first match near its start."""
    start = 0
    if first is not None and first > width // 3:
        start = first - width // 4
        gap = _SPACE.search(text, start, first)
        start = gap.end() if gap else start
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def excerpt(
    text: str, spans: Sequence[Span], *, width: int = SNIPPET_CHARS, fields: bool = False
) -> Marked:
    """One line of at most about ``width`` characters of ``text`` around its first span.

    Whitespace runs become one space (with ``fields``, a line break between
    fields becomes `` · ``), control characters become ``\ufffd``, and the
    spans follow the text.
    """
    start, end = _window(text, spans[0][0] if spans else None, width)
    return _render(text, spans, start, end, fields)


def snippet(
    text: str, terms: Sequence[Term], *, width: int = SNIPPET_CHARS, fields: bool = False
) -> Marked:
    """:func:`excerpt` of ``text`` with the matches of ``terms`` marked.

    Only the excerpt is searched for every match (a summary can be long).
    """
    first = None
    pattern = _pattern(tuple(terms))
    if pattern is not None and text:
        folded, origin = _folded_text(text)
        found = pattern.search(folded)
        if found is not None:
            first = origin[found.start()] if origin is not None else found.start()
    start, end = _window(text, first, width)
    spans = [(a + start, b + start) for a, b in mark(text[start:end], terms)]
    return _render(text, spans, start, end, fields)


def contains(text: str, terms: Sequence[Term]) -> bool:
    """True when any of ``terms`` matches in ``text``."""
    pattern = _pattern(tuple(terms))
    return pattern is not None and pattern.search(_folded_text(text)[0]) is not None


def _field_break(run: re.Match[str]) -> str:
    return " · " if "\n" in run.group() else " "


def _render(text: str, spans: Sequence[Span], start: int, end: int, fields: bool) -> Marked:
    """``text[start:end]`` on one line, with the spans that fall in it moved along."""
    window = text[start:end].translate(_CONTROLS_TO_REPLACEMENT)  # keeps every offset
    replace: str | Callable[[re.Match[str]], str] = _field_break if fields else " "
    lead = "…" if start else ""

    def placed(offset: int) -> int:
        # Spans start and end on letters or digits, so what precedes ``offset`` collapses
        # exactly as it does in the whole line.
        return len(lead) + len(_WHITESPACE.sub(replace, window[: offset - start]))

    shown = tuple(
        (placed(max(a, start)), placed(min(b, end))) for a, b in spans if a < end and b > start
    )
    line = lead + _WHITESPACE.sub(replace, window) + ("…" if end < len(text) else "")
    return Marked(line, tuple((a, b) for a, b in shown if a < b))
