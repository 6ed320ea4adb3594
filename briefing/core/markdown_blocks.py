"""A brief's Markdown summary read once into plain blocks, which the reader draws.

Reading Markdown needs markdown-it (~18 ms to import) and drawing it with Rich's
renderer brings Pygments too (~6 ms more): that was on the way to a brief's content in
the reader. So the summary is parsed where the brief is validated (a worker thread or
process), into a list of :class:`Block` made of plain JSON data, kept with the brief's
validated content in the library index (:mod:`briefing.core.normalized`); a brief the
index knows comes back with its blocks, and the reader draws them without any Markdown
code (:mod:`briefing.ui.widgets.summary_view`).

The blocks hold text only, never markup: brief text is untrusted. Links and images are
their words followed by their address (nothing to click), raw HTML is text, and every
piece of text is cleaned of control characters and escape sequences
(:func:`briefing.core.safetext.clean_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict

from markdown_it import MarkdownIt

from briefing.core.safetext import clean_line, clean_text

if TYPE_CHECKING:
    from markdown_it.token import Token

    from briefing.core.models import Brief

Kind = Literal["heading", "paragraph", "code", "rule", "table"]

Inline = list[str]
"""A run of text and its marks, ``[text, marks]``; the marks are letters: ``b`` bold,
``i`` italic, ``s`` struck through, ``c`` code, ``l`` a link's words, ``u`` an address."""

Cell = list[Inline]
"""A table cell: its runs of text."""


class Block(TypedDict):
    """One block of the summary, in reading order."""

    kind: Kind
    spans: list[Inline]
    """Its text (a code block's lines joined by newlines; none for a rule or a table)."""
    frame: list[str]
    """What holds it, outermost first: ``>`` a quote; ``-`` or ``3.`` the marker of the list
    item this block begins; spaces (the marker's width) in an item it does not begin."""
    gap: bool
    """True when a blank line goes before it (False between the items of a tight list)."""
    level: NotRequired[int]
    """A heading's level, 1 to 6."""
    rows: NotRequired[list[list[Cell]]]
    """A table's rows of cells, its header row first."""


MAX_DEPTH = 8
"""The deepest frame kept: deeper quotes and lists are drawn at this depth (a hostile
summary could nest thousands deep; no terminal has room for the indentation)."""

_NESTING = 64
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": _NESTING}).enable(
    ["table", "strikethrough"]
)
"""CommonMark with tables and strike-through, as Rich read it; HTML is shown as text.
Deeper than ``maxNesting`` markdown-it stops reading (the rest would be lost): text that
nests so deep is shown as plain paragraphs instead (:func:`_plain`)."""

_MARKS = {"strong": "b", "em": "i", "s": "s", "link": "l"}


def parse(text: str) -> list[Block]:
    """Read the Markdown ``text`` into blocks."""
    tokens = _PARSER.parse(text)
    if any(token.level >= _NESTING - 2 for token in tokens):
        return _plain(text)
    return _Reader().read(tokens)


def _plain(text: str) -> list[Block]:
    """``text`` as paragraphs of plain text, one per run of lines between blank lines."""
    paragraphs = [" ".join(part.split()) for part in clean_text(text).split("\n\n")]
    return [
        {"kind": "paragraph", "spans": [[words, ""]], "frame": [], "gap": n > 0}
        for n, words in enumerate(p for p in paragraphs if p)
    ]


def summary_blocks(brief: Brief) -> list[Block]:
    """``brief``'s summary as blocks: those it carries, else parsed now and kept on it."""
    blocks = brief.summary_blocks
    if blocks is None:
        blocks = parse(brief.summary)
        brief.keep_summary_blocks(blocks)
    return blocks


def plain_text(blocks: list[Block]) -> str:
    """The words of ``blocks``, one block a line after its markers (a table's cells side
    by side)."""
    lines: list[str] = []
    for block in blocks:
        runs = [[f"{marker} ", ""] for marker in block["frame"] if marker.strip()]
        runs += block["spans"]
        for row in block.get("rows", []):
            runs += [[" ", ""]] + [run for cell in row for run in [*cell, [" ", ""]]]
        lines.append("".join(run[0] for run in runs))
    return "\n".join(lines)


class _Container:
    """A quote or a list item around the blocks being read."""

    __slots__ = ("marker", "begun", "tight", "list_id")

    def __init__(self, marker: str, *, tight: bool = False, list_id: int = -1) -> None:
        self.marker = marker
        self.begun = False
        self.tight = tight
        self.list_id = list_id


