"""What a quotation's own text says about it: a nickname, a title or a label, or words to keep.

Kept apart from :mod:`.quotes`, which finds who said each quotation.
"""

from __future__ import annotations

import re

from briefing.importer.quote_marks import QuoteSpan


def is_nickname(body: str, span: QuoteSpan) -> bool:
    if " " in span.text or not span.text[:1].isupper():
        return False
    before = body[max(0, span.start - 30) : span.start]
    after = body[span.end : span.end + 30]
    return bool(re.search(r"[A-Z][\w-]+ $", before)) and bool(re.match(r" [A-Z]", after))


_NAMING_WORDS = frozenset(
    [
        "labelled",
        "labeled",
        "dubbed",
        "titled",
        "entitled",
        "termed",
        "rated",
        "website",
        "site",
        "section",
        "word",
        "term",
        "phrase",
        "hashtag",
        "slogan",
        "banner",
    ]
)
"""Words right before a quotation (perhaps with "it") that make it a name: "dubbed it "X"."""
_TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs.",
        "vs",
        "with",
    ]
)


def is_label(masked: str, span: QuoteSpan) -> bool:
    """Whether a quotation is a name, a title or a label rather than someone's words: written
    in title case without closing punctuation ("The Internet Explorer 6 Countdown", "Cowboys
    and Indians"), or right after a word that names it ("labelled", "dubbed", "the website")."""
    text = span.text.strip()
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if words and text[-1:] not in ".!?…,;:" and len(span.parts) == 1:
        capitalised = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
        if capitalised and all(w[:1].isupper() or w[:1].isdigit() for w in capitalised):
            return True
    if len(words) > 8:
        return False
    before = masked[max(0, span.start - 30) : span.start].lower().split()[-2:]
    if before[-1:] and before[-1] in ("it", "them", "this", "that"):
        before = before[:-1]
    return bool(before) and before[-1] in _NAMING_WORDS


def masked_body(body: str, spans: list[QuoteSpan]) -> str:
    """``body`` with every quotation blanked out (same length), made once for all quotes.

    Blanking each sentence again for each quote in it made a sentence of many
    quotes cost time quadratic in its length.
    """
    parts = []
    done = 0
    for span in spans:
        start = max(span.start, done)
        if span.end <= start:
            continue
        parts += [body[done:start], " " * (span.end - start)]
        done = span.end
    parts.append(body[done:])
    return "".join(parts)


def clean_quote_text(text: str) -> str:
    text = " ".join(text.split())
    text = text.rstrip(",;:")
    if text[:1].islower() or (text and text[0] in "'‘"):
        text = text.rstrip(".")
    return text.strip()
