"""The real `faqbot telegram` process: token errors, serving through faults, the webhook.

Each test runs `python -m bot telegram` with TELEGRAM_API_BASE_URL pointing at the fake server
and checks its exit code and everything it wrote to stderr, where the token must never appear.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.knowledge_helpers import FIXTURE_KNOWLEDGE
from tests.telegram.conftest import ADMIN, TOKEN, USER
from tests.telegram.fakebotapi import FakeBotAPI

SECRET = TOKEN.split(":", 1)[1]
LECTURES = "大桥镇讲了多少堂党课？"


class Process:
    """A running `faqbot telegram` whose stderr is collected as it comes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.stderr = ""
        self._reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for line in self.process.stderr:
            self.stderr += line.decode("utf-8", "replace")

    async def finish(self, *, interrupt: bool = False, timeout: float = 20) -> int:
        """Wait for the exit, after Ctrl-C with `interrupt`; the exit code."""
        if interrupt and self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
        code = await asyncio.wait_for(self.process.wait(), timeout)
        await self._reader
        return code


@pytest.fixture
def environment(tmp_path: Path, cache_dir: Path) -> dict[str, str]:
    """A clean environment: no token unless a test sets one, everything written under tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "FAQBOT_"))}
    config = tmp_path / "config.yaml"
    config.write_text(
        json.dumps(
            {
                "cache_dir": str(cache_dir),
                "telegram": {"admins": [ADMIN], "webhook_port": free_port(), "webhook_secret": "hook-secret_0123"},
            }
        ),
        encoding="utf-8",
    )
    env.update(
        FAQBOT_KNOWLEDGE=str(FIXTURE_KNOWLEDGE),
        FAQBOT_CONFIG=str(config),
        FAQBOT_LOG_DB=str(tmp_path / "log.sqlite3"),
        PYTHONUNBUFFERED="1",
    )
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start(env: dict[str, str], *args: str) -> Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "telegram",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    return Process(process)


@pytest.fixture
async def processes() -> AsyncIterator[list[Process]]:
    """Processes a test started; any still running at the end are interrupted."""
    started: list[Process] = []
    yield started
    for process in started:
        if process.process.returncode is None:
            await process.finish(interrupt=True)


@pytest.mark.parametrize(
    ("token", "says"),
    [
        (None, "No Telegram bot token"),
        ("   ", "No Telegram bot token"),
        ("12345:tooShort", "malformed"),
        ("my-secret-password-0123456789abcdef", "malformed"),
    ],
)
async def test_a_missing_or_malformed_token_is_one_line_and_exit_2(
    environment: dict[str, str], token: str | None, says: str
) -> None:
    if token is not None:
        environment["TELEGRAM_BOT_TOKEN"] = token
    process = await start(environment)
    assert await process.finish() == 2
    assert process.stderr.count("\n") == 1 and says in process.stderr
    assert "Traceback" not in process.stderr
    if token and token.strip():
        assert token.split(":")[-1] not in process.stderr


async def test_a_token_telegram_rejects_is_one_line_and_exit_2(environment: dict[str, str], fake: FakeBotAPI) -> None:
    other = "987654321:AAAnotherTokenThatTheServerRejects_xyz"
    environment.update(TELEGRAM_BOT_TOKEN=other, TELEGRAM_API_BASE_URL=fake.url)
    process = await start(environment)
    assert await process.finish() == 2
    assert process.stderr.strip().splitlines()[-1].startswith("faqbot: Telegram rejected the bot token")
    assert other.split(":")[1] not in process.stderr and "Traceback" not in process.stderr


async def test_an_unreachable_api_backs_off_then_says_what_to_check(environment: dict[str, str]) -> None:
    port = free_port()  # nothing listens there: every connection is refused
    config = Path(environment["FAQBOT_CONFIG"])
    settings = json.loads(config.read_text(encoding="utf-8"))
    settings["telegram"].update(network_retries=1, network_backoff=0.01)  # the default waits ~40 s in all
    config.write_text(json.dumps(settings), encoding="utf-8")
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot")
    process = await start(environment)
    assert await process.finish(timeout=60) == 1
    # python-telegram-bot tries getMe twice (1 + at most network_retries), each try resent once.
    assert process.stderr.count("getMe failed (ConnectError, not delivered); retrying.") == 2
    last = process.stderr.strip().splitlines()[-1]
    assert last.startswith(f"faqbot: cannot reach the Telegram Bot API at 127.0.0.1:{port} ")
    for hint in ("network connection", "proxy (HTTPS_PROXY / ALL_PROXY)", "TELEGRAM_API_BASE_URL"):
        assert hint in last
    assert "Traceback" not in process.stderr and SECRET not in process.stderr


async def test_the_process_serves_through_faults_and_never_logs_the_token(
    environment: dict[str, str], fake: FakeBotAPI, processes: list[Process]
) -> None:
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.url)
    fake.fail("getMe", "500")
    fake.fail("sendMessage", "502", "drop")
    process = await start(environment)
    processes.append(process)
    await fake.wait_for(lambda: fake.count("getUpdates") > 0, "the process to poll", timeout=30)
    assert [c["command"] for c in fake.commands][:2] == ["start", "help"]
    sent = await fake.ask(USER, LECTURES)
    assert "194" in sent.text
    fake.fail("getUpdates", "500")
    assert "2893" in (await fake.ask(USER, "嘉兴科技城有多少名党员？")).text
    assert await process.finish(interrupt=True) == 0
    assert "retrying" in process.stderr  # the faults were logged…
    assert TOKEN not in process.stderr and SECRET not in process.stderr  # …without the token
    assert len(fake.sent_to(USER)) == 2


async def test_webhook_mode_serves_updates_posted_with_the_secret(
    environment: dict[str, str], fake: FakeBotAPI, processes: list[Process]
) -> None:
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.url)
    port = json.loads(Path(environment["FAQBOT_CONFIG"]).read_text())["telegram"]["webhook_port"]
    url = f"http://127.0.0.1:{port}/hook"
    process = await start(environment, "--webhook", url)
    processes.append(process)
    await fake.wait_for(lambda: fake.webhook.get("url") == url, "setWebhook", timeout=30)
    assert fake.webhook["secret_token"] == "hook-secret_0123"
    async with httpx.AsyncClient() as client:
        wrong = await client.post(
            url, json=fake.make_message(USER, LECTURES), headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
        )
        assert wrong.status_code == 403
        right = await client.post(
            url, json=fake.make_message(USER, LECTURES), headers={"X-Telegram-Bot-Api-Secret-Token": "hook-secret_0123"}
        )
        assert right.status_code == 200
    (sent,) = await fake.replies(USER, 0)
    assert "194" in sent.text
    assert await process.finish(interrupt=True) == 0
    assert TOKEN not in process.stderr and "hook-secret_0123" not in process.stderr
