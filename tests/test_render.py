"""Both renderings of a brief (plain text and Rich) show every section, and never read markup."""

from __future__ import annotations

import io
import re
from datetime import UTC
from pathlib import Path

import pytest
from kit import NOW, brief_toml  # 2025-10-26T14:00+03:00
from rich.console import Console

from briefing.core import Brief, load_brief, parse_brief
from briefing.core.render_text import brief_to_text
from briefing.ui.console.brief import render_brief

TRUCE_COUNTDOWN = "in 15d 5h"

MARKUP_BRIEF = """\
format = 1
title = "Title [bold]x[/bold] [@click=app.quit]y[/]"
published = 2025-10-26T13:55:00+03:00
tags = ["[i]tag[/i]"]
summary = "Summary [bold]s[/bold]"

[source]
name = "[red]Paper[/red]"

[[participants]]
id = "mallory"
name = "[b]Mallory[/b]"
role = "[u]Spy[/u]"
affiliation = "[blink]Org[/]"

[[quotes]]
speaker = "mallory"
text = "[red]not red[/red]"
context = "[dim]ctx[/dim]"
source = "[link=x]src[/link]"

[[deadlines]]
title = "[bold]due[/bold]"
due = 2025-11-10

[[timeline]]
date = 2025-10-25
place = "[i]KL[/i]"
label = "[@click=app.bell]event[/]"

[[figures]]
label = "[b]label[/b]"
value = "[b]99%[/b]"
note = "[s]note[/s]"
"""

MARKUP = [
    "[bold]x[/bold]",
    "[@click=app.quit]y[/]",
    "[i]tag[/i]",
    "[bold]s[/bold]",
    "[red]Paper[/red]",
    "[b]Mallory[/b]",
    "[u]Spy[/u]",
    "[blink]Org[/]",
    "[red]not red[/red]",
    "[dim]ctx[/dim]",
    "[link=x]src[/link]",
    "[bold]due[/bold]",
    "[i]KL[/i]",
    "[@click=app.bell]event[/]",
    "[b]label[/b]",
    "[b]99%[/b]",
    "[s]note[/s]",
]


def rich_text(brief: Brief, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(render_brief(brief, NOW))
    return console.file.getvalue()  # type: ignore[attr-defined]


def flat(text: str) -> str:
    """Collapse runs of whitespace, so wrapped lines compare as one."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def seed() -> Brief:
    path = (
        Path(__file__).resolve().parent.parent
        / "sample_briefs"
        / "us-china-trade-talks-kuala-lumpur.toml"
    )
    return load_brief(path, local_zone=UTC)


@pytest.fixture(scope="module")
def marked() -> Brief:
    return parse_brief(MARKUP_BRIEF, "markup.toml", local_zone=UTC)


def headers(brief: Brief) -> list[str]:
    return [
        "Summary",
        f"Participants ({len(brief.participants)})",
        f"Quotes ({len(brief.quotes)})",
        f"Deadlines ({len(brief.deadlines)})",
        f"Timeline ({len(brief.timeline)})",
        f"Key figures ({len(brief.figures)})",
    ]


def test_plain_text_has_every_section_and_quote(seed: Brief) -> None:
    text = brief_to_text(seed, NOW)
    assert text.startswith(f"# {seed.title}\n")
    for header in headers(seed):
        assert f"\n## {header}\n" in text
    for quote in seed.quotes:
        assert f"“{quote.text}”" in text
    assert TRUCE_COUNTDOWN in text


def test_rich_has_every_section_and_quote(seed: Brief) -> None:
    text = rich_text(seed)
    assert "\x1b" not in text
    assert seed.title in text
    for header in headers(seed):
        assert header in text
    flattened = flat(text)
    for quote in seed.quotes:
        assert quote.text in flattened
    for person in seed.participants:
        assert person.name in text
    assert TRUCE_COUNTDOWN in text
    assert "145%" in text and "125%" in text


def test_empty_sections_say_so() -> None:
    bare = parse_brief(brief_toml("Bare"), "bare.toml")
    plain = brief_to_text(bare, NOW)
    styled = rich_text(bare)
    for what in ("summary", "participants", "quotes", "deadlines", "timeline", "figures"):
        assert f"No {what} in this brief." in plain
        assert f"No {what} in this brief." in styled


def test_markup_is_literal_in_rich_output(marked: Brief) -> None:
    text = rich_text(marked)
    for markup in MARKUP:
        assert markup in text, f"{markup!r} was read as markup"


def test_markup_is_literal_in_plain_text(marked: Brief) -> None:
    text = brief_to_text(marked, NOW)
    for markup in MARKUP:
        assert markup in text
