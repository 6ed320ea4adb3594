"""Where a drafted item came from: the article text kept with a draft, and a mark per item.

``briefing import`` writes, for each participant, quote, deadline, timeline event and
figure it drafts, a ``draft`` table: the span of the article it was read from (character
offsets plus the exact text with a little before and after it, in the manner of the W3C
Web Annotation TextQuoteSelector and TextPositionSelector), why it was chosen, what a
person should check, and how sure the importer is. The article itself is kept in the
brief's own ``[draft]`` table, so the reader's review screen can show it.

The mark is the draft mark: accepting an item in the review removes it. A brief
without any of this is unchanged. Offsets count Unicode code points (Python string
indices) into :attr:`DraftArticle.article`; when they no longer match (someone edited
the article), :func:`locate` finds the quoted text again from its exact text, prefix and
suffix, as a TextQuoteSelector is meant to be used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    # The validated field types, for the type checker only: building a brief from
    # trusted data needs no pydantic (see briefing.core.validation).
    from briefing.core.validation_types import ArticleText, Checks, Offset, ShortLine, Snippet

MAX_ARTICLE_CHARS = 2_000_000
"""The longest article a draft keeps (the importer reads no longer ones)."""
CONTEXT_CHARS = 32
"""How much text before and after a span the importer keeps as its prefix and suffix."""

Confidence = Literal["high", "medium", "low"]
"""How sure the importer is: high when it has no doubt, low when it guessed the key part."""


def _config(title: str) -> dict[str, Any]:
    # Read by pydantic when it validates (briefing.core.validation); a plain dict here.
    return {"extra": "forbid", "use_attribute_docstrings": True, "title": title}


@dataclass(slots=True, kw_only=True)
class DraftMark:
    """Where in the article a drafted item was read, why, and how sure the importer is."""

    __pydantic_config__ = _config("DraftMark")

    start: Offset
    """Offset of the first character of the span in the draft's article (code points)."""
    end: Offset
    """Offset just past the span's last character."""
    exact: Snippet = ""
    """The text of the span, exactly as the article has it."""
    prefix: Snippet = ""
    """Up to 32 characters of the article just before the span."""
    suffix: Snippet = ""
    """Up to 32 characters of the article just after the span."""
    reason: ShortLine = ""
    """Why the importer drafted this item, e.g. 'speaker from "she said"'."""
    checks: Checks = field(default_factory=list)
    """What a person should check (the draft's ``# check:`` notes)."""
    confidence: Confidence = "high"
    """How sure the importer is: high, medium or low."""

    def __post_init__(self) -> None:
        # Run by pydantic after it validated the fields, and on every direct construction.
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) comes before start ({self.start})")


@dataclass(slots=True, kw_only=True)
class DraftArticle:
    """The article a draft was made from, kept so that its spans can be shown."""

    __pydantic_config__ = _config("DraftArticle")

    article: ArticleText
    """The article's text, as the importer read it; every item's ``draft`` points into it."""


def confidence_of(checks: list[str], *, guessed: bool = False) -> Confidence:
    """High with nothing to check, low when the key part was guessed or doubts pile up."""
    if guessed or len(checks) >= 2:
        return "low"
    return "medium" if checks else "high"


def selector(article: str, start: int, end: int) -> tuple[str, str, str]:
    """The exact text of ``article[start:end]`` with its prefix and suffix."""
    return (
        article[start:end],
        article[max(0, start - CONTEXT_CHARS) : start],
        article[end : end + CONTEXT_CHARS],
    )


def locate(article: str, mark: DraftMark) -> tuple[int, int] | None:
    """Where ``mark`` lies in ``article`` now: its offsets if they still hold the exact
    text, else the occurrence of the exact text whose prefix and suffix match best."""
    start, end = mark.start, mark.end
    if article[start:end] == mark.exact and end <= len(article):
        return start, end
    if not mark.exact:
        return None
    best: tuple[int, int] | None = None
    at = article.find(mark.exact)
    while at >= 0:
        score = _shared_suffix(article[:at], mark.prefix) + _shared_prefix(
            article[at + len(mark.exact) :], mark.suffix
        )
        if best is None or score > best[1]:
            best = (at, score)
        at = article.find(mark.exact, at + 1)
    return None if best is None else (best[0], best[0] + len(mark.exact))


def _shared_prefix(text: str, wanted: str) -> int:
    count = 0
    for a, b in zip(text, wanted, strict=False):
        if a != b:
            break
        count += 1
    return count


def _shared_suffix(text: str, wanted: str) -> int:
    return _shared_prefix(text[::-1][: len(wanted)], wanted[::-1])
