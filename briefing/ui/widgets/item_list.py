"""A keyboard list of brief items, drawing only the rows on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content

from briefing.ui.widgets.virtual_list import VirtualList


class LazyPrompt(Protocol):
    """A row whose Content is built only when it is drawn (see ``briefing.ui.render.Prompt``)."""

    @property
    def plain(self) -> str:
        """The row's text: what its height is measured from; ``build().plain`` must equal it."""
        ...

    def build(self) -> Content:
        """The row's text with its styles."""
        ...


PromptLike = Content | LazyPrompt
"""A row's prompt: ready Content, or a :class:`LazyPrompt` that builds it when drawn."""


class Rows(Protocol):
    """The prompts of a list by index, which may be made only when asked for (a list will do)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int) -> PromptLike: ...


class _Picked:
    """The rows ``kept`` (indexes) of ``rows``: a filtered list, made only when asked for."""

    __slots__ = ("kept", "rows")

    def __init__(self, rows: Rows, kept: list[int]) -> None:
        self.rows, self.kept = rows, kept

    def __len__(self) -> int:
        return len(self.kept)

    def __getitem__(self, index: int) -> PromptLike:
        return self.rows[self.kept[index]]


BUILT_ROWS = 256
"""Rows of a lazy :class:`Rows` kept once made: a few screenfuls, never a whole long list."""

MARK_STYLE = "bold $warning"

MATCH_STYLE = "reverse $accent"
"""How the words of a search are shown in a row."""

Highlighter = Callable[[str], list[tuple[int, int]]]
"""Given a row's plain text, the spans (start, end) to show as matches."""


