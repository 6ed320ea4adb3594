"""What a drafted date is called, where the clause around it is not enough.

A deadline is named by the noun phrase of the deadline ("the expiration of a
temporary tariff truce on Nov. 10" -> "Expiration of a temporary tariff truce"),
or by its subject and verb ("the truce expiring on Nov. 10" -> "Truce expires"),
not by the clause's own verb ("came just weeks before ...").
"""

from __future__ import annotations

import re

from briefing.importer.patterns import lazy

__all__ = ["deadline_label"]

_NOUN = lazy(
    r"\b(?:deadlines?|expiration|expiry|cut-?off|ultimatum|hearings?|referendum|ballot"
    r"|(?<=the\s)(?:vote|closing|end))\b",
    re.IGNORECASE,
)
"""The nouns that name a deadline ("the vote", "the end" only with their article)."""
_VERB = lazy(
    r"\b(?P<verb>expir(?:es|e|ing)|laps(?:es|e|ing)|ends?|ending|clos(?:es|e|ing)"
    r"|runs? out|running out|takes? effect|taking effect|comes? into force|coming into force)\s*$",
    re.IGNORECASE,
)
"""The verbs that make a date a deadline when they stand right before it."""
_PRESENT = {
    "expire": "expires", "expiring": "expires", "lapse": "lapses", "lapsing": "lapses",
    "end": "ends", "ending": "ends", "closing": "closes", "running out": "runs out",
    "taking effect": "takes effect", "coming into force": "comes into force",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "our", "these"}
_STOPS = {
    "of", "on", "in", "at", "by", "for", "to", "from", "with", "before", "after", "ahead",
    "until", "and", "or", "but", "as", "than", "is", "are", "was", "were", "be", "been",
}  # fmt: skip
_PREPOSITION_END = lazy(
    r"\s*\b(?:on|by|until|from|in|since|of|at|before|after|for)\s*$", re.IGNORECASE
)
_AFTER = lazy(r"\s*(?:['’]s\s+)?(?P<noun>deadline|cut-?off|expiry)\b", re.IGNORECASE)
_OWN_VERB = lazy(r"\s+(?:is|are|was|were|will|would|has|have|had|falls?|looms?)\b", re.IGNORECASE)
MAX_LABEL = 100


def _finish(text: str, words: int = 2) -> str | None:
    text = " ".join(text.split()).strip(" ,.;:-—–\"“”'‘’()")
    if len(text.split()) < words:
        return None
    if len(text) > MAX_LABEL:
        text = text[:MAX_LABEL].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def _phrase_start(before: str, head: int, limit: int) -> int:
    """Where the noun phrase ending at ``before[head]`` starts: back over up to ``limit``
    words to the article before them (left out), or to a preposition or verb-like stop."""
    words = list(re.finditer(r"[\w'’.-]+", before[:head]))
    start = head
    for word in reversed(words[-limit:]):
        lower = word.group().lower()
        if lower in _DETERMINERS:
            return start
        if lower in _STOPS or not re.fullmatch(r"[\w'’-]+", word.group()):
            break
        if re.search(r"['’]s$", lower):
            return word.start()  # "the union's deadline": the owner names it
        start = word.start()
    # No article: only the words right before the noun that name it ("Applications").
    return start if start == 0 or before[:start].rstrip().endswith(",") else head


def deadline_label(sentence: str, bounds: tuple[int, int], start: int, end: int) -> str | None:
    """The name of the deadline dated at ``start:end`` of ``sentence`` (its clause is
    ``bounds``), or None when its words give none better than the clause."""
    left, right = bounds
    after = _AFTER.match(sentence, end)
    if after:
        return _finish(sentence[after.start("noun") : right])
    before = _PREPOSITION_END.sub("", sentence[left:start])
    noun = _NOUN.search(before)
    if noun:
        # The phrase ends where a verb of its own starts ("the deadline is").
        phrase = before[_phrase_start(before, noun.start(), 3) :]
        own_verb = _OWN_VERB.search(phrase)
        phrase = phrase[: own_verb.start()] if own_verb else phrase
        return _finish(phrase, words=1)
    verb = _VERB.search(before)
    if verb:
        subject = _phrase_start(before, verb.start(), 4)
        if subject == verb.start():
            return None
        word = verb.group("verb").lower()
        return _finish(f"{before[subject : verb.start()]} {_PRESENT.get(word, verb.group('verb'))}")
    return None
