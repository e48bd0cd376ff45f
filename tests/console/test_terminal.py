"""The interactive `faqbot chat` in a real pseudo-terminal: typing and reading the screen."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from bot.questionlog import QuestionLog

PROMPT = "问 › "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]")


@pytest.fixture
def spawn_chat(chat_config: Path, chat_env: dict[str, str]) -> Iterator[Callable[..., pexpect.spawn]]:
    """Start `faqbot chat` in a 120×40 pseudo-terminal (with the session's shared index cache
    unless given another config); killed at the end of the test."""
    children: list[pexpect.spawn] = []

    def spawn(config: Path = chat_config) -> pexpect.spawn:
        # A terminal that does not answer cursor-position requests: tell prompt_toolkit so,
        # or it waits for the answer and then prints a warning.
        env = {**chat_env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
        child = pexpect.spawn(
            sys.executable,
            ["-m", "bot", "chat", "--config", str(config)],
            env=env,
            encoding="utf-8",
            dimensions=(40, 120),
            timeout=30,
        )
        child.logfile_read = Screen()
        children.append(child)
        return child

    yield spawn
    for child in children:
        if child.isalive():
            child.terminate(force=True)


class Screen:
    """Everything the chat wrote to the terminal, for a final look."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return ANSI.sub("", "".join(self.parts))


def test_a_conversation_on_the_terminal(spawn_chat: Callable[[], pexpect.spawn], chat_env: dict[str, str]) -> None:
    child = spawn_chat()
    child.expect("可以这样问")
    child.expect("答完可以追问")
    examples = re.findall(r"·\s+(\S+?)\s*│", ANSI.sub("", child.before))
    assert len(examples) == 3, child.before
    child.expect_exact(PROMPT)
    child.sendline(examples[0])  # the welcome's examples are answered
    child.expect("《")
    child.expect_exact(PROMPT)
    child.sendline("大桥镇讲了多少堂党课")
    child.expect("194")
    child.expect("南湖新闻网 · 2019-12-11")
    child.expect_exact(PROMPT)
    child.sendline("/quit")
    child.expect("再见")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in child.logfile_read.text()
    history = Path(chat_env["HOME"], ".local/share/faqbot/history").read_text(encoding="utf-8")
    assert "大桥镇讲了多少堂党课" in history


@pytest.mark.parametrize("key", ["d", "c"])
def test_ctrl_d_or_ctrl_c_on_an_empty_line_ends_cleanly(
    spawn_chat: Callable[[], pexpect.spawn], log_path: Path, key: str
) -> None:
    child = spawn_chat()
    child.expect_exact(PROMPT)
    child.sendline("有多少党员")
    child.expect("输入编号即可选择")
    child.expect_exact(PROMPT)
    child.sendline("1")  # typing the number answers that choice
    child.expect("《")
    child.expect_exact(PROMPT)
    child.send("半句话")
    child.sendcontrol("c")  # clears the half-typed line, which is never asked
    child.sendline("/help")  # and the chat goes on
    child.expect("怎么用")
    child.expect_exact(PROMPT)
    child.sendcontrol(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in child.logfile_read.text()
    with QuestionLog(log_path) as log:
        assert [q.question for q in log.questions()] == ["有多少党员", "1"]


def test_the_first_start_says_it_builds_the_index(spawn_chat: Callable[..., pexpect.spawn], tmp_path: Path) -> None:
    config = tmp_path / "fresh.yaml"  # an empty cache folder: this start must build the index
    config.write_text(f'cache_dir: "{tmp_path / "cache"}"\n', encoding="utf-8")
    child = spawn_chat(config)
    child.expect(r"正在为 \d+ 条事实建立搜索索引")  # in the spinner, while it is built
    child.expect(r"搜索索引已建好（\d+\.\d 秒）")
    child.expect("可以这样问")
    child.expect_exact(PROMPT)
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    screen = child.logfile_read.text()
    assert "Building" not in screen  # the build's English log line is not shown as well
    again = spawn_chat(config)  # cached now: nothing to build, nothing said
    again.expect_exact(PROMPT)
    again.sendline("/quit")
    again.expect(pexpect.EOF)
    assert "正在加载知识库" in again.logfile_read.text()
    assert "索引" not in again.logfile_read.text()


def test_a_chat_piped_into_on_a_terminal_stays_quiet(chat_env: dict[str, str], tmp_path: Path) -> None:
    """`echo 问题 | faqbot chat` typed in a terminal: its replies and nothing about the index."""
    config = tmp_path / "fresh.yaml"
    config.write_text(f'cache_dir: "{tmp_path / "cache"}"\n', encoding="utf-8")
    pipeline = 'printf "大桥镇讲了多少堂党课\\n" | exec "$0" -m bot chat --config "$1"'
    child = pexpect.spawn("/bin/sh", ["-c", pipeline, sys.executable, str(config)], env=chat_env, encoding="utf-8")
    child.expect(pexpect.EOF, timeout=60)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "194" in child.before
    assert "索引" not in child.before and "index" not in child.before
    assert list((tmp_path / "cache").glob("index-*.pickle")), "the index was not built (nothing was tested)"
