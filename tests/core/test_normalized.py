"""The normalized form of a brief: what the index keeps, and the brief built back from it."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.core import normalized
from briefing.core.loading import load_brief

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parents[2] / "sample_briefs").iterdir())
)
def test_every_sample_comes_back_as_it_was_dumped(samples_dir: Path, name: str) -> None:
    brief = load_brief(samples_dir / name, local_zone=BERLIN)
    data = json.loads(json.dumps(normalized.dump(brief)))
    again = normalized.load(data, local_zone=BERLIN)
    assert normalized.dump(again) == data
    assert again.title == brief.title


def test_data_of_another_version_is_not_trusted(seed_brief_path: Path) -> None:
    data = normalized.dump(load_brief(seed_brief_path))
    data["version"] = normalized.VERSION + 1
    with pytest.raises(ValueError, match="version"):
        normalized.load(data)
