"""Where the clauses of a sentence begin and end, found once per sentence.

Dates and figures take their labels (and dates their tense) from the clause
around them. Finding its bounds by scanning the sentence for every match made
an article of one long sentence take time quadratic in its length; a
:class:`ClauseMarks` scans it once and answers each match with a binary search.
"""

from __future__ import annotations

import bisect

from briefing.importer.patterns import lazy

CLAUSE_MARK = lazy(r"[;—–]|,(?!\d)")
"""What ends a clause: a semicolon, a dash, or a comma that is not inside a number."""


class ClauseMarks:
    """The clause marks of one sentence, for :meth:`bounds`."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.starts = [mark.start() for mark in CLAUSE_MARK.finditer(sentence)]
        """Where each mark is (every mark is one character)."""

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Where the clause around ``start:end`` begins and ends.

        The same answer as scanning ``sentence[:start]`` for the last mark and
        ``sentence[end:]`` for the first one.
        """
        sentence, starts = self.sentence, self.starts
        index = bisect.bisect_left(starts, start) - 1
        left = starts[index] + 1 if index >= 0 else 0
        # Scanned up to ``start`` only, a comma right before a digit that starts the
        # match is not followed by anything, so it counts as a mark.
        if start > 0 and sentence[start - 1] == "," and sentence[start : start + 1].isdecimal():
            left = start
        after = bisect.bisect_left(starts, end)
        right = starts[after] if after < len(starts) else len(sentence)
        return left, right
