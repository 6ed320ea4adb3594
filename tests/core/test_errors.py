"""Every way a brief file can be wrong gives a BriefError with a clear, located message."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unprivileged import run_unprivileged

from briefing.core import BriefError, Problem, load_brief, parse_brief
from briefing.core.loading import MAX_FILE_BYTES

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"

# file name -> (substrings the message must contain, location, line, column)
# A line of None means the problem is about the whole file (or the locator cannot
# place it) and must not claim a line; a column of None means "any column".
EXPECTED: dict[str, tuple[list[str], str, int | None, int | None]] = {
    "typo_key.toml": (
        ["unknown key 'speakr'", "did you mean 'speaker'?"],
        "quotes[0].speakr",
        10,
        1,
    ),
    "typo_top_key.toml": (["unknown key 'sumary'", "did you mean 'summary'?"], "sumary", 4, 1),
    "unknown_speaker.toml": (
        ["unknown speaker 'besent'", "did you mean 'bessent'?", "bessent", "he-lifeng"],
        "quotes[1].speaker",
        17,
        1,
    ),
    "bad_syntax.toml": (["TOML syntax"], "", 2, 18),
    "bad_syntax.json": (["JSON syntax", "property name"], "", 5, 1),
    "invalid_utf8.toml": (["not valid UTF-8", "0xe9"], "", 2, 13),
    "utf16.toml": (["UTF-16", "UTF-8"], "", None, None),
    "binary.toml": (["binary"], "", None, None),
    "empty.toml": (["empty"], "", None, None),
    "blank.json": (["empty"], "", None, None),
    "nan.json": (["NaN is not a valid JSON number"], "figures[0].value", 6, 25),
    "infinity.json": (["-Infinity is not a valid JSON number"], "figures[0].value", 2, None),
    "duplicate_key.json": (["the key 'title' appears more than once"], "", None, None),
    "top_level_array.json": (["top level must be a JSON object"], "", 1, 1),
    "deep.json": (["nested more than 16 levels"], "tags" + "[0]" * 16, 5, None),
    "deep.toml": (["nested more than 16 levels"], "tags" + "[0]" * 16, 4, 1),
    "duplicate_id.toml": (
        ["duplicate id 'vote'", "already used by deadlines[0]"],
        "deadlines[1].id",
        11,
        1,
    ),
    "wrong_type.toml": (["expected text, got a number"], "title", 2, 1),
    "wrong_type_list.json": (["expected a list, got text"], "tags", 5, 3),
    "missing_title.toml": (["required key is missing"], "title", None, None),
    "missing_participant_name.toml": (["required key is missing"], "participants[0].name", 5, 1),
    "bad_timezone.toml": (
        ["'Mars/Olympus_Mons' is not a known IANA time zone"],
        "timezone",
        4,
        1,
    ),
    "bad_status.toml": (
        ["'done' is not a status", "open, met, missed, extended, cancelled"],
        "deadlines[0].status",
        8,
        1,
    ),
    "bad_format.toml": (["format 2 is not supported", "format 1"], "format", 1, 1),
    "bad_date.toml": (["'next week' is not a date"], "deadlines[0].due", 7, 1),
    "bad_datetime.json": (["is not an ISO date-time"], "published", 4, 3),
    "bad_month.toml": (["month 13 is not between 01 and 12"], "timeline[0].date", 6, 1),
    "time_only.toml": (["a time of day alone is not a date"], "deadlines[0].due", 7, 1),
    "bad_id.toml": (["'peak tariff' is not a valid id"], "figures[0].id", 6, 1),
    "figure_bool.toml": (["expected text, got true/false"], "figures[0].value", 7, 1),
}


def _load_error(path: Path) -> BriefError:
    """Load ``path``; it must fail with a BriefError and nothing else."""
    try:
        load_brief(path)
    except BriefError as error:
        return error
    except BaseException as error:  # pragma: no cover - the failure message says it all
        pytest.fail(f"{path.name}: raised {type(error).__name__}, not BriefError: {error}")
    pytest.fail(f"{path.name}: loaded, but it is a bad brief")


def test_every_bad_file_has_an_expectation() -> None:
    on_disk = {path.name for path in BAD.iterdir() if path.is_file()}
    on_disk.discard("several_problems.toml")  # has its own test below
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_located_message(name: str) -> None:
    substrings, location, line, column = EXPECTED[name]
    error = _load_error(BAD / name)

    assert error.path == BAD / name
    assert len(error.problems) == 1, error.lines()
    problem = error.problems[0]
    for text in substrings:
        assert text in problem.message, problem.message
    assert problem.location == location
    assert problem.line == line
    if column is not None:
        assert problem.column == column
    # Messages are single plain sentences: no traceback, no pydantic jargon, no URL.
    assert "\n" not in problem.message
    assert "Traceback" not in problem.message
    assert "pydantic" not in problem.message.lower()
    assert "errors.pydantic.dev" not in str(error)
    # The exception itself reads as `path:line:col: location: message`.
    assert str(error) == problem.format(BAD / name)
    assert str(error).startswith(str(BAD / name))


def test_several_problems_are_all_reported_in_file_order() -> None:
    error = _load_error(BAD / "several_problems.toml")
    found = [(p.location, p.line) for p in error.problems]
    assert found == [
        ("timezone", 4),
        ("participants[1].id", 11),
        ("quotes[0].speaker", 15),
        ("deadlines[0].staus", 21),
        ("figures[0].value", 25),
    ]
    messages = [p.message for p in error.problems]
    assert "Europe/Lodnon" in messages[0]
    assert "duplicate id 'ann'" in messages[1]
    assert "unknown speaker 'bob'" in messages[2]
    assert "did you mean 'status'?" in messages[3]
    assert "true/false" in messages[4]
    assert "(and 4 more problems)" in str(error)
    assert len(error.lines()) == 5
    assert all(line.startswith(f"{BAD / 'several_problems.toml'}:") for line in error.lines())


def test_unknown_speaker_names_known_ids_and_nearest() -> None:
    error = _load_error(BAD / "unknown_speaker.toml")
    message = error.problems[0].message
    assert "did you mean 'bessent'?" in message
    # The known ids include the derived one (He Lifeng has no explicit id).
    assert "known participants: bessent, he-lifeng" in message


def test_unknown_speaker_without_participants(write, head) -> None:
    path = write(head + '[[quotes]]\nspeaker = "nobody"\ntext = "x"\n')
    error = _load_error(path)
    assert "unknown speaker 'nobody'" in error.problems[0].message
    assert "no participants" in error.problems[0].message


def test_typo_without_a_near_key_lists_valid_keys(write, head) -> None:
    path = write(head + "[source]\nname = 'x'\nzzzzzz = 1\n")
    problem = _load_error(path).problems[0]
    assert problem.location == "source.zzzzzz"
    assert "valid keys here are: name, url" in problem.message
    assert problem.line == 6


def test_typo_in_json_suggests_nearest_key(write) -> None:
    brief = {
        "format": 1,
        "title": "T",
        "published": "2025-01-01",
        "figures": [{"lable": "x", "value": 1}],
    }
    path = write(json.dumps(brief, indent=2), "brief.json")
    problems = _load_error(path).problems
    by_location = {p.location: p for p in problems}
    assert "did you mean 'label'?" in by_location["figures[0].lable"].message
    assert (by_location["figures[0].lable"].line, by_location["figures[0].lable"].column) == (7, 7)
    assert by_location["figures[0].label"].message == "required key is missing"


def test_oversize_file_states_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.write(b'format = 1\ntitle = "T"\npublished = 2025-01-01\nsummary = """')
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no need to write 5 MB
    error = _load_error(path)
    assert len(error.problems) == 1
    assert "5 MB" in error.problems[0].message
    assert "limited" in error.problems[0].message


