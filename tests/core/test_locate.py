"""The locators find the line and column of a field path in TOML and JSON text."""

from __future__ import annotations

import json
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.locate import json_positions, nearest, toml_positions

TOML = textwrap.dedent(
    '''\
    # a comment
    format = 1
    title = "T"
    summary = """
    [[quotes]]
    speaker = "not a real key"
    """
    published = 2025-01-01

    [source]
    name = "S"

    [[participants]]
    id = "ann"
      name = "Ann"

    [[participants]]  # the second one
    "id" = "bob"
    'name' = "Bob"

    [[quotes]]
    speaker = "ann"

    [[quotes]]
    text = 'x'
    speaker = "bob"
    figures = [{label = "x"}]
    '''
)


def test_toml_top_level_keys() -> None:
    positions = toml_positions(TOML)
    assert positions[("format",)] == (2, 1)
    assert positions[("title",)] == (3, 1)
    assert positions[("summary",)] == (4, 1)
    assert positions[("published",)] == (8, 1)


def test_toml_multiline_string_is_skipped() -> None:
    positions = toml_positions(TOML)
    # "[[quotes]]" inside the summary must not count as the first quote.
    assert positions[("quotes", 0)] == (21, 1)
    assert positions[("quotes", 0, "speaker")] == (22, 1)


def test_toml_tables_and_arrays_of_tables() -> None:
    positions = toml_positions(TOML)
    assert positions[("source",)] == (10, 1)
    assert positions[("source", "name")] == (11, 1)
    assert positions[("participants", 0)] == (13, 1)
    assert positions[("participants", 0, "id")] == (14, 1)
    assert positions[("participants", 0, "name")] == (15, 3)  # indented: column 3
    assert positions[("participants", 1)] == (17, 1)  # header with a trailing comment
    assert positions[("participants", 1, "id")] == (18, 1)  # quoted keys
    assert positions[("participants", 1, "name")] == (19, 1)
    assert positions[("quotes", 1, "speaker")] == (26, 1)


def test_toml_nearest_falls_back_to_the_enclosing_item() -> None:
    positions = toml_positions(TOML)
    assert nearest(positions, ("quotes", 1, "context")) == (24, 1)
    assert nearest(positions, ["participants", 1, "aliases", 0]) == (17, 1)
    assert nearest(positions, ("quotes", 1, "figures", 0, "label")) == (27, 1)  # inline table
    assert nearest(positions, ("deadlines", 0, "due")) is None
    assert nearest(positions, ()) is None


def test_toml_dotted_headers_and_keys() -> None:
    text = '[source]\nname = "x"\n[a.b]\nc.d = 1\n[[x.y]]\nz = 2\n[[x.y]]\nz = 3\n'
    positions = toml_positions(text)
    assert positions[("a", "b")] == (3, 1)
    assert positions[("a", "b", "c")] == (4, 1)
    assert positions[("x", "y", 0, "z")] == (6, 1)
    assert positions[("x", "y", 1, "z")] == (8, 1)


def test_toml_literal_multiline_string() -> None:
    text = "summary = '''\ntitle = 1\n'''\ntitle = 2\n"
    assert toml_positions(text)[("title",)] == (4, 1)


def test_toml_single_line_triple_quotes_do_not_open_a_block() -> None:
    text = 'summary = """one line"""\ntitle = 2\n'
    assert toml_positions(text)[("title",)] == (2, 1)


JSON_BRIEF = {
    "format": 1,
    "title": 'T {not a brace} [nor a bracket] "quoted"',
    "published": "2025-01-01",
    "source": {"name": "S", "url": None},
    "participants": [
        {"id": "ann", "name": "Ann"},
        {"id": "bob", "name": "Bob", "aliases": ["B", "Bobby"]},
    ],
    "quotes": [
        {"speaker": "ann", "text": "x"},
        {"speaker": "bob", "text": "y", "said": "2025-01-01"},
    ],
    "figures": [{"label": "n", "value": 1.5e3}, {"label": "m", "value": -2}],
    "timeline": [],
    "tags": [[["deep"]]],
}


def test_json_positions_pretty() -> None:
    text = json.dumps(JSON_BRIEF, indent=2)
    lines = text.splitlines()
    positions = json_positions(text)
    for path, (line, column) in positions.items():
        key = path[-1]
        if isinstance(key, str):
            assert lines[line - 1][column - 1 :].startswith(f'"{key}"'), path
    assert lines[positions[("quotes", 1, "speaker")][0] - 1].strip() == '"speaker": "bob",'
    assert lines[positions[("participants", 1, "aliases", 1)][0] - 1].strip() == '"Bobby"'
    assert lines[positions[("tags", 0, 0, 0)][0] - 1].strip() == '"deep"'
    assert ("figures", 1, "value") in positions
    assert ("source", "url") in positions


def test_json_positions_compact_give_columns() -> None:
    text = json.dumps(JSON_BRIEF)
    positions = json_positions(text)
    for path, (line, column) in positions.items():
        assert line == 1
        key = path[-1]
        if isinstance(key, str):
            assert text[column - 1 :].startswith(f'"{key}"'), path
    speaker = positions[("quotes", 1, "speaker")]
    assert text.index('"speaker": "bob"') == speaker[1] - 1
    first_quote = positions[("quotes", 0)]
    assert text[first_quote[1] - 1 :].startswith('{"speaker": "ann"')


def test_json_every_path_is_found() -> None:
    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for key, item in value.items():
                yield from paths(item, (*prefix, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from paths(item, (*prefix, index))

    expected = set(paths(JSON_BRIEF)) - {()}
    for indent in (None, 2, 4):
        assert set(json_positions(json.dumps(JSON_BRIEF, indent=indent))) == expected


def test_json_nearest_falls_back() -> None:
    text = json.dumps(JSON_BRIEF, indent=2)
    positions = json_positions(text)
    assert nearest(positions, ("quotes", 1, "context")) == positions[("quotes", 1)]
    assert nearest(positions, ("deadlines", 0)) is None


def test_json_escaped_quotes_in_strings() -> None:
    text = '{"a": "x\\"}, {\\"b\\": 1", "c": {"d": [1, 2, {"e": true}]}}'
    positions = json_positions(text)
    assert set(positions) == {
        ("a",),
        ("c",),
        ("c", "d"),
        ("c", "d", 0),
        ("c", "d", 1),
        ("c", "d", 2),
        ("c", "d", 2, "e"),
    }
    assert positions[("c", "d", 2, "e")] == (1, text.index('"e"') + 1)


def test_json_positions_on_broken_text_do_not_fail() -> None:
    for text in (
        "",
        "{",
        '{"a": [1, 2',
        '{"a" 1}',
        "[[[",
        '{"a": {"b": }}',
        "}",
        "]",
        "[}",
        '{"a": ]}',
        "{]",
    ):
        json_positions(text)  # best effort: no exception, no hang


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="{}[]\",:\\ a1=#'\n\t.", max_size=30))
def test_locators_always_finish(text: str) -> None:
    json_positions(text)
    toml_positions(text)
