"""Inline Markdown read into plain words and styled spans (core.markdown_text)."""

from __future__ import annotations

import pytest

from briefing.core.markdown_text import inline_markdown, plain_markdown


@pytest.mark.parametrize(
    ("text", "plain", "spans"),
    [
        (
            "The committee received **212 written submissions**, all published.",
            "The committee received 212 written submissions, all published.",
            [(23, 46, "bold")],
        ),
        ("expires on **Nov. 10**.", "expires on Nov. 10.", [(11, 18, "bold")]),
        ("*maybe* _later_", "maybe later", [(0, 5, "italic"), (6, 11, "italic")]),
        (
            "a [link](https://x.test) and `code`",
            "a link and code",
            [(2, 6, "link"), (11, 15, "code")],
        ),
        ("# Head\n- one\n- two", "Head\n• one\n• two", []),
        ("2 * 3 = 6 and snake_case_name", "2 * 3 = 6 and snake_case_name", []),
        ("[bold]not markup[/bold]", "[bold]not markup[/bold]", []),
    ],
)
def test_inline_markdown(text: str, plain: str, spans: list) -> None:
    assert inline_markdown(text) == (plain, spans)
    assert plain_markdown(text) == plain
