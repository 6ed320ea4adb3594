"""What the library says around its table: the status of the highlighted row, and the
first-start notice that the briefs shown are the bundled samples."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.content import Content

from briefing.core.countdown import countdown
from briefing.core.library import LibraryEntry, next_open_deadline
from briefing.core.safetext import display_path
from briefing.core.status import DeadlineStatus
from briefing.storage import paths as app_paths
from briefing.ui.cells import countdown_content
from briefing.ui.shown_paths import short_path

PREVIEW_DEADLINES = 6
"""How many open deadlines the preview lists, soonest first."""

SHOWN_PROBLEMS = 12  # an invalid file's problems in the status area; validate lists all

LIBRARY_CSS = """
LibraryScreen #library-title, LibraryScreen #library-status, LibraryScreen #library-notice {
    height: auto;
    padding: 0 1;
    background: $panel;
}
LibraryScreen #library-title { text-style: bold; }
/* Room for an invalid file's problems (a dozen at most), taken from the table's rows. */
LibraryScreen #library-status { min-height: 1; max-height: 60%; }
LibraryScreen #library-filter { margin: 0 0; }
/* The preview of the highlighted brief: only where there is room beside the table. */
LibraryScreen #library-preview {
    display: none; dock: right; width: 56; height: 1fr; padding: 0 1;
    border-left: solid $border-blurred;
}
LibraryScreen.-wide #library-preview { display: block; }
"""
"""The library screen's CSS: its parts around the table (its DEFAULT_CSS, parsed when the
library is first shown, not before a reader opened on a file draws its first frame)."""


def shows_samples(library: list[Path]) -> bool:
    """True when the library is the bundled samples (no folder given or configured)."""
    return library == [app_paths.bundled_samples()]


def samples_notice() -> Content:
    """How to show your own briefs instead of the samples. The config file is named, not
    its path: ``briefing config`` prints that (a long path wrapped over three lines)."""
    return Content.assemble(
        ("These are the bundled sample briefs. ", "bold"),
        "Show your own with ",
        ("briefing FOLDER", "$accent"),
        ", or set ",
        ("library = [...]", "$accent"),
        f" in {app_paths.config_file().name} (",
        ("briefing config", "$accent"),
        " prints where it is).",
    )


def entry_path(entry: LibraryEntry, samples: bool) -> str:
    """The highlighted brief's path as a person reads it: a sample by its name alone
    (its real path lies deep in the installed package)."""
    if samples:
        return "sample: " + display_path(entry.path.name)
    return short_path(entry.key)


def status_content(
    screen_entries: list[LibraryEntry],
    entry: LibraryEntry | None,
    *,
    library: list[Path],
    loading: bool,
    now: datetime,
) -> Content:
    """The status line: the highlighted row's path and next deadline, or what is wrong."""
    if not screen_entries and not loading:
        where = ", ".join(short_path(str(p)) for p in library) or "(no folders)"
        return Content.styled(f"No briefs in {where}. Briefs are .toml or .json files.", "$warning")
    if entry is None:
        return Content("")
    if entry.error is not None or entry.summary is None:
        where = short_path(str(entry.path))
        problems = entry.error.problems if entry.error else []
        # The path once, then each problem by the file's name: a long path repeated on
        # every line wrapped them past the area's height (a temp folder's did, in tests).
        name = entry.path.name
        lines = [f"{where}: {len(problems)} problem{'s' if len(problems) != 1 else ''}"]
        lines += [problem.format(name) for problem in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more: briefing validate")
        if not problems:
            lines = [f"{where}: cannot be read"]
        return Content.styled("\n".join(lines), "$error")
    parts: list[str | tuple[str, str]] = [
        (entry_path(entry, shows_samples(library)), "$text-muted")
    ]
    deadline = next_open_deadline(entry.summary.deadlines)
    if deadline is not None:
        parts += [("\nnext deadline: ", "$text-muted"), deadline.title]
    return Content.assemble(*parts)


def preview_content(entry: LibraryEntry | None, now: datetime) -> Content:
    """The highlighted brief in full beside the table (wide sizes): its title whole, when
    it was published, its tags, how many people and quotes, its next open deadlines."""
    if entry is None or entry.summary is None:
        return Content("")
    summary = entry.summary
    muted = "$text-muted"
    parts: list[str | tuple[str, str] | Content] = [(summary.title, "bold"), "\n"]
    parts.append((f"published {summary.published}", muted))
    if summary.tags:
        parts += ["\n", (", ".join(summary.tags), muted)]  # a line of their own: never split
    people = f"{summary.people} participant{'s' if summary.people != 1 else ''}"
    quotes = f"{summary.quotes} quote{'s' if summary.quotes != 1 else ''}"
    parts += ["\n", f"{people} · {quotes}", "\n\n", ("Deadlines", "bold underline")]
    open_ones = sorted(
        (d for d in summary.deadlines if d.status is DeadlineStatus.OPEN), key=lambda d: d.due_at
    )
    if not open_ones:
        parts += ["\n", ("none open", muted)]
    for deadline in open_ones[:PREVIEW_DEADLINES]:
        parts += ["\n", deadline.title, "\n  "]
        parts.append(countdown_content(countdown(deadline.due_at, now, deadline.status)))
    return Content.assemble(*parts)
