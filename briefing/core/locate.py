"""Find the line and column of a field path (``quotes[3].speaker``) in a brief's text.

Schema errors are found on parsed data, which has no positions. These locators
re-scan the text to point the reader at the right line. They are best effort:
when a path cannot be found, the nearest enclosing item is given, and failing
that, nothing (the message still names the path).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PathKey = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*[=.]""")


def _toml_key(raw: str) -> str:
    if raw[:1] in "\"'":
        return raw[1:-1]
    return raw


def toml_positions(text: str) -> dict[PathKey, tuple[int, int]]:
    """Map the paths of top-level keys, tables and array-of-tables items to (line, column)."""
    positions: dict[PathKey, tuple[int, int]] = {}
    counters: dict[str, int] = {}
    table: PathKey = ()
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header:
            names = tuple(_toml_key(part.strip()) for part in header.group(2).split("."))
            if header.group(1) == "[[":
                name = ".".join(names)
                index = counters.get(name, -1) + 1
                counters[name] = index
                table = (*names, index)
            else:
                table = names
            positions.setdefault(table, (number, 1))
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, _toml_key(key.group(2)))
            positions.setdefault(path, (number, len(key.group(1)) + 1))
            for fence in ('"""', "'''"):
                if line.count(fence) % 2 == 1:
                    in_multiline = fence
    return positions


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def json_positions(text: str, wanted: set[PathKey] | None = None) -> dict[PathKey, tuple[int, int]]:
    """Map every key and array element path of a JSON document to (line, column).

    With ``wanted``, scanning stops as soon as all of those paths are placed,
    so locating a problem near the top of a large file stays quick.
    """
    walk = _JsonWalk(text)
    remaining = set(wanted) if wanted is not None else None
    while walk.position < len(text):
        if remaining is not None and not remaining - walk.positions.keys():
            break
        if not walk.step():
            break
    return walk.positions


def _line_and_column(line_starts: list[int], offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``, given where each line starts."""
    low, high = 0, len(line_starts) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if line_starts[mid] <= offset:
            low = mid
        else:
            high = mid - 1
    return low + 1, offset - line_starts[low] + 1


class _JsonWalk:
    """One pass over a JSON document, noting where each key and array element starts.

    An explicit stack instead of recursion: positions are only looked up for files
    that already parsed and passed the depth limit, but stay safe anyway.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.stack: list[tuple[str, PathKey, int]] = []  # (container kind, path, next index)
        self.position = 0
        self.expect_value_at: PathKey | None = ()
        """The path of the value that comes next, or None inside a container between values."""

    def _note(self, path: PathKey) -> None:
        self.positions.setdefault(path, _line_and_column(self.line_starts, self.position))

    def step(self) -> bool:
        """Read what starts at the current position; False when the rest cannot be read."""
        char = self.text[self.position]
        if char in " \t\r\n,:":
            self.position += 1
            return True
        inside = self.stack[-1][0] if self.stack and self.expect_value_at is None else None
        if inside == "object":
            return self._key(char)
        if inside == "array":
            if char == "]":
                self.stack.pop()
                self.position += 1
                return True
            kind, parent, index = self.stack[-1]
            self.stack[-1] = (kind, parent, index + 1)
            self.expect_value_at = (*parent, index)
            self._note(self.expect_value_at)
        self._value(char)
        return True

    def _key(self, char: str) -> bool:
        """An object's key (its value comes next), or the object's end."""
        if char == "}":
            self.stack.pop()
            self.position += 1
            return True
        match = _JSON_STRING.match(self.text, self.position)
        if not match:
            return False
        path = (*self.stack[-1][1], match.group()[1:-1])
        self._note(path)
        self.expect_value_at = path
        self.position = match.end()
        return True

    def _value(self, char: str) -> None:
        """A value: an object or array opens, a string or a scalar is stepped over."""
        target = self.expect_value_at if self.expect_value_at is not None else ()
        self.expect_value_at = None
        text, length = self.text, len(self.text)
        if char == "{":
            self.stack.append(("object", target, 0))
            self.position += 1
        elif char == "[":
            self.stack.append(("array", target, 0))
            self.position += 1
        elif char == '"':
            match = _JSON_STRING.match(text, self.position)
            self.position = match.end() if match else length
        else:
            start = self.position
            while self.position < length and text[self.position] not in ",]} \t\r\n":
                self.position += 1
            if self.position == start:  # a stray ] or } where a value should be: step over it
                self.position += 1


def nearest(
    positions: dict[PathKey, tuple[int, int]], path: Sequence[str | int]
) -> tuple[int, int] | None:
    """Return the position of ``path``, or of its nearest enclosing path that is known."""
    key = tuple(path)
    while key:
        if key in positions:
            return positions[key]
        key = key[:-1]
    return None


def item_line(text: str, is_json: bool, path: Sequence[str | int]) -> int | None:
    """The line (1-based) where ``path`` (``("quotes", 1)``) starts in a brief's text, or of
    its nearest enclosing path; None when neither is found."""
    positions = json_positions(text) if is_json else toml_positions(text)
    found = nearest(positions, path)
    return found[0] if found is not None else None
