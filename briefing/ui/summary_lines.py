"""The summary's blocks drawn as lines of Content, at the width they are shown in.

The blocks (:mod:`briefing.core.markdown_blocks`) are plain data the brief carries,
parsed where it was validated; drawing them needs no Markdown code (issue 15: Rich's
renderer brought markdown-it and Pygments, ~25 ms, onto the reader's UI thread). Their
styles are component classes of the summary's widget (``.summary-view--h1`` ...),
resolved from the theme as each line is drawn; the text itself is never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content, Span
from textual.strip import Strip
from textual.visual import RenderOptions, Visual

from briefing.ui.widgets.virtual_rows import line_segments

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.style import Style

    from briefing.core.markdown_blocks import Block, Inline

Highlighter = Callable[[str], list[tuple[int, int]]]
"""Where a search's words are in a text (start and end offsets)."""

MATCH = "reverse"
"""A match, in reverse video as in the other panes."""
CURRENT_MATCH = "reverse bold underline"
"""The match ``n`` or ``N`` went to."""

BULLETS = ("•", "◦", "▪")
"""A bullet list's mark at each depth of lists."""
QUOTE = "▌ "
QUOTED = ".summary-view--quote"
MIN_TEXT = 12
"""The fewest cells left for the text: a frame deeper than leaves this is cut from the left."""

_MARK_STYLES = {"b": "bold", "i": "italic", "s": "strike"}
_MARK_CLASSES = {
    "c": ".summary-view--code",
    "l": ".summary-view--link",
    "u": ".summary-view--address",
}


def as_is(lines: list[Content], width: int, options: RenderOptions) -> bool:
    """Whether Content would draw ``lines`` joined exactly as they are: each fits ``width``
    without tabs or newlines, aligned left, with no selection or style laid over them."""
    get_rule = options.rules.get
    if options.selection is not None or options.post_style is not None:
        return False
    if get_rule("text_align", "left") not in ("left", "start") or get_rule("line_pad", 0):
        return False
    return all(
        line.cell_length <= width and "\t" not in line.plain and "\n" not in line.plain
        for line in lines
    )


def inline_content(runs: list[Inline]) -> Content:
    """Runs of text with their marks as one Content (the text taken as it is)."""
    text: list[str] = []
    spans: list[Span] = []
    position = 0
    for words, marks in runs:
        end = position + len(words)
        if plain := " ".join(_MARK_STYLES[m] for m in marks if m in _MARK_STYLES):
            spans.append(Span(position, end, plain))
        spans.extend(Span(position, end, _MARK_CLASSES[m]) for m in marks if m in _MARK_CLASSES)
        text.append(words)
        position = end
    return Content("".join(text), spans)


def _frame(frame: list[str]) -> tuple[Content, Content]:
    """The prefixes of a block's first line and of the lines after it."""
    first: list[tuple[str, str]] = []
    rest: list[tuple[str, str]] = []
    depth = 0
    for marker in frame:
        if marker == ">":
            first.append((QUOTE, QUOTED))
            rest.append((QUOTE, QUOTED))
            continue
        if marker == "-":
            first.append((BULLETS[depth % len(BULLETS)] + " ", ".summary-view--bullet"))
        else:
            first.append((marker + " ", ".summary-view--number"))
        # Styled as the mark though blank: the indentation stays a segment of its own,
        # apart from the words (a screenshot's SVG lost it when they were one).
        rest.append((" " * (len(marker) + 1), ".summary-view--bullet"))
        depth += 1
    return Content.assemble(*first), Content.assemble(*rest)


def _quotes(frame: list[str]) -> int:
    """How many quotes hold a block, outermost first, before any list."""
    count = 0
    while count < len(frame) and frame[count] == ">":
        count += 1
    return count


