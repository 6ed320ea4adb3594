"""Compare article-extraction libraries on the saved pages in tests/importer/pages/.

Each ``NAME.html`` there has a ``NAME.gold.json`` with the article's title, author,
site, publication date (ISO day) and body paragraphs, written by hand. For each
library importable in the running Python, this prints per page:

* body recall: the share of the gold body's words that the extraction has;
* body precision: the share of the extraction's words that are in the gold body
  (navigation, adverts, comments and related links lower it);
* title, author and date: right or wrong, as the library gives them;

then the time to import the library (in a fresh interpreter) and to extract
all pages. ``briefing`` itself is measured as ``briefing`` (its own metadata reader
over readability-lxml). trafilatura is not a dependency: install it somewhere and
put that folder on PYTHONPATH to measure it.

    python benchmarks/html_extract_eval.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "tests" / "importer" / "pages"
Extracted = dict[str, object]


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _trafilatura(html: str) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "title": data.get("title"),
        "author": data.get("author"),
        "published": data.get("date"),
        "body": data.get("text") or "",
    }


def _readability(html: str) -> Extracted:
    import lxml.html
    from readability import Document

    document = Document(html)
    body = lxml.html.fromstring(document.summary(html_partial=True))
    paragraphs = [p.text_content() for p in body.iter("p")]
    return {
        "title": document.short_title(),
        "author": None,
        "published": None,
        "body": "\n".join(paragraphs),
    }


def _briefing(html: str) -> Extracted:
    from briefing.importer.sources.html import extract_html

    article = extract_html(html.encode("utf-8"), "page.html")
    return {
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "body": "\n".join(article.paragraphs),
    }


LIBRARIES: dict[str, tuple[str, Callable[[str], Extracted]]] = {
    "trafilatura": ("trafilatura", _trafilatura),
    "readability-lxml": ("readability", _readability),
    "briefing": ("briefing.importer.sources.html", _briefing),
}


def _import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(3)]
    return min(runs) * 1000


def _score(found: Extracted, gold: dict[str, object]) -> tuple[float, float, int, int, int]:
    expected = _words("\n".join(gold["paragraphs"]))  # type: ignore[arg-type]
    got = _words(str(found["body"]))
    common = sum((expected & got).values())
    recall = common / max(1, sum(expected.values()))
    precision = common / max(1, sum(got.values()))
    title = int(str(found["title"] or "").strip() == gold["title"])
    author = int(str(found["author"] or "").strip() == (gold["author"] or ""))
    published = int(str(found["published"] or "")[:10] == gold["published"])
    return recall, precision, title, author, published


def main() -> None:
    pages = sorted(PAGES.glob("*.html"))
    for name, (module, extract) in LIBRARIES.items():
        try:
            __import__(module)
        except ImportError:
            print(f"{name}: not installed")
            continue
        totals = [0.0] * 5
        started = time.perf_counter()
        for page in pages:
            gold = json.loads(page.with_suffix(".gold.json").read_text(encoding="utf-8"))
            scores = _score(extract(page.read_text(encoding="utf-8")), gold)
            totals = [a + b for a, b in zip(totals, scores, strict=True)]
            r, p, t, a, d = scores
            print(
                f"{name:17} {page.stem:10} recall {r:.2f} precision {p:.2f} title {t} author {a} date {d}"
            )
        elapsed = (time.perf_counter() - started) * 1000
        n = len(pages)
        print(
            f"{name:17} {'ALL':10} recall {totals[0] / n:.2f} precision {totals[1] / n:.2f}"
            f" title {totals[2]:.0f}/{n} author {totals[3]:.0f}/{n} date {totals[4]:.0f}/{n};"
            f" import {_import_ms(module):.0f} ms, {n} pages in {elapsed:.0f} ms"
        )


if __name__ == "__main__":
    main()
