"""Split the plain text of an article into its header (title, date line, source) and its body.

Articles arrive in many shapes: copied from a web page with navigation words and
photo captions around them, as a press release, or pasted as bare paragraphs.
This module finds what it can and keeps offsets into one normalised body string,
so the other modules can point at sentences and quotations without copying text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.core.safetext import clean_text
from briefing.importer.date_line import header_date
from briefing.importer.patterns import lazy

MAX_TITLE_CHARS = 200
"""Titles longer than this are cut (a pasted first paragraph is not a title)."""

_ZERO_WIDTH = lazy("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = lazy(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NAV_WORDS = {
    "close", "menu", "newsletters", "newsletter", "x", "instagram", "youtube", "facebook",
    "twitter", "linkedin", "tiktok", "share", "subscribe", "sign", "in", "log", "login",
    "search", "home", "advertisement", "photo", "bigphoto", "video", "print", "email",
    "press", "release", "for", "immediate", "news", "skip", "to", "content", "main",
}  # fmt: skip
_CAPTION = lazy(
    r"\((?:[^()]*\b(?:Photo|Photograph|Getty|AFP|Reuters|AP|EPA|File)\b[^()]*)\)\s*$|^(?:Photo|Image|Caption)\s*:",
    re.IGNORECASE,
)
_CREDIT_LINE = lazy(
    r"^(?:(?:Photo|Photograph|Image|Picture)s?\s+(?:by|via|courtesy(?:\s+of)?)|Credit\s*:)\s+\S",
    re.IGNORECASE,
)
"""A photo's credit standing on its own line: the paragraph before it is the photo's caption."""
_SOURCE_LINE = lazy(
    r"^(?:By|From|Source|Reporting by|Written by|More [Ff]rom)\s*:?\s+(?P<name>\S.{0,120}?)\s*$"
)
_END_SENTENCE = lazy(r"[.!?…][\"'”’)\]]*$")
_END_PUNCT = lazy(r"[.!?:;…][\"'”’)\]]*\s*$")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "sen", "rep", "gov", "lt",
    "col", "capt", "sgt", "inc", "corp", "co", "ltd", "no", "vs", "etc", "mt", "ft", "rev",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "i.e", "e.g", "approx", "est", "dept",
}  # fmt: skip
_BOUNDARY = lazy(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Þ])")
_WORD_BEFORE = lazy(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the body: its span, and whether it is a caption or a subheading."""

    start: int
    end: int
    kind: str = "text"
    """``text``, ``caption`` or ``heading``."""


