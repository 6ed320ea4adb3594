"""What the library says around its table: the status of the highlighted row, and the
first-start notice that the briefs shown are the bundled samples."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.content import Content

from briefing.core.library import LibraryEntry, next_open_deadline
from briefing.core.safetext import display_path
from briefing.storage import paths as app_paths
from briefing.ui.shown_paths import short_path

SHOWN_PROBLEMS = 12  # an invalid file's problems in the status area; validate lists all


def shows_samples(library: list[Path]) -> bool:
    """True when the library is the bundled samples (no folder given or configured)."""
    return library == [app_paths.bundled_samples()]


def samples_notice() -> Content:
    """How to show your own briefs instead of the samples (``briefing config`` prints the
    same config path)."""
    config = short_path(str(app_paths.config_file()))
    return Content.assemble(
        ("These are the bundled sample briefs. ", "bold"),
        "Show your own with ",
        ("briefing FOLDER", "$accent"),
        ", or set ",
        ("library = [...]", "$accent"),
        f" in {config}.",
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
        lines = [problem.format(where) for problem in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more: briefing validate")
        return Content.styled("\n".join(lines or [f"{where}: cannot be read"]), "$error")
    parts: list[str | tuple[str, str]] = [
        (entry_path(entry, shows_samples(library)), "$text-muted")
    ]
    deadline = next_open_deadline(entry.summary.deadlines, now)
    if deadline is not None:
        parts += [("\nnext deadline: ", "$text-muted"), deadline.title]
    return Content.assemble(*parts)
