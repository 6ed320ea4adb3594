"""The reader's section table (ui/sections.py) is what the brief screen builds from.

The panes, their widgets, titles and empty messages, and the number keys are
written out here as the reader showed them before the screen read the table,
so a change to the table that changes the screen fails here by name.
"""

from __future__ import annotations

from typing import Any

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.brief_details import BriefDetails
from briefing.ui.sections import SECTIONS, reader_sections, section_bindings
from briefing.ui.widgets.deadline_list import DeadlineList
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.participant_table import ParticipantTable
from briefing.ui.widgets.summary_view import SummaryView


def _pane_shape(pane: Any) -> tuple[Any, ...]:
    [widget] = pane._pending_children
    empty = getattr(widget, "empty_text", None) if isinstance(widget, ItemList) else None
    return pane.id, pane.section, pane.border_title, type(widget), widget.id, empty


def test_the_screen_builds_its_panes_from_the_table() -> None:
    assert [_pane_shape(p) for p in BriefDetails.make_panes()] == [
        ("pane-summary", "summary", "1 Summary", SummaryView, "summary", None),
        ("pane-participants", "participants", "2 Participants", ParticipantTable, "participants", None),
        ("pane-quotes", "quotes", "3 Quotes", ItemList, "quotes", "No quotes in this brief"),
        ("pane-deadlines", "deadlines", "4 Deadlines", DeadlineList, "deadlines", "No deadlines in this brief"),
        ("pane-timeline", "timeline", "5 Timeline", ItemList, "timeline", "No timeline in this brief"),
        ("pane-figures", "figures", "6 Key figures", ItemList, "figures", "No figures in this brief"),
    ]  # fmt: skip


def test_the_number_keys_come_from_the_table() -> None:
    bindings = section_bindings()
    assert [(b.key, b.action, b.id) for b in bindings] == [
        (str(n), f"section('{key}')", f"brief.section.{key}")
        for n, (key, _) in enumerate(SECTIONS, 1)
    ]
    on_screen = [b for b in BriefScreen.BINDINGS if (b.id or "").startswith("brief.section.")]
    assert on_screen == bindings
    assert bindings[0].key_display == "1-6" and bindings[0].show
    assert not any(b.show for b in bindings[1:])


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
