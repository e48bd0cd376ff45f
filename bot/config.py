"""Settings: defaults < config file < environment < command-line flags.

The config file is YAML (see config.example.yaml); `--config FILE` or `FAQBOT_CONFIG` names it.
Environment variables override the file: `TELEGRAM_BOT_TOKEN`, `TELEGRAM_API_BASE_URL`,
`FAQBOT_KNOWLEDGE`, `FAQBOT_LOG_DB`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bot.yamlfile import Mapping, UnreadableFile, load_yaml


class ConfigError(Exception):
    """The config file is missing, unreadable, or has a setting of the wrong kind."""


def bundled_knowledge_dir() -> Path:
    """The knowledge shipped inside the wheel (`bot/bundled_knowledge`) or beside a source checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "bundled_knowledge"
    return inside if inside.is_dir() else here.parent / "knowledge"


@dataclass
class Matching:
    """Decision thresholds on the calibrated 0–1 score (README, "How matching works")."""

    answer: float = 0.60  # best score at or above this answers
    long_answer: float = 0.5  # …or this, for a question of `long_terms` key terms or more
    long_terms: int = 7
    suggest: float = 0.35  # candidates at or above this are offered as 「您是不是想问」
    margin: float = 0.03  # a different fact this close to the best makes the question ambiguous
    unit_margin: float = 0.15  # …or this close, of the same article, covering it as fully and in the unit asked
    place_margin: float = 0.25  # a question naming no place that fits two places this closely asks which…
    place_floor: float = 0.55  # …when the other place's best fact scores at least this…
    place_coverage: float = 0.6  # …and covers this share of the key terms
    rival_floor: float = 0.45  # …or when its best facts in both places match its subject this well
    rival_lack: float = 0.7  # …and the other place's lacks at most this share of what the best holds
    rival_worded: float = 0.5  # …unless the question is a curated wording and the rival's match it less
    exact_lack: float = 0.3  # …or the rival lacks more than this share of that wording's terms
    clear_floor: float = 0.5  # below `answer`, a "what/how" question's best fact scoring this…
    clear_margin: float = 0.07  # …and this far ahead of the next, missing only common words, answers
    vague_coverage: float = (
        0.85  # below `answer`, candidates covering this much of the key terms are offered as a choice
    )
    list_margin: float = 0.1  # a question asking for a list offers the facts this close to the best
    suggestions: int = 4  # how many choices to offer at most (two per place when a question fits both)
    story_margin: float = 0.1  # a long message's other words settle a choice they favour by this much


@dataclass
class Telegram:
    token: str = ""
    base_url: str = ""  # a self-hosted Bot API server, e.g. http://127.0.0.1:8081/bot
    admins: list[int] = field(default_factory=list)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str = ""
    flood_limit: int = 20  # messages per user per minute before a slow-down notice
    journal: str = ""  # received updates, stored until answered; "" = telegram-updates.sqlite3 beside log_db
    network_retries: int = 5  # resends of a Bot API call that failed on the network (getMe at start too)
    network_backoff: float = 0.25  # seconds before the first resend; doubled each time, up to 16 times this


@dataclass
class Settings:
    knowledge_dir: Path = field(default_factory=bundled_knowledge_dir)
    log_db: str = "~/.local/share/faqbot/log.sqlite3"  # "" turns the question log off
    log_salt: str = ""  # salt for hashing user ids; generated and stored in the log when empty
    reload_interval: float = 1.0  # seconds between checks for knowledge edits
    reload_time_limit: float = 300.0  # seconds a reload's index build (in a child process) may take
    reload_memory_limit: int = 4096  # megabytes of memory that build may use; 0 = no limit
    cache_dir: str = "~/.cache/faqbot"  # prebuilt indexes; "" turns the cache off
    matching: Matching = field(default_factory=Matching)
    telegram: Telegram = field(default_factory=Telegram)

    @property
    def log_path(self) -> Path | None:
        return Path(os.path.expanduser(self.log_db)) if self.log_db else None

    @property
    def journal_path(self) -> Path:
        """The file of received Telegram updates (it is needed even with the question log off)."""
        if self.telegram.journal:
            return Path(os.path.expanduser(self.telegram.journal))
        beside = self.log_path.parent if self.log_path is not None else Path("~/.local/share/faqbot").expanduser()
        return beside / "telegram-updates.sqlite3"

    @property
    def cache_path(self) -> Path | None:
        return Path(os.path.expanduser(self.cache_dir)) if self.cache_dir else None


