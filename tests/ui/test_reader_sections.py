"""The reader's section table (ui/sections.py) makes the panes and number keys the brief screen has.

The brief screen still builds them itself; these tests hold the table to it so
the screen can switch to :func:`reader_sections` and :func:`section_bindings`
without a change on screen.
"""

from __future__ import annotations

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.brief_details import BriefDetails
from briefing.ui.sections import SECTIONS, reader_sections, section_bindings
from briefing.ui.widgets.item_list import ItemList


def _pane_shape(pane):
    [widget] = pane._pending_children
    empty = getattr(widget, "empty_text", None) if isinstance(widget, ItemList) else None
    return pane.id, pane.section, pane.border_title, type(widget), widget.id, empty


def test_the_panes_are_the_screens() -> None:
    theirs = BriefDetails.make_panes()
    mine = [entry.make_pane() for entry in reader_sections()]
    assert [_pane_shape(p) for p in mine] == [_pane_shape(p) for p in theirs]


def test_the_number_keys_are_the_screens() -> None:
    theirs = [b for b in BriefScreen.BINDINGS if (b.id or "").startswith("brief.section.")]
    assert section_bindings() == theirs


def test_keys_and_names() -> None:
    assert list(SECTIONS) == [
        ("summary", "Summary"),
        ("participants", "Participants"),
        ("quotes", "Quotes"),
        ("deadlines", "Deadlines"),
        ("timeline", "Timeline"),
        ("figures", "Key figures"),
    ]


def test_the_rows_are_the_screens(samples_dir) -> None:
    from briefing.core.loading import load_brief
    from briefing.core.timeutil import sort_key
    from briefing.ui.render import event_row, figure_row

    brief = load_brief(samples_dir / "us-china-trade-talks-kuala-lumpur.toml")
    rows = {entry.key: entry.rows(brief) for entry in reader_sections()}
    timeline = [
        (e.id, event_row(e).plain) for e in sorted(brief.timeline, key=lambda e: sort_key(e.date))
    ]
    assert [(i, row.plain) for i, row in rows["timeline"]] == timeline
    assert [(i, row.plain) for i, row in rows["figures"]] == [
        (f.id, figure_row(f).plain) for f in brief.figures
    ]
    assert {key for key, made in rows.items() if made is None} == {
        "summary",
        "participants",
        "quotes",
        "deadlines",
    }
