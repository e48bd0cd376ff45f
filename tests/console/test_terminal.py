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
def spawn_chat(chat_config: Path, chat_env: dict[str, str]) -> Iterator[Callable[[], pexpect.spawn]]:
    """Start `faqbot chat` in a 120×40 pseudo-terminal; killed at the end of the test."""
    children: list[pexpect.spawn] = []

    def spawn() -> pexpect.spawn:
        # A terminal that does not answer cursor-position requests: tell prompt_toolkit so,
        # or it waits for the answer and then prints a warning.
        env = {**chat_env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
        child = pexpect.spawn(
            sys.executable,
            ["-m", "bot", "chat", "--config", str(chat_config)],
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
