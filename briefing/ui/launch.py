"""Build and run the reader: the one function that wires paths, config, store, clock and UI.

The CLI and the tests both call :func:`build_app`, so tests run the real wiring
(the app-factory pattern of Posting's ``make_posting``).

This is the command line's only way into ``briefing.ui`` (an import contract in
pyproject.toml says so): the reader (:func:`run_reader`) and the Rich output of
``briefing show`` and ``briefing agenda`` (:func:`print_brief`, :func:`print_agenda`).
Importing it imports neither Textual nor Rich; each function imports what it needs.
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.clock import Clock, ShiftedClock, SystemClock, local_zone
from briefing.core.library import LibraryEntry
from briefing.core.safetext import display_path
from briefing.storage import paths
from briefing.storage.config import load_config
from briefing.storage.store.database import Store

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.index.agenda import AgendaRow
    from briefing.ui.app import BriefingApp


def build_app(
    *,
    path: str | Path | None = None,
    theme: str | None = None,
    clock: Clock | None = None,
    now: datetime | None = None,
) -> BriefingApp:
    """Return a ready-to-run :class:`~briefing.ui.app.BriefingApp`.

    ``path`` is a brief file (opened straight into the reader) or a folder (the
    library); without it, the configured library folders, else the bundled
    samples. ``clock`` wins over ``now`` (which starts a clock at that moment).
    """
    # deferred: Textual and the app only when the reader runs (every command imports this module)
    from briefing.storage.index.database import LibraryIndex
    from briefing.ui.app import BriefingApp
    from briefing.ui.themes import load_themes

    config, warnings = load_config(paths.config_file())
    zone = local_zone()
    open_entry: LibraryEntry | None = None
    if path is not None:
        # Absolute, as the library index keys its files: a relative path listed the
        # brief twice in the library (once as given, once as indexed).
        target = Path(os.path.abspath(path))
        if target.is_dir():
            library = [target]
        else:
            library = [target]
            # Not read here: the reader validates it just after its first frame.
            open_entry = LibraryEntry(target)
    else:
        library = config.library_paths() or [paths.bundled_samples()]
    bundled = paths.bundled_themes()
    themes, theme_warnings = load_themes([bundled, paths.user_themes_dir()], bundled=bundled)
    if clock is None:
        clock = ShiftedClock(now) if now is not None else SystemClock()
    return BriefingApp(
        library_paths=library,
        clock=clock,
        local_zone=zone,
        config=config,
        store=Store(paths.database_file()),
        themes=themes,
        theme=theme,
        open_entry=open_entry,
        warnings=warnings + theme_warnings,
        library_index=LibraryIndex(paths.index_file(), zone=zone),
    )


def run_reader(*, path: str | None, theme: str | None, now: datetime | None) -> int:
    """Open the reader; return the exit status."""
    # No cyclic garbage collection until the first frame is out (the app turns it
    # back on then): a full collection walks every object the imports made, about
    # 30 ms, and one fell due in the middle of drawing the library's first frame.
    gc.disable()
    app = None
    try:
        app = build_app(path=path, theme=theme, now=now)
        # Modules, classes and the app live as long as the process: frozen, no later
        # collection walks them again. The screens, made from here on, are not.
        gc.freeze()
        app.gc_paused = app.manages_gc = True
        app.run()
    finally:
        gc.enable()
        kept = app.notes_keeper.kept_at_exit if app is not None else 0
        if kept:
            # Said here, once the terminal is back: notes the database could not take in time.
            print(
                f"briefing: {kept} note(s) could not be written to the notes database in time;"
                f" kept as drafts in {display_path(paths.data_dir() / 'drafts')}, offered back at the next start",
                file=sys.stderr,
            )
    if app.return_code:
        return int(app.return_code)
    return 0 if sys.exc_info()[0] is None else 1


def print_brief(brief: Brief, now: datetime) -> None:
    """Print ``brief`` styled with Rich (``briefing show`` on a terminal)."""
    # deferred: Rich costs ~60 ms to import and is needed only on a terminal
    from rich.console import Console

    from briefing.ui.console.brief import print_brief as print_styled

    print_styled(brief, now, Console(highlight=False))


def print_agenda(rows: list[AgendaRow], clock: str) -> None:
    """Print the open deadlines as a Rich table (``briefing agenda`` on a terminal)."""
    # deferred: Rich costs ~60 ms to import and is needed only on a terminal
    from briefing.ui.console.agenda import print_agenda_table

    print_agenda_table(rows, clock)


def theme_names() -> list[str]:
    """Every name ``--theme`` takes: Textual's themes and briefing's (bundled and the user's).

    For ``briefing completion``; the theme files are read as the reader reads them.
    """
    # deferred: Textual only for the completion script (every command imports this module)
    from textual.theme import BUILTIN_THEMES

    from briefing.ui.themes import load_themes

    themes, _warnings = load_themes([paths.bundled_themes(), paths.user_themes_dir()])
    return sorted({*BUILTIN_THEMES, *(theme.name for theme in themes)})
