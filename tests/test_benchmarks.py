"""The benchmark code itself: generators, markers and the report (no pty runs here)."""

from __future__ import annotations

import importlib
import math
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
pytest.importorskip("pyte")  # ttfp.py, the harness, needs it
sys.path.insert(0, str(BENCH))

generate = importlib.import_module("generate")
figures = importlib.import_module("figures")
fixtures = importlib.import_module("fixtures")
ptyrun = importlib.import_module("ptyrun")

from briefing.core.loading import load_brief  # noqa: E402


@pytest.mark.parametrize(
    "name",
    [
        "ttfp",
        "ptyrun",
        "fixtures",
        "figures",
        "issue6",
        "library",
        "run",
        "generate",
        "first_paint",
        "scale",
        "import_costs",
    ],
)
def test_benchmark_modules_import(name: str) -> None:
    assert importlib.import_module(name).__doc__


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_library_is_deterministic_and_valid(tmp_path: Path) -> None:
    generate.library(7, 12, tmp_path / "a")
    generate.library(7, 12, tmp_path / "b")
    generate.library(8, 12, tmp_path / "c")
    a = _files(tmp_path / "a")
    assert len(a) == 12
    assert a == _files(tmp_path / "b")
    assert a != _files(tmp_path / "c")
    for path in sorted((tmp_path / "a").iterdir()):
        brief = load_brief(path)
        assert brief.title.startswith("Synthetic brief")


def test_big_brief_is_deterministic_and_valid(tmp_path: Path) -> None:
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    generate.big(3, 200, 20, one)
    generate.big(3, 200, 20, two)
    assert one.read_bytes() == two.read_bytes()
    brief = load_brief(one)
    assert (len(brief.quotes), len(brief.participants)) == (200, 20)
    marks = fixtures.big_markers(one)
    assert re.search(marks.title, brief.title)
    assert marks.speaker_quotes >= 1


def test_cached_data_is_reused(tmp_path: Path) -> None:
    first = fixtures.big_brief(tmp_path, 30, 5)
    stamp = first.read_bytes()
    first.write_bytes(stamp + b"\n# touched\n")  # a stale stamp would regenerate...
    assert fixtures.big_brief(tmp_path, 30, 5).read_bytes().endswith(b"# touched\n")
    first.with_name(first.name + ".stamp").write_text("other generator")
    assert fixtures.big_brief(tmp_path, 30, 5).read_bytes() == stamp  # ...a changed one does


def test_wrapped_marker_spans_panel_lines() -> None:
    pattern = re.compile(ptyrun.wrapped("We welcome progress on housing (remark 0-19999)."))
    screen = (
        "│ “We welcome progress on       │\n"
        "│ housing (remark               │\n"
        "│ 0-19999).”                    │"
    )
    assert pattern.search(screen)
    assert not pattern.search(screen.replace("19999", "1999"))


def test_library_markers() -> None:
    library = importlib.import_module("library")
    listed = re.compile(library.all_listed(5000), re.MULTILINE)
    assert listed.search(" Library · 5,000 briefs · sorted by newest first (s)")
    assert listed.search(" Library · 5,000 briefs (3 invalid) · sorted by title (s)")
    assert not listed.search(" Library · indexing 1,234 of 5,000…")
    assert not listed.search(" Library · 5,000 briefs · loading… · sorted by newest first")
    assert not listed.search(" Library · 500 briefs")


def _fake_figures() -> list:
    Figure, Target = figures.Figure, figures.Target
    return [
        Figure(
            "a.paint",
            "first paint, seed brief (ms)",
            [0.40, 0.41, 0.39],
            [0.30, 0.31],
            [0.005],
            [],
            Target("ratio", 1.3),
            timeout=60,
            skipped="frogmouth: skipped",
        ),
        Figure(
            "a.key",
            "G to the last quote (ms)",
            [0.02, 0.03, 0.025],
            [0.004],
            target=Target("<=", 100),
        ),
        Figure(
            "a.all",
            "all 5,000 listed (s)",
            [None, None, 7.0],
            [0.3],
            target=Target("<=", 5),
            scale=1,
            digits=2,
            timeout=60,
            note="slow",
        ),
        Figure(
            "a.rate",
            "validate (briefs/s)",
            [1200.0, 1100.0, 1300.0],
            target=Target(">=", 1000),
            scale=1,
        ),
        Figure("a.info", "picker open (ms)", [0.1]),
    ]


def test_report_prints_verdicts_and_comparisons() -> None:
    table = figures.format_table(_fake_figures())
    header = table.splitlines()[0].split()
    assert header == [
        "figure",
        "briefing",
        "bare",
        "ratio",
        "target",
        "less",
        "frogmouth",
        "n",
        "verdict",
    ]
    rows = {line.split("  ")[0]: line for line in table.splitlines()}
    paint = rows["first paint, seed brief (ms)"]
    assert paint.split()[-6:] == ["1.31x", "≤1.3x", "5", "-", "3", "MISSED"]
    assert rows["G to the last quote (ms)"].rstrip().endswith("ok")
    over = rows["all 5,000 listed (s)"]
    assert "over 60 s" in over and "3/2t" in over and over.endswith("MISSED")
    assert rows["validate (briefs/s)"].endswith("ok") and "≥1,000" in rows["validate (briefs/s)"]
    assert rows["picker open (ms)"].split()[-2:] == ["100", "1"]  # no target, no verdict
    assert "frogmouth: skipped" in table and "slow" in table


def test_missed_figures_and_medians() -> None:
    figs = _fake_figures()
    assert [f.key for f in figures.missed(figs)] == ["a.paint", "a.all"]
    assert math.isinf(figures.Figure.median([None, None, 1.0]))
    assert figures.Figure.median([]) is None


def test_only_option_rejects_unknown_groups() -> None:
    run = importlib.import_module("run")
    assert run.parse_only("library,big") == ["library", "big"]
    with pytest.raises(Exception, match="unknown group"):
        run.parse_only("library,nope")


def test_a_step_whose_marker_came_while_an_earlier_step_waited_is_timed_at_its_chunk() -> None:
    # One frame read in two chunks: the title in the first, the content in the second.
    # The title's wait feeds both; the content's step is timed at the second chunk's read
    # time (2.0), not when it is next looked at, after the emulator parsed the whole frame.
    session = object.__new__(ptyrun.Session)  # no program: only the emulator and its feed
    session.term = ptyrun.ttfp.Term(40, 5, False, False)
    session.record = None
    steps = [
        ptyrun.Step("paint", ptyrun.text("TITLE")),
        ptyrun.Step("content", ptyrun.text("CONTENT")),
        ptyrun.Step("after a key", ptyrun.text("LATER"), key="x"),
    ]
    seen: dict[str, float] = {}
    watch = ptyrun._watching(session, ptyrun._keyless_from(steps, 0), seen)
    hit = session._feed([(1.0, b"TITLE\r\n"), (2.0, b"CONTENT LATER\r\n")], watch)
    assert hit == 1.0
    assert seen == {"paint": 1.0, "content": 2.0}  # a step after a key is not watched
