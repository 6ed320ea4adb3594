"""What ``c`` copies: one item as a line of text with its attribution."""

from __future__ import annotations

from pathlib import Path

from briefing.core.copying import item_text
from briefing.core.loading import load_brief

SEED = (
    Path(__file__).resolve().parents[2] / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
)


def test_a_quote_carries_speaker_role_brief_and_date() -> None:
    brief = load_brief(SEED)
    quote = next(q for q in brief.quotes if q.speaker == "bessent")
    text = item_text(brief, "quotes", quote.id)
    bessent = brief.participant("bessent")
    assert bessent is not None
    assert text == (
        f"“{quote.text}” — Scott Bessent, {bessent.role}"
        f"{' (' + bessent.affiliation + ')' if bessent.affiliation else ''}"
        f" ({brief.title}, {str(quote.said or brief.published)[:10]})"
    )


def test_a_deadline_carries_its_due_time() -> None:
    brief = load_brief(SEED)
    deadline = brief.deadlines[0]
    text = item_text(brief, "deadlines", deadline.id)
    assert text is not None and text.startswith(f"{deadline.title}: due 2025-")
    assert deadline.due_at.strftime("%H:%M") in text and brief.title in text


def test_every_item_of_every_pane_copies_and_unknown_ids_do_not() -> None:
    brief = load_brief(SEED)
    for section, items in (
        ("participants", brief.participants),
        ("quotes", brief.quotes),
        ("deadlines", brief.deadlines),
        ("timeline", brief.timeline),
        ("figures", brief.figures),
    ):
        for item in items:
            assert item_text(brief, section, item.id), (section, item.id)
        assert item_text(brief, section, "no-such-item") is None
    assert item_text(brief, "summary", "").startswith(brief.title)
