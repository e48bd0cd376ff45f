"""Shared fixtures: one engine over the fixture copy of the knowledge, its index cached for the session.

Every test reads `tests/fixtures/knowledge/` (FIXTURE_KNOWLEDGE), never the curated `knowledge/`:
a curator's legitimate edit must not fail `./run.sh test` (their test is `faqbot check --replay`).
FAQBOT_KNOWLEDGE is set for the whole run, so `faqbot` commands run in-process or as child
processes read the fixture too, unless a test says otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import Settings
from bot.matching.engine import Engine
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
os.environ["FAQBOT_KNOWLEDGE"] = str(FIXTURE_KNOWLEDGE)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the whole run: building the index takes about two seconds."""
    return tmp_path_factory.mktemp("faqbot-cache")


@pytest.fixture(scope="session")
def settings(cache_dir: Path) -> Settings:
    settings = Settings()
    settings.cache_dir = str(cache_dir)
    settings.log_db = ""
    settings.knowledge_dir = FIXTURE_KNOWLEDGE
    return settings


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Engine:
    return Engine.load(FIXTURE_KNOWLEDGE, settings)
