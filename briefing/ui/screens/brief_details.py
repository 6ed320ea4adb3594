"""Details and the speaker filter of the brief screen (a mixin of :class:`BriefScreen`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import DataTable, OptionList

from briefing.ui.detail_content import detail_content, detail_title
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from datetime import datetime

    from briefing.core.models import Brief
    from briefing.ui.detail_content import Item

ALL_SPEAKERS = "__all__"


class DetailsMixin:
    """``enter`` on an item opens it in full; ``s`` filters the quotes by speaker."""

    brief: Brief
    now: datetime
    speaker_filter: str | None
    clock_style: str

    # Named handlers, not @on: Textual collects @on handlers only from the
    # screen's own class body, not from mixins.
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        section = self.current_pane_of(event.option_list)  # type: ignore[attr-defined]
        item_id = event.option.id
        items: dict[str | None, list[Item]] = {
            "quotes": list(self.brief.quotes),
            "deadlines": list(self.brief.deadlines),
            "timeline": list(self.brief.timeline),
            "figures": list(self.brief.figures),
        }
        item = next((i for i in items.get(section, []) if i.id == item_id), None)
        if item is not None:
            self.show_detail(item)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        person = self.brief.participant(event.row_key.value)
        if person is not None:
            self.show_detail(person)

    def show_detail(self, item: Item) -> None:
        """Open the detail view of ``item``."""
        self.app.push_screen(  # type: ignore[attr-defined]
            DetailScreen(detail_title(item), detail_content(self.brief, item, self.now, clock=self.clock_style))
        )

    def action_pick_speaker(self) -> None:
        """Choose a speaker to filter the quotes by."""
        if not self._shown:
            return
        brief = self.brief
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
                self.speaker_filter = None if value == ALL_SPEAKERS else value
                self.action_section("quotes")

        self.app.push_screen(  # type: ignore[attr-defined]
            PickerScreen("Filter quotes by speaker", choices, self.speaker_filter or ALL_SPEAKERS),
            chosen,
        )
