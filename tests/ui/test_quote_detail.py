"""The quote detail says each thing once (issue 16 item 18): it showed the list row
(the words, "— speaker, role, date", the context) and then Speaker, Role, Said, Context again."""

from __future__ import annotations

from pathlib import Path

from briefing.core import load_brief
from briefing.ui.detail_content import detail_content

from .uihelpers import START


def test_each_fact_of_a_quote_is_shown_once(seed_brief_path: Path) -> None:
    brief = load_brief(seed_brief_path)
    quote = next(q for q in brief.quotes if q.id == "li-intense")
    speaker = brief.participant(quote.speaker)
    assert speaker is not None and quote.context
    text = detail_content(brief, quote, START).plain
    assert text.startswith(f"“{quote.text}”")
    for fact in (speaker.name, speaker.role, quote.context):
        assert fact and text.count(fact) == 1, (fact, text)
    assert "Speaker: " in text and "Context: " in text
