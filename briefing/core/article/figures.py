"""Find key figures: percentages and sums of money, with what the sentence says they measure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.article.patterns import lazy
from briefing.core.article.text import Document

_FIGURE = lazy(
    r"""
    (?P<money>
        (?:(?:US|C|A|NZ|HK|S)?\$|€|£|¥|₹|RM\s?)\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|mn|m|k)\b)?
      | \b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|trillion)?\s?(?:dollars|euros|pounds|yen|yuan|ringgit|rupees)\b
    )
    | (?P<percent>\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per\ cent\b))
    """,
    re.VERBOSE,
)
_CLAUSE = lazy(r"[;—–]|,(?!\d)")
_LEAD = lazy(
    r"^(?:and|but|or|which|that|while|with|after|before|as|although|though|the company said|it said)\s+",
    re.IGNORECASE,
)
_TRIM = " ,.;:-—–\"“”'‘’()"
MAX_LABEL_CHARS = 90


@dataclass
class FoundFigure:
    """A number worth showing, with a label taken from its clause."""

    value: str
    label: str
    note: str
    start: int


def _label(sentence: str, start: int, end: int) -> str:
    left = 0
    for mark in _CLAUSE.finditer(sentence, 0, start):
        left = mark.end()
    right_mark = _CLAUSE.search(sentence, end)
    right = right_mark.start() if right_mark else len(sentence)
    # Two numbers in one clause ("145% by the U.S. and 125% by China") share the words
    # before the first one and keep their own words after: one label each.
    first = _FIGURE.search(sentence, left, right)
    head = sentence[left : first.start()] if first else sentence[left:start]
    following = _FIGURE.search(sentence, end, right)
    stop = following.start() if following else right
    tail = sentence[end:stop]
    cut = re.search(r"\s(?:and|but|while|whereas|or)\s", tail)
    if cut:
        tail = tail[: cut.start()]
    text = " ".join(f"{head}{sentence[start:end]}{tail}".split()).strip(_TRIM)
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text).strip(_TRIM)
    if len(text.split()) < 3:
        text = " ".join(sentence.split()).strip(_TRIM)
    if len(text) > MAX_LABEL_CHARS:
        # Keep the words nearest the number: they say what it measures.
        value_at = text.find(sentence[start:end])
        begin = max(0, value_at - MAX_LABEL_CHARS // 2) if value_at >= 0 else 0
        text = text[begin : begin + MAX_LABEL_CHARS]
        if begin:
            text = "…" + text.split(" ", 1)[-1]
        text = text.rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def find_figures(document: Document, limit: int = 40) -> list[FoundFigure]:
    """Percentages and money amounts in the text paragraphs, at most ``limit`` of them."""
    body = document.body
    found: list[FoundFigure] = []
    seen: set[tuple[str, str]] = set()
    for paragraph in document.paragraphs:
        if paragraph.kind != "text":
            continue
        for match in _FIGURE.finditer(body, paragraph.start, paragraph.end):
            sentence_start, sentence_end = document.sentence_at(match.start())
            sentence = body[sentence_start:sentence_end]
            value = " ".join(match.group().split())
            label = _label(sentence, match.start() - sentence_start, match.end() - sentence_start)
            if not label or (value, label) in seen:
                continue
            seen.add((value, label))
            found.append(FoundFigure(value, label, " ".join(sentence.split()), match.start()))
            if len(found) >= limit:
                return found
    return found
