"""Fixtures for the Telegram tests: the fake Bot API server and the real bot running against it.

The bot is the real `Application` from `build_application`, run by the real
`run_application` (long polling) in a thread with its own event loop, exactly as
`faqbot telegram` runs it minus the signal handlers. The fake server runs in the test's loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.frontends.telegram.app import build_application, run_application
from bot.matching.reload import LiveEngine
from bot.questionlog import QuestionLog, open_log
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE
from tests.telegram.fakebotapi import FakeBotAPI

#: Looks like a real token; tests check it never shows up in logs or output.
TOKEN = "123456789:AAFakeTokenForTests_0123456789-abcdef"
ADMIN = 4242
USER = 1001


class RunningBot:
    """The bot's Application running in a thread; `stop()` shuts it down gracefully."""

    def __init__(self, application: Any, settings: Settings, question_log: QuestionLog | None) -> None:
        self.application = application
        self.settings = settings
        self.log = question_log
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._run, name="telegram-bot", daemon=True)

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            run_application(self.application, self.settings, stop_signals=None)
        except BaseException as exc:  # surfaced by stop()
            self.error = exc

    def start(self) -> None:
        self._thread.start()

    @property
    def live(self) -> LiveEngine:
        return self.application.bot_data.state.live

    async def stop(self) -> None:
        if self._thread.is_alive() and self._loop is not None:
            self._loop.call_soon_threadsafe(self.application.stop_running)
        await asyncio.to_thread(self._thread.join, 20)
        assert not self._thread.is_alive(), "the bot did not stop within 20 s"
        if self.log is not None:
            self.log.close()


@pytest.fixture
def tg_settings(tmp_path: Path, cache_dir: Path) -> Settings:
    """Settings of one test's bot: its own question log, the session's index cache."""
    settings = Settings(knowledge_dir=FIXTURE_KNOWLEDGE)
    settings.cache_dir = str(cache_dir)
    settings.log_db = str(tmp_path / "log.sqlite3")
    settings.reload_interval = 0.2
    settings.telegram.token = TOKEN
    settings.telegram.admins = [ADMIN]
    return settings


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    """As `faqbot telegram` sets it: python-telegram-bot's future durations, no warnings."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture(scope="session")
def shared_live(cache_dir: Path) -> LiveEngine:
    """One engine over the bundled knowledge for every bot that does not edit its knowledge:
    loading it takes longer than starting a bot."""
    settings = Settings(knowledge_dir=FIXTURE_KNOWLEDGE)
    settings.cache_dir = str(cache_dir)
    return LiveEngine(settings)


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    server = await FakeBotAPI(TOKEN).start()
    yield server
    await server.stop()


StartBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
async def start_bot(fake: FakeBotAPI, tg_settings: Settings, shared_live: LiveEngine) -> AsyncIterator[StartBot]:
    """start_bot(live=…, read_timeout=…, overall_rate=…) → the running bot, polling the fake
    server; `live` defaults to the shared engine over the bundled knowledge."""
    running: list[RunningBot] = []

    settings = tg_settings

    async def start(live: LiveEngine | None = None, **options: Any) -> RunningBot:
        settings.telegram.base_url = fake.url
        live = live or shared_live
        question_log = open_log(settings)
        bot = RunningBot(build_application(settings, live, question_log, **options), settings, question_log)
        running.append(bot)
        bot.start()
        await fake.wait_for(lambda: fake.count("getUpdates") > 0 or bot.error is not None, "the bot to poll")
        assert bot.error is None, bot.error
        return bot

    yield start
    for bot in running:
        await bot.stop()


@pytest.fixture
async def bot(start_bot: StartBot) -> RunningBot:
    return await start_bot()
