"""The private parts of Textual that briefing.ui.textual_compat uses are still there and
still do what it expects: an upgrade of Textual that moves one fails here, by name."""

from __future__ import annotations

import inspect

from textual.app import App
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
