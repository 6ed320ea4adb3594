"""A known brief's quotes, kept in chunks and built as they are read (issue 15).

The index keeps a brief's quotes apart from the rest of its content, in chunks that are
decompressed, parsed and built only when a reader asks for one of their quotes. Every
reader of ``Brief.quotes`` must see exactly what it saw when the brief was built whole:
the property below compares, over generated briefs, the brief read back from the kept
content with the brief built eagerly (:func:`briefing.core.normalized.load`), through the
sequence itself and through the readers that walk the quotes (search, digests, anchors,
``briefing show``, the vault pages, the reader's rows).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from hardening.profiles import examples
from hardening.strategies import valid_files
from hypothesis import given
from hypothesis import strategies as st
from test_normalized import ZONES, assert_same, round_trip

from briefing.core import anchors, changes
from briefing.core.anchors import ItemKind
from briefing.core.kept_items import KeptItems
from briefing.core.library_items import brief_items
from briefing.core.loading import parse_brief
from briefing.core.models import Brief
from briefing.core.render_text import brief_to_text
from briefing.core.vault_pages import Marks, brief_page
from briefing.storage.index.briefs import pack, unpack
from briefing.ui.render import QuoteRows

NOW = datetime.fromisoformat("2026-01-02T03:04:05+00:00")


def kept(brief: Brief, zone: tzinfo | None, chunk: int) -> Brief:
    again = unpack(pack(brief, chunk=chunk), zone)
    assert again is not None
    return again


def readers(brief: Brief) -> list[Any]:
    """What every reader of the quotes makes of ``brief``."""
    quotes = brief.quotes
    rows = QuoteRows(brief, quotes)
    return [
        len(quotes),
        bool(quotes),
        list(quotes),
        [quotes[n] for n in range(-len(quotes), len(quotes))],
        quotes[1:],
        quotes[::-2],
        list(reversed(quotes)),
        [q in quotes for q in quotes],
        [quotes.index(q) for q in quotes],
        [q.speaker for q in quotes if q.speaker],
        [item.to_json() for item in brief_items(brief)],
        changes.item_digests(brief),
        list(anchors.items_of(brief, ItemKind.QUOTE)),
        brief_to_text(brief, NOW),
        brief_page(brief, Marks([], []), lambda _id: None).block,
        list(rows.ids),
        [rows[n].quote for n in range(len(rows))],
    ]


@examples(ci=40, deep_count=300)
@given(valid_files(max_items=7), st.sampled_from(ZONES), st.integers(1, 4))
def test_every_reader_of_the_quotes_sees_what_the_eager_brief_shows(
    file: Any, zone: tzinfo | None, chunk: int
) -> None:
    _raw, name, data = file
    brief = parse_brief(data, Path(name), local_zone=zone)
    eager = round_trip(brief, zone)
    lazy = kept(brief, zone, chunk)
    assert isinstance(lazy.quotes, KeptItems)
    assert_same(lazy, eager)
    assert lazy.quotes == eager.quotes and eager.quotes == lazy.quotes
    assert readers(lazy) == readers(eager)


def test_a_quote_is_built_once_and_only_its_chunk(seed_brief_path: Path) -> None:
    brief = parse_brief(seed_brief_path.read_bytes(), seed_brief_path, local_zone=None)
    lazy = kept(brief, None, 2)
    quotes = lazy.quotes
    assert isinstance(quotes, KeptItems)
    assert quotes.built == 0
    assert len(quotes) == len(brief.quotes) > 2
    last = quotes[-1]
    assert quotes.built == (len(quotes) - 1) % 2 + 1
    assert quotes[-1] is last


def test_a_damaged_chunk_is_found_as_the_brief_is_opened(seed_brief_path: Path) -> None:
    """A chunk is read when a reader asks for its quotes, too late to read the file
    instead: damaged content is refused as a whole when the brief is opened."""
    brief = parse_brief(seed_brief_path.read_bytes(), seed_brief_path, local_zone=None)
    content = bytearray(pack(brief, chunk=2))
    assert unpack(bytes(content), None) is not None
    content[-3] ^= 0xFF
    assert unpack(bytes(content), None) is None
    assert unpack(bytes(content[:-1]), None) is None