def _fit(prefix: Content, width: int) -> Content:
    """``prefix``, cut from the left so that ``MIN_TEXT`` cells remain (or half the width)."""
    room = max(0, width - max(MIN_TEXT, width // 2)) if width > MIN_TEXT else width // 2
    if prefix.cell_length <= room:
        return prefix
    return prefix[len(prefix) - room :] if room else Content("")


def block_lines(block: Block, width: int) -> list[Content]:
    """``block`` wrapped to ``width`` cells, each line after its frame's prefix."""
    first, rest = _frame(block["frame"])
    first, rest = _fit(first, width), _fit(rest, width)
    room = max(1, width - max(first.cell_length, rest.cell_length))
    kind = block["kind"]
    if kind == "rule":
        body = [Content.styled("─" * room, ".summary-view--rule")]
    elif kind == "table":
        body = table_lines(block.get("rows", []), room)
    else:
        body = _text_lines(block, room)
    return [(first if n == 0 else rest) + line for n, line in enumerate(body)]


def _text_lines(block: Block, room: int) -> list[Content]:
    """A heading, a paragraph or a code block wrapped to ``room`` cells."""
    content = inline_content(block["spans"])
    kind = block["kind"]
    if kind == "code":
        # On its own background across the pane, one cell of it on each side.
        lines = content.wrap(max(1, room - 2)) or [Content("")]
        return [
            line.pad(1, max(0, room - 1 - line.cell_length)).stylize(".summary-view--code-block")
            for line in lines
        ]
    if kind != "heading":
        return content.wrap(room) or [Content("")]
    level = block.get("level", 1)
    style = f".summary-view--h{level}"
    lines = content.stylize(style).wrap(room) or [Content("")]
    if level == 1:
        # The top heading stands out as Rich drew it (in a box): a heavy line under it.
        width = max(line.cell_length for line in lines)
        lines.append(Content.styled("━" * width, style))
    return lines


def table_lines(rows: list[list[list[Inline]]], width: int) -> list[Content]:
    """A table's rows as lines: cells wrapped in their columns, a rule under the header."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    cells = [
        [inline_content(row[n]) if n < len(row) else Content("") for n in range(columns)]
        for row in rows
    ]
    widths = _column_widths(cells, width - 3 * (columns - 1))
    lines: list[Content] = []
    separator = Content.styled(" │ ", ".summary-view--table-rule")
    for number, row in enumerate(cells):
        wrapped = [cell.wrap(w) or [Content("")] for cell, w in zip(row, widths, strict=True)]
        for y in range(max(len(cell) for cell in wrapped)):
            parts = [
                (cell[y] if y < len(cell) else Content("")).pad_right(
                    w - (cell[y].cell_length if y < len(cell) else 0)
                )
                for cell, w in zip(wrapped, widths, strict=True)
            ]
            line = separator.join(parts)
            lines.append(line.stylize(".summary-view--table-header") if number == 0 else line)
        if number == 0:
            rule = "─┼─".join("─" * w for w in widths)
            lines.append(Content.styled(rule, ".summary-view--table-rule"))
    return lines


def _column_widths(cells: list[list[Content]], room: int) -> list[int]:
    """Each column's width: its widest cell, the widest columns narrowed to fit ``room``."""
    widths = [max(row[n].cell_length for row in cells) for n in range(len(cells[0]))]
    room = max(room, 3 * len(widths))
    while sum(widths) > room:
        widest = max(range(len(widths)), key=widths.__getitem__)
        widths[widest] -= max(1, (sum(widths) - room) // len(widths))
    return [max(3, w) for w in widths]


class SummaryLines(Visual):
    """The summary's blocks as a Textual Visual, laid out again for each width.

    With a highlighter, each drawn line is searched, so a match is found in what the
    reader sees (the marks gone) and its line is known for scrolling; ``places`` holds
    (line, text) of each, in reading order, as last drawn.
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.highlighter: Highlighter | None = None
        self.current = -1
        self.places: list[tuple[int, str]] = []
        self._laid_out: tuple[int, list[Content]] = (-1, [])
        self._named: tuple[int, list[str]] = (-1, [])
        self._drawn: tuple[tuple[object, ...], list[Strip]] | None = None
        """The strips drawn last and what they were drawn with (see :meth:`render_strips`)."""

    def lines(self, width: int) -> list[Content]:
        """The lines at ``width`` (laid out once per width)."""
        if self._laid_out[0] != width:
            lines: list[Content] = []
            quoted = 0
            for block in self.blocks:
                if block["gap"] and lines:
                    # Inside a quote the gap keeps the quote's bar, as Rich drew it.
                    shared = min(quoted, _quotes(block["frame"]))
                    lines.append(_fit(Content.styled(QUOTE * shared, QUOTED), width))
                lines.extend(block_lines(block, width))
                quoted = _quotes(block["frame"])
            self._laid_out = (width, lines)
        return self._laid_out[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self.lines(width)
        if self.highlighter is not None:
            lines = self._highlighted(lines, self.highlighter)
        if not as_is(lines, width, options):
            return Content("\n").join(lines).render_strips(width, height, style, options)
        # The pane's title changing colour as the focus enters or leaves it makes Textual
        # draw the summary again, in the same style: drawn with the same style, and the
        # same styles for the names its lines use (the theme's), the strips are the same.
        get_style = options.get_style
        named = tuple(get_style(name) for name in self._names(width))
        key = (width, height, style, named, self.highlighter is None)
        if self.highlighter is None and self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        # Laid out at this width already: each line drawn as it is, as Content would draw
        # it, without joining them for Content to split and wrap again (issue 15).
        shown = lines if height is None else lines[:height]
        strips = [
            Strip(line_segments(line, y, style, get_style), line.cell_length)
            for y, line in enumerate(shown)
        ]
        self._drawn = (key, strips)
        return strips

    def _names(self, width: int) -> list[str]:
        """The style names (component classes) the lines at ``width`` use."""
        if self._named[0] != width:
            names = {
                span.style
                for line in self.lines(width)
                for span in line.spans
                if isinstance(span.style, str)
            }
            self._named = (width, sorted(names))
        return self._named[1]

    def _highlighted(self, lines: list[Content], highlighter: Highlighter) -> list[Content]:
        places: list[tuple[int, str]] = []
        drawn: list[Content] = []
        for y, line in enumerate(lines):
            text = line.plain
            for start, end in highlighter(text):
                style = CURRENT_MATCH if len(places) == self.current else MATCH
                places.append((y, text[start:end]))
                line = line.stylize(style, start, end)
            drawn.append(line)
        self.places = places
        return drawn

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))