def test_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    # The bulk is a comment: text fields have their own (smaller) limit.
    head = b'format = 1\ntitle = "T"\npublished = 2025-01-01\n#'
    path = tmp_path / "big.toml"
    path.write_bytes(head + b"a" * (MAX_FILE_BYTES - len(head) - 1) + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_brief(path).title == "T"


def test_directory_given_as_a_file(tmp_path: Path) -> None:
    error = _load_error(tmp_path)
    assert error.problems == [Problem("is a folder, not a brief file")]
    assert str(error) == f"{tmp_path}: is a folder, not a brief file"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    error = _load_error(path)
    assert error.path == path
    assert "no such file" in error.problems[0].message


def test_missing_file_as_str_path(tmp_path: Path) -> None:
    error = _load_error(str(tmp_path / "nope.json"))  # type: ignore[arg-type]
    assert error.path == tmp_path / "nope.json"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_file_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    error = _load_error(fifo)
    assert "not a regular file" in error.problems[0].message


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text("format = 1\n")
    path.chmod(0)
    # Without root's override of permissions, so the file really cannot be read.
    script = (
        "import sys\nfrom briefing.core import BriefError, load_brief\n"
        "try:\n    load_brief(sys.argv[1])\nexcept BriefError as error:\n    print(error)\n"
    )
    done = run_unprivileged([sys.executable, "-c", script, str(path)])
    assert done.stdout.strip() == f"{path}: cannot be read (Permission denied)", done.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_being_read(device: str) -> None:
    error = _load_error(Path(device))
    assert error.problems == [Problem("is a device, not a regular file")]


def test_a_brief_that_is_a_symlink_to_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "brief.toml").symlink_to(tmp_path / "pipe")
    error = _load_error(tmp_path / "brief.toml")
    assert error.problems == [Problem("is a named pipe (FIFO), not a regular file")]


def test_parse_brief_with_empty_text() -> None:
    with pytest.raises(BriefError, match="is empty"):
        parse_brief("   \n", "x.toml")


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text('{"format": 1, "title": "T", "published": "2025-01-01"}')
    assert load_brief(path).title == "T"
    path.write_text('format = 1\ntitle = "T"\npublished = 2025-01-01\n')
    assert load_brief(path).title == "T"


