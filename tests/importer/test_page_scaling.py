"""Reading a saved page takes time linear in the page, however many comments it holds.

A page with a long comment thread once took quadratic time: each dropped comment
grew the text before it, and libxml2 merged an XPath union over every HTML
comment in quadratic time (a 7 MB page with 150,000 comment blocks took 17 s).
Each shape is a real article followed by a block repeated 2,500 and 10,000
times; the second must take about four times as long as the first (quadratic
work would take sixteen). A ratio, not a timed assertion: the best of a few
runs, with a generous bound.
"""

from __future__ import annotations

import pytest

from briefing.importer.sources.html import extract_html

from .helpers import growth
from .web_inputs import HARBOUR

SMALL = 2_500
LARGE = 10_000
MAX_RATIO = 8.0
"""Linear work gives about 4; quadratic work gives 16."""

SHAPES = {
    "marked comments": '<div class="comment"><p>Nice article, thanks.</p></div>\n',
    "html comments": "<!-- a comment the page kept -->\n",
    "unmarked blocks": "<div><p>Nice article, thanks a lot.</p></div>\n",
    "nested blocks": "<div><div><p>Nice article, thanks a lot.</p></div></div>\n",
}


def page(shape: str, count: int) -> bytes:
    """The saved article with ``count`` copies of the shape before its ``</body>``."""
    html = HARBOUR.read_text(encoding="utf-8")
    end = html.index("</body>")
    return (html[:end] + "<section>" + SHAPES[shape] * count + "</section>" + html[end:]).encode()


@pytest.mark.parametrize("shape", SHAPES)
def test_page_time_grows_linearly(shape: str) -> None:
    ratio = growth(extract_html, page(shape, SMALL), page(shape, LARGE))
    assert ratio < MAX_RATIO, (
        f"{shape}: x{ratio:.1f} from {SMALL:,} to {LARGE:,} blocks (linear is about x4)"
    )


def test_a_long_thread_leaves_the_article_whole() -> None:
    article = extract_html(page("marked comments", LARGE))
    alone = extract_html(HARBOUR.read_bytes())
    assert article.title == alone.title
    assert article.paragraphs == alone.paragraphs
