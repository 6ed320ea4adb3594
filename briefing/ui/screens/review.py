"""Review a draft brief: the article on one side, the drafted items on the other.

``briefing import`` writes a draft whose items each say where in the article they
were read (see :mod:`briefing.core.provenance`). This screen shows the article with
those spans highlighted beside the list of items, the uncertain ones marked with
their reason, and lets the user correct the draft key by key. The corrections are
plain functions of the draft's data (:mod:`briefing.core.review`); saving goes
through :mod:`briefing.storage.review_file`, which writes atomically, checks the
result as a brief, and never overwrites a file changed on disk without asking.

At 120 columns and more both sides show; narrower, one side at a time (``tab``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.core import review
from briefing.core.errors import BriefError
from briefing.core.review import EDITABLE, ReviewError, ReviewItem
from briefing.core.safetext import display_path, short_path
from briefing.storage.review_file import ChangedOnDisk, DraftFile, open_draft, save_draft
from briefing.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.screens.text_prompt import TextPromptScreen
from briefing.ui.widgets.article_view import ArticleView, Span
from briefing.ui.widgets.key_bar import KeyBar
from briefing.ui.widgets.review_items import ReviewItems, detail, prompt, short

WIDE_COLUMNS = 120
"""From this width the article and the items show side by side."""
_NEW = "+new"


class ReviewScreen(Screen[None]):
    """The review of one draft file.

    | Key | Description |
    | :- | :- |
    | tab | Switch between the article and the items. |
    | enter | On a span: go to its item; on an item: go to its span. |
    | a | Accept the item (its draft mark is dropped when saved). |
    | x | Reject the item (removed on saving); again: take the rejection back. |
    | s | Change a quote's speaker (a participant, or a new one). |
    | t | Turn a deadline into a timeline event, or back. |
    | m | Merge another participant into this one. |
    | e | Edit a field of the item. |
    | ctrl+s | Save. |
    | escape | Close the review (unsaved corrections: save, discard or keep reviewing). |
    """

    # The footer drops keys from the end of this list when it is narrow: most used first.
    BINDINGS = [
        Binding("tab", "switch", "Article/items", id="review.switch", priority=True),
        Binding("a", "accept", "Accept", id="review.accept"),
        Binding("x", "reject", "Reject", id="review.reject"),
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("ctrl+s", "save", "Save", id="review.save"),
        Binding("escape", "close", "Close", id="review.close"),
        Binding("s", "speaker", "Speaker", id="review.speaker"),
        Binding("t", "toggle_kind", "Deadline/event", id="review.toggle"),
        Binding("m", "merge", "Merge", id="review.merge"),
    ]

    DEFAULT_CSS = """
    ReviewScreen #review-title { height: 1; background: $panel; text-style: bold; padding: 0 1; }
    ReviewScreen #review-body { height: 1fr; }
    ReviewScreen ArticleView { width: 1fr; border-right: vkey $border-blurred; }
    ReviewScreen #review-side { width: 1fr; }
    ReviewScreen #review-items { height: 1fr; border: none; }
    ReviewScreen #review-detail { height: auto; max-height: 8; padding: 0 1; background: $panel; }
    ReviewScreen.-narrow.-on-items ArticleView { display: none; }
    ReviewScreen.-narrow.-on-article #review-side { display: none; }
    """

    def __init__(self, path: Path, on_saved: Callable[[Path], None] | None = None) -> None:
        super().__init__()
        self.path = path
        self.on_saved = on_saved
        """Told of each save (the reader that opened the review: its reload knows it is ours)."""
        self.draft: DraftFile | None = None
        self.items: list[ReviewItem] = []
        self.dirty = False
        """True while there are corrections not saved yet."""
        self.rejected: set[int] = set()
        """``id()`` of the items rejected: marked until saved (``x`` again takes it back)."""
        self.edited: set[int] = set()
        """``id()`` of the items the user corrected (edited, speaker, kind, merged into)."""
        self.set_class(True, "-on-items")

    # Building ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        try:
            self.draft = open_draft(self.path)
        except BriefError as error:
            self.draft = None
            self.notify(error.summary(), title="Cannot review", severity="error", markup=False)
        yield Static(Content(f"Review: {short_path(str(self.path))}"), id="review-title")
        with Horizontal(id="review-body"):
            yield ArticleView(review.article_of(self.draft.data) if self.draft else "")
            with Vertical(id="review-side"):
                yield ReviewItems(id="review-items", markup=False)
                yield Static(id="review-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refill()
        self.query_one("#review-items", OptionList).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < WIDE_COLUMNS, "-narrow")

    def refill(self, select: int = 0) -> None:
        """List the items again after a change, with the cursor on item ``select``."""
        data = self.draft.data if self.draft else {}
        self.items = review.items_of(data)
        names = dict(review.participant_ids(data))
        options = self.query_one("#review-items", OptionList)
        options.clear_options()
        options.add_options(
            Option(prompt(item, data, names, self._state(item)), id=str(n))
            for n, item in enumerate(self.items)
        )
        if self.items:
            options.highlighted = max(0, min(select, len(self.items) - 1))
        spans = [
            Span(item.span[0], item.span[1], n, item.uncertain)
            for n, item in enumerate(self.items)
            if item.span is not None
        ]
        self.query_one(ArticleView).set_spans(spans)
        self._describe()

    def _raw(self, item: ReviewItem) -> Any:
        """The item's table in the draft's data."""
        assert self.draft is not None
        return self.draft.data[item.section][item.index]

    def _state(self, item: ReviewItem) -> str:
        """``rejected``, ``edited`` or "" (as the importer drafted it, or accepted)."""
        key = id(self._raw(item))
        return "rejected" if key in self.rejected else ("edited" if key in self.edited else "")

    # Moving between the sides ----------------------------------------------

    def _show_side(self, side: str) -> None:
        self.set_class(side == "items", "-on-items")
        self.set_class(side == "article", "-on-article")
        target = self.query_one("#review-items") if side == "items" else self.query_one(ArticleView)
        target.focus()

    def action_switch(self) -> None:
        self._show_side("article" if self.has_class("-on-items") else "items")

    @on(ArticleView.Chosen)
    def _to_item(self, message: ArticleView.Chosen) -> None:
        self.query_one("#review-items", OptionList).highlighted = message.item
        self._show_side("items")

    @on(OptionList.OptionSelected, "#review-items")
    def _to_span(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.query_one(ArticleView).show_item(event.option_index):
            self._show_side("article")
        else:
            self.notify("This item has no place in the article.", markup=False)

    @on(OptionList.OptionHighlighted, "#review-items")
    def _highlighted(self) -> None:
        self._describe()

    def _describe(self) -> None:
        item = self.current
        shown = self.query_one("#review-detail", Static)
        if item is None or self.draft is None:
            shown.update(Text("No items in this draft."))
            return
        shown.update(detail(item, self.draft.data))

    @property
    def current(self) -> ReviewItem | None:
        """The item under the cursor of the list."""
        index = self.query_one("#review-items", OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    # Corrections ------------------------------------------------------------

    def _change(
        self,
        change: Callable[[dict[str, Any]], Any],
        select: int | None = None,
        edits: ReviewItem | None = None,
    ) -> None:
        """Apply ``change`` to the draft's data; say why when it cannot be made.

        ``edits``: the item corrected, marked as such in the list.
        """
        if self.draft is None:
            return
        try:
            change(self.draft.data)
        except ReviewError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if edits is not None:
            self.edited.add(id(self._raw(edits)))
        self.dirty = True
        here = self.query_one("#review-items", OptionList).highlighted or 0
        self.refill(here if select is None else select)

    def _find(self, section: str, index: int) -> int:
        for number, item in enumerate(self.items):
            if (item.section, item.index) == (section, index):
                return number
        return 0

    def action_accept(self) -> None:
        item = self.current
        if item is not None:
            self._change(lambda data: review.accept(data, item.section, item.index))
            options = self.query_one("#review-items", OptionList)
            options.highlighted = min((options.highlighted or 0) + 1, len(self.items) - 1)

    def action_reject(self) -> None:
        item = self.current
        if item is not None:
            self.rejected ^= {id(self._raw(item))}
            self._change(lambda data: None)

    def action_toggle_kind(self) -> None:
        item = self.current
        if item is None:
            return
        moved: list[tuple[str, int]] = []
        self._change(lambda data: moved.append(review.toggle_kind(data, item.section, item.index)))
        if moved:
            section, index = moved[0]
            assert self.draft is not None
            self.edited.add(id(self.draft.data[section][index]))
            self.refill(self._find(*moved[0]))

    def action_speaker(self) -> None:
        item = self.current
        if item is None or self.draft is None or item.section != "quotes":
            self.notify("Put the cursor on a quote to change its speaker.", markup=False)
            return
        choices = [
            (ident, Content(name)) for ident, name in review.participant_ids(self.draft.data)
        ]
        choices.append((_NEW, Content("+ Add a participant…")))
        current = self.draft.data["quotes"][item.index].get("speaker")
        self.app.push_screen(
            PickerScreen("Who said it?", choices, current=current),
            lambda picked: self._speaker_picked(item, picked),
        )

    def _speaker_picked(self, item: ReviewItem, picked: str | None) -> None:
        if picked == _NEW:

            def add(name: str | None) -> None:
                if name:
                    self._change(
                        lambda d: review.set_speaker(
                            d, item.index, review.add_participant(d, name)
                        ),
                        edits=item,
                    )

            self.app.push_screen(TextPromptScreen("Name of the new participant"), add)
        elif picked is not None:
            self._change(lambda d: review.set_speaker(d, item.index, picked), edits=item)

    def action_merge(self) -> None:
        item = self.current
        if item is None or self.draft is None or item.section != "participants":
            self.notify("Put the cursor on a participant to merge another into it.", markup=False)
            return
        others = [
            (str(n), Content(name))
            for n, (_, name) in enumerate(review.participant_ids(self.draft.data))
            if n != item.index
        ]
        if not others:
            self.notify("There is no other participant to merge.", markup=False)
            return
        self.app.push_screen(
            PickerScreen(f"Merge into {item.label}: the same person as…", others),
            lambda picked: self._merge_picked(item, picked),
        )

    def _merge_picked(self, item: ReviewItem, picked: str | None) -> None:
        if picked is not None:
            gone = int(picked)
            kept = ReviewItem(item.section, item.index - (gone < item.index), "", None, None)
            self._change(lambda d: review.merge(d, item.index, gone), edits=kept)

    def action_edit(self) -> None:
        item = self.current
        if item is None or self.draft is None:
            return
        fields = self.draft.data[item.section][item.index]
        choices = [
            (key, Content(f"{key}: {short(str(fields.get(key, '')))}"))
            for key in EDITABLE[item.section]
        ]
        self.app.push_screen(
            PickerScreen("Edit which field?", choices),
            lambda key: None if key is None else self._edit_field(item, key),
        )

    def _edit_field(self, item: ReviewItem, key: str) -> None:
        assert self.draft is not None
        value = str(self.draft.data[item.section][item.index].get(key, ""))
        self.app.push_screen(
            TextPromptScreen(f"{key} (empty to remove)", value),
            lambda text: self._edited(item, key, text),
        )

    def _edited(self, item: ReviewItem, key: str, text: str | None) -> None:
        if text is not None:
            self._change(lambda d: review.edit(d, item.section, item.index, key, text), edits=item)

    # Saving and leaving -----------------------------------------------------

    def action_save(self, overwrite: bool = False, then: Callable[[], Any] | None = None) -> None:
        """Save the reviewed draft (the rejected items removed); ``then``: called once saved."""
        if self.draft is None:
            return
        # A copy: the rejected items go from what is written, and stay on screen if it fails.
        copies: dict[int, Any] = {}
        data = copy.deepcopy(self.draft.data, copies)
        review.reject_marked(data, {id(copies[key]) for key in self.rejected if key in copies})
        saved = DraftFile(self.path, data, self.draft.kind, self.draft.digest)
        try:
            save_draft(saved, overwrite=overwrite)
        except ChangedOnDisk:
            question = (
                f"{display_path(self.path)} changed on disk since the review opened it. "
                "Overwrite it with the reviewed draft?"
            )
            self.app.push_screen(
                ConfirmScreen(question, yes="Overwrite", no="Keep the file"),
                lambda yes: self.action_save(overwrite=True, then=then) if yes else None,
            )
            return
        except (BriefError, OSError) as error:
            summary = error.summary() if isinstance(error, BriefError) else str(error)
            self.notify(summary, title="Not saved", severity="error", markup=False)
            return
        self.draft, self.rejected, self.dirty = saved, set(), False
        self.edited = {id(copies[key]) for key in self.edited if key in copies}
        if self.on_saved is not None:
            self.on_saved(self.path)
        self.refill(self.query_one("#review-items", OptionList).highlighted or 0)
        self.notify(f"Saved {display_path(self.path)}", markup=False)
        if then is not None:
            then()

    def action_close(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        choices = [
            ("s", "Save", "save"),
            ("d", "Discard", "discard"),
            ("k", "Keep reviewing", "keep"),
        ]
        self.app.push_screen(
            ChoiceScreen("The corrections are not saved yet.", choices, cancel="keep"),
            self._close_answered,
        )

    def _close_answered(self, answer: str | None) -> None:
        if answer == "save":
            self.action_save(then=lambda: self.dismiss(None))
        elif answer == "discard":
            self.dismiss(None)