class _Reader:
    """Turns markdown-it's tokens into blocks, keeping track of what holds them."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[_Container] = []
        self.lists: list[tuple[int, int, bool]] = []  # (id, next number, ordered)
        self.last_lists: set[int] = set()
        self.new_list = 0
        self.rows: list[list[Cell]] | None = None

    def read(self, tokens: list[Token]) -> list[Block]:
        inline_kind: tuple[Kind, int, bool] | None = None
        for token in tokens:
            kind = token.type
            if kind == "inline":
                if self.rows is not None:
                    self.rows[-1].append(_inline(token))
                elif inline_kind is not None:
                    self.add(*inline_kind, _inline(token))
                inline_kind = None
            elif kind == "heading_open":
                inline_kind = ("heading", int(token.tag[1:]), False)
            elif kind == "paragraph_open":
                inline_kind = ("paragraph", 0, token.hidden)
            elif kind in ("fence", "code_block"):
                self.add("code", 0, False, [[clean_text(token.content.rstrip("\n")), ""]])
            elif kind == "hr":
                self.add("rule", 0, False, [])
            else:
                self.structure(token)
        return self.blocks

    def structure(self, token: Token) -> None:
        """Quotes, lists and tables opening and closing."""
        kind = token.type
        if kind == "blockquote_open":
            self.stack.append(_Container(">"))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.new_list += 1
            start = token.attrs.get("start", 1)
            self.lists.append((self.new_list, int(start), kind == "ordered_list_open"))
        elif kind == "list_item_open":
            list_id, number, ordered = self.lists[-1]
            marker = f"{_number(token.info, number)}." if ordered else "-"
            self.lists[-1] = (list_id, number + 1, ordered)
            self.stack.append(_Container(marker, list_id=list_id))
        elif kind in ("blockquote_close", "list_item_close"):
            self.stack.pop()
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "table_open":
            self.rows = []
        elif kind == "tr_open" and self.rows is not None:
            self.rows.append([])
        elif kind == "table_close" and self.rows is not None:
            block = self.add("table", 0, False, [])
            block["rows"] = self.rows
            self.rows = None

    def add(self, kind: Kind, level: int, tight: bool, spans: list[Inline]) -> Block:
        lists = {c.list_id for c in self.stack if c.list_id >= 0}
        frame = [
            c.marker if not c.begun or c.marker == ">" else " " * len(c.marker) for c in self.stack
        ]
        for container in self.stack:
            container.begun = True
        if len(frame) > MAX_DEPTH:
            frame = frame[: MAX_DEPTH - 1] + frame[-1:]
        gap = bool(self.blocks) and not (tight and lists & self.last_lists)
        block: Block = {"kind": kind, "spans": spans, "frame": frame, "gap": gap}
        if kind == "heading":
            block["level"] = level
        self.blocks.append(block)
        self.last_lists = lists
        return block


def _number(info: str, fallback: int) -> int:
    return int(info) if info.isdigit() else fallback


def _inline(token: Token) -> list[Inline]:
    """The runs of text of an inline token, with their marks, neighbours of the same
    marks joined."""
    runs: list[Inline] = []
    marks: list[str] = []
    addresses: list[str] = []

    def put(text: str, extra: str = "") -> None:
        style = "".join(sorted(set("".join(marks) + extra)))
        text = clean_text(text)
        if not text:
            return
        if runs and runs[-1][1] == style:
            runs[-1][0] += text
        else:
            runs.append([text, style])

    for child in token.children or []:
        kind = child.type
        name = kind.rsplit("_", 1)[0]
        if kind in ("text", "html_inline"):
            put(child.content)
        elif kind == "softbreak":
            put(" ")
        elif kind == "hardbreak":
            put("\n")
        elif kind == "code_inline":
            put(child.content, "c")
        elif kind.endswith("_open") and name in _MARKS:
            marks.append(_MARKS[name])
            if name == "link":
                addresses.append(str(child.attrs.get("href", "")))
        elif kind.endswith("_close") and name in _MARKS and marks:
            marks.pop()
            if name == "link" and addresses:
                _address(put, addresses.pop(), runs)
        elif kind == "image":
            put(child.content, "l")
            _address(put, str(child.attrs.get("src", "")), runs)
        else:
            put(child.content)
    return runs


def _address(put: Callable[[str, str], None], address: str, runs: list[Inline]) -> None:
    """A link's address after its words (not when the words are the address)."""
    address = clean_line(address)
    if address and not (runs and runs[-1][0].endswith(address)):
        put(f" ({address})", "u")
