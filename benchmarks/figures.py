"""The issue-6 figures and the table that reports them.

A :class:`Figure` holds the samples of one measurement for briefing and, where it
makes sense, for the bare Textual app, ``less`` and Frogmouth, plus its target. A
sample of ``None`` is a run that did not get there within the timeout; the median
counts it as infinitely slow, and the table prints "over N s".

Targets are either a ratio to the bare app (``Target("ratio", 1.3)``: at most 1.3x)
or a bound on briefing's own median (``Target("<=", 100)``, ``Target("<", 300)``,
``Target(">=", 1000)``), in the figure's unit.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

Samples = list[float | None]

COLUMNS = ("figure", "briefing", "bare", "ratio", "target", "less", "frogmouth", "n", "verdict")
WIDTHS = (44, 10, 8, 7, 9, 9, 10, 5, 7)


@dataclass(frozen=True)
class Target:
    op: str  # "ratio", "<=", "<", ">="
    value: float

    def __str__(self) -> str:
        if self.op == "ratio":
            return f"≤{self.value:g}x"
        sign = {"<=": "≤", "<": "<", ">=": "≥"}[self.op]
        return f"{sign}{self.value:,g}"

    def met(self, value: float, ratio: float | None) -> bool:
        if self.op == "ratio":
            return ratio is not None and ratio <= self.value
        if self.op == "<=":
            return value <= self.value
        if self.op == "<":
            return value < self.value
        return value >= self.value


@dataclass
class Figure:
    key: str  # e.g. "seed.paint", for --only and the tests
    label: str  # e.g. "first paint, seed brief (ms)"
    briefing: Samples = field(default_factory=list)
    bare: Samples = field(default_factory=list)
    less: Samples | None = None  # None: no such column for this figure
    frogmouth: Samples | None = None
    target: Target | None = None
    scale: float = 1000.0  # samples are in seconds (or MiB, briefs/s: scale 1)
    timeout: float | None = None  # seconds, for "over N s"
    digits: int = 0
    note: str = ""
    skipped: str = ""  # why less/frogmouth have no samples

    # -- numbers ---------------------------------------------------------------
    @staticmethod
    def median(samples: Samples | None) -> float | None:
        """Median with timeouts as +inf; None when there are no samples."""
        if not samples:
            return None
        return statistics.median(math.inf if s is None else s for s in samples)

    def ratio(self) -> float | None:
        ours, bare = self.median(self.briefing), self.median(self.bare)
        if ours is None or bare is None or bare <= 0 or math.isinf(bare):
            return None
        return ours / bare

    def verdict(self) -> str:
        if self.target is None:
            return ""
        ours = self.median(self.briefing)
        if ours is None:
            return "n/a"
        return "ok" if self.target.met(ours * self.scale, self.ratio()) else "MISSED"

    def missed(self) -> bool:
        return self.verdict() in ("MISSED", "n/a")

    # -- cells -----------------------------------------------------------------
    def cell(self, samples: Samples | None) -> str:
        value = self.median(samples)
        if samples is None:
            return ""
        if value is None:
            return "-"
        if math.isinf(value):
            return f"over {self.timeout:g} s" if self.timeout else "over"
        return f"{value * self.scale:,.{self.digits}f}"

    def runs(self) -> str:
        done = len(self.briefing)
        over = sum(1 for s in self.briefing if s is None)
        return f"{done}" + (f"/{over}t" if over else "")

    def row(self) -> list[str]:
        ratio = self.ratio()
        return [
            self.label,
            self.cell(self.briefing),
            self.cell(self.bare) if self.bare else "",
            f"{ratio:.2f}x"
            if ratio is not None and not math.isinf(ratio)
            else ("over" if ratio is not None else ""),
            str(self.target) if self.target else "",
            self.cell(self.less),
            self.cell(self.frogmouth),
            self.runs(),
            self.verdict(),
        ]


def format_table(figures: list[Figure]) -> str:
    """The table: one line per figure, then the figures' notes."""

    widths = (max([WIDTHS[0], *(len(f.label) for f in figures)]), *WIDTHS[1:])

    def line(cells: list[str]) -> str:
        out = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            out.append(f"{cell:<{width}}" if i == 0 else f"{cell:>{width}}")
        return " ".join(out).rstrip()

    lines = [line(list(COLUMNS)), line(["-" * w for w in widths])]
    notes = []
    for fig in figures:
        lines.append(line(fig.row()))
        for text in (fig.note, fig.skipped):
            if text:
                notes.append(f"  {fig.label}: {text}")
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines) + "\n"


def missed(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.missed()]
