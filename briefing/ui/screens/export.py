"""The export dialog (``x``): which format, which briefs, and where to write."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from briefing.core.filenames import safe_filename
from briefing.storage.export_files import EXPORT_FORMATS, SUFFIXES, ExportRequest
from briefing.ui.widgets.key_bar import KeyBar

TITLE_ROOM = 44
"""Cells for the brief's title in the "Only this brief" label: the dialog is 76 wide."""


def _fitted(title: str) -> str:
    """``title`` cut to :data:`TITLE_ROOM` cells with an ellipsis (it was cut mid-word, unmarked)."""
    return title if len(title) <= TITLE_ROOM else title[: TITLE_ROOM - 1].rstrip() + "…"


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Ask for an export; dismisses with an :class:`ExportRequest`, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.go", priority=True),
    ]

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 76; max-width: 95%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ExportScreen .title { text-style: bold; color: $accent; }
    ExportScreen RadioSet { width: 100%; }
    ExportScreen Horizontal { height: auto; align-horizontal: right; }
    ExportScreen Button { margin-left: 2; }
    ExportScreen #export-path { width: 100%; }
    ExportScreen #export-problem { color: $error; display: none; }
    /* Over a dialog the user types in, toasts keep to one row a line, unpadded, at the top
       (briefing.tcss puts every screen's there): at 80x24 a padded toast still reached the file name. */
    ExportScreen ToastRack { dock: top; align: right top; margin: 0; }
    ExportScreen Toast { padding: 0 1; margin: 0; }
    """

    def __init__(
        self,
        brief_title: str | None,
        brief_id: str | None,
        default_format: str = "md",
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.brief_title = brief_title
        self.brief_id = brief_id
        self.format = default_format if default_format in SUFFIXES else "md"
        self.folder = folder if folder is not None else Path.cwd()
        """Where the file goes unless the user says otherwise."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Export"), classes="title", markup=False)
            with RadioSet(id="export-format"):
                for key, fmt in EXPORT_FORMATS.items():
                    yield RadioButton(
                        Content(fmt.label), value=key == self.format, id=f"format-{key}"
                    )
            yield Checkbox(
                Content(
                    f"Only this brief: {_fitted(self.brief_title)}"
                    if self.brief_title
                    else "Only this brief"
                ),
                value=self.brief_id is not None,
                disabled=self.brief_id is None,
                id="export-only",
            )
            yield Input(self.default_path(), id="export-path")
            yield Static(id="export-problem", markup=False)
            with Horizontal():
                yield Button(Content("Cancel"), id="cancel")
                yield Button(Content("Export (ctrl+s)"), id="export", variant="primary")
        yield KeyBar(compact=False)

    def on_mount(self) -> None:
        field = self.query_one("#export-path", Input)
        # The file name in view, not the folder: once the field knows its width.
        field.cursor_position = len(field.value)
        self.call_after_refresh(
            lambda: field.scroll_to(x=field.max_scroll_x, animate=False, force=True)
        )

    def default_path(self) -> str:
        """A file in the dialog's folder named after the brief (or "notes"), ``~`` for home."""
        stem = (
            self.brief_title
            if self.brief_title and self.brief_id
            else EXPORT_FORMATS[self.format].exports
        )
        path = str(self.folder / safe_filename(stem, SUFFIXES[self.format]))
        home = str(Path.home())
        return "~" + path[len(home) :] if path.startswith(home + "/") else path

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.pressed.id:
            old_default = self.default_path()
            self.format = event.pressed.id.removeprefix("format-")
            path = self.query_one("#export-path", Input)
            if path.value == old_default or Path(path.value).suffix in SUFFIXES.values():
                path.value = str(Path(path.value).with_suffix(SUFFIXES[self.format]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def action_export(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            # Said in the dialog: a toast per ctrl+s piled up over it.
            problem = self.query_one("#export-problem", Static)
            problem.update(Content("Say where to write the export"))
            problem.display = True
            return
        only = self.query_one("#export-only", Checkbox).value
        self.dismiss(
            ExportRequest(self.format, Path(value).expanduser(), self.brief_id if only else None)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
