"""``briefing config`` checks the file it names (issue 16 item 20): a misspelt key
(``libary``) was ignored without a word outside the reader; now it gets a "did you mean"."""

from __future__ import annotations

from kit import run_briefing


def test_briefing_config_says_did_you_mean_for_an_unknown_key(isolated_env) -> None:
    config = isolated_env["config"]
    config.mkdir(parents=True)
    (config / "config.toml").write_text('libary = ["~/briefs"]\n', encoding="utf-8")
    done = run_briefing("config")
    assert done.returncode == 0, done.stderr
    assert "config file:" in done.stdout
    assert "libary: unknown key; did you mean 'library'?" in done.stderr
    assert "config.toml" in done.stderr


def test_briefing_config_is_quiet_about_a_good_file(isolated_env) -> None:
    config = isolated_env["config"]
    config.mkdir(parents=True)
    (config / "config.toml").write_text('library = ["~/briefs"]\n', encoding="utf-8")
    done = run_briefing("config")
    assert done.returncode == 0 and done.stderr == ""
