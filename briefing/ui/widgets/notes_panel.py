"""Notes of the focused item, shown below the panes so they sit beside what they annotate."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widgets import Static

from briefing.core.annotations import Note, conflict_mark
from briefing.ui.key_hints import key_hint
from briefing.ui.render import markdown_content

NOTE_KEYS = (
    ("brief.note", "n", "add"),
    ("brief.edit-note", "E", "edit"),
    ("brief.external-edit", "e", "$EDITOR"),
    ("brief.delete-note", "d", "delete"),
)
"""The keys the strip names (binding id, default key, what it does): shown as remapped."""

DROPPED_FIRST = ("brief.external-edit", "brief.delete-note", "brief.edit-note", "brief.note")
"""The order hints leave the headline when it is wider than the strip (least important first)."""


class NotesPanel(Static):
    """Shows the notes (and bookmark) of the item under the cursor; hidden when there are none."""

    DEFAULT_CSS = """
    NotesPanel {
        height: auto;
        max-height: 9;
        padding: 0 1;
        border-top: solid $accent;
        background: $panel;
        display: none;
        &.-visible { display: block; }
        /* A short terminal: one line (the count, the latest note's start, the keys). */
        &.-compact { border-top: none; max-height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    COMPACT_BELOW = 32
    """Terminal heights under this get the one-line strip (at 24 rows it took 5)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes=classes)
        self._shown: tuple[str, list[Note], bool, int | None] | None = None
        """What :meth:`show_notes` was last given (drawn again at a new width)."""

    def on_resize(self, event: events.Resize) -> None:
        # The hints fit the width: a new width may fit more of them, or fewer.
        if self._shown is not None:
            subject, notes, bookmarked, total = self._shown
            self.show_notes(subject, notes, bookmarked, total=total)

    def _hints(self, headline: int) -> str:
        """The note keys that fit beside a headline ``headline`` cells wide."""
        hints = {
            binding_id: f"{key_hint(self, binding_id, default)} {what}"
            for binding_id, default, what in NOTE_KEYS
        }
        width = self.content_size.width  # 0 before layout: every hint, until the resize
        for binding_id in DROPPED_FIRST:
            keys = "   " + " · ".join(hints.values())
            if not width or headline + cell_len(keys) <= width:
                return keys
            del hints[binding_id]
        return ""

    def show_notes(
        self, subject: str, notes: list[Note], bookmarked: bool, *, total: int | None = None
    ) -> None:
        """Show ``notes`` about ``subject`` (newest last); hide the panel when there is nothing.

        ``total`` is how many notes the item has when ``notes`` are only the latest of them.
        """
        self._shown = (subject, notes, bookmarked, total)
        if not notes and not bookmarked:
            if not self.has_class("-visible"):
                # Hidden and empty already (hiding empties it): updating a Static asks for a
                # layout of the whole screen, on every section switch between items without notes.
                return
            self.set_class(False, "-visible")
            self.update(Content(""))
            return
        muted = "$text-muted"
        compact = self.app.size.height < self.COMPACT_BELOW
        self.set_class(compact, "-compact")
        parts: list[str | tuple[str, str] | Content] = []
        mark = "★ bookmarked  " if bookmarked else ""
        if bookmarked:
            parts.append((mark, "bold $warning"))
        if notes:
            total = max(total or 0, len(notes))
            count = f"{total:,} note{'s' if total != 1 else ''}"
            every = key_hint(self, "app.notes", "N")
            latest = (
                f" (the latest {len(notes)} here; {every} lists them all)"
                if total > len(notes)
                else ""
            )
            headline = f"✎ {count} on {subject}{latest}"
            if compact:
                first = notes[-1].body.strip().splitlines()[0] if notes[-1].body.strip() else ""
                short = f"✎ {count}: "
                # One line: a note in conflict says so first (the strip may cut the rest).
                warning = next((f"{conflict_mark(n)} " for n in notes if n.conflict), "")
                keys = self._hints(cell_len(mark + short + warning + first))
                parts += [(short, "bold $accent"), (warning, "bold $warning")]
                parts += [markdown_content(first), (keys, muted)]
                notes = []
            else:
                keys = self._hints(cell_len(mark + headline))
                parts += [(headline, "bold $accent"), (keys, muted)]
        for note in notes:
            stamp = note.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            parts += ["\n", (f"[{stamp}] ", muted)]
            if note.conflict is not None:
                parts.append((f"{conflict_mark(note)} ", "bold $warning"))
            parts.append(markdown_content(note.body.strip()))
        self.update(Content.assemble(*parts))
        self.set_class(True, "-visible")
