"""Run the real `faqbot chat` process: whole piped sessions, or one line at a time.

Every process gets its own HOME (prompt history) and question log under the test's tmp_path;
all share one index cache for the session, so only the first start builds the index.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

#: Generous: a start loads the knowledge (about 3 s), a reload rebuilds the index.
TIMEOUT = 60


@dataclass
class Transcript:
    """What a finished `faqbot chat` process printed."""

    stdout: str
    stderr: str
    returncode: int

    @property
    def records(self) -> list[dict[str, Any]]:
        """--json output: one object per line."""
        return [json.loads(line) for line in self.stdout.splitlines()]

    @property
    def blocks(self) -> list[str]:
        """Plain output: one block per reply, blocks separated by a blank line."""
        return [block for block in self.stdout.split("\n\n") if block.strip()]


@pytest.fixture(scope="session")
def chat_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A config file whose index cache is shared by every chat process of the session."""
    folder = tmp_path_factory.mktemp("console-cache")
    config = folder / "config.yaml"
    config.write_text(f"cache_dir: {json.dumps(str(folder / 'cache'))}\n", encoding="utf-8")
    return config


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "log.sqlite3"


@pytest.fixture
def chat_env(tmp_path: Path, log_path: Path) -> dict[str, str]:
    """The environment of a chat process: nothing from the developer's own config or home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAQBOT_", "TELEGRAM_"))}
    env.update(HOME=str(tmp_path / "home"), FAQBOT_LOG_DB=str(log_path), FAQBOT_KNOWLEDGE=str(FIXTURE_KNOWLEDGE))
    return env


@pytest.fixture
def chat_command(chat_config: Path) -> Callable[..., list[str]]:
    def command(*args: str) -> list[str]:
        return [sys.executable, "-m", "bot", "chat", "--config", str(chat_config), *args]

    return command


@pytest.fixture
def run_chat(chat_command: Callable[..., list[str]], chat_env: dict[str, str]) -> Callable[..., Transcript]:
    """Pipe `lines` into `faqbot chat ARGS` and wait for it to finish."""

    def run(lines: list[str], *args: str) -> Transcript:
        done = subprocess.run(
            chat_command(*args),
            input="".join(f"{line}\n" for line in lines),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=chat_env,
            timeout=TIMEOUT,
            check=False,
        )
        return Transcript(done.stdout, done.stderr, done.returncode)

    return run


class ChatProcess:
    """A running `faqbot chat --json`, fed one line at a time through a pipe."""

    def __init__(self, command: list[str], env: dict[str, str], stderr: Path) -> None:
        self.stderr_path = stderr
        self._stderr = stderr.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)

    def ask(self, line: str) -> dict[str, Any]:
        """Send one line and wait for its one JSON reply."""
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return json.loads(self._lines.get(timeout=TIMEOUT))

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8")

    def finish(self) -> int:
        """Close stdin (end of input) and wait for the exit status."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        return self.process.wait(timeout=TIMEOUT)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        self._stderr.close()


@pytest.fixture
def chat_process(
    chat_command: Callable[..., list[str]], chat_env: dict[str, str], tmp_path: Path
) -> Iterator[Callable[..., ChatProcess]]:
    """Start `faqbot chat --json ARGS` for line-by-line talk; killed at the end of the test."""
    started: list[ChatProcess] = []

    def start(*args: str) -> ChatProcess:
        chat = ChatProcess(chat_command("--json", *args), chat_env, tmp_path / f"stderr-{len(started)}.txt")
        started.append(chat)
        return chat

    yield start
    for chat in started:
        chat.kill()
