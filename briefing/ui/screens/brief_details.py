"""What the brief screen's panes show: every item, the speaker filter, the titles, an item in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from briefing.ui.detail_content import detail_content, detail_title
from briefing.ui.key_hints import key_hint
from briefing.ui.render import QuoteRows
from briefing.ui.sections import reader_section, reader_sections
from briefing.ui.widgets.deadline_list import DeadlineList
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.pane import Pane
from briefing.ui.widgets.participant_table import ParticipantTable
from briefing.ui.widgets.summary_view import SummaryView

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.ui.detail_content import Item
    from briefing.ui.screens.brief import BriefScreen

ALL_SPEAKERS = "__all__"


class BriefDetails:
    """``enter`` on an item opens it in full; ``s`` filters the quotes by speaker.

    The filter itself is the screen's ``speaker_filter`` reactive; this fills the
    quotes and the pane titles from it.

    Args:
        screen: The brief screen whose items are shown.
    """

    def __init__(self, screen: BriefScreen) -> None:
        self.screen = screen

    def select_item(self, section: str, item_id: str) -> None:
        """Go to ``section`` and put the cursor on ``item_id`` ("" for the section alone)."""
        screen = self.screen
        screen.action_section(section)
        if not screen.panes_mounted or not item_id:
            return
        widget = screen.section_widget(section)
        if isinstance(widget, ItemList | ParticipantTable):
            widget.select_id(item_id)
        screen.annotations.refresh_notes_panel()

    @staticmethod
    def make_panes() -> list[Pane]:
        """The section panes, empty, in the order of the number keys."""
        return [entry.make_pane() for entry in reader_sections()]

    def fill(self, brief: Brief) -> None:
        """Put every item of ``brief`` into its pane.

        The summary, the participants, the quotes (with the speaker filter) and the
        deadlines (with the clock) fill their own widgets; every other section's rows
        come from its entry in :mod:`briefing.ui.sections`.
        """
        screen = self.screen
        clock = screen.clock_style
        screen.query_one(SummaryView).set_markdown(brief.summary, brief.summary_blocks)
        screen.query_one(ParticipantTable).set_participants(brief.participants)
        self.fill_quotes()
        deadlines = screen.query_one(DeadlineList)
        deadlines.clock_style = clock
        deadlines.now = screen.now
        deadlines.set_deadlines(brief.deadlines)
        for entry in reader_sections():
            rows = entry.rows(brief, clock)
            if rows is not None:
                screen.query_one(f"#{entry.key}", ItemList).set_items(rows)
        self.update_titles()

    def item_selected(self, section: str | None, item_id: str | None) -> None:
        """``enter`` on item ``item_id`` of the list of ``section``: show it in full."""
        entry = reader_section(section) if section else None
        if entry is None or entry.core.model is None or item_id is None:
            return
        item = entry.core.find(self.screen.brief, item_id)
        if item is not None:
            self.show(item)

    def person_selected(self, person_id: str | None) -> None:
        """``enter`` on a participant: show them in full."""
        person = self.screen.brief.participant(person_id) if person_id else None
        if person is not None:
            self.show(person)

    def show(self, item: Item) -> None:
        """Open the detail view of ``item``."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.detail import DetailScreen, ItemKeys

        screen = self.screen
        # The item shown is the one under the cursor: the collaborators that act on that
        # item (looked up when the key is pressed) act on it.
        keys = ItemKeys(
            note=lambda: screen.annotations.note(),
            bookmark=lambda: screen.annotations.bookmark(),
            copy=lambda: screen.live.copy(),
        )
        screen.app.push_screen(
            DetailScreen(
                detail_title(item),
                detail_content(screen.brief, item, screen.now, clock=screen.clock_style),
                keys,
            )
        )

    def pick_speaker(self) -> None:
        """Choose a speaker to filter the quotes by."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.picker import PickerScreen

        screen = self.screen
        brief = screen.brief
        counts: dict[str, int] = {}
        for quote in brief.quotes:
            if quote.speaker:
                counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
        choices = [(ALL_SPEAKERS, Content(f"All speakers ({len(brief.quotes)})"))]
        for person in brief.participants:
            if person.id in counts:
                choices.append(
                    (
                        person.id,
                        Content.assemble(
                            (person.name, "bold"), (f"  {counts[person.id]}", "$text-muted")
                        ),
                    )
                )

        def chosen(value: str | None) -> None:
            if value is not None:
                screen.speaker_filter = None if value == ALL_SPEAKERS else value
                screen.action_section("quotes")

        screen.app.push_screen(
            PickerScreen(
                "Filter quotes by speaker", choices, screen.speaker_filter or ALL_SPEAKERS
            ),
            chosen,
        )

    def fill_quotes(self) -> None:
        """Show the quotes, filtered by speaker when a filter is set."""
        screen = self.screen
        brief = screen.brief
        quotes = brief.quotes
        # Read the reactive once: each read costs ~1 µs, 20 ms over 20,000 quotes.
        if speaker := screen.speaker_filter:
            quotes = [q for q in quotes if q.speaker == speaker]
        # Rows made as they are shown (issue 15: 20,000 quotes made up front took 0.6 s).
        rows = QuoteRows(brief, quotes, clock=screen.clock_style)
        screen.query_one("#quotes", ItemList).set_rows(rows.ids, rows)

    def update_titles(self) -> None:
        """Put item counts (and the speaker filter) in the pane titles."""
        brief = self.screen.brief
        for entry in reader_sections():
            key, number, name = entry.key, entry.number, entry.core.title
            title = f"{number} {name}"
            count = len(entry.core.items_of(brief)) if entry.core.counted else None
            if count is not None:
                title += f" ({count})"
            if key == "quotes" and (speaker := self.screen.speaker_filter):
                person = brief.participant(speaker)
                shown = sum(1 for q in brief.quotes if q.speaker == speaker)
                title = f"{number} {name} · {person.name if person else speaker} ({shown} of {count}) · {key_hint(self.screen, 'brief.speaker', 's')}: change"
            pane = self.screen.query_one(f"#pane-{key}", Pane)
            pane.border_title = Content(title)

    def speaker_changed(self) -> None:
        """The speaker filter changed: the quotes and their title follow."""
        if self.screen.is_loaded:
            self.fill_quotes()
            self.update_titles()