def load_settings(
    config_file: str | None = None,
    knowledge_dir: str | None = None,
    env: dict[str, str] | None = None,
) -> Settings:
    """Build the settings from defaults, the config file, the environment and the flags given."""
    env = dict(os.environ) if env is None else env
    settings = Settings()
    path = config_file or env.get("FAQBOT_CONFIG")
    if path:
        _apply_file(settings, Path(os.path.expanduser(path)))
    if env.get("FAQBOT_KNOWLEDGE"):
        settings.knowledge_dir = Path(env["FAQBOT_KNOWLEDGE"])
    if "FAQBOT_LOG_DB" in env:
        settings.log_db = env["FAQBOT_LOG_DB"]
    if env.get("TELEGRAM_BOT_TOKEN"):
        settings.telegram.token = env["TELEGRAM_BOT_TOKEN"].strip()
    if env.get("TELEGRAM_API_BASE_URL"):
        settings.telegram.base_url = env["TELEGRAM_API_BASE_URL"].strip()
    if knowledge_dir:
        settings.knowledge_dir = Path(knowledge_dir)
    settings.knowledge_dir = Path(os.path.expanduser(str(settings.knowledge_dir)))
    return settings


def _apply_file(settings: Settings, path: Path) -> None:
    if not path.is_file():
        raise ConfigError(f"The config file {path} does not exist.")
    try:
        data = load_yaml(path, str(path))
    except UnreadableFile as exc:
        raise ConfigError(f"The config file is broken: {exc.problem}") from None
    if data is None:
        return
    if not isinstance(data, Mapping):
        raise ConfigError(f"The config file {path} must be a YAML mapping of settings.")
    _merge(settings, data, str(path), "")
    if data.get("knowledge_dir"):
        folder = Path(os.path.expanduser(str(data["knowledge_dir"])))
        settings.knowledge_dir = folder if folder.is_absolute() else path.parent / folder


#: Settings earlier versions had: a config file written for them says what became of them.
RETIRED = {
    "matching.unsure_place_floor": "it is now called 'matching.rival_floor'",
    "matching.rival_margin": "a question naming no place now asks which place however far apart the "
    "two places' scores are, and 'matching.rival_floor' alone decides; delete the line",
}


#: Counts and waits that make no sense below 0, with what 0 itself means.
NON_NEGATIVE = {
    "telegram.network_retries": "give up at the first network failure",
    "telegram.network_backoff": "resend at once",
}


def _merge(target: Any, data: Mapping, path: str, prefix: str) -> None:
    known = {f.name: f for f in fields(target)}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if name in RETIRED:
            raise ConfigError(f"{path}:{data.line_of(key)}: the setting '{name}' is gone: {RETIRED[name]}.")
        if key not in known:
            raise ConfigError(f"{path}:{data.line_of(key)}: unknown setting '{name}'.")
        current = getattr(target, key)
        if hasattr(current, "__dataclass_fields__"):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{path}:{data.line_of(key)}: '{name}' must be a mapping.")
            _merge(current, value, path, f"{name}.")
            continue
        if key == "knowledge_dir":
            continue  # resolved relative to the file by the caller
        setattr(target, key, _coerce(current, value, name, f"{path}:{data.line_of(key)}"))


def _coerce(current: Any, value: Any, name: str, where: str) -> Any:
    if value is None:
        return current
    try:
        if isinstance(current, bool):
            if not isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(current, list):
            if not isinstance(value, list):
                raise ValueError
            return [int(v) for v in value]
        if isinstance(current, (int, float)) and not isinstance(value, (int, float)):
            raise ValueError
        if isinstance(current, (str, Path)) and not isinstance(value, (str, int, float)):
            raise ValueError
        coerced = type(current)(value)
    except (TypeError, ValueError):
        kind = {bool: "true or false", int: "whole number", float: "number", list: "list of user ids"}.get(
            type(current), "text"
        )
        raise ConfigError(f"{where}: '{name}' must be a {kind}, not {value!r}.") from None
    if name in NON_NEGATIVE and coerced < 0:
        raise ConfigError(f"{where}: '{name}' cannot be negative ({value!r}); 0 means {NON_NEGATIVE[name]}.")
    return coerced
