"""The key bar: the screen's keys on one line, drawn by one widget, fitted to its width."""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.color import Color
from textual.reactive import reactive
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

ALWAYS_SHOWN = frozenset({"help", "app.help"})
"""Actions whose key the bar keeps at any width: ``?`` is how a newcomer finds the rest."""

BAR = "▏"
"""The line before the command palette's key (Textual's ``vkey`` border, left edge)."""


# Compared (the bar repaints when its keys change), never changed: a NamedTuple compares
# by value like a dataclass, without compiling methods from source at import.
class BarKey(NamedTuple):
    """One key as the bar shows it."""

    key: str
    """The key the bar presses when the key is clicked."""
    display: str
    """The key as shown (``^p``, ``⏎``, ``1-6``)."""
    description: str
    """What it does, in a word or two."""
    action: str
    """The action it runs (``help``, ``app.quit``)."""
    enabled: bool = True
    """False when the action cannot run now: the key is shown dim, a click rings the bell."""
    tooltip: str = ""
    """Shown when the mouse rests on the key."""


class Placed(NamedTuple):
    """A key and the columns ``start`` (included) to ``end`` (excluded) it takes."""

    key: BarKey
    start: int
    end: int
    palette: bool = False


Shown = tuple[tuple[tuple[Binding, bool, str], ...], tuple[Binding, bool] | None]
"""What the bar shows: each shown binding, enabled or not, and its tooltip; the palette's."""


def shown_bindings(screen: Screen[Any]) -> Shown:
    """The bindings Textual's Footer would show on ``screen``, and the command palette's.

    Cheap to compare (the same Binding objects while the keymap stays): the bar rebuilds
    its keys only when these change.
    """
    app = screen.app
    active = screen.active_bindings
    shown = tuple(
        (binding, enabled, tooltip)
        for (_node, binding, enabled, tooltip) in active.values()
        if binding.show
    )
    palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
    return shown, (palette.binding, palette.enabled) if palette is not None else None


def collect(app: App[Any], shown: Shown) -> tuple[tuple[BarKey, ...], BarKey | None]:
    """The keys of ``shown`` as Textual's Footer shows them, and the command palette's key.

    As the Footer: the shown bindings in their order, one key an action (the first bound),
    and the palette's key apart (it is docked right). Textual's binding groups are shown
    key by key: no screen of briefing groups its bindings.
    """
    bindings, palette_binding = shown
    keys: dict[str, BarKey] = {}
    for binding, enabled, tooltip in bindings:
        if binding.action not in keys:
            keys[binding.action] = BarKey(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
            )
    palette = None
    if palette_binding is not None:
        binding, enabled = palette_binding
        palette = BarKey(
            binding.key,
            app.get_key_display(binding),
            binding.description,
            binding.action,
            enabled,
            binding.tooltip or binding.description,
        )
    return tuple(keys.values()), palette


def key_width(key: BarKey, compact: bool) -> int:
    """The cells of ``key``'s text: ``k Desc`` (compact) or `` k Desc `` (not compact)."""
    width = cell_len(key.display)
    if not key.description:
        return width
    return width + 1 + cell_len(key.description) + (0 if compact else 2)


def place(
    keys: tuple[BarKey, ...], palette: BarKey | None, width: int, compact: bool
) -> list[Placed]:
    """Where each shown key goes in a bar ``width`` cells wide.

    Keys run from the left, a cell apart when compact (touching otherwise); the palette's
    key sits at the right end, after its bar and before one blank cell. Keys that do not fit beside it are left out
    from the end of the row (the least important: screens list theirs first, the app's
    come last), except ``?``: it shows at any width.
    """
    gap = 1 if compact else 0
    placed: list[Placed] = []
    room = width
    if palette is not None:
        # Its text is compact at any setting (Textual binds ``compact`` to the other keys only).
        taken = 1 + key_width(palette, True) + (0 if compact else 1)
        start = width - gap - taken
        placed.append(Placed(palette, start, start + taken, palette=True))
        room = start
    widths = [key_width(key, compact) for key in keys]
    total = sum(widths) + gap * len(keys)
    shown = [True] * len(keys)
    for index in reversed(range(len(keys))):
        if total <= room:
            break
        if keys[index].action not in ALWAYS_SHOWN:
            shown[index] = False
            total -= widths[index] + gap
    x = 0
    row = []
    for key, key_cells, show in zip(keys, widths, shown, strict=True):
        if show:
            row.append(Placed(key, x, x + key_cells))
            x += key_cells + gap
    return [*row, *placed]


class KeyStyles(NamedTuple):
    """The Rich styles of one kind of key (plain, dim, under the mouse)."""

    key: Style
    description: Style
    bar: Style
    """The palette key's bar before it."""
    blank: Style
    """A blank cell inside the key (after the palette's text, not compact)."""


