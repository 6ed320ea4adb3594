"""Provenance of a draft: every drafted item says where in the kept article it was read."""

from __future__ import annotations

import pytest

from briefing.core.models import Brief
from briefing.core.provenance import locate
from briefing.importer.text import split_document

from .helpers import ARTICLES, draft

CASES = sorted(ARTICLES.glob("*.txt"))


def _items(brief: Brief) -> list[object]:
    return [*brief.participants, *brief.quotes, *brief.deadlines, *brief.timeline, *brief.figures]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_drafted_item_points_at_its_words_in_the_kept_article(case) -> None:
    text = case.read_text(encoding="utf-8")
    _, brief = draft(text)
    assert brief.draft is not None
    article = brief.draft.article
    assert article.rstrip("\n") == split_document(text).body.rstrip("\n")
    for item in _items(brief):
        mark = item.draft  # type: ignore[attr-defined]
        assert mark is not None, item
        assert article[mark.start : mark.end] == mark.exact and mark.exact, item
        assert article[: mark.start].endswith(mark.prefix)
        assert article[mark.end :].startswith(mark.suffix)
        assert mark.reason, item
        assert locate(article, mark) == (mark.start, mark.end)
    for quote in brief.quotes:
        # A quotation split by its attribution is one span holding both parts.
        assert quote.text[:12] in quote.draft.exact  # type: ignore[union-attr]
    for person in brief.participants:
        assert set(person.name.split()) & set(person.draft.exact.split()), person  # type: ignore[union-attr]
    for figure in brief.figures:
        assert figure.value in figure.draft.exact or figure.draft.exact in figure.value  # type: ignore[union-attr]


def test_the_check_notes_become_the_marks_checks_and_lower_the_confidence() -> None:
    text = 'Coach Maria Silva was calm. "We are ready," she said.\n\nIt rained. "Maybe."'
    result, brief = draft(text)
    first, second = brief.quotes
    assert first.draft is not None and second.draft is not None
    assert first.draft.checks == ['speaker inferred from "she said"']
    assert first.draft.confidence == "medium"
    assert "she said" in first.draft.reason
    assert second.speaker is None and second.draft.confidence == "low"
    assert "no speaker" in second.draft.reason
    assert '# check: speaker inferred from "she said"' in result.toml


def test_a_sure_item_is_marked_high() -> None:
    _, brief = draft('Headline\n\nMinister Ann Lee said "yes" on Monday, and 45% agreed.')
    person = brief.participants[0]
    assert person.draft is not None and person.draft.confidence == "high"
    assert person.draft.exact == "Ann Lee" and "title" in person.draft.reason