@dataclass
class Document:
    """An article split up: header fields and a body with paragraph and sentence spans."""

    body: str
    title: str | None = None
    date_line: str | None = None
    source: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """Return the span of the sentence holding ``offset`` (the last one before it, else)."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return (0, 0) if not self.sentences else self.sentences[0]
        return self.sentences[index]

    def paragraph_index(self, offset: int) -> int:
        """Return the index of the paragraph holding ``offset``."""
        if len(self._paragraph_starts) != len(self.paragraphs):
            self._paragraph_starts = [p.start for p in self.paragraphs]
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)


def normalise(text: str) -> str:
    """Return ``text`` safe and regular: no control sequences, one kind of space and line break."""
    # Lone surrogates (from a bad decoder) cannot be written as UTF-8; drop them.
    text = text.encode("utf-8", "ignore").decode("utf-8")
    text = unicodedata.normalize("NFC", clean_text(text))
    text = _ZERO_WIDTH.sub("", text)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _is_nav(line: str) -> bool:
    words = re.findall(r"\w+", line.lower())
    return bool(words) and sum(word in _NAV_WORDS for word in words) * 2 >= len(words) * 1 + 1


def _is_body_paragraph(line: str) -> bool:
    words = len(line.split())
    if words >= 15 and re.search(r"[.!?…]", line):
        return True
    # A short line that ends a sentence is prose too; headlines rarely end with a full stop.
    return words >= 5 and bool(_END_SENTENCE.search(line))


def _looks_like_date_line(line: str) -> bool:

    return len(line.split()) <= 14 and header_date(line) is not None


def split_document(raw: str) -> Document:
    """Split an article into header and body (never raises; any text gives a document)."""
    text = normalise(raw)
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line]
    # Blank lines count only between lines of text (a trailing newline is not a paragraph break).
    has_blank = bool(filled) and any(not line for line in lines[filled[0] : filled[-1]])
    title = date_line = source = None
    header_captions: list[str] = []
    index = 0
    # The header: everything before the first line that reads like a paragraph of prose.
    while index < len(lines):
        line = lines[index]
        if not line:
            index += 1
            continue
        if _is_body_paragraph(line) and not _CAPTION.search(line):
            break
        index += 1
        if _CAPTION.search(line):
            header_captions.append(line)
        elif date_line is None and _looks_like_date_line(line):
            date_line = line
            match = re.search(r"\(([^()]{2,60})\)\s*$", line)
            if match and source is None and not re.search(r"\d", match.group(1)):
                source = match.group(1)
        elif (match := _SOURCE_LINE.match(line)) and source is None and len(line.split()) <= 12:
            source = match.group("name").strip(" |,-—")
        elif _is_nav(line) or len(line.split()) < 3:
            continue
        elif title is None:
            title = line[:MAX_TITLE_CHARS]
        else:
            index -= 1  # after the headline, any other line starts the body
            break
    blocks = _blocks(lines[index:], has_blank)
    # "More From <publication>" and the like at the very end name the source.
    while blocks:
        match = _SOURCE_LINE.match(blocks[-1])
        if match and len(blocks[-1].split()) <= 8:
            source = source or match.group("name")
        elif blocks[-1] != date_line:
            break
        blocks.pop()
    body_parts: list[str] = []
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    offset = 0
    for block, kind in [*((c, "caption") for c in header_captions), *_classify(blocks)]:
        if block in seen:
            continue  # photo captions are often printed twice
        seen.add(block)
        if body_parts:
            offset += 2
        paragraphs.append(Paragraph(offset, offset + len(block), kind))
        body_parts.append(block)
        offset += len(block)
    document = Document("\n\n".join(body_parts), title, date_line, source, paragraphs)
    _split_sentences(document)
    return document


def _blocks(lines: list[str], has_blank: bool) -> list[str]:
    """Group lines into paragraphs: by blank lines when there are any, else one per line."""
    if not has_blank:
        return [line for line in lines if line]
    blocks: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            if current and (_SOURCE_LINE.match(line) or _SOURCE_LINE.match(current[-1])):
                blocks.append(" ".join(current))
                current = []
            # A short label line ("Notes for editors:") starts a paragraph of its own.
            if current and _END_PUNCT.search(current[-1]) and len(current[-1].split()) < 6:
                blocks.append(" ".join(current))
                current = []
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


def _classify(blocks: list[str]) -> list[tuple[str, str]]:
    out = []
    for index, block in enumerate(blocks):
        words = len(block.split())
        credit = _CREDIT_LINE.match(block) is not None and words <= 12
        following = blocks[index + 1] if index + 1 < len(blocks) else ""
        if (
            _CAPTION.search(block)
            or credit
            or (_CREDIT_LINE.match(following) and len(following.split()) <= 12)
        ):
            out.append((block, "caption"))
        elif words < 3 and not re.search(r"[\"“”‘’']", block):
            continue  # "Photo", "BigPhoto", stray navigation
        elif (not _END_PUNCT.search(block) and words <= 16) or (block.endswith(":") and words < 6):
            out.append((block, "heading"))
        else:
            out.append((block, "text"))
    return out


@lru_cache(maxsize=4096)
def _word_before(text: str) -> str:
    """The word that ends ``text`` before its full stop, in lower case, without dots.

    Remembered by text: an article can repeat "on Nov. 10" a hundred thousand times.
    """
    before = _WORD_BEFORE.search(text)
    return before.group(1).lower().rstrip(".") if before else ""


def _split_sentences(document: Document) -> None:
    body = document.body
    sentences: list[tuple[int, int]] = []
    for paragraph in document.paragraphs:
        start = paragraph.start
        for match in _BOUNDARY.finditer(body, paragraph.start, paragraph.end):
            if match.group().startswith("."):
                word = _word_before(body[max(paragraph.start, match.start() - 40) : match.end()])
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
            sentences.append((start, match.end()))
            start = match.end()
            while start < paragraph.end and body[start] == " ":
                start += 1
        if start < paragraph.end:
            sentences.append((start, paragraph.end))
    document.sentences = sentences
    document._sentence_starts = [s for s, _ in sentences]
