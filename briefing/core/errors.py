"""The one exception type of the core, and the problems it carries.

Every failure to read a brief, whatever its cause (a missing file, bad UTF-8, a
TOML syntax error, a misspelt key, an unknown speaker), is a :class:`BriefError`
holding one :class:`Problem` per thing that is wrong, each with a location a
person can find in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.safetext import clean_line, display_path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a brief file."""

    message: str
    """A plain sentence saying what is wrong (already safe to print)."""
    location: str = ""
    """The field path, such as ``quotes[3].speaker``; empty for whole-file problems."""
    line: int | None = None
    """1-based line in the file, when known."""
    column: int | None = None
    """1-based column in the file, when known."""

    def __post_init__(self) -> None:
        # Messages and locations quote keys and values from the file: keep them safe to print.
        object.__setattr__(self, "message", clean_line(self.message))
        object.__setattr__(self, "location", clean_line(self.location))

    def format(self, path: str | Path) -> str:
        """Return the problem as ``path:line:col: location: message``.

        Parts that are not known are left out, so a whole-file problem reads
        ``path: message``.
        """
        head = display_path(path)
        if self.line is not None:
            head += f":{self.line}:{self.column or 1}"
        parts = [head]
        if self.location:
            parts.append(self.location)
        parts.append(self.message)
        return ": ".join(parts)


@dataclass(eq=False)
class BriefError(Exception):
    """A brief file could not be read; carries every problem found in it."""

    path: Path
    """The file (or folder) that failed."""
    problems: list[Problem] = field(default_factory=list)
    """What is wrong, in file order where that is known; never empty."""

    def __post_init__(self) -> None:
        super().__init__(self.summary())

    def summary(self, shown_path: str | None = None) -> str:
        """Return the first problem on one line, with a count of the others; the file is
        named ``shown_path`` when given (a short form of :attr:`path`, for the screen)."""
        name = self.path if shown_path is None else shown_path
        if not self.problems:
            return f"{display_path(name)}: cannot be read"
        first = self.problems[0].format(name)
        extra = len(self.problems) - 1
        return first + (f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else "")

    def lines(self) -> list[str]:
        """Return one formatted line per problem."""
        return [problem.format(self.path) for problem in self.problems]

    def __str__(self) -> str:
        return self.summary()