class ItemList(VirtualList):
    """A list of quotes, deadlines, events or figures, each a multi-line row.

    Built on :class:`~briefing.ui.widgets.virtual_list.VirtualList`, which
    measures rows from their plain text and draws only those on screen, so
    20,000 quotes cost little more than 20; prompts may be :class:`LazyPrompt`
    so that their Content is only built for the rows drawn, and :meth:`set_rows`
    takes rows that are made only when measured or drawn (a few hundred of them
    kept). An empty list shows a sentence ("No quotes in this brief") that cannot
    be highlighted.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Move to the next item (from the last to the first). |
    | k, up | Move to the previous item (from the first to the last). |
    | g, home | Move to the first item. |
    | G, end | Move to the last item. |
    | pagedown, pageup | Move a page down or up. |
    | enter | Open the item (posts :class:`ItemList.Selected`). |
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
        & > .virtual-list--row { padding: 0 1; }
    }
    """

    class Highlighted(VirtualList.Highlighted):
        """The cursor moved to an item; handled by ``on_item_list_highlighted``."""

        @property
        def item_list(self) -> ItemList:
            """The list that sent the message."""
            assert isinstance(self.virtual_list, ItemList)
            return self.virtual_list

        @property
        def item_id(self) -> str | None:
            """The id of the item."""
            return self.row_id

    class Selected(VirtualList.Selected):
        """An item was opened (``enter`` or a double click); handled by ``on_item_list_selected``."""

        @property
        def item_list(self) -> ItemList:
            """The list that sent the message."""
            assert isinstance(self.virtual_list, ItemList)
            return self.virtual_list

        @property
        def item_id(self) -> str | None:
            """The id of the item."""
            return self.row_id

    def __init__(
        self,
        empty_text: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.empty_text = empty_text
        """Shown as the only row when there are no items."""
        self._ids: Sequence[str] = []
        self._positions: dict[str, int] | None = {}
        """Each item's index by its id, made when first needed (None until then)."""
        self._prompts: Rows = []
        self._built: LRUCache[int, PromptLike] = LRUCache(maxsize=BUILT_ROWS)
        """The rows of a lazy :attr:`_prompts` made lately, by index."""
        self._marks: dict[str, str] = {}
        self._highlighter: Highlighter | None = None
        self._unfiltered: tuple[Sequence[str], Rows] | None = None

    # Rows ----------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """The items, or the one row of the empty text."""
        return len(self._ids) or 1

    def row_text(self, index: int) -> str:
        if not self._ids:
            return self.empty_text
        mark = self._marks.get(self._ids[index])
        text = self.prompt_plain(index)
        return f"{mark} {text}" if mark else text

    def row_content(self, index: int) -> Content:
        if not self._ids:
            return Content.styled(self.empty_text, "italic $text-muted")
        # By index: the id index holds every id (a known brief's quotes built whole).
        return self._row_prompt(index, self._ids[index])

    def row_disabled(self, index: int) -> bool:
        return not self._ids

    def row_id(self, index: int) -> str | None:
        return self._ids[index] if self._ids else None

    def prompt_plain(self, index: int) -> str:
        """The plain text of item ``index``'s prompt (no mark)."""
        return self._prompt_at(index).plain

    def prompt_content(self, index: int) -> Content:
        """Item ``index``'s prompt as Content (no mark), built now if it is lazy."""
        prompt = self._prompt_at(index)
        return prompt if isinstance(prompt, Content) else prompt.build()

    def _prompt_at(self, index: int) -> PromptLike:
        prompts = self._prompts
        if isinstance(prompts, list):
            made: PromptLike = prompts[index]  # a list of rows made up front
            return made
        prompt = self._built.get(index)
        if prompt is None:
            prompt = prompts[index]
            self._built.set(index, prompt)
        return prompt

    # The items -----------------------------------------------------------------

    @property
    def _index(self) -> dict[str, int]:
        """Each item's index by its id (made on first use: 20,000 ids take a megabyte)."""
        if self._positions is None:
            self._positions = {item_id: index for index, item_id in enumerate(self._ids)}
        return self._positions

    @property
    def item_ids(self) -> Sequence[str]:
        """The ids of the items, in order."""
        return tuple(self._ids)

    def prompt(self, item_id: str) -> Content:
        """The row of ``item_id`` as drawn, mark included; ``KeyError`` if there is none."""
        return self._row_prompt(self._index[item_id], item_id)

    def _row_prompt(self, index: int, item_id: str) -> Content:
        prompt = self.prompt_content(index)
        if self._highlighter is not None:
            for start, end in self._highlighter(prompt.plain):
                prompt = prompt.stylize(MATCH_STYLE, start, end)
        mark = self._marks.get(item_id)
        return Content.assemble((f"{mark} ", MARK_STYLE), prompt) if mark else prompt

    def set_items(self, items: Iterable[tuple[str, PromptLike]]) -> None:
        """Replace the rows with ``(item id, prompt)`` pairs, keeping the cursor on the same item if it is still there.

        A prompt is Content, or a :class:`LazyPrompt` whose Content is built
        only if the row is drawn.
        """
        ids: list[str] = []
        prompts: list[PromptLike] = []
        for item_id, prompt in items:
            ids.append(item_id)
            prompts.append(prompt)
        self.set_rows(ids, prompts)

    def set_rows(self, ids: Sequence[str], rows: Rows) -> None:
        """Replace the rows with items ``ids`` whose prompts are ``rows`` (one an id),
        keeping the cursor on the same item if it is still there.

        ``rows`` may make a prompt only when asked for it: the list asks for the rows it
        measures or draws, and keeps the last :data:`BUILT_ROWS` it was given.
        """
        current = self.highlighted_id
        self._ids, self._prompts = ids, rows
        self._built.clear()
        self._unfiltered = None
        self._positions = None
        self.highlighted = None
        self.scroll_to(y=0, animate=False, immediate=True)
        self.rows_changed()
        if not self._ids:
            return
        self.highlighted = self._index.get(current, 0) if current is not None else 0

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Show the spans ``highlighter`` finds in each row as matches (None: no more)."""
        self._highlighter = highlighter
        self.redraw()  # the same text in other styles: no row is measured again

    def keep_only(self, item_ids: set[str] | None) -> None:
        """Show only the items in ``item_ids``, in their order; None shows every item again."""
        current = self.highlighted_id
        if self._unfiltered is None:
            if item_ids is None:
                return
            self._unfiltered = (self._ids, self._prompts)
        ids, prompts = self._unfiltered
        if item_ids is None:
            self._ids, self._prompts = ids, prompts
            self._unfiltered = None
        else:
            kept = [n for n, item_id in enumerate(ids) if item_id in item_ids]
            self._ids = [ids[n] for n in kept]
            self._prompts = _Picked(prompts, kept)
        self._built.clear()
        self._positions = None
        self.highlighted = None
        self.rows_changed()
        if self._ids:
            self.highlighted = self._index.get(current, 0) if current is not None else 0

    def set_marks(self, marks: dict[str, str]) -> None:
        """Show ``marks`` (e.g. "✎2 ★") in front of the items they belong to."""
        old, self._marks = self._marks, dict(marks)
        changed = [
            self._index[item_id]
            for item_id in set(old) | set(marks)
            if item_id in self._index and old.get(item_id) != marks.get(item_id)
        ]
        if changed:
            self.rows_changed(changed)

    def replace_prompt(self, item_id: str, prompt: PromptLike) -> None:
        """Replace one item's prompt (its mark is kept)."""
        index = self._index[item_id]
        if not isinstance(self._prompts, list):
            self._prompts = [self._prompt_at(n) for n in range(len(self._prompts))]
        self._prompts[index] = prompt
        self.rows_changed([index])

    @property
    def highlighted_id(self) -> str | None:
        """The id of the item under the cursor, if any."""
        if self.highlighted is None or not self._ids:
            return None
        return self._ids[self.highlighted]

    def select_id(self, item_id: str) -> bool:
        """Move the cursor to the item with ``item_id``; return whether it exists."""
        index = self._index.get(item_id)
        if index is None:
            return False
        self.highlighted = index
        return True
