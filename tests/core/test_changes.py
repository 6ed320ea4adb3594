"""Change detection between two versions of a brief, item by item."""

from __future__ import annotations

from pathlib import Path

from briefing.core.changes import Changes, compare, item_digests
from briefing.core.loading import parse_brief

SEED = (
    Path(__file__).resolve().parents[2] / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
)


def load(text: str):
    return parse_brief(text.encode(), Path("brief.toml"))


def test_the_same_brief_has_no_changes() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert not compare(item_digests(load(text)), item_digests(load(text)))


def test_an_edited_quote_is_edited_and_nothing_else() -> None:
    text = SEED.read_text(encoding="utf-8")
    before = load(text)
    quote = before.quotes[0]
    # The seed names its ids, so an edit keeps the id; its source line is plain TOML text.
    assert quote.source and f'source = "{quote.source}"' in text
    edited_text = text.replace(
        f'source = "{quote.source}"', f'source = "{quote.source} (updated)"', 1
    )
    after = load(edited_text)
    changes = compare(item_digests(before), item_digests(after))
    assert changes.edited == {("quote", quote.id)}
    assert not changes.added and not changes.removed
    assert changes.in_section("quotes") == {quote.id}
    assert changes.in_section("deadlines") == frozenset()
    assert changes.describe() == "1 edited"


def test_added_and_removed_items() -> None:
    base = """format = 1
title = "T"
published = 2025-10-26T13:55:00+03:00
[[deadlines]]
title = "First"
due = 2025-11-10
"""
    before = load(base)
    after = load(base.replace('title = "First"', 'title = "Second"'))
    changes = compare(item_digests(before), item_digests(after))
    (removed,) = changes.removed
    (added,) = changes.added
    assert removed[0] == added[0] == "deadline"
    assert removed[1] != added[1]
    assert changes.flagged == {added}
    assert changes.describe() == "1 new, 1 removed"


def test_a_status_change_is_an_edit() -> None:
    base = """format = 1
title = "T"
published = 2025-10-26T13:55:00+03:00
[[deadlines]]
id = "truce"
title = "Truce expires"
due = 2025-11-10
"""
    before = load(base)
    after = load(base + 'status = "extended"\n')
    assert compare(item_digests(before), item_digests(after)).edited == {("deadline", "truce")}


def test_the_summary_is_an_item() -> None:
    base = 'format = 1\ntitle = "T"\npublished = 2025-10-26\nsummary = "One"\n'
    changes = compare(item_digests(load(base)), item_digests(load(base.replace("One", "Two"))))
    assert changes.edited == {("summary", "")}
    assert changes.in_section("summary") == {""}


def test_empty_changes_are_false() -> None:
    assert not Changes()
    assert Changes().describe() == ""