def test_very_deep_json_does_not_overflow(tmp_path: Path) -> None:
    path = tmp_path / "abyss.json"
    path.write_text('{"format": 1, "tags": ' + "[" * 100_000 + "]" * 100_000 + "}")
    error = _load_error(path)
    assert "nested" in error.problems[0].message


def test_very_deep_toml_does_not_overflow(tmp_path: Path) -> None:
    path = tmp_path / "abyss.toml"
    path.write_text("format = 1\ntags = " + "[" * 100_000 + "]" * 100_000 + "\n")
    error = _load_error(path)
    assert "nested" in error.problems[0].message


def test_problem_format_leaves_out_unknown_parts() -> None:
    assert Problem("is empty").format("a.toml") == "a.toml: is empty"
    assert Problem("bad", "title", 3, 5).format("a.toml") == "a.toml:3:5: title: bad"
    assert Problem("bad", line=2).format("a.toml") == "a.toml:2:1: bad"


def test_bad_value_in_message_is_cleaned_and_shortened(write, head) -> None:
    path = write(head + '[[deadlines]]\ntitle = "x"\ndue = "\\u001b[2J' + "y" * 200 + '"\n')
    message = _load_error(path).problems[0].message
    assert "\x1b" not in message
    assert len(message) < 200


# Anything at all, fed to the loader, gives a Brief or a BriefError, never a traceback.

_VALID = {"format": 1, "title": "T", "published": "2025-01-01"}
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(
    [
        "format",
        "title",
        "published",
        "timezone",
        "tags",
        "summary",
        "source",
        "participants",
        "quotes",
        "deadlines",
        "timeline",
        "figures",
        "id",
        "x",
    ]
)
_item_keys = st.sampled_from(
    [
        "id",
        "name",
        "speaker",
        "text",
        "said",
        "title",
        "due",
        "status",
        "date",
        "label",
        "value",
        "x",
    ]
)
_items = st.lists(st.dictionaries(_item_keys, _json_values, max_size=4), max_size=3)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=200), suffix=st.sampled_from([".toml", ".json", ".txt"]))
def test_random_bytes_never_escape(data: bytes, suffix: str) -> None:
    try:
        parse_brief(data, "fuzz" + suffix)
    except BriefError as error:
        assert error.problems
        assert all(problem.message for problem in error.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extra=st.dictionaries(_keys, _json_values | _items, max_size=4),
    as_toml=st.booleans(),
)
def test_random_structures_never_escape(extra: dict, as_toml: bool) -> None:
    raw = {**_VALID, **extra}
    if as_toml:
        try:
            text = tomli_w.dumps(raw)
        except (TypeError, ValueError):  # None and NaN have no TOML form
            return
        name = "fuzz.toml"
    else:
        text = json.dumps(raw)
        name = "fuzz.json"
    try:
        parse_brief(text.encode(), name)
    except BriefError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message
            assert "\n" not in problem.message


def test_hostile_keys_and_file_names_are_cleaned_in_problems(tmp_path: Path) -> None:
    # A key with an escape sequence (unknown, and duplicated) in a file whose name has one too.
    path = tmp_path / "evil\x1b[2J.json"
    path.write_text(
        '{"format": 1, "title": "T", "published": "2025-01-01",'
        ' "source": {"name": "x", "\\u001b]0;pwned\\u0007": 1, "\\u001b]0;pwned\\u0007": 2}}'
    )
    error = _load_error(path)
    text = "\n".join(error.lines()) + str(error)
    assert "\x1b" not in text and "\x07" not in text
    assert "appears more than once" in error.problems[0].message


def test_hostile_unknown_key_is_cleaned_in_location_and_message(tmp_path: Path) -> None:
    path = tmp_path / "brief.json"
    path.write_text(
        '{"format": 1, "title": "T", "published": "2025-01-01",'
        ' "source": {"name": "x", "\\u001b]0;pwned\\u0007": 1}}'
    )
    problem = _load_error(path).problems[0]
    assert problem.location == "source."
    # A key that cleaning would leave blank is spelled out, escapes as printable text.
    assert problem.message.startswith("unknown key '\\x1b]0;pwned\\x07'")
    assert "\x1b" not in problem.message and "\x07" not in problem.message
    assert problem.line == 1  # placed at the enclosing table


def test_a_section_over_the_item_limit_is_refused_before_validation(tmp_path: Path) -> None:
    """150,000 tiny quotes: one problem stating the count and the limit, found without validating each."""
    data = {
        "format": 1,
        "title": "t",
        "published": "2025-01-01T00:00:00Z",
        "quotes": [{"text": "x"}] * 150_000,
    }
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    [problem] = caught.value.problems
    assert problem.location == "quotes"
    assert "150,000 items" in problem.message and "100,000" in problem.message
    assert (problem.line, problem.column) == (1, 60)
