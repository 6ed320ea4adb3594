"""Word wrap for the virtual lists: where a row's lines break, computed from its plain text.

A virtual list must know the height of every row to scroll, but must not build
or wrap the styled :class:`~textual.content.Content` of rows that are off
screen (``Content.wrap`` costs ~450 µs for a three-line quote: 9 s for 20,000).
These functions find the same breaks as ``Content.wrap`` (which uses Rich's
``divide_line``: a word fits if its letters fit, the spaces after it may
overhang; a word longer than a line is cut by cells, its spaces included) from
the plain text alone, so the list measures a three-line quote in ~3 µs (60 ms
for 20,000, against ~9 s for ``Content.wrap``) and cuts the few rows it draws
at exactly the offsets it measured: the height and the drawing cannot disagree.
``tests/ui/test_virtual_list.py`` checks the offsets against Rich's on random
text with CJK, emoji, combining and non-breaking spaces.

Most brief text is made of characters one cell wide (Latin, Greek, Cyrillic,
typographic quotes and dashes) with only the ASCII space as white space; for
such a line the breaks come from ``str.rfind`` without looking at each word.
Anything else (CJK, emoji, combining marks, other spaces) takes the general
path, Rich's algorithm word by word with ``cell_len``.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells
from textual.content import Content

TAB_SIZE = 8
"""Tab stops, as Textual expands them before wrapping."""

_WORD = re.compile(r"\s*\S+\s*")
"""A word with the white space around it: the unit of wrapping."""

_SINGLE_CELL = re.compile(
    "[ !-~\u00a1-\u00ac\u00ae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e]*"
)
"""Characters one cell wide, of which only the ASCII space is white space (tests check both)."""


def wrap_offsets(line: str, width: int) -> list[int]:
    """The offsets at which ``Content.wrap`` breaks ``line`` (no newlines, no tabs) to ``width`` cells."""
    width = max(width, 1)
    if _SINGLE_CELL.fullmatch(line):
        return _single_cell_offsets(line, width)
    return _general_offsets(line, width)


def _single_cell_offsets(line: str, width: int) -> list[int]:
    """Breaks of a line whose characters are one cell each and whose only space is ``" "``.

    Rich's rule, by whole lines: a line from ``start`` takes every word whose
    letters end by ``start + width`` (the spaces after a word may overhang); the
    first word that does not fit starts the next line. The words of a line are
    found with ``rfind`` instead of one by one. A word longer than a line is cut
    every ``width`` cells, its trailing spaces included, from where it starts.
    """
    offsets: list[int] = []
    end = len(line.rstrip(" ")) if line.endswith(" ") else len(line)
    # Leading spaces belong to the first word.
    lead = len(line) - len(line.lstrip(" ")) if line.startswith(" ") else 0
    start = 0
    while end - start > width:
        limit = start + width
        if line[limit] == " ":
            after = line[limit:]
            word = limit + len(after) - len(after.lstrip(" "))
        else:
            space = line.rfind(" ", start, limit)
            word = space + 1 if space >= start else -1
        if word > lead:
            offsets.append(word)
            start = word
            continue
        # No word starts on this line: fold the one that does, spaces and all.
        rest = line[start:]
        space = line.find(" ", start + len(rest) - len(rest.lstrip(" ")))
        if space == -1:
            word_end = len(line)
        else:
            rest = line[space:]
            word_end = space + len(rest) - len(rest.lstrip(" "))
        while word_end - start > width:
            start += width
            offsets.append(start)
    return offsets


def _general_offsets(line: str, width: int) -> list[int]:
    """Breaks of any line, word by word (the algorithm of ``rich._wrap.divide_line``)."""
    offsets: list[int] = []
    used = 0
    for match in _WORD.finditer(line):
        start = match.start()
        word = match.group()
        word_width = cell_len(word.rstrip())
        if width - used >= word_width:
            used += cell_len(word)
        elif word_width > width:
            pieces = chop_cells(word, width)
            for piece in pieces:
                if start:
                    offsets.append(start)
                start += len(piece)
            used = cell_len(pieces[-1])
        elif used and start:
            offsets.append(start)
            used = cell_len(word)
    return offsets


def expand_tabs(text: str) -> str:
    """``text`` with tabs expanded to spaces as Textual's ``Content.expand_tabs`` does."""
    if "\t" not in text:
        return text
    return Content(text, strip_control_codes=False).expand_tabs(TAB_SIZE).plain


def line_count(text: str, width: int) -> int:
    """The number of lines ``text`` (newlines allowed) takes when wrapped to ``width`` cells."""
    text = expand_tabs(text)
    count = 0
    for line in text.split("\n"):
        if len(line) <= width and (line.isascii() or _SINGLE_CELL.fullmatch(line)):
            count += 1  # fits: no character is wider than a cell
        else:
            count += len(wrap_offsets(line, width)) + 1
    return count


def wrap_content(content: Content, width: int) -> list[Content]:
    """``content`` cut into the lines :func:`line_count` counts, styles kept.

    Every line but the last of a paragraph loses its trailing spaces, as in
    Textual's own wrap, so each line fits in ``width`` cells.
    """
    if "\t" in content.plain:
        content = content.expand_tabs(TAB_SIZE)
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        offsets = wrap_offsets(line.plain, width)
        if not offsets:
            lines.append(line)
            continue
        pieces = line.divide(offsets)
        lines.extend(piece.rstrip() for piece in pieces[:-1])
        lines.append(pieces[-1])
    return lines
