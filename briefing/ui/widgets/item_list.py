"""A keyboard list of brief items, rendering only the rows on screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

EMPTY_ID = "__empty__"


class ItemList(OptionList):
    """A list of quotes, deadlines, events or figures, each a multi-line row.

    Built on :class:`~textual.widgets.OptionList`, which renders by line, so a
    list of thousands of items costs little more than a short one. An empty
    list shows a sentence ("No quotes in this brief") instead of a blank box.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Move to the next item. |
    | k, up | Move to the previous item. |
    | g, home | Move to the first item. |
    | G, end | Move to the last item. |
    | enter | Open the item (posts ``OptionSelected``). |
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "Top", show=False, id="list.top"),
        Binding("G", "last", "Bottom", show=False, id="list.bottom"),
    ]

    DEFAULT_CSS = """
    ItemList, ItemList:focus {
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        background: transparent;
        background-tint: transparent;
        & > .option-list--option { padding: 0 1; }
    }
    """

    def __init__(
        self,
        empty_text: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(markup=False, name=name, id=id, classes=classes, disabled=disabled)
        self.empty_text = empty_text
        """Shown as the only row when there are no items."""
        self._prompts: dict[str, Content] = {}
        self._marks: dict[str, str] = {}

    def set_items(self, items: Iterable[tuple[str, Content]]) -> None:
        """Replace the rows with ``(item id, prompt)`` pairs, keeping the cursor on the same item if it is still there."""
        current = self.highlighted_id
        options: list[Option | None] = []
        self._prompts = {}
        for item_id, prompt in items:
            if options:
                options.append(None)  # a separator line between multi-line rows
            self._prompts[item_id] = prompt
            options.append(Option(self._decorated(item_id), id=item_id))
        self.clear_options()
        if not options:
            self.add_option(
                Option(
                    Content.styled(self.empty_text, "italic $text-muted"),
                    id=EMPTY_ID,
                    disabled=True,
                )
            )
            return
        self.add_options(options)
        if current is not None and current != EMPTY_ID:
            try:
                self.highlighted = self.get_option_index(current)
                return
            except Exception:  # noqa: BLE001 - OptionDoesNotExist; the item went away
                pass
        self.highlighted = 0

    def _decorated(self, item_id: str) -> Content:
        prompt = self._prompts[item_id]
        mark = self._marks.get(item_id)
        return Content.assemble((f"{mark} ", "bold $warning"), prompt) if mark else prompt

    def set_marks(self, marks: dict[str, str]) -> None:
        """Show ``marks`` (e.g. "✎2 ★") in front of the items they belong to."""
        old, self._marks = self._marks, dict(marks)
        for item_id in set(old) | set(marks):
            if item_id in self._prompts and old.get(item_id) != marks.get(item_id):
                self.replace_option_prompt(item_id, self._decorated(item_id))

    def replace_prompt(self, item_id: str, prompt: Content) -> None:
        """Replace one item's prompt (its mark is kept)."""
        self._prompts[item_id] = prompt
        self.replace_option_prompt(item_id, self._decorated(item_id))

    @property
    def highlighted_id(self) -> str | None:
        """The id of the item under the cursor, if any."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.id == EMPTY_ID else option.id

    def select_id(self, item_id: str) -> bool:
        """Move the cursor to the item with ``item_id``; return whether it exists."""
        try:
            self.highlighted = self.get_option_index(item_id)
        except Exception:  # noqa: BLE001 - OptionDoesNotExist
            return False
        return True
