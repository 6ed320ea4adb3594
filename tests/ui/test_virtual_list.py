"""The virtual list under the quotes, timeline, figures and deadlines panes.

The wrap is checked against Rich's (which ``Content.wrap`` uses) on random text;
the widget in a tiny app: rows measured and drawn alike, only rows on screen
built, the keys, the mouse, marks, the empty text, and a look identical to the
``OptionList`` it replaced. Last, a generated brief of 20,000 quotes is opened
and scrolled to its end.
"""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path
from typing import Any

import pytest
from rich._wrap import divide_line
from rich.cells import cell_len
from textual import events
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.virtual_wrap import _SINGLE_CELL, line_count, wrap_offsets

from .uihelpers import screen_text, settle

TEXTS = [
    "中文字符测试，这是一个很长的句子，需要换行才能显示完整。",
    "Party 🎉🎉🎉 time with 👍 and 🎂 for everyone at the table",
    "Supercalifragilisticexpialidocious-and-then-some words after it",
    "“Quoted” — dash é Ünïcödé  double  spaces   trailing   ",
    "line one\nline two\n\nafter a blank line",
    "    leading spaces then a word",
    "tab\tseparated\tcolumns",
]


def random_text(rng: random.Random, size: int) -> str:
    alphabet = [
        *"abc defg hij     ",
        "“",
        "”",
        "—",
        "é",
        "中",
        "文",
        "😀",
        "👍🏽",
        "\u00a0",
        "\u200b",
    ]
    return "".join(rng.choice(alphabet) for _ in range(size))


def test_single_cell_characters_are_one_cell_and_not_spaces() -> None:
    """The fast path's characters: one cell each, and only " " among them is white space."""
    for code in range(0x3000):
        character = chr(code)
        if _SINGLE_CELL.fullmatch(character):
            assert cell_len(character) == 1, hex(code)
            assert character == " " or not character.isspace(), hex(code)


@pytest.mark.parametrize("alphabet", ["ab  c", "wide"])
def test_wrap_offsets_are_rich_s(alphabet: str) -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        if alphabet == "wide":
            text = random_text(rng, rng.randint(0, 40))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        width = rng.randint(1, 14)
        assert wrap_offsets(text, width) == divide_line(text, width), (text, width)


def test_line_count_is_the_height_of_content_wrap() -> None:
    rng = random.Random(3)
    texts = [*TEXTS, *(random_text(rng, 70) + "\n" + random_text(rng, 30) for _ in range(500))]
    for text in texts:
        for width in (1, 2, 5, 11, 24, 40):
            assert line_count(text, width) == len(Content(text).wrap(width)), (text, width)


class Counted:
    """A lazy prompt that counts how often its Content is built."""

    builds = 0

    def __init__(self, text: str) -> None:
        self.plain = text

    def build(self) -> Content:
        Counted.builds += 1
        return Content(self.plain)


class ListApp(App[None]):
    """One ItemList filling the terminal."""

    def __init__(self, items: list[tuple[str, Any]], empty: str = "Nothing here") -> None:
        super().__init__()
        self.items = items
        self.empty = empty
        self.messages: list[Any] = []

    def compose(self) -> ComposeResult:
        yield ItemList(self.empty, id="items")

    def on_mount(self) -> None:
        self.query_one(ItemList).set_items(self.items)
        self.query_one(ItemList).focus()

    def on_item_list_highlighted(self, message: ItemList.Highlighted) -> None:
        self.messages.append(("highlighted", message.item_id))

    def on_item_list_selected(self, message: ItemList.Selected) -> None:
        self.messages.append(("selected", message.item_id))


def rows_on_screen(app: App[Any]) -> list[str]:
    return [line.rstrip() for line in screen_text(app).splitlines()]


def expected_rows(texts: list[str], width: int) -> list[str]:
    """How OptionList drew these prompts: wrapped by Content, padded by one, a rule between."""
    rows: list[str] = []
    for index, text in enumerate(texts):
        rows += [(" " + line.plain).rstrip() for line in Content(text).wrap(width - 2)]
        if index < len(texts) - 1:
            rows.append("─" * width)
    return rows


