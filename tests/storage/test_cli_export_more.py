"""``briefing export`` in the formats of issue 18: vault, Web Annotation, CSV, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from .helpers import assert_one_line_error
from .test_cli_notes import QUOTE_NOTE, export, seeded  # noqa: F401  (the fixture)

pytestmark = pytest.mark.usefixtures("seeded")


def test_vault_to_a_folder_and_again(samples_dir: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    code, out, err = export("--format", "vault", "-o", str(vault), library=samples_dir)
    assert code == 0, err
    assert out.startswith("wrote ") and "pages in" in out
    pages = list((vault / "Briefs").glob("*.md"))
    assert pages and any(QUOTE_NOTE in p.read_text("utf-8") for p in pages)
    assert any((vault / "People").glob("*.md"))
    page = pages[0]
    page.write_text(page.read_text("utf-8") + "\nmine\n", "utf-8")
    code, _, err = export("--format", "vault", "-o", str(vault), library=samples_dir)
    assert code == 0, err
    assert page.read_text("utf-8").endswith("\nmine\n")


def test_vault_needs_a_folder(samples_dir: Path) -> None:
    result_code, _, err = export("--format", "vault", library=samples_dir)
    assert result_code == 1
    assert "needs a folder" in err and "Traceback" not in err


def test_vault_never_follows_a_symlinked_folder(samples_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    code, _, err = export("--format", "vault", "-o", str(tmp_path / "link"), library=samples_dir)
    assert code == 1 and "symbolic link" in err
    assert not any((tmp_path / "real").iterdir())


def test_annotation_to_stdout(samples_dir: Path) -> None:
    code, out, err = export("--format", "annotation", library=samples_dir)
    assert code == 0, err
    data = json.loads(out)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert QUOTE_NOTE in [i.get("body", {}).get("value") for i in data["first"]["items"]]


@pytest.mark.parametrize("fmt", ["annotation", "csv", "agenda-csv"])
def test_new_file_formats_keep_an_existing_file_without_force(
    samples_dir: Path, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / "out"
    target.write_text("keep\n")
    from .helpers import run_briefing

    result = run_briefing(
        "export", "--library", str(samples_dir), "--format", fmt, "-o", str(target)
    )
    assert_one_line_error(result)
    assert target.read_text() == "keep\n"
    code, _, err = export("--format", fmt, "-o", str(target), "--force", library=samples_dir)
    assert code == 0, err
    assert target.read_text() != "keep\n"


def test_csv_to_a_folder_gets_a_csv_name(samples_dir: Path, tmp_path: Path) -> None:
    code, out, err = export("--format", "csv", "-o", str(tmp_path), library=samples_dir)
    assert code == 0, err
    [written] = tmp_path.glob("*.csv")
    rows = list(csv.reader(io.StringIO(written.read_text("utf-8"))))
    assert rows[0][0] == "type" and len(rows) == 4  # two notes, one bookmark


def test_vault_of_an_unknown_brief_is_one_clear_line(samples_dir: Path, tmp_path: Path) -> None:
    code, _, err = export(
        "--format", "vault", "--brief", "no-such", "-o", str(tmp_path / "v"), library=samples_dir
    )
    assert code == 1 and "no brief with id 'no-such'" in err
    assert not (tmp_path / "v").exists()
