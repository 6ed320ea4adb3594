"""config.toml's calendar and reminder keys: reminders, agenda_ics, ics_component."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from briefing.storage.config import Config, load_config


def load(tmp_path: Path, text: str) -> tuple[Config, list[str]]:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_reminders_agenda_ics_and_component(tmp_path: Path) -> None:
    config, warnings = load(
        tmp_path,
        'reminders = ["7d", "1h", "1d"]\nagenda_ics = "~/cal/briefing.ics"\nics_component = "event"\n',
    )
    assert warnings == []
    assert config.lead_times() == (timedelta(days=7), timedelta(days=1), timedelta(hours=1))
    assert config.agenda_ics_path() == Path("~/cal/briefing.ics").expanduser()
    assert config.ics_component == "event"


def test_defaults_remind_of_nothing(tmp_path: Path) -> None:
    config, _ = load(tmp_path, "")
    assert config.lead_times() == ()
    assert config.agenda_ics_path() is None
    assert config.ics_component == "todo"


def test_bad_values_are_one_clear_line_each(tmp_path: Path) -> None:
    config, warnings = load(
        tmp_path,
        'reminders = ["7d", "soon"]\nagenda_ics = 3\nics_component = "VJOURNAL"\n',
    )
    where = tmp_path / "config.toml"
    assert warnings == [
        f"{where}: reminders: item 2: 'soon' is not a lead time such as 7d, 12h, 2w or 90m (ignored)",
        f"{where}: agenda_ics: expected the path of a calendar file, got a number (ignored)",
        f'{where}: ics_component: expected "todo" or "event", got \'VJOURNAL\' (ignored)',
    ]
    assert config == Config()
