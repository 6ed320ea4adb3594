"""Inline Markdown read into plain text and styled spans, for one-line places.

The format documents some fields as Markdown (a brief's summary, a participant's notes, a
deadline's details) and notes are Markdown too. Where such text is shown in a row, a detail
view or a search snippet, ``**212 written submissions**`` should read as bold words, not as
asterisks. This reads the inline marks (strong, emphasis, code, links, headings and list
markers at a line's start); links are shown as their text, never opened.
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["bold", "italic", "code", "link"]
Span = tuple[int, int, Kind]

_INLINE = re.compile(
    r"`(?P<code>[^`\n]+)`"
    r"|\*\*(?P<bold>\S(?:[^*\n]*?\S)?)\*\*"
    r"|__(?P<bold2>\S(?:[^_\n]*?\S)?)__"
    r"|(?<![\w*])\*(?P<italic>\S(?:[^*\n]*?\S)?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic2>\S(?:[^_\n]*?\S)?)_(?![\w_])"
    r"|\[(?P<link>[^\]\n]+)\]\([^)\s]*\)"
)
_LINE_START = re.compile(
    r"^(?P<indent>[ \t]*)(?:#{1,6}[ \t]+|(?P<bullet>[-*+])[ \t]+|>[ \t]?)", re.M
)

_KINDS: dict[str, Kind] = {
    "code": "code",
    "bold": "bold",
    "bold2": "bold",
    "italic": "italic",
    "italic2": "italic",
    "link": "link",
}


def _line_marks(text: str) -> str:
    """Headings lose their ``#``, quotes their ``>``, list items read as ``•``."""

    def replace(found: re.Match[str]) -> str:
        return found.group("indent") + ("• " if found.group("bullet") else "")

    return _LINE_START.sub(replace, text)


def inline_markdown(text: str) -> tuple[str, list[Span]]:
    """``text`` without its Markdown marks, and where the marked words are (start, end, kind)."""
    text = _line_marks(text)
    plain: list[str] = []
    spans: list[Span] = []
    position = length = 0
    for found in _INLINE.finditer(text):
        before = text[position : found.start()]
        plain.append(before)
        length += len(before)
        name = found.lastgroup or "code"
        words = found.group(name)
        spans.append((length, length + len(words), _KINDS[name]))
        plain.append(words)
        length += len(words)
        position = found.end()
    plain.append(text[position:])
    return "".join(plain), spans


def plain_markdown(text: str) -> str:
    """``text`` as plain words: the Markdown marks taken out (for snippets and one-line rows)."""
    return inline_markdown(text)[0]
