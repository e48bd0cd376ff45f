"""Hostile or unlucky input to the command-line tools and the files they write: a bad byte on
stdin, a line separator inside an answer, a very long number, control characters in logged
questions, and the permissions of the files holding users' messages."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from bot.config import Settings
from bot.curation.unanswered import unanswered_text
from bot.frontends.telegram.journal import UpdateJournal
from bot.questionlog import QuestionLog
from tests.curation.helpers import declined


def ask(stdin: bytes, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FAQBOT_")}
    environment.update(FAQBOT_LOG_DB="", **env)
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args, "-"],
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=60,
    )


def test_a_bad_byte_under_a_strict_locale_costs_no_line() -> None:
    result = ask(
        b"\xff" + "大桥镇讲了多少堂党课？\n你好\n".encode(),
        "--json",
        PYTHONIOENCODING="utf-8:strict",
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["status"] for r in records] == ["answered", "declined"]


def test_a_line_separator_stays_inside_its_json_lines_record() -> None:
    result = ask("你好\u2028呀\n吴江开发区有多少名党员？\u2029\n".encode(), "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()  # splits at U+2028 too
    assert len(lines) == 2 and json.loads(lines[0])["question"] == "你好\u2028呀"


def test_a_64000_digit_message_is_normalised_in_linear_time() -> None:
    # `faqbot ask` cuts long questions before normalising; `chat` and Telegram long messages
    # reach the normaliser whole. 64,000 digits took minutes when 号 was matched quadratically.
    # The slow case is a run of digits with no 号 after it: every digit was tried as a start.
    code = "from bot.text.normalize import normalize; print(normalize('1' * 64000 + ' 3号')[-3:])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20)
    assert result.stdout.strip() == "3日", result.stderr


def test_control_characters_in_logged_questions_never_reach_the_terminal(
    log_settings: Settings, question_log: QuestionLog
) -> None:
    question_log.record("telegram", 1, declined("上海\x1b[2J\x1b]0;pwned\x07有多少\u202e名党员"))
    text = unanswered_text(log_settings, since=None, limit=20, as_yaml=False)
    assert "上海" in text and "\\x1b[2J" in text
    assert not any(ord(c) < 32 and c != "\n" for c in text) and "\u202e" not in text


def test_files_holding_messages_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    QuestionLog(tmp_path / "log.sqlite3").close()
    UpdateJournal(tmp_path / "updates.sqlite3").close()
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
