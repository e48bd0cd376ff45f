"""Fixtures for the curation loop: a question log in tmp_path, a copy of the knowledge to edit.

`cache_dir` comes from tests/conftest.py (one index cache for the whole run).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.questionlog import QuestionLog
from tests.curation.helpers import Clock
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE


@pytest.fixture
def log_settings(tmp_path: Path, cache_dir: Path) -> Settings:
    """Settings with the question log in tmp_path (a folder that does not exist yet)."""
    settings = Settings(knowledge_dir=FIXTURE_KNOWLEDGE)
    settings.cache_dir = str(cache_dir)
    settings.log_db = str(tmp_path / "logs" / "questions.sqlite3")
    return settings


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def question_log(log_settings: Settings, clock: Clock) -> Iterator[QuestionLog]:
    assert log_settings.log_path is not None
    log = QuestionLog(log_settings.log_path, clock=clock)
    yield log
    log.close()


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge to edit; same content, so the cached index is reused."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    return root


@pytest.fixture
def live_settings(log_settings: Settings, knowledge_copy: Path) -> Settings:
    """Log settings serving the editable knowledge copy."""
    log_settings.knowledge_dir = knowledge_copy
    return log_settings
