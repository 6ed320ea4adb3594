"""Opening a brief parses each CSS source once (issue 15).

Textual adds a class's DEFAULT_CSS, and its bases', as each widget mounts, each base with
a tie-breaker from its depth under the class mounted; a deeper class mounted later
(the deadlines' list under the quotes') lowers a base's tie-breaker, and the stylesheet
parses that source again (the tie-breaker is part of its parse cache's key): the
Widget, ScrollableContainer and ScrollView CSS three times, VirtualList's and ItemList's
twice. The reader adds the default CSS of its deepest widgets before its first style.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet

from .uihelpers import NARROW, WIDE, settle


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["narrow", "wide"])
async def test_opening_a_brief_parses_each_css_source_once(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    parsed: Counter[Any] = Counter()
    original = Stylesheet._parse_rules

    def parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        if key not in self._parse_cache:
            parsed[read_from[1] or read_from[0]] += 1
        return original(self, css, read_from, is_default_rules, tie_breaker, scope)

    monkeypatch.setattr(Stylesheet, "_parse_rules", parse_rules)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3", "5", "1")
        await pilot.pause()
    assert parsed and max(parsed.values()) == 1, {k: v for k, v in parsed.items() if v > 1}
