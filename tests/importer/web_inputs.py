"""What the tests of ``briefing import`` on pages, feeds and URLs share: the saved pages,
a feed of three entries, an empty feed, and the check that a failure is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parent / "pages"
HARBOUR = PAGES / "harbour.html"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Valley Voice</title><link>https://voice.example/</link><description>News</description>
<item>
  <title>Rural clinics to get new funding</title>
  <link>https://voice.example/clinics</link>
  <pubDate>Mon, 22 Sep 2025 08:00:00 +0000</pubDate>
  <author>ana@voice.example (Ana Souza)</author>
  <description><![CDATA[<p>The health ministry announced on Monday that 340 rural clinics would share an extra 85 million dollars.</p>
  <p>"No family should have to drive three hours to see a nurse," Health Minister Carlos Mendes said.</p>]]></description>
</item>
<item>
  <title>Budget: a 50/50 split? ../../etc/passwd</title>
  <link>https://voice.example/budget</link>
  <pubDate>Tue, 23 Sep 2025 08:00:00 +0000</pubDate>
  <description>The council agreed on Tuesday to split the road budget evenly between the two districts, Mayor Lena Vogt said.</description>
</item>
<item>
  <title>Library opens late-night study hall</title>
  <link>https://voice.example/library</link>
  <pubDate>Wed, 24 Sep 2025 08:00:00 +0000</pubDate>
  <description>The public library will stay open until midnight from Monday, October 6, head librarian Tomas Berg said.</description>
</item>
</channel></rss>
"""

EMPTY_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title>
<link>https://x.example/</link><description>none</description></channel></rss>"""


def one_line_error(capsys: pytest.CaptureFixture[str], *parts: str) -> str:
    """The one line on stderr, checked to hold each of ``parts`` and no traceback."""
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("briefing import: ")
    assert "Traceback" not in captured.err + captured.out
    for part in parts:
        assert part in captured.err
    return captured.err
