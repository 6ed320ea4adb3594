"""A virtual list's row is drawn straight from its wrapped lines (issue 15): the strips are
those Textual's ``Padding`` visual draws through ``Visual.to_strips``, segment by segment
and style by style (meta included), and a redraw in another style (the highlight moving)
builds no row's Content again."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.app import App, ComposeResult
from textual.content import Content, Span
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual
from textual.widget import Widget

from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.virtual_rows import row_lines, row_strips
from briefing.ui.widgets.virtual_wrap import wrap_content

from .test_virtual_list import TEXTS, ListApp


def textual_row(
    widget: Widget,
    index: int,
    content: Content,
    wrap_width: int,
    padding: Spacing,
    style: Style,
    rule: RichStyle | None,
    over: RichStyle | None,
) -> list[Strip]:
    """The row as Textual draws it: the wrapped lines in a ``Padding`` visual, ``to_strips``."""
    width = wrap_width + padding.width
    lines = wrap_content(content, wrap_width)
    visual: Visual = Padding(Content("\n").join(lines), padding)
    rendered = Visual.to_strips(widget, visual, width, None, style)
    strips = [
        s.extend_cell_length(width, style.rich_style).apply_meta({"row": index}) for s in rendered
    ]
    strips = strips[: len(lines) + padding.height]
    if over is not None:
        strips = [Strip(Segment.apply_style(strip, post_style=over), width) for strip in strips]
    if rule is not None:
        strips.append(Strip([Segment("─" * width, rule)], width))
    return strips


def segments(strips: list[Strip]) -> list[list[tuple[str, RichStyle | None]]]:
    """Each strip's segments as (text, style); Rich styles compare by meta too."""
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


class One(App[None]):
    def compose(self) -> ComposeResult:
        yield Widget()


STYLED = [
    Content(text, [Span(0, min(4, len(text)), "bold $accent"), Span(2, 6, "italic")])
    for text in TEXTS
]


@pytest.mark.parametrize("padding", [Spacing(0, 1, 0, 1), Spacing(1, 2, 1, 0), Spacing(0, 0, 0, 0)])
@pytest.mark.parametrize("over", [None, RichStyle(color="red", dim=False)])
async def test_a_row_is_drawn_as_textual_s_padding_visual_draws_it(
    padding: Spacing, over: RichStyle | None
) -> None:
    app = One()
    async with app.run_test(size=(40, 10)):
        widget = app.query_one(Widget)
        style = Style.parse("#e0e0e0 on #202030")
        rule = RichStyle(color="grey50")
        for index, content in enumerate([*map(Content, TEXTS), *STYLED, Content("")]):
            for wrap_width in (1, 7, 12, 30):
                for last in (False, True):
                    separator = None if last else rule
                    expected = textual_row(
                        widget, index, content, wrap_width, padding, style, separator, over
                    )
                    lines = row_lines(content, wrap_width)
                    strips, height = row_strips(
                        widget, index, lines, wrap_width, padding, style, separator, over
                    )
                    assert segments(strips) == segments(expected), (content.plain, wrap_width)
                    assert [s.cell_length for s in strips] == [s.cell_length for s in expected]
                    assert height == len(expected) - (0 if last else 1)


async def test_moving_the_highlight_builds_no_row_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row's wrapped lines are kept: drawing it in another style (highlighted, or not any
    more) takes them from there, without its Content built or wrapped again."""
    app = ListApp([(f"i{n}", Content(f"Row {n} " * 9)) for n in range(12)])
    async with app.run_test(size=(40, 40)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        built: Counter[int] = Counter()
        original = ItemList.row_content

        def row_content(self: ItemList, index: int) -> Any:
            built[index] += 1
            return original(self, index)

        monkeypatch.setattr(ItemList, "row_content", row_content)
        await pilot.press("down", "down")
        await pilot.pause()
        assert items.highlighted == 2
        assert built == Counter()
