"""An option list that the mouse uses as every list in briefing: a click highlights, a double
click chooses (Textual's ``OptionList`` chooses on the first click)."""

from __future__ import annotations

from textual import events, on
from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def without_colours(prompt: Content) -> Content:
    """``prompt`` without its colour variables (``$accent``, ``$text-muted``), its other
    styles (bold, italic, the matches' reverse) kept: on the cursor's colour a colour of
    the theme may vanish (yellow on the yellow cursor in high contrast)."""
    spans: list[Span] = []
    for span in prompt.spans:
        style = span.style
        if isinstance(style, str):
            style = " ".join(word for word in style.split() if not word.startswith("$"))
            if not style:
                continue
        spans.append(Span(span.start, span.end, style))
    return Content(prompt.plain, spans)


class ResultList(OptionList):
    """An :class:`~textual.widgets.OptionList` whose options open on ``enter`` or a double click.

    A single click highlights the option under the pointer, as in the library and the
    reader's panes, so a click never leaves the screen by surprise. The highlighted option
    is drawn in the cursor's colours alone (see :func:`without_colours`).
    """

    _uncoloured: tuple[Option, Content] | None = None
    """The highlighted option and its own prompt, given back when the cursor leaves it."""

    async def _on_click(self, event: events.Click) -> None:
        # prevent_default keeps OptionList's own handler (highlight and select) from running.
        event.prevent_default()
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()

    @on(OptionList.OptionHighlighted)
    def _uncolour_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._uncoloured is not None:
            option, prompt = self._uncoloured
            self._uncoloured = None
            for index, shown in enumerate(self.options):
                if shown is option:  # still listed (a new search lists new options)
                    self.replace_option_prompt_at_index(index, prompt)
                    break
        own = event.option.prompt
        if isinstance(own, Content):
            self._uncoloured = (event.option, own)
            self.replace_option_prompt_at_index(event.option_index, without_colours(own))
