"""Shared fixtures: one engine over the bundled knowledge, its index cached for the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, bundled_knowledge_dir
from bot.matching.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the whole run: building the index takes about two seconds."""
    return tmp_path_factory.mktemp("faqbot-cache")


@pytest.fixture(scope="session")
def settings(cache_dir: Path) -> Settings:
    settings = Settings()
    settings.cache_dir = str(cache_dir)
    settings.log_db = ""
    return settings


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Engine:
    return Engine.load(bundled_knowledge_dir(), settings)
