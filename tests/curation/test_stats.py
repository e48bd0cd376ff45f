"""`faqbot stats`: reply rates, channels, most asked facts and feedback, from a real log."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.curation.stats import stats_text
from bot.questionlog import QuestionLog
from tests.curation.helpers import Clock, answered, clarify, declined


def _row(text: str, head: str) -> list[str]:
    """The cells of the table line that starts with `head`."""
    match = re.search(rf"^  {re.escape(head)} +(.+)$", text, re.MULTILINE)
    assert match, f"no line for {head!r} in:\n{text}"
    return match.group(1).split()


@pytest.fixture
def logged(question_log: QuestionLog, clock: Clock) -> QuestionLog:
    """Ten questions on 2024-05-01 (six answered, two clarify, two declined) and one old one."""
    log = question_log
    ids = [log.record("telegram", user, answered("问", "fact-a")) for user in (1, 2, 3, 4)]
    ids += [log.record("console", "me", answered("问", "fact-b")) for _ in range(2)]
    log.record("telegram", 1, clarify("有多少党员"))
    log.record("console", "me", clarify("有多少党员"))
    log.record("telegram", 5, declined("北京有多少党员"))
    log.record("telegram", 5, declined("上海有多少党员"))
    for question_id, value in ((ids[0], 1), (ids[1], 1), (ids[2], -1), (ids[4], -1)):
        log.feedback("telegram", 9, None, value, question_id=question_id)  # the fact via its question
    log.feedback("telegram", 9, "fact-b", -1)
    log.picked("telegram", 1, "有多少党员", "fact-a")
    clock.set("2024-04-01T08:00:00+00:00")
    log.record("telegram", 6, declined("去年的问题"))
    return log


def test_rates_channels_facts_and_feedback_add_up(log_settings: Settings, logged: QuestionLog) -> None:
    text = stats_text(log_settings, since="2024-05-01")
    assert "10 questions from 6 user(s), 2024-05-01 to 2024-05-01 (UTC)" in text
    assert _row(text, "answered") == ["6", "60.0%"]
    assert _row(text, "clarify") == ["2", "20.0%"]
    assert _row(text, "declined") == ["2", "20.0%"]
    assert _row(text, "telegram") == ["7", "57.1%", "14.3%", "28.6%"]
    assert _row(text, "console") == ["3", "66.7%", "33.3%", "0.0%"]
    most_asked = text.split("Most asked facts", 1)[1]
    assert _row(most_asked, "fact-a") == ["4"] and _row(most_asked, "fact-b") == ["2"]
    feedback = text.split("Feedback per fact", 1)[1]
    assert _row(feedback, "fact-b") == ["0", "2"] and _row(feedback, "fact-a") == ["2", "1"]
    assert feedback.index("fact-b") < feedback.index("fact-a")  # the most disliked first
    assert "Suggestions picked: 1." in text


def test_without_since_the_old_question_counts_too(log_settings: Settings, logged: QuestionLog) -> None:
    text = stats_text(log_settings, since=None)
    assert "11 questions from 7 user(s), 2024-04-01 to 2024-05-01" in text
    assert _row(text, "declined") == ["3", "27.3%"]


def test_columns_line_up_in_a_terminal(log_settings: Settings, logged: QuestionLog) -> None:
    table = stats_text(log_settings, since=None).split("Feedback per fact", 1)[1].split("\n\n")[0]
    header, *rows = table.splitlines()[1:]
    # 👍 and 👎 take two columns each, so every row ends at the header's width.
    width = len(header) + header.count("👍") + header.count("👎")
    assert rows and all(len(row) == width for row in rows)


def test_an_empty_period_says_so(log_settings: Settings, logged: QuestionLog) -> None:
    assert (
        stats_text(log_settings, since="2030-01-01")
        == f"No questions logged in {log_settings.log_path} since 2030-01-01."
    )


def test_no_log_file_yet_is_a_friendly_line(log_settings: Settings) -> None:
    assert "No questions have been logged yet" in stats_text(log_settings, since=None)
    assert log_settings.log_path is not None and not log_settings.log_path.exists()  # not created by reading


def test_faqbot_stats_with_logging_off_is_one_line_on_stderr(tmp_path: Path, log_settings: Settings) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f'log_db: ""\ncache_dir: {log_settings.cache_dir}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "FAQBOT_LOG_DB"}
    run = subprocess.run(
        [sys.executable, "-m", "bot", "stats", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.startswith("faqbot: The question log is turned off") and run.stderr.count("\n") == 1
