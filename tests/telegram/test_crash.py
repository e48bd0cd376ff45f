"""A real `faqbot telegram` process killed with SIGKILL mid-burst, and outages that lose the offset
confirmation: every message is answered exactly once (bot.frontends.telegram.journal).

The kill is placed where the outcome is known rather than at a random moment: every send still in
flight is held by the fake server unanswered ("stall": nothing was done), and every send that did
go through is already recorded as handled. A send whose response is lost cannot be told from one
that never arrived; docs/reliability.md says why that one case may repeat a reply.
"""

from __future__ import annotations

import json
import signal
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.telegram.conftest import TOKEN
from tests.telegram.fakebotapi import FakeBotAPI
from tests.telegram.test_process import Process, environment, processes, start  # noqa: F401 (fixtures)

QUESTIONS = ["大桥镇讲了多少堂党课？", "嘉兴科技城有多少名党员？", "你好", "谢谢", "吴江开发区在哪里？"]
USERS = list(range(3001, 3041))  # 40 users, 5 messages each: 200 messages at once


@pytest.fixture
async def slow_fake() -> AsyncIterator[FakeBotAPI]:
    """A fake server whose stalled calls stay unanswered for as long as a test needs."""
    server = await FakeBotAPI(TOKEN, stall_seconds=120).start()
    yield server
    await server.stop()


def _journal(env: dict[str, str]) -> Path:
    return Path(env["FAQBOT_LOG_DB"]).parent / "telegram-updates.sqlite3"


def _handled(journal: Path) -> int:
    """Updates the bot has recorded as handled (0 while the file or its table is missing)."""
    if not journal.exists():
        return 0
    try:
        with sqlite3.connect(journal, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM updates WHERE state = 'done'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


async def _kill(process: Process) -> None:
    process.process.send_signal(signal.SIGKILL)
    assert await process.finish(timeout=20) == -signal.SIGKILL


async def test_a_bot_killed_mid_burst_answers_every_message_exactly_once(
    environment: dict[str, str],  # noqa: F811
    slow_fake: FakeBotAPI,
    processes: list[Process],  # noqa: F811
) -> None:
    fake = slow_fake
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.url)
    first = await start(environment)
    processes.append(first)
    await fake.wait_for(lambda: fake.count("getUpdates") > 0, "the process to poll", timeout=30)
    for question in QUESTIONS:
        for user in USERS:
            fake.message(user, question)
    await fake.wait_for(lambda: len(fake.sent) >= 20, "the first replies", timeout=30)
    fake.chaos(1.0, ("stall",), {"sendMessage"})  # from now on, sends hang and do nothing

    def unfinished() -> int:
        return sum(1 for user in USERS if len(fake.sent_to(user)) < len(QUESTIONS))

    journal = _journal(environment)
    await fake.wait_for(
        lambda: fake.count("sendMessage", "stall") >= unfinished() and _handled(journal) >= len(fake.sent),
        "every chat to hang on a send, and every reply sent to be recorded",
        timeout=30,
    )
    answered_before = len(fake.sent)
    assert answered_before < len(USERS) * len(QUESTIONS)  # the kill does come mid-burst
    await _kill(first)

    fake.calm()
    second = await start(environment)
    processes.append(second)
    await fake.wait_for(
        lambda: all(len(fake.sent_to(user)) >= len(QUESTIONS) for user in USERS),
        "every message to be answered after the restart",
        timeout=60,
    )
    assert await second.finish(interrupt=True) == 0  # a graceful stop sends anything still queued
    counts = {user: len(fake.sent_to(user)) for user in USERS}
    assert counts == dict.fromkeys(USERS, len(QUESTIONS)), counts
    assert "Answering" in second.stderr and "Traceback" not in second.stderr


async def test_a_lost_offset_confirmation_does_not_answer_twice(
    environment: dict[str, str],  # noqa: F811
    fake: FakeBotAPI,
    processes: list[Process],  # noqa: F811
) -> None:
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.url)
    first = await start(environment)
    processes.append(first)
    await fake.wait_for(lambda: fake.count("getUpdates") > 0, "the process to poll", timeout=30)
    # The long poll in flight returns the message; every later getUpdates — the ones that would
    # confirm it, and the last one a graceful stop makes — fails: Telegram keeps the update.
    fake.chaos(1.0, ("500",), {"getUpdates"})
    update_id = fake.message(3001, QUESTIONS[0])
    await fake.replies(3001, 0, timeout=30)
    assert await first.finish(interrupt=True) == 0

    fake.calm()
    second = await start(environment)
    processes.append(second)
    await fake.wait_for(
        lambda: any(c.method == "getUpdates" and int(c.params.get("offset") or 0) > update_id for c in fake.calls),
        "the restarted bot to confirm the update sent again",
        timeout=30,
    )
    fake.message(3001, QUESTIONS[1])
    await fake.replies(3001, 1, timeout=30)
    assert await second.finish(interrupt=True) == 0
    assert [("194" in s.text, "2893" in s.text) for s in fake.sent_to(3001)] == [(True, False), (False, True)]


async def test_a_webhook_answers_200_only_for_a_stored_update_which_survives_a_kill(
    environment: dict[str, str],  # noqa: F811
    slow_fake: FakeBotAPI,
    processes: list[Process],  # noqa: F811
) -> None:
    fake = slow_fake
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.url)
    port = json.loads(Path(environment["FAQBOT_CONFIG"]).read_text())["telegram"]["webhook_port"]
    url = f"http://127.0.0.1:{port}/hook"
    first = await start(environment, "--webhook", url)
    processes.append(first)
    await fake.wait_for(lambda: fake.webhook.get("url") == url, "setWebhook", timeout=30)
    fake.chaos(1.0, ("stall",), {"sendMessage"})
    headers = {"X-Telegram-Bot-Api-Secret-Token": "hook-secret_0123"}
    async with httpx.AsyncClient() as client:
        response = await client.post(url, json=fake.make_message(3001, QUESTIONS[0]), headers=headers)
    assert response.status_code == 200
    await fake.wait_for(lambda: fake.count("sendMessage", "stall") >= 1, "the reply to hang", timeout=30)
    await _kill(first)  # Telegram was told "received"; the reply never went out

    fake.calm()
    second = await start(environment, "--webhook", url)
    processes.append(second)
    (sent,) = await fake.replies(3001, 0, timeout=30)
    assert "194" in sent.text
    assert await second.finish(interrupt=True) == 0
    assert len(fake.sent_to(3001)) == 1