@pytest.mark.parametrize("width", [12, 17, 30, 45])
async def test_rows_are_drawn_as_they_were_measured(width: int) -> None:
    app = ListApp([(f"i{n}", Content(text)) for n, text in enumerate(TEXTS)])
    async with app.run_test(size=(width, 120)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        expected = expected_rows(TEXTS, width)
        assert rows_on_screen(app)[: len(expected)] == expected
        assert items.virtual_size.height == len(expected)


async def test_only_rows_on_screen_are_built() -> None:
    Counted.builds = 0
    items = [(f"q{n}", Counted(f"Quote number {n} says something " * 3)) for n in range(20_000)]
    app = ListApp(items)
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        assert "Quote number 0 says" in screen_text(app)
        assert 0 < Counted.builds <= 30  # a screenful: rows of two lines and a rule
        Counted.builds = 0
        await pilot.press("G")
        await pilot.pause()
        assert "Quote number 19999 says" in screen_text(app)
        assert Counted.builds <= 30


async def test_keys_move_the_cursor_and_wrap_round() -> None:
    app = ListApp([(f"i{n}", Content(f"item {n}")) for n in range(20)])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        assert items.highlighted == 0
        steps = [
            ("j", 1), ("down", 2), ("k", 1), ("up", 0), ("k", 19), ("j", 0),
            ("G", 19), ("g", 0), ("end", 19), ("home", 0),
            ("pagedown", 5), ("pagedown", 10), ("pageup", 5), ("pageup", 0),
        ]  # fmt: skip
        for key, index in steps:
            await pilot.press(key)
            assert items.highlighted == index, key
            assert items.highlighted_id == f"i{index}"
            # The highlighted row is on screen.
            assert re.search(rf"\bitem {index}\b", screen_text(app)), key
        await pilot.press("enter")
        await pilot.pause()
        assert app.messages[-1] == ("selected", "i0")
        assert ("highlighted", "i19") in app.messages


async def test_a_click_highlights_and_a_double_click_selects() -> None:
    """One behaviour for the mouse (README): a click focuses and highlights, enter or a
    double click opens."""
    app = ListApp([(f"i{n}", Content(f"item {n}")) for n in range(5)])
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        await pilot.click(ItemList, offset=(3, 4))  # rows at 0, 2, 4: the third
        await pilot.pause()
        assert items.highlighted == 2
        assert ("selected", "i2") not in app.messages
        await pilot.click(ItemList, offset=(3, 3))  # a rule: nothing
        await pilot.pause()
        assert items.highlighted == 2
        await pilot.double_click(ItemList, offset=(3, 2))
        await pilot.pause()
        assert items.highlighted == 1
        assert app.messages[-1] == ("selected", "i1")


async def test_the_mouse_wheel_scrolls_without_moving_the_cursor() -> None:
    app = ListApp([(f"i{n}", Content(f"item {n}")) for n in range(50)])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        for _ in range(4):
            items.post_message(events.MouseScrollDown(items, 2, 2, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert items.scroll_y > 0
        assert items.highlighted == 0
        assert not re.search(r"\bitem 0\b", screen_text(app))
        # Its rows are drawn from where the list is scrolled to (each a line and a rule).
        first = items.scroll_offset.y // 2
        assert re.search(rf"\bitem {first}\b", screen_text(app))
        await pilot.press("j")
        assert items.highlighted == 1
        assert re.search(r"\bitem 1\b", screen_text(app))  # back in view


async def test_rows_may_have_vertical_padding() -> None:
    class Padded(ListApp):
        CSS = "ItemList > .virtual-list--row { padding: 1 1; }"

    app = Padded([("a", Content("alpha " * 6)), ("b", Content("bravo"))])
    async with app.run_test(size=(20, 20)) as pilot:
        await pilot.pause()
        rows = rows_on_screen(app)
        wrapped = [(" " + line.plain).rstrip() for line in Content("alpha " * 6).wrap(18)]
        expected = ["", *wrapped, "", "─" * 20, "", " bravo", ""]
        assert rows[: len(expected)] == expected
        assert app.query_one(ItemList).virtual_size.height == len(expected)


async def test_marks_and_prompts_change_one_row() -> None:
    app = ListApp([("a", Content("alpha")), ("b", Counted("bravo " * 4)), ("c", Content("c"))])
    async with app.run_test(size=(28, 12)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        assert rows_on_screen(app)[:4] == [" alpha", "─" * 28, " bravo bravo bravo bravo", "─" * 28]
        items.set_marks({"b": "✎2 ★"})
        await pilot.pause()
        assert items.prompt("b").plain.startswith("✎2 ★ bravo")
        # The mark makes the row wrap: the rows below move down.
        assert rows_on_screen(app)[2:6] == [" ✎2 ★ bravo bravo bravo", " bravo", "─" * 28, " c"]
        items.replace_prompt("b", Content("delta"))
        await pilot.pause()
        assert rows_on_screen(app)[2:5] == [" ✎2 ★ delta", "─" * 28, " c"]
        items.set_marks({})
        await pilot.pause()
        assert rows_on_screen(app)[2] == " delta"


async def test_the_empty_text_cannot_be_highlighted() -> None:
    app = ListApp([], empty="No quotes in this brief")
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        assert rows_on_screen(app)[0] == " No quotes in this brief"
        for key in ("j", "k", "G", "g", "pagedown", "enter"):
            await pilot.press(key)
        await pilot.click(ItemList, offset=(3, 0))
        await pilot.pause()
        assert items.highlighted is None
        assert items.highlighted_id is None
        assert items.item_ids == ()
        assert app.messages == []


async def test_set_items_keeps_the_cursor_on_the_same_item() -> None:
    app = ListApp([(f"i{n}", Content(f"item {n}")) for n in range(30)])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        items = app.query_one(ItemList)
        assert items.select_id("i20")
        assert not items.select_id("nope")
        items.set_items([(f"i{n}", Content(f"item {n}")) for n in reversed(range(30))])
        await pilot.pause()
        assert items.highlighted_id == "i20"
        assert items.highlighted == 9
        assert re.search(r"\bitem 20\b", screen_text(app))
        items.set_items([("x", Content("x")), ("y", Content("y"))])
        assert items.highlighted_id == "x"


async def test_a_resize_wraps_the_rows_again() -> None:
    long = "the quick brown fox jumps over the lazy dog " * 3
    app = ListApp([("a", Content(long)), ("b", Content("end"))])
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.pause()
        assert rows_on_screen(app)[:5] == expected_rows([long, "end"], 50)
        await pilot.resize_terminal(21, 30)
        await pilot.pause()
        expected = expected_rows([long, "end"], 21)
        assert len(expected) > 5
        assert rows_on_screen(app)[: len(expected)] == expected


class SideBySide(App[None]):
    """An ItemList beside an OptionList styled as ItemList used to be (an OptionList subclass)."""

    CSS = """
    Horizontal { height: 1fr; }
    ItemList, OptionList { width: 1fr; }
    OptionList, OptionList:focus {
        height: 1fr; max-height: 100%; border: none; padding: 0;
        background: transparent; background-tint: transparent;
        & > .option-list--option { padding: 0 1; }
    }
    """

    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        with Horizontal():
            yield ItemList("empty")
            yield OptionList(markup=False)

    def on_mount(self) -> None:
        prompts = [Content.assemble((text, "bold $accent")) for text in TEXTS[:4]]
        self.query_one(ItemList).set_items([(f"i{n}", p) for n, p in enumerate(prompts)])
        options: list[Option | None] = []
        for n, prompt in enumerate(prompts):
            options += [None] if options else []
            options.append(Option(prompt, id=f"i{n}"))
        self.query_one(OptionList).add_options(options)
        self.query_one(OptionList).highlighted = 1
        self.query_one(ItemList).highlighted = 1


def cells(widget: Any) -> list[list[tuple[str, Any, Any, Any, Any]]]:
    """Each cell of a widget's lines: the character, its colours, bold and italic."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return [
        [
            (char, seg.style.color, seg.style.bgcolor, seg.style.bold, seg.style.italic)
            for seg in strip
            for char in seg.text
        ]
        for strip in widget.render_lines(region)
    ]


async def test_it_looks_like_the_option_list_it_replaced() -> None:
    app = SideBySide()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        items, options = app.query_one(ItemList), app.query_one(OptionList)
        assert app.focused is None
        assert cells(items) == cells(options)
        items.focus()
        await pilot.pause()
        focused_items = cells(items)
        options.focus()
        await pilot.pause()
        assert focused_items == cells(options)
        assert focused_items != cells(items)  # the highlight shows the focus


def load_generator() -> Any:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("briefing_bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_brief_of_20000_quotes_scrolls_to_its_end(make_app, tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    load_generator().big(1, 20_000, 300, big)
    app = make_app(path=big)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        quotes = screen.query_one("#quotes", ItemList)
        await pilot.press("3")
        assert len(quotes.item_ids) == 20_000
        assert quotes.highlighted == 0
        await pilot.press("G")
        await pilot.pause()
        last = screen.brief.quotes[-1]
        assert quotes.highlighted == 19_999
        assert quotes.highlighted_id == last.id
        # "(remark 0-19999)." ends the last quote's words; the pane shows it.
        assert "0-19999).”" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert quotes.highlighted == 0
        assert "0-0).”" in screen_text(app)


async def test_a_tick_redraws_only_the_deadlines_on_screen(
    make_app, clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate = load_generator()
    rng = random.Random(5)
    brief = generate.make_brief(rng, 5, 5, 0)
    brief["deadlines"] = [
        {"id": f"d{n}", "title": f"Deadline {n}", "due": generate._when(rng, 1, 400)}
        for n in range(2_000)
    ]
    path = tmp_path / "deadlines.toml"
    generate.write_brief(brief, path)
    from briefing.ui.widgets import deadline_list

    made: list[str] = []
    real_row = deadline_list.deadline_row

    def counted_row(deadline: Any, now: Any, **options: Any) -> Any:
        made.append(deadline.id)
        return real_row(deadline, now, **options)

    monkeypatch.setattr(deadline_list, "deadline_row", counted_row)
    app = make_app(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("4")
        await pilot.pause()
        deadlines = screen.query_one("#deadlines", deadline_list.DeadlineList)
        first = deadlines.deadlines[0]
        before = option_line(app, first.title)
        made.clear()
        clock.advance(1)
        screen.tick()
        await pilot.pause()
        # The rows on screen (four lines each with the rule: five), not 2,000.
        assert 0 < len(made) <= 10
        assert set(made) <= {d.id for d in deadlines.deadlines[:10]}
        assert option_line(app, first.title) != before  # and their countdowns moved


def option_line(app: App[Any], title: str) -> str:
    """The countdown line drawn two lines below ``title``."""
    rows = rows_on_screen(app)
    top = next(n for n, row in enumerate(rows) if title in row)
    return rows[top + 2]


def test_lazy_rows_build_the_content_their_text_promises(
    samples_dir: Path, hostile_dir: Path
) -> None:
    """What a row is measured from is what it draws, and it draws what quote_prompt drew."""
    from briefing.core.clock import local_zone
    from briefing.core.loading import load_brief
    from briefing.ui.render import deadline_row, event_row, figure_row, quote_prompt, quote_rows

    paths = [*samples_dir.glob("*.toml"), *samples_dir.glob("*.json"), *hostile_dir.glob("*.toml")]
    assert len(paths) >= 6
    for path in paths:
        brief = load_brief(path, local_zone=local_zone())
        for clock in ("24h", "12h"):
            for (quote_id, row), quote in zip(
                quote_rows(brief, brief.quotes, clock=clock), brief.quotes, strict=True
            ):
                content = row.build()
                assert quote_id == quote.id
                assert row.plain == content.plain
                expected = quote_prompt(brief, quote, clock=clock)
                assert (content.plain, content.spans) == (expected.plain, expected.spans)
        rows = [
            *(deadline_row(d, brief.published_at, clock="12h") for d in brief.deadlines),
            *(event_row(e) for e in brief.timeline),
            *(figure_row(f) for f in brief.figures),
        ]
        for prompt in rows:
            assert prompt.plain == prompt.build().plain
