"""People (``p``): everyone who appears in the library, the same person merged across briefs.

The list on the left filters as you type (a letter or digit typed in a list goes to the
filter, so on this screen the app's letter keys are letters of a name); the pane on the right shows the
highlighted person: the names and roles the briefs give, every brief they
appear in, and every quote of theirs across the library, oldest first.
``enter`` on a quote opens its brief at the quote; on a brief, at the person's
entry in it; on a person, at their entry in their newest brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from briefing.core.people_merge import Person, person_matches
from briefing.storage.index.indexing import index_in_processes
from briefing.storage.index.people import people_in_library
from briefing.ui.app import BriefingApp
from briefing.ui.app_library import ItemTarget
from briefing.ui.field_keys import field_binding, field_key_allowed
from briefing.ui.render import MUTED, Prompt
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from briefing.storage.index.people import LibraryPeople, QuoteInfo


def types_into_filter(key: str) -> bool:
    """Whether ``key`` is a letter or digit: typed in the people list, it goes to the filter."""
    return len(key) == 1 and key.isalnum()


def _plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"


def person_row(person: Person) -> Prompt:
    """A person as a list row: the name, the roles the briefs give, and how present they are."""
    parts: list[str | tuple[str, str]] = [(person.name, "bold")]
    if person.roles:
        parts += ["\n", (" · ".join(person.roles[:3]), MUTED)]
    parts += ["\n", f"{_plural(person.briefs, 'brief')} · {_plural(person.quotes, 'quote')}"]
    return Prompt(parts)


def quote_row(quote: QuoteInfo) -> Prompt:
    """A quote as a list row: the words, then when and in which brief."""
    parts: list[str | tuple[str, str]] = [
        ("“", "bold $accent"),
        (quote.text, "bold"),
        ("”", "bold $accent"),
        "\n",
        (f"{quote.when} · {quote.brief_title}", "italic"),
    ]
    if quote.context:
        parts += ["\n", (quote.context, MUTED)]
    return Prompt(parts)


def person_header(person: Person) -> Content:
    """What the right pane says first about a person."""
    parts: list[str | tuple[str, str]] = [(person.name, "bold $accent")]
    others = [name for name in person.names if name != person.name]
    if others:
        parts += ["\n", ("also ", MUTED), "; ".join(others)]
    if person.roles:
        parts += ["\n", ("roles ", MUTED), "; ".join(person.roles)]
    if person.affiliations:
        parts += ["\n", ("with ", MUTED), "; ".join(person.affiliations)]
    return Content.assemble(*parts)


class PeopleScreen(Screen[None]):
    """Every participant of the library, merged by name and alias, with their quotes.

    | Key(s) | Description |
    | :- | :- |
    | a letter, / | Filter the people (names, roles, affiliations; accents and case do not matter). |
    | tab, shift+tab | Move between the people, their briefs and their quotes. |
    | enter | Open the brief at the quote, or at the person's entry. |
    | escape | Clear the filter, else go back (a brief opened from here comes back here). |
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="people.close"),
        field_binding("slash", "filter", "Filter", id="people.filter"),  # see ui.field_keys
        Binding("q", "close", "Close", show=False, id="people.quit"),
    ]

    DEFAULT_CSS = """
    PeopleScreen #people-title { text-style: bold; color: $accent; padding: 0 1; }
    PeopleScreen #people-filter { margin: 0 0; }
    PeopleScreen #people-left { width: 1fr; min-width: 28; }
    PeopleScreen #people-right { width: 2fr; padding: 0 0 0 1; }
    /* No left padding: the text starts where the lists' rules do. */
    PeopleScreen #person-header { padding: 0 1 0 0; height: auto; max-height: 8; }
    PeopleScreen .people-heading { color: $text-muted; text-style: bold; padding: 0 1 0 0; }
    PeopleScreen #person-briefs { height: auto; max-height: 35%; }
    PeopleScreen #person-quotes { height: 1fr; }
    """

    @dataclass
    class Loaded(Message):
        """The loading worker has the people of the library."""

        people: LibraryPeople

    def __init__(self) -> None:
        super().__init__()
        self.library: LibraryPeople | None = None
        """Everyone, once read."""
        self._by_key: dict[str, Person] = {}
        self._rows: dict[str, Prompt] = {}
        self._shown: Person | None = None
        self._quotes: dict[str, QuoteInfo] = {}
        self._briefs: dict[str, tuple[str, str]] = {}

    briefing_app = getters.app(BriefingApp)
    """The app, typed."""

    def compose(self) -> ComposeResult:
        yield Static(Content("People · reading the library…"), id="people-title", markup=False)
        with Horizontal():
            with Vertical(id="people-left"):
                yield Input(
                    placeholder="Type to filter people",
                    id="people-filter",
                    # A letter typed in the list is put in first: selecting it would let the next replace it.
                    select_on_focus=False,
                )
                yield ItemList("No people in the library", id="people-list")
            with Vertical(id="people-right"):
                yield Static(id="person-header", markup=False)
                yield Static(Content("Appears in"), classes="people-heading", markup=False)
                yield ItemList("", id="person-briefs")
                yield Static(
                    Content("Quotes, oldest first"), classes="people-heading", markup=False
                )
                yield ItemList("No quotes", id="person-quotes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#people-list", ItemList).focus()
        self.load_people()

    @work(thread=True, exclusive=True, group="people-load")
    def load_people(self) -> None:
        """Read the people from the library index (brought up to date first), in a thread."""
        app = self.briefing_app
        people = people_in_library(
            app.library_index, app.library_paths, app.local_zone, indexer=index_in_processes
        )
        self.post_message(self.Loaded(people))

    def on_people_screen_loaded(self, message: Loaded) -> None:
        library = self.library = message.people
        self._by_key = {person.key: person for person in library.people}
        self._rows = {person.key: person_row(person) for person in library.people}
        briefs = len(library.titles)
        self.query_one("#people-title", Static).update(
            Content(
                f"People · {_plural(len(library.people), 'person', 'people')} in {_plural(briefs, 'brief')}"
            )
        )
        self.fill()

    # The list of people ------------------------------------------------------------

    def visible_people(self) -> list[Person]:
        """The people that pass the filter, the most present first."""
        if self.library is None:
            return []
        query = self.query_one("#people-filter", Input).value
        return [p for p in self.library.people if person_matches(p, query)]

    def fill(self) -> None:
        """Show the people that pass the filter (the cursor stays on the same person if shown)."""
        people = self.query_one("#people-list", ItemList)
        people.empty_text = (
            "Nobody matches"
            if self.library and self.library.people
            else ("No people in the library")
        )
        people.set_items((p.key, self._rows[p.key]) for p in self.visible_people())
        self.show_person(self._by_key.get(people.highlighted_id or ""))

    @on(Input.Changed, "#people-filter")
    def filter_changed(self) -> None:
        self.fill()

    @on(Input.Submitted, "#people-filter")
    def filter_submitted(self) -> None:
        self.query_one("#people-list", ItemList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` is the field's own while a text field has the focus."""
        return field_key_allowed(self, action, opens={"filter"})

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The screen's keys, less the letter keys (the app's ``x``, ``p``, ...): here those
        type into the filter, so the footer and help do not offer them."""
        return {
            key: active
            for key, active in super().active_bindings.items()
            if not types_into_filter(key)
        }

    def on_key(self, event: events.Key) -> None:
        """A letter or digit typed in a list goes to the filter, and the focus with it.

        Keys of one burst are routed to the list before the focus moves; each one that
        reaches here goes to the filter in turn, so none is lost or run as a key.
        """
        box = self.query_one("#people-filter", Input)
        if not types_into_filter(event.key) or not event.character:
            return
        event.stop()
        event.prevent_default()
        self.set_focus(box)  # at once: see ui.field_keys
        box.insert_text_at_cursor(event.character)

    def action_filter(self) -> None:
        """Type to filter the people."""
        self.set_focus(self.query_one("#people-filter", Input))  # at once: see ui.field_keys

    def action_close(self) -> None:
        """Clear the filter if there is one, else go back."""
        box = self.query_one("#people-filter", Input)
        if box.value:
            box.value = ""
            self.query_one("#people-list", ItemList).focus()
            return
        self.dismiss(None)

    # The person on the right ------------------------------------------------------------

    def show_person(self, person: Person | None) -> None:
        """Show ``person``'s names, briefs and quotes on the right (nothing for None)."""
        if person is self._shown and person is not None:
            return
        self._shown = person
        header = self.query_one("#person-header", Static)
        briefs = self.query_one("#person-briefs", ItemList)
        quotes = self.query_one("#person-quotes", ItemList)
        if person is None or self.library is None:
            header.update(Content(""))
            briefs.set_items([])
            quotes.set_items([])
            return
        library = self.library
        header.update(person_header(person))
        self._briefs = {}
        brief_rows: list[tuple[str, Prompt]] = []
        for appearance in person.appearances:
            row_id = f"{appearance.brief}#{appearance.participant_id}"
            self._briefs[row_id] = (appearance.brief, appearance.participant_id)
            detail = " · ".join(filter(None, [appearance.name, appearance.role]))
            brief_rows.append(
                (
                    row_id,
                    Prompt(
                        [(library.brief_title(appearance.brief), "bold"), "\n", (detail, MUTED)]
                    ),
                )
            )
        briefs.set_items(brief_rows)
        self._quotes = {}
        quote_rows: list[tuple[str, Prompt]] = []
        for quote in library.quotes_of(person):
            row_id = f"{quote.path}#{quote.item_id}"
            self._quotes[row_id] = quote
            quote_rows.append((row_id, quote_row(quote)))
        quotes.empty_text = f"No quotes of {person.name} in the library"
        quotes.set_items(quote_rows)

    @on(ItemList.Highlighted, "#people-list")
    def person_highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        self.show_person(self._by_key.get(event.item_id or ""))

    @on(ItemList.Selected, "#people-list")
    def person_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        person = self._by_key.get(event.item_id or "")
        if person is not None and person.appearances:
            newest = person.appearances[0]
            self.briefing_app.library_wide.open_item(
                ItemTarget(Path(newest.brief), "participant", newest.participant_id)
            )

    @on(ItemList.Selected, "#person-briefs")
    def brief_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        found = self._briefs.get(event.item_id or "")
        if found is not None:
            self.briefing_app.library_wide.open_item(
                ItemTarget(Path(found[0]), "participant", found[1])
            )

    @on(ItemList.Selected, "#person-quotes")
    def quote_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        quote = self._quotes.get(event.item_id or "")
        if quote is not None:
            self.briefing_app.library_wide.open_item(ItemTarget(quote.path, "quote", quote.item_id))

    @property
    def shown_person(self) -> Person | None:
        """The person on the right, if any."""
        return self._shown
