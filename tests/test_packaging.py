"""The wheel ships the sample briefs (and themes) and the ``briefing`` entry point, and a
non-editable install finds its samples inside the package."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SEED = "us-china-trade-talks-kuala-lumpur.toml"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module (without build isolation when hatchling is here)."""
    if importlib.util.find_spec("build") is None:
        pytest.skip("the 'build' package is not installed")
    repo = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")
    result = subprocess.run(
        command + [str(repo)], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(out.glob("briefing-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_ships_samples_themes_and_entry_point(wheel: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        assert len(entry_points) == 1, entry_points
        entry_text = archive.read(entry_points[0]).decode("utf-8")
    assert f"briefing/_data/sample_briefs/{SEED}" in names
    for sample in (repo / "sample_briefs").iterdir():
        if sample.is_file():
            assert f"briefing/_data/sample_briefs/{sample.name}" in names
    themes = (
        [p for p in (repo / "themes").rglob("*") if p.is_file()]
        if (repo / "themes").is_dir()
        else []
    )
    for theme in themes:
        assert f"briefing/_data/themes/{theme.relative_to(repo / 'themes').as_posix()}" in names
    assert "briefing/cli/__init__.py" in names
    assert "[console_scripts]" in entry_text
    lines = [line.replace(" ", "") for line in entry_text.splitlines()]
    assert "briefing=briefing.cli:main" in lines


def test_installed_wheel_finds_its_samples(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            "--disable-pip-version-check",
            "--no-compile",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = (
        "import briefing\n"
        "from briefing.storage.paths import bundled_samples\n"
        "print(briefing.__file__)\n"
        "print(bundled_samples())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    package_file, samples = (Path(line) for line in result.stdout.splitlines())
    assert package_file.resolve().is_relative_to(site.resolve()), package_file  # not the checkout
    assert samples.resolve().is_relative_to(site.resolve()), samples
    assert (samples / SEED).is_file()