class KeyBar(Widget, can_focus=False):
    """The keys of the screen, and the command palette's at the right end, on one line.

    It shows what Textual's ``Footer`` shows, as it shows it (the same theme variables),
    but draws the line itself: the Footer composes a widget a key and composes them all
    again whenever the screen's bindings are recomputed (on every focus change). This
    bar repaints its one line, and only when a key shown, its text or its state changed.

    Keys that do not fit are left out from the end of the row, except ``?`` and the
    palette's key. A click on a key presses it (a dim key, whose action cannot run now,
    rings the bell); the key under the mouse is highlighted and shows its tooltip.
    """

    ALLOW_SELECT = False

    compact: reactive[bool] = reactive(True)
    """A key's text as ``k Desc``, a cell apart (else `` k Desc ``, touching)."""

    COMPONENT_CLASSES = {
        "key-bar--item",
        "key-bar--hover",
        "key-bar--key",
        "key-bar--description",
        "key-bar--disabled",
        "key-bar--palette-bar",
    }
    """
    | Class | Description |
    | :- | :- |
    | `key-bar--item` | A key's own background. |
    | `key-bar--hover` | The key under the mouse (replaces `key-bar--item`). |
    | `key-bar--key` | The key. |
    | `key-bar--description` | What it does. |
    | `key-bar--disabled` | Added to a key whose action cannot run now. |
    | `key-bar--palette-bar` | The line before the command palette's key (its colour). |
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--item { background: $footer-item-background; }
        & > .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--disabled { text-style: dim; }
        & > .key-bar--palette-bar { color: $foreground 20%; }
    }
    """

    def __init__(
        self,
        *,
        compact: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A bar of the screen's keys.

        Args:
            compact: A key's text as ``k Desc`` a cell apart (else `` k Desc `` touching),
                as Textual's ``Footer(compact=...)``.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(KeyBar.compact, compact)
        self._shown: Shown | None = None
        self._keys: tuple[tuple[BarKey, ...], BarKey | None] | None = None
        self._hover: BarKey | None = None
        self._styles: dict[tuple[bool, bool], KeyStyles] = {}

    @property
    def placed(self) -> list[Placed]:
        """The keys shown at the bar's width, and their columns."""
        if self._keys is None:
            if self._shown is None:
                self._shown = shown_bindings(self.screen)
            self._keys = collect(self.app, self._shown)
        keys, palette = self._keys
        return place(keys, palette, self.size.width, self.compact)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        # As Textual's Footer: a blurred app keeps its keys (the focus it lost comes back).
        if not screen.app.app_focus or screen is not self.screen:
            return
        shown = shown_bindings(screen)
        if shown == self._shown:
            return
        self._shown = shown
        keys = collect(screen.app, shown)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        blank = Style(bgcolor=self.background_colors[1].rich_color)
        if y or not width:
            return Strip.blank(width, blank)
        row: list[Segment] = []
        palette: list[Segment] = []
        x = 0
        for placed in self.placed:
            if placed.palette:
                palette = self._palette_segments(placed.key)
                row = list(Strip(row).adjust_cell_length(placed.start, blank))
                x = placed.start
            else:
                if placed.start > x:  # an empty segment would be a cell of its own in an SVG
                    row.append(Segment(" " * (placed.start - x), blank))
                row.extend(self._key_segments(placed.key, self.compact))
            x = placed.end
        return Strip([*row, *palette]).adjust_cell_length(width, blank)

    def _key_segments(self, key: BarKey, compact: bool) -> list[Segment]:
        styles = self._key_styles(key)
        if not key.description:
            return [Segment(key.display, styles.key)]
        if compact:
            return [
                Segment(key.display, styles.key),
                Segment(f" {key.description}", styles.description),
            ]
        return [
            Segment(f" {key.display} ", styles.key),
            Segment(f"{key.description} ", styles.description),
        ]

    def _palette_segments(self, key: BarKey) -> list[Segment]:
        styles = self._key_styles(key)
        segments = [Segment(BAR, styles.bar), *self._key_segments(key, compact=True)]
        if not self.compact:
            segments.append(Segment(" ", styles.blank))
        return segments

    def _key_styles(self, key: BarKey) -> KeyStyles:
        state = (key == self._hover, not key.enabled)
        if state not in self._styles:
            self._styles[state] = self._make_styles(*state)
        return self._styles[state]

    def _make_styles(self, hover: bool, disabled: bool) -> KeyStyles:
        """The styles FooterKey's component styles give (each layer over the one under it)."""
        base = self.background_colors[1]
        item = self.get_component_styles("key-bar--hover" if hover else "key-bar--item")
        background = base + item.background if item.has_rule("background") else base
        text = Style()
        if disabled:
            text += self.get_component_styles("key-bar--disabled").text_style

        def over(name: str) -> Style:
            layer = self.get_component_styles(name)
            behind = background + layer.background if layer.has_rule("background") else background
            return text + layer.text_style + from_color(behind, behind + layer.color)

        bar = self.get_component_styles("key-bar--palette-bar").color
        return KeyStyles(
            key=over("key-bar--key"),
            description=over("key-bar--description"),
            bar=from_color(background, base + bar),
            blank=Style(bgcolor=background.rich_color),
        )

    def _key_at(self, x: int) -> BarKey | None:
        return next((p.key for p in self.placed if p.start <= x < p.end), None)

    def _hover_over(self, key: BarKey | None) -> None:
        if key == self._hover:
            return
        self._hover = key
        self.styles.pointer = "default" if key is None else "pointer"
        self.tooltip = (key.tooltip or None) if key is not None else None
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self._key_at(event.x) if event.y == 0 else None)

    def on_leave(self) -> None:
        self._hover_over(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x) if event.y == 0 else None
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


def from_color(background: Color, color: Color) -> Style:
    """A Rich style of ``color`` on ``background``."""
    return Style.from_color(color.rich_color, background.rich_color)
