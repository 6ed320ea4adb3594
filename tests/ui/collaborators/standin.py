"""A stand-in for the brief screen and its app: what a collaborator reads and calls, recorded.

The collaborators (``BriefSearch``, ``LiveReload``, ``BriefAnnotations``,
``BriefDetails``, ``BriefLoading``) hold their screen and talk to it through a few
attributes and methods; this gives them those, records every call, and runs
their "thread" workers at once so that a test sees the message they post.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from kit import NOW, make_brief
from textual.css.query import NoMatches

from briefing.core.clock import ManualClock
from briefing.core.library import LibraryEntry
from briefing.core.loading import load_brief
from briefing.core.models import Brief


class Widget:
    """A pane's widget: records focus and whatever is set on it."""

    def __init__(self, name: str, calls: list[str]) -> None:
        self.name = name
        self.calls = calls
        self.border_title: Any = None

    def focus(self) -> None:
        self.calls.append(f"focus {self.name}")


class App:
    """The typed app, as far as the collaborators use it."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.seen_items: Any = None
        self.annotations: Any = None
        self.written: list[Callable[..., Any]] = []
        self.when_written: list[Callable[..., Any] | None] = []
        self.told: list[str] = []
        self.notes_keeper = SimpleNamespace(write=self._write, writer=None)
        self.failures: list[Exception] = []
        self.closed: list[Path] = []
        self.pushed: list[tuple[Any, Any]] = []
        self.screen_stack: list[Any] = []
        self.told_detached: dict[str, int] = {}
        self.local_zone = None
        self.library_index = None

    def now(self) -> datetime:
        return self.clock.now()

    def _write(self, job: Callable[..., Any], done: Callable[..., Any] | None = None) -> None:
        self.written.append(job)
        self.when_written.append(done)

    def notify(self, message: str, **_options: Any) -> None:
        self.told.append(message)

    def notes_unavailable(self) -> None:
        self.told.append("notes unavailable")

    def store_failed(self, error: Exception) -> None:
        self.failures.append(error)

    def close_brief(self, _screen: Any, path: Path) -> None:
        self.closed.append(path)

    def push_screen(self, screen: Any, callback: Any = None) -> None:
        self.pushed.append((screen, callback))


class Screen:
    """The brief screen: its brief and entry, its cursor, its parts; every call recorded."""

    def __init__(self, entry: LibraryEntry, clock: ManualClock | None = None) -> None:
        self.entry = entry
        self.briefing_app = App(clock or ManualClock(NOW))
        self.app = self.briefing_app
        self.calls: list[str] = []
        self.posted: list[Any] = []
        self.notified: list[str] = []
        self.is_loaded = entry.brief is not None
        self.panes_mounted = False
        self.current = "summary"
        self.focused: tuple[str, str] | None = None
        self.speaker_filter: str | None = None
        self.clock_style = "24h"
        self.now = self.briefing_app.now()
        self.widgets: dict[str, Any] = {}
        self.annotations = SimpleNamespace(refresh_marks=lambda: self.calls.append("marks"))
        self.live = SimpleNamespace(unseen_mark=lambda *_: "", unseen_keys=lambda _kind: [])
        self.search = SimpleNamespace(has_matches=False)
        self.active_bindings: dict[str, Any] = {}
        """No keys bound: a key hint (ui.key_hints) names the default key."""

    @property
    def screen(self) -> Screen:
        """Itself, as a Textual screen is (what ``key_hint`` asks a node for)."""
        return self

    @property
    def brief(self) -> Brief:
        assert self.entry.brief is not None
        return self.entry.brief

    def query_one(self, selector: Any, _type: Any = None) -> Any:
        key = selector if isinstance(selector, str) else selector.__name__
        if key not in self.widgets:
            raise NoMatches(key)
        return self.widgets[key]

    def section_widget(self, key: str) -> Widget:
        return Widget(key, self.calls)

    def focused_item(self) -> tuple[str, str] | None:
        return self.focused

    def select_item(self, section: str, item_id: str) -> None:
        self.calls.append(f"select {section} {item_id}")

    def set_focus(self, widget: Widget) -> None:
        self.calls.append(f"focus {widget.name}")

    def refresh_bindings(self) -> None:
        self.calls.append("bindings")

    def show_brief(self, entry: LibraryEntry) -> None:
        self.calls.append(f"show {entry.path.name}")

    def action_section(self, key: str) -> None:
        self.calls.append(f"section {key}")

    def notify(self, message: str, **_options: Any) -> None:
        self.notified.append(message)

    def post_message(self, message: Any) -> None:
        self.posted.append(message)

    def run_worker(self, work: Callable[[], None], **_options: Any) -> None:
        work()


def loaded_entry(folder: Path, **fields: Any) -> LibraryEntry:
    """An entry whose brief (written with the kit's builder from ``fields``) is loaded."""
    path = make_brief(folder, **fields)
    return LibraryEntry(path, brief=load_brief(path))
