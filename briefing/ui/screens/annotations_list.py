"""All notes (``N``) or all bookmarks (``B``) across briefs, filterable as you type.

``enter`` dismisses with the anchor of the chosen entry; the app then opens its
brief at that item.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.core.anchors import Anchor
from briefing.core.annotations import KIND_LABELS, Bookmark, Note
from briefing.ui.field_keys import field_binding, field_key_allowed

Entry = Note | Bookmark


def entry_prompt(entry: Entry) -> Content:
    """One note or bookmark as a list row: brief, item, and the note itself."""
    muted = "$text-muted"
    parts: list[str | tuple[str, str]] = [(entry.brief_title, "bold")]
    label = KIND_LABELS[entry.kind]
    if entry.detached:
        label += " (detached: no longer in the brief)"
    parts += [
        "\n",
        (f"{label}: ", "$accent"),
        (entry.item_text.strip().splitlines()[0][:200] if entry.item_text.strip() else "", muted),
    ]
    if isinstance(entry, Note):
        parts += ["\n", entry.body.strip()]
        when = entry.updated
    else:
        when = entry.created
    parts += ["\n", (when.astimezone().strftime("%Y-%m-%d %H:%M"), muted)]
    return Content.assemble(*parts)


def _haystack(entry: Entry) -> str:
    body = entry.body if isinstance(entry, Note) else ""
    return f"{entry.brief_title}\n{entry.item_text}\n{body}".casefold()


class AnnotationsScreen(ModalScreen[Anchor | None]):
    """A filterable list of notes or bookmarks (given newest first)."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="annotations.close"),
        field_binding("slash", "focus_filter", "Filter", id="annotations.filter"),  # ui.field_keys
        Binding("down", "to_list", "List", show=False, id="annotations.to-list"),
    ]

    DEFAULT_CSS = """
    AnnotationsScreen { align: center middle; }
    AnnotationsScreen > Vertical {
        width: 95%; max-width: 120; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AnnotationsScreen #annotations-title { text-style: bold; color: $accent; padding: 0 1; }
    AnnotationsScreen OptionList { height: 1fr; border: none; }
    """

    def __init__(self, title: str, entries: list[Entry]) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="annotations-title", markup=False)
            yield Input(
                placeholder="Filter as you type (words in any order)", id="annotations-filter"
            )
            yield OptionList(markup=False, id="annotations-list")
        yield Footer()

    def on_mount(self) -> None:
        self.fill("")
        self.set_focus(self.query_one(Input))  # at once: see ui.field_keys

    def fill(self, query: str) -> None:
        """Show the entries matching every word of ``query``."""
        words = query.casefold().split()
        options = self.query_one(OptionList)
        options.clear_options()
        shown: list[Option | None] = []
        for index, entry in enumerate(self.entries):
            if all(word in _haystack(entry) for word in words):
                if shown:
                    shown.append(None)
                shown.append(Option(entry_prompt(entry), id=str(index)))
        if not shown:
            empty = (
                "Nothing matches"
                if self.entries
                else f"No {self.title_text.split()[-1].lower()} yet"
            )
            shown.append(Option(Content.styled(empty, "italic $text-muted"), disabled=True))
        options.add_options(shown)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_to_list()

    def action_to_list(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if options.highlighted is None and options.option_count:
            options.highlighted = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` is the field's own while a text field has the focus."""
        return field_key_allowed(self, action, opens={"focus_filter"})

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: see ui.field_keys

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.entries[int(event.option.id)].anchor)

    def action_close(self) -> None:
        self.dismiss(None)
