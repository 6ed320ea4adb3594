"""The private parts of Textual that briefing.ui.textual_compat uses are still there and
still do what it expects: an upgrade of Textual that moves one fails here, by name."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from briefing.ui import textual_compat


def test_the_private_names_exist() -> None:
    assert inspect.signature(Screen._push_result_callback).parameters.keys() >= {
        "requester",
        "callback",
    }
    assert list(inspect.signature(App._refresh_truecolor_filter).parameters) == ["self", "theme"]
    assert list(inspect.signature(Widget._scroll_update).parameters) == ["self", "virtual_size"]
    # write_to_terminal writes as App.bell does.
    assert "self._driver.write(" in inspect.getsource(App.bell)


async def test_a_default_screen_given_a_result_callback_can_be_switched_away() -> None:
    class First(Screen[None]):
        pass

    class Compat(App[None]):
        def get_default_screen(self) -> Screen[None]:
            screen = First()
            textual_compat.expect_no_result(screen, self)
            return screen

    app = Compat()
    async with app.run_test() as pilot:
        assert isinstance(app.screen, First)
        await app.switch_screen(Screen())
        await pilot.pause()
        assert not isinstance(app.screen, First)


async def test_theme_filters_and_scroll_update_run() -> None:
    app: App[None] = App()
    async with app.run_test():
        textual_compat.apply_theme_filters(app)
        widget = Widget()
        await app.screen.mount(widget)
        textual_compat.scroll_update(widget, Size(10, 100))


async def test_own_bindings_are_the_nodes_and_a_key_bound_there_runs() -> None:
    """``own_bindings`` is the node's own copy of its class's bindings: a key bound on it
    (as the brief screen binds a registered section's number) reaches only that node."""
    from textual.binding import BindingsMap

    ran: list[str] = []

    class Probe(App[None]):
        def action_probe(self) -> None:
            ran.append("probe")

    app = Probe()
    async with app.run_test() as pilot:
        bindings = textual_compat.own_bindings(app)
        assert isinstance(bindings, BindingsMap)
        assert bindings is not textual_compat.own_bindings(Probe())
        bindings.bind("7", "probe")
        await pilot.press("7")
        await pilot.pause()
    assert ran == ["probe"]


async def test_restyle_alone_applies_a_class_to_the_node_and_not_its_children(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``restyle_alone`` styles the node by a class set with ``update=False``, leaving its
    children as they were styled (``set_class`` would restyle each of them)."""
    from textual.containers import Vertical
    from textual.css.stylesheet import Stylesheet
    from textual.widgets import Static

    class Probe(App[None]):
        CSS = """
        Vertical { border: round red; }
        Vertical.-on { border: round green; }
        """

        def compose(self) -> ComposeResult:
            with Vertical():
                yield Static("x")

    app = Probe()
    async with app.run_test() as pilot:
        box = app.query_one(Vertical)
        restyled: list[Any] = []
        original = Stylesheet.apply

        def apply(self: Stylesheet, node: Any, **kwargs: Any) -> None:
            restyled.append(node)
            original(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", apply)
        box.set_class(True, "-on", update=False)
        assert box.styles.border_top[1] == Color.parse("red")
        textual_compat.restyle_alone(box)
        monkeypatch.undo()
        assert box.styles.border_top[1] == Color.parse("green")
        assert restyled == [box]
        await pilot.pause()


async def test_a_screen_whose_focused_does_not_repaint_still_follows_the_focus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``focused_without_repaint`` redeclares ``Screen.focused`` as Textual declares it
    (the focused widget or None), without the screen's repaint; set_focus still sets it,
    its watchers (Textual's, which refreshes the bindings, and the screen's own) still run."""
    from textual.reactive import Reactive
    from textual.widgets import Input

    assert isinstance(Screen.__dict__["focused"], Reactive)
    assert Screen.__dict__["focused"]._default is None
    assert "_watch_focused" in Screen.__dict__
    seen: list[tuple[object, object]] = []

    class Quiet(Screen[None]):
        focused = textual_compat.focused_without_repaint()

        def compose(self) -> ComposeResult:
            yield Input(id="a")
            yield Input(id="b")

        def watch_focused(self, old: Widget | None, new: Widget | None) -> None:
            seen.append((old, new))

    class Probe(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Quiet())

    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        a, b = screen.query_one("#a"), screen.query_one("#b")
        repaints: list[Any] = []
        original = Widget.refresh

        def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
            if self is screen and not regions:
                repaints.append(self)
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", refresh)
        screen.set_focus(a)
        screen.set_focus(b)
        monkeypatch.undo()
        assert screen.focused is b
        assert seen[-2:] == [(seen[-2][0], a), (a, b)]
        assert repaints == []
        await pilot.pause()
        assert b.has_focus


async def test_content_style_getter_resolves_variables_and_component_classes() -> None:
    """``content_style_getter`` is what ``Visual.to_strips`` gives a visual to resolve the
    styles named in Content: a theme variable, and a component class of the widget."""
    from textual.style import Style

    class Named(Widget):
        COMPONENT_CLASSES = {"named--part"}
        DEFAULT_CSS = "Named > .named--part { color: red; }"

    app: App[None] = App()
    async with app.run_test():
        widget = Named()
        await app.screen.mount(widget)
        get_style = textual_compat.content_style_getter(widget)
        assert get_style("bold") == Style.parse("bold")
        assert get_style(".named--part").foreground == Color.parse("red")
        # The getter Textual itself hands to a visual it draws for the widget.
        from textual.visual import Visual

        assert "widget._get_style," in inspect.getsource(Visual.to_strips)


async def test_styled_by_focus_finds_rules_for_the_widget_its_children_and_parts() -> None:
    """``styled_by_focus`` sees a ``:focus`` rule styling the widget, a descendant or a
    component class of it, and no rule styling others by focus."""
    from textual.containers import Vertical
    from textual.widgets import Static

    class Part(Vertical, can_focus=True):
        COMPONENT_CLASSES = {"part--bit"}

    class Plain(Vertical, can_focus=True):
        pass

    class Focus(App[None]):
        CSS = """
        Part:focus > .part--bit { color: red; }
        #inner-b:focus { color: red; }
        """

        def compose(self) -> ComposeResult:
            yield Part(id="a")
            yield Plain(Static(id="inner-b"), id="b")
            yield Plain(Static(id="inner-c"), id="c")

    app = Focus()
    async with app.run_test():
        assert textual_compat.styled_by_focus(app.query_one("#a", Widget))
        assert textual_compat.styled_by_focus(app.query_one("#b", Widget))
        assert not textual_compat.styled_by_focus(app.query_one("#c", Widget))


async def test_add_default_css_adds_what_mounting_the_class_adds() -> None:
    """After ``add_default_css`` for a class, mounting one changes no CSS source (none
    added, no tie-breaker lowered): what it added is what ``Widget._post_register`` adds."""
    from textual.containers import VerticalScroll

    class Deep(VerticalScroll):
        DEFAULT_CSS = "Deep { color: red; }"

    app: App[None] = App()
    async with app.run_test() as pilot:
        textual_compat.add_default_css(app, Deep)
        before = dict(app.stylesheet.source)
        await app.screen.mount(Deep())
        await pilot.pause()
        assert dict(app.stylesheet.source) == before
        assert app.query_one(Deep).styles.color == Color.parse("red")
