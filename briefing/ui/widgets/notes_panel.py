"""Notes of the focused item, shown below the panes so they sit beside what they annotate."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing.core.annotations import Note
from briefing.ui.key_hints import key_hint
from briefing.ui.render import markdown_content

NOTE_KEYS = (
    ("brief.note", "n", "add"),
    ("brief.edit-note", "E", "edit"),
    ("brief.external-edit", "e", "$EDITOR"),
    ("brief.delete-note", "d", "delete"),
)
"""The keys the strip names (binding id, default key, what it does): shown as remapped."""


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

    def show_notes(
        self, subject: str, notes: list[Note], bookmarked: bool, *, total: int | None = None
    ) -> None:
        """Show ``notes`` about ``subject`` (newest last); hide the panel when there is nothing.

        ``total`` is how many notes the item has when ``notes`` are only the latest of them.
        """
        if not notes and not bookmarked:
            self.set_class(False, "-visible")
            self.update(Content(""))
            return
        muted = "$text-muted"
        compact = self.app.size.height < self.COMPACT_BELOW
        self.set_class(compact, "-compact")
        parts: list[str | tuple[str, str] | Content] = []
        if bookmarked:
            parts.append(("★ bookmarked  ", "bold $warning"))
        if notes:
            total = max(total or 0, len(notes))
            count = f"{total:,} note{'s' if total != 1 else ''}"
            every = key_hint(self, "app.notes", "N")
            latest = (
                f" (the latest {len(notes)} here; {every} lists them all)"
                if total > len(notes)
                else ""
            )
            keys = " · ".join(
                f"{key_hint(self, binding_id, default)} {what}"
                for binding_id, default, what in NOTE_KEYS
            )
            if compact:
                first = notes[-1].body.strip().splitlines()[0] if notes[-1].body.strip() else ""
                parts += [(f"✎ {count}: ", "bold $accent"), markdown_content(first)]
                parts.append((f"   {keys}", muted))
                notes = []
            else:
                parts += [
                    (f"✎ {count} on {subject}{latest}", "bold $accent"),
                    (f"   {keys}", muted),
                ]
        for note in notes:
            stamp = note.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            parts += ["\n", (f"[{stamp}] ", muted), markdown_content(note.body.strip())]
        self.update(Content.assemble(*parts))
        self.set_class(True, "-visible")
