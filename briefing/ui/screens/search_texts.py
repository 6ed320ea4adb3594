"""What the library search screen says: hits as list rows, the status line, problems.

Kept apart from :mod:`briefing.ui.screens.search`, which routes; text from briefs is
never read as markup here.
"""

from __future__ import annotations

from textual.content import Content

from briefing.storage.index.search import Hit, Marked, SearchResult

MATCH_STYLE = "bold reverse"
"""How matched words stand out (as in the command palette)."""

Part = str | tuple[str, str]


def marked_parts(marked: Marked, style: str = "") -> list[Part]:
    """``marked`` as Content parts: plain text, the matches in :data:`MATCH_STYLE`.

    The text is never read as markup: brief text is untrusted.
    """
    parts: list[Part] = []
    position = 0
    for start, end in marked.spans:
        if start > position:
            parts.append(
                (marked.text[position:start], style) if style else marked.text[position:start]
            )
        parts.append((marked.text[start:end], f"{style} {MATCH_STYLE}".strip()))
        position = end
    if position < len(marked.text):
        rest = marked.text[position:]
        parts.append((rest, style) if style else rest)
    return parts


def hit_prompt(hit: Hit) -> Content:
    """One hit as a list row: the brief's title, what the item is, and the snippet."""
    muted = "$text-muted"
    parts: list[Part] = [*marked_parts(hit.title, "bold"), "\n", (hit.label, "$accent")]
    if hit.speaker.text:
        parts += [(" · ", muted), *marked_parts(hit.speaker, "italic")]
    if hit.when:
        parts += [(" · ", muted), (hit.when, muted)]
    parts += ["\n", *marked_parts(hit.snippet)]
    return Content.assemble(*parts)


def status_text(result: SearchResult, query: str, elapsed: float) -> Content:
    """The line under the input: how many hits and how fast, or what is wrong."""
    parts: list[Part] = []
    if result.problem:
        parts += [(result.problem, "$warning"), "  "]
    if query.strip() and not result.problem or result.hits:
        shown = len(result.hits)
        if result.matches > shown:
            counted = f"{shown:,} best of {result.matches:,} matches"
        else:
            counted = f"{shown:,} match" + ("" if shown == 1 else "es")
        parts.append(f"{counted} · {elapsed * 1000:.0f} ms")
        if result.ranked is not None:
            parts.append(
                (
                    f" (ranked among the {result.ranked:,} last indexed; add words to narrow)",
                    "$text-muted",
                )
            )
    elif not query.strip():
        parts.append(("Titles, summaries, quotes, people, deadlines and your notes", "$text-muted"))
    if result.building is not None:
        done, total = result.building
        counted = f" ({done:,} of {total:,})" if total else ""
        parts += ["  ", (f"search index is being built{counted}…", "$warning")]
    return Content.assemble(*parts)


def index_broken(problem: str) -> bool:
    """True when a search failed because the index file is damaged or was emptied."""
    return any(
        words in problem
        for words in ("no such table", "malformed", "not a database", "disk I/O error")
    )


def lost_problem(error: Exception) -> str | None:
    """Nothing to say while the file is simply missing (it is being built); else the error."""
    text = str(error)
    return None if "does not exist yet" in text else f"search index unreadable ({text}); rebuilding"
