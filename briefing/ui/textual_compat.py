"""The one place briefing uses Textual's private API.

Textual is pinned exactly (pyproject.toml); tests/ui/test_textual_compat.py checks
each of these against the installed Textual, so an upgrade that moves one fails
there, by name, rather than somewhere in the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.reactive import Reactive

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import BindingsMap
    from textual.dom import DOMNode
    from textual.geometry import Size
    from textual.screen import Screen
    from textual.style import Style
    from textual.widget import Widget


def expect_no_result(screen: Screen[Any], app: App[Any]) -> None:
    """Give ``screen``, made the app's default screen, the result callback a pushed screen has.

    ``switch_screen`` pops a result callback of the screen it replaces; a default screen has
    none of its own (``Screen._push_result_callback``).
    """
    screen._push_result_callback(app, None)


def apply_theme_filters(app: App[Any]) -> None:
    """What Textual's theme watcher does to the ANSI colour filter, for a theme set before the run
    (``App._refresh_truecolor_filter``)."""
    app._refresh_truecolor_filter(app.ansi_theme)


def scroll_update(widget: Widget, virtual_size: Size) -> None:
    """Tell ``widget``'s scrollbars that its virtual size changed (``Widget._scroll_update``),
    as ``Widget._refresh_scrollbars`` does after a layout."""
    widget._scroll_update(virtual_size)


def own_bindings(node: DOMNode) -> BindingsMap:
    """The bindings of ``node`` alone (``DOMNode._bindings``): Textual copies its class's merged
    ``BINDINGS`` into it on construction, so a change here gives this one node keys known only
    at run time (the number key of a section registered after the class was made)."""
    return node._bindings


def write_to_terminal(app: App[Any], sequence: str) -> None:
    """Write an escape ``sequence`` straight to the terminal, as ``App.bell`` writes its BEL
    (``App._driver``); nothing when headless (tests, ``run_test``) or not running."""
    if not app.is_headless and app._driver is not None:
        app._driver.write(sequence)


def restyle_alone(node: DOMNode) -> None:
    """Apply the stylesheet to ``node`` alone (``App.stylesheet``, ``Stylesheet.apply``).

    A class changed with ``set_class`` restyles the node and every descendant; a class that
    no rule for a descendant names (the reader's panes' ``-current``) needs the node alone:
    set it with ``update=False``, then call this.
    """
    node.app.stylesheet.apply(node, animate=True)


def focused_without_repaint() -> Reactive[Widget | None]:
    """``Screen.focused`` as Textual declares it, without its repaint of the whole screen on
    every change of focus: a screen whose focus looks come from restyling the widgets the
    focus leaves and enters (not from ``:focus-within`` on a container) has nothing else to
    draw again. Declared in a screen's class body as ``focused = focused_without_repaint()``.
    """
    return Reactive(None, repaint=False)


def content_style_getter(widget: Widget) -> Callable[[str | Style], Style]:
    """How ``widget`` turns a style named in Content (``"$accent"``, ``".component-class"``)
    into a style when Textual draws Content for it (``Widget._get_style``, what
    ``Visual.to_strips`` passes to a visual): for drawing Content lines without a visual."""
    return widget._get_style


def styled_by_focus(widget: Widget) -> bool:
    """Whether a rule of the stylesheet names ``:focus`` and applies to ``widget``, one of its
    descendants or one of its component classes (``DOMNode._selector_names``; rules are
    found by the names of the node they style, as ``Stylesheet.apply`` finds them).

    Textual restyles a widget and all it holds whenever its focus changes; a widget whose
    look does not depend on its focus can skip that (see ``SummaryView.watch_has_focus``).
    """
    rules_map = widget.app.stylesheet.rules_map
    names = {f".{name}" for name in widget.COMPONENT_CLASSES}
    for node in widget.walk_children(with_self=True):
        names |= node._selector_names
    return any(
        "focus" in rule.pseudo_classes
        for name in names & rules_map.keys()
        for rule in rules_map[name]
    )


def add_default_css(app: App[Any], widget_class: type[Widget]) -> None:
    """Add the DEFAULT_CSS of ``widget_class`` and of its bases to ``app``'s stylesheet, as
    mounting one does (``Widget._post_register``, ``DOMNode._get_default_css``).

    Each base's CSS carries a tie-breaker from its depth under the class mounted, and the
    stylesheet keeps the lowest seen: a deeper class mounted after the first style lowers
    it, and the source is parsed again (the tie-breaker is in the parse cache's key).
    Added before the first style, the deepest class's bases are parsed once.
    """
    # An instance without __init__: _get_default_css reads only its class.
    node = widget_class.__new__(widget_class)
    for read_from, css, tie_breaker, scope in node._get_default_css():
        app.stylesheet.add_source(
            css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
        )
