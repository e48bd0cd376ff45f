"""`faqbot ask` and `faqbot check --replay` announce an index build on a terminal and stay quiet
in a pipe: the real command, in a pseudo-terminal (pexpect) or with its output captured.

Each test gets a fresh cache folder, so its first command really builds the index; the small
knowledge of tests/knowledge_helpers keeps the build short.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.knowledge_helpers import write_knowledge

BUILDING = "faqbot: Building the search index for "
BUILT = "faqbot: Search index built in"

# (the command's arguments, what its stdout shows once the index is built)
COMMAND_ROWS = [
    pytest.param(["ask", "测试镇有多少党员？"], "1200", id="ask"),
    pytest.param(["check", "--replay"], "replay: 9 of 9 wordings find their fact", id="check-replay"),
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The small knowledge, an empty cache folder and no question log; nothing from the developer."""
    config = tmp_path / "config.yaml"
    config.write_text(f'cache_dir: "{tmp_path / "cache"}"\nlog_db: ""\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAQBOT_", "TELEGRAM_"))}
    env.update(
        FAQBOT_KNOWLEDGE=str(write_knowledge(tmp_path / "kb")),
        FAQBOT_CONFIG=str(config),
        HOME=str(tmp_path / "home"),
        TERM="xterm-256color",
    )
    return env


def on_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `faqbot ARGS` in a pseudo-terminal; everything it wrote (stdout and stderr)."""
    child = pexpect.spawn(sys.executable, ["-m", "bot", *args], env=env, encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before.replace("\r\n", "\n")


@pytest.mark.parametrize(("args", "result"), COMMAND_ROWS)
def test_an_index_build_is_announced_on_a_terminal_once(args: list[str], result: str, env: dict[str, str]) -> None:
    first = on_terminal(args, env)
    assert first.index(BUILDING) < first.index(BUILT) < first.index(result), first
    assert "a few seconds; cached afterwards" in first
    again = on_terminal(args, env)  # the index is cached now: nothing to announce
    assert result in again and BUILDING not in again and BUILT not in again


@pytest.mark.parametrize(("args", "result"), COMMAND_ROWS)
def test_a_pipe_stays_quiet_while_the_index_is_built(
    args: list[str], result: str, env: dict[str, str], tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert result in done.stdout
    assert done.stderr == ""
    assert list((tmp_path / "cache").glob("index-*.pickle")), "the index was not built (nothing was tested)"
