"""Settings: defaults < config file < environment < flags, and clear errors for a bad file."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import ConfigError, Matching, Settings, Telegram, bundled_knowledge_dir, load_settings


def _config(tmp_path: Path, text: str, name: str = "faqbot.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _get(settings: Settings, dotted: str) -> Any:
    value: Any = settings
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def test_defaults_use_the_bundled_knowledge() -> None:
    settings = load_settings(env={})
    assert settings.knowledge_dir == bundled_knowledge_dir()
    assert (settings.knowledge_dir / "facts").is_dir()
    assert settings.log_db == "~/.local/share/faqbot/log.sqlite3"
    assert settings.telegram.token == ""
    assert settings.telegram.base_url == ""
    assert settings.matching == Matching()


# Which of file / FAQBOT_KNOWLEDGE / --knowledge are given, and which must win.
KNOWLEDGE_ROWS = [
    pytest.param(False, False, False, "bundled", id="defaults"),
    pytest.param(True, False, False, "file", id="file-over-default"),
    pytest.param(False, True, False, "env", id="env-over-default"),
    pytest.param(True, True, False, "env", id="env-over-file"),
    pytest.param(False, False, True, "flag", id="flag-over-default"),
    pytest.param(True, False, True, "flag", id="flag-over-file"),
    pytest.param(True, True, True, "flag", id="flag-over-env"),
]


@pytest.mark.parametrize(("file", "env", "flag", "winner"), KNOWLEDGE_ROWS)
def test_knowledge_dir_precedence(tmp_path: Path, file: bool, env: bool, flag: bool, winner: str) -> None:
    folders = {
        "bundled": bundled_knowledge_dir(),
        "file": tmp_path / "from-file",
        "env": tmp_path / "from-env",
        "flag": tmp_path / "from-flag",
    }
    config = _config(tmp_path, f"knowledge_dir: {folders['file']}\n")
    settings = load_settings(
        config_file=str(config) if file else None,
        knowledge_dir=str(folders["flag"]) if flag else None,
        env={"FAQBOT_KNOWLEDGE": str(folders["env"])} if env else {},
    )
    assert settings.knowledge_dir == folders[winner]


# (config file text, environment, setting, expected value)
SETTING_ROWS = [
    pytest.param("log_db: /f.sqlite3\n", {}, "log_db", "/f.sqlite3", id="log-db-from-file"),
    pytest.param(
        "log_db: /f.sqlite3\n", {"FAQBOT_LOG_DB": "/e.sqlite3"}, "log_db", "/e.sqlite3", id="log-db-env-over-file"
    ),
    pytest.param("log_db: /f.sqlite3\n", {"FAQBOT_LOG_DB": ""}, "log_db", "", id="log-db-env-turns-off"),
    pytest.param("telegram:\n  token: file-token\n", {}, "telegram.token", "file-token", id="token-from-file"),
    pytest.param(
        "telegram:\n  token: file-token\n",
        {"TELEGRAM_BOT_TOKEN": "env-token"},
        "telegram.token",
        "env-token",
        id="token-env-over-file",
    ),
    pytest.param("", {"TELEGRAM_BOT_TOKEN": " env-token\n"}, "telegram.token", "env-token", id="token-env-stripped"),
    pytest.param(
        "telegram:\n  base_url: http://file.example/bot\n",
        {"TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot"},
        "telegram.base_url",
        "http://127.0.0.1:8081/bot",
        id="base-url-env-over-file",
    ),
    pytest.param("telegram:\n  admins: [1, 2]\n", {}, "telegram.admins", [1, 2], id="admins"),
    pytest.param("reload_interval: 2.5\n", {}, "reload_interval", 2.5, id="float"),
    pytest.param("reload_interval: 3\n", {}, "reload_interval", 3.0, id="int-for-float"),
    pytest.param("matching:\n  answer: 0.7\n", {}, "matching.answer", 0.7, id="nested"),
    pytest.param(
        "matching:\n  answer: 0.7\n", {}, "matching.suggest", Matching().suggest, id="nested-others-keep-defaults"
    ),
    pytest.param("", {}, "log_db", Settings().log_db, id="empty-file-keeps-defaults"),
]


@pytest.mark.parametrize(("text", "env", "name", "expected"), SETTING_ROWS)
def test_setting_precedence(tmp_path: Path, text: str, env: dict[str, str], name: str, expected: object) -> None:
    settings = load_settings(config_file=str(_config(tmp_path, text)), env=env)
    assert _get(settings, name) == expected


def test_relative_knowledge_dir_is_resolved_against_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(tmp_path, "knowledge_dir: ../kb\n", name="conf/faqbot.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    settings = load_settings(config_file=str(config), env={})
    assert settings.knowledge_dir.resolve() == (tmp_path / "kb").resolve()


def test_home_in_knowledge_dir_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    settings = load_settings(config_file=str(_config(tmp_path, "knowledge_dir: ~/kb\n")), env={})
    assert settings.knowledge_dir == tmp_path / "home" / "kb"


def test_faqbot_config_names_the_file(tmp_path: Path) -> None:
    config = _config(tmp_path, "log_db: /from-env-config.sqlite3\n")
    assert load_settings(env={"FAQBOT_CONFIG": str(config)}).log_db == "/from-env-config.sqlite3"


def test_config_flag_beats_faqbot_config(tmp_path: Path) -> None:
    from_env = _config(tmp_path, "log_db: /env.sqlite3\n", name="env.yaml")
    from_flag = _config(tmp_path, "log_db: /flag.sqlite3\n", name="flag.yaml")
    settings = load_settings(config_file=str(from_flag), env={"FAQBOT_CONFIG": str(from_env)})
    assert settings.log_db == "/flag.sqlite3"


# (config file text, the exact message after "<path>:")
ERROR_ROWS = [
    pytest.param("knowlege_dir: kb\n", "1: unknown setting 'knowlege_dir'.", id="unknown-key"),
    pytest.param("log_db: x\nlog_dir: y\n", "2: unknown setting 'log_dir'.", id="unknown-key-line-2"),
    pytest.param("telegram:\n  token: t\n  tokn: t\n", "3: unknown setting 'telegram.tokn'.", id="unknown-nested-key"),
    pytest.param("matching:\n  answr: 0.5\n", "2: unknown setting 'matching.answr'.", id="unknown-matching-key"),
    pytest.param(
        "matching:\n  rival_margin: 0.2\n", "2: the setting 'matching.rival_margin' is gone", id="retired-key"
    ),
    pytest.param("reload_interval: fast\n", "1: 'reload_interval' must be a number, not 'fast'.", id="text-for-float"),
    pytest.param(
        "matching:\n  answer: high\n", "2: 'matching.answer' must be a number, not 'high'.", id="text-for-nested-float"
    ),
    pytest.param("telegram: 5\n", "1: 'telegram' must be a mapping.", id="number-for-section"),
    pytest.param("matching: [1]\n", "1: 'matching' must be a mapping.", id="list-for-section"),
    pytest.param("telegram:\n  admins: 42\n", "2: 'telegram.admins' must be a list", id="number-for-list"),
    pytest.param("telegram:\n  admins: [alice]\n", "2: 'telegram.admins' must be a list", id="names-for-user-ids"),
    pytest.param("telegram:\n  webhook_port: eighty\n", "2: 'telegram.webhook_port' must be a", id="text-for-int"),
    pytest.param("log_db: [a, b]\n", "1: 'log_db' must be a", id="list-for-text"),
    pytest.param(
        "telegram:\n  network_retries: -1\n",
        "2: 'telegram.network_retries' cannot be negative (-1); 0 means give up at the first network failure.",
        id="negative-retries",
    ),
    pytest.param(
        "telegram:\n  network_backoff: -0.5\n", "2: 'telegram.network_backoff' cannot be negative", id="negative-wait"
    ),
]


@pytest.mark.parametrize(("text", "message"), ERROR_ROWS)
def test_bad_setting_names_itself_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    config = _config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file=str(config), env={})
    assert str(caught.value).startswith(f"{config}:{message}")


# (config file text, a fragment of the message) for files that cannot be used at all
BROKEN_FILE_ROWS = [
    pytest.param("- log_db\n", "must be a YAML mapping of settings", id="a-list"),
    pytest.param("log_db: a: b\n", "The config file is broken: {path}:1: YAML syntax error", id="syntax"),
    pytest.param(
        "log_db: a\nlog_db: b\n", "{path}:2: YAML syntax error: the key 'log_db' appears twice", id="duplicate-key"
    ),
    pytest.param(None, "The config file {path} does not exist.", id="missing"),
]


@pytest.mark.parametrize(("text", "fragment"), BROKEN_FILE_ROWS)
def test_broken_config_file_is_a_clear_error(tmp_path: Path, text: str | None, fragment: str) -> None:
    path = tmp_path / "faqbot.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file=str(path), env={})
    assert fragment.format(path=path) in str(caught.value)


def test_the_example_config_loads_and_shows_the_defaults() -> None:
    """config.example.yaml documents every matching threshold and Telegram setting with its default value."""
    example = Path(__file__).parent.parent / "config.example.yaml"
    settings = load_settings(str(example), env={})
    assert settings.matching == Matching()
    documented = yaml.safe_load(example.read_text(encoding="utf-8"))["matching"]
    assert set(documented) == {f.name for f in fields(Matching)}
    assert settings.telegram == Telegram()
    telegram = yaml.safe_load(example.read_text(encoding="utf-8"))["telegram"]
    assert set(telegram) == {f.name for f in fields(Telegram)}
