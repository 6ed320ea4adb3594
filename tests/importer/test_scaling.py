"""``briefing import`` takes time linear in its input, whatever the text repeats.

Each shape is a crafted article that once made a rule rescan a whole sentence for
every match (quadratic or worse). It is imported at 50 KB and at 200 KB; the
second must take about four times as long (quadratic work would take sixteen;
these sizes tell the two apart and keep the whole test to a few seconds). This
is a ratio, not a timed assertion: the best of a few runs of each size, with a
generous bound, so a loaded machine does not fail it. ``benchmarks/import_scaling.py`` prints the
times themselves, up to the importer's size limit.
"""

from __future__ import annotations

import time

import pytest

from briefing.importer import import_article

from .helpers import TODAY

SMALL = 50_000
LARGE = 200_000
MAX_RATIO = 8.0
"""Linear work gives about 4; quadratic work gives 16."""
MAX_TRIES = 3


def _names(count: int) -> str:
    """``count`` different two-word names: a new person in every sentence."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for number in range(count):
        first = letters[number % 26] + letters[number // 26 % 26] + letters[number // 676 % 26]
        out.append(f"Minister {first.title()}an Kor{first}ski said talks went well. ")
    return "".join(out)


SHAPES = {
    # The four of issue 13.
    "years": "in 2024 and ",
    "split quotes": '"Yes," said John Smith, "and ',
    "abbreviated dates": "on Nov. 10 and ",
    "money": "$1.5 billion, ",
    # Found by profiling the importer.
    "single quotes": "‘word’ and 'x' ",
    "weekdays": "on Monday, next Friday, ",
    "quotes with attribution": '"We will see," he said. ',
    "one sentence without punctuation": "the talks went on and the delegates waited ",
    "capitalised words": "Alpha Bravo Charlie Delta Echo Foxtrot ",
    "nicknames": 'Thomas "Tom" Whitaker and ',
    "many people": None,
    # Issue 17: bare names in lists, roles implied by one endless sentence, sources.
    "listed names": "guests like Stan Lee, Mark Hamill and Ann Lee were elected, ",
    "quoted sources": '"Shells fell", said KCNA, and the U.S. Department of Agriculture notes "it" ',
}


def article(shape: str, size: int) -> str:
    """A headline, a first sentence, then the shape repeated to ``size`` characters."""
    unit = SHAPES[shape]
    head = "Crafted article headline\n\nThe officials met on Monday. "
    body = _names(size // 40 + 1) if unit is None else unit * (size // len(unit) + 1)
    return head + body[:size] + "."


def best_time(text: str, runs: int = 1) -> float:
    """The best CPU time of importing ``text`` (CPU time: other processes barely move it)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        import_article(text, today=TODAY)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_import_time_grows_linearly(shape: str) -> None:
    small, large = article(shape, SMALL), article(shape, LARGE)
    small_time = large_time = float("inf")
    # Usually one run each; a ratio spoilt by a busy machine is measured again.
    for _ in range(MAX_TRIES):
        small_time = min(small_time, best_time(small))
        large_time = min(large_time, best_time(large))
        if large_time / small_time < MAX_RATIO:
            break
    ratio = large_time / small_time
    assert ratio < MAX_RATIO, (
        f"{shape}: {small_time:.3f} s at {SMALL:,} characters, {large_time:.3f} s at"
        f" {LARGE:,} (x{ratio:.1f}; linear is about x4)"
    )
