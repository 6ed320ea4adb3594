"""The headless twin: ``--json`` documents checked against their JSON Schemas, and exit codes."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest
from kit import NOW, NOW_ARG

from briefing.cli import main
from briefing.cli.json_shapes import SHAPES
from briefing.core.anchors import Anchor, ItemKind, item_text
from briefing.core.loading import load_brief
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def checked(shape: str, out: str) -> dict:
    """The document, after checking it against its schema (and the schema itself)."""
    schema = SHAPES[shape]
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(out)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["shape"] == f"briefing.{shape}" and document["version"] == 1
    return document


def note_on_seed(seed_brief_path: Path) -> None:
    brief = load_brief(seed_brief_path)
    text = item_text(brief, ItemKind.QUOTE, "li-preliminary-consensus")
    assert text is not None
    store = Store(paths.database_file())
    Annotations(store).add_note(
        Anchor(brief.id, ItemKind.QUOTE, "li-preliminary-consensus"),
        brief_title=brief.title,
        item_text=text,
        body="A note for scripts.",
        now=NOW + timedelta(minutes=1),
    )
    store.close()


def test_every_schema_is_a_valid_json_schema() -> None:
    assert set(SHAPES) == {"agenda", "show", "validate", "search", "people", "notes"}
    for schema in SHAPES.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_agenda_json(capsys, samples_dir: Path) -> None:
    code, out, _ = run(capsys, "agenda", str(samples_dir), "--now", NOW_ARG, "--json")
    assert code == 0
    document = checked("agenda", out)
    assert document["deadlines"] and document["now"].startswith("2025-10-26T14:00")
    seconds = [d["seconds_left"] for d in document["deadlines"]]
    assert seconds == sorted(seconds)


def test_agenda_json_of_a_missing_library_exits_2(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "agenda", str(tmp_path / "nowhere"), "--json")
    assert (code, out) == (2, "") and "no such file" in err


def test_show_json_holds_the_brief_in_its_own_schema(capsys, seed_brief_path: Path) -> None:
    from briefing.core.validation import json_schema

    code, out, _ = run(capsys, "show", str(seed_brief_path), "--json", "--now", NOW_ARG)
    assert code == 0
    document = checked("show", out)
    jsonschema.validate(document["brief"], json_schema())
    assert document["brief"]["id"] == load_brief(seed_brief_path).id


def test_show_json_of_a_bad_brief_exits_1(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n")
    code, out, err = run(capsys, "show", str(bad), "--json")
    assert (code, out) == (1, "") and "bad.toml" in err


def test_validate_json(capsys, samples_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(samples_dir), "--json")
    assert code == 0
    assert checked("validate", out)["valid"] is True
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\ntitle = 'x'\n")
    code, out, _ = run(capsys, "validate", str(bad), "--json")
    document = checked("validate", out)
    assert code == 1 and document["valid"] is False
    [file] = document["files"]
    assert file["problems"] and file["problems"][0]["message"]


def test_search_json_and_its_exit_codes(capsys, samples_dir: Path, seed_brief_path: Path) -> None:
    note_on_seed(seed_brief_path)
    code, out, _ = run(capsys, "search", "fentanyl", "--library", str(samples_dir), "--json")
    assert code == 0
    document = checked("search", out)
    assert document["hits"] and document["matches"] >= len(document["hits"])
    code, out, _ = run(capsys, "search", "scripts", "--library", str(samples_dir), "--json")
    assert code == 0 and any(hit["note"] for hit in checked("search", out)["hits"])
    code, out, _ = run(capsys, "search", "zzzqqqxx", "--library", str(samples_dir), "--json")
    assert code == 1 and checked("search", out)["hits"] == []


def test_search_plain_prints_one_line_a_hit(capsys, samples_dir: Path) -> None:
    code, out, _ = run(capsys, "search", "fentanyl", "--library", str(samples_dir))
    assert code == 0 and out.strip() and all(" · " in line for line in out.splitlines())


def test_people_json(capsys, samples_dir: Path) -> None:
    code, out, _ = run(capsys, "people", "--library", str(samples_dir), "--json")
    assert code == 0
    everyone = checked("people", out)["people"]
    assert everyone
    name = everyone[0]["name"]
    code, out, _ = run(capsys, "people", name.split()[-1], "--library", str(samples_dir), "--json")
    assert code == 0 and name in [p["name"] for p in checked("people", out)["people"]]
    code, out, _ = run(capsys, "people", "Nobody Atall", "--library", str(samples_dir), "--json")
    assert code == 1 and checked("people", out)["people"] == []


def test_notes_json(capsys, seed_brief_path: Path) -> None:
    code, out, _ = run(capsys, "notes", "--json")
    assert code == 0 and checked("notes", out)["notes"] == []  # no database yet: no notes
    assert not paths.database_file().exists()
    note_on_seed(seed_brief_path)
    code, out, _ = run(capsys, "notes", "--json")
    [note] = checked("notes", out)["notes"]
    assert note["body"] == "A note for scripts."
    code, out, _ = run(capsys, "notes", "--brief", "no-such-brief", "--json")
    assert code == 0 and checked("notes", out)["notes"] == []
    code, out, _ = run(capsys, "notes")
    assert code == 0 and "A note for scripts." in out


def test_schema_prints_a_shape(capsys) -> None:
    code, out, _ = run(capsys, "schema", "--shape", "agenda")
    assert code == 0 and json.loads(out) == SHAPES["agenda"]
