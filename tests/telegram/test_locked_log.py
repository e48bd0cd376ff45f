"""The question log locked by another process (a curator's `DELETE …; VACUUM`, a backup): replies
still come at once, and the rows of that time are written once the lock is gone."""

from __future__ import annotations

import sqlite3

from bot.questionlog import QuestionLog
from tests.telegram.conftest import USER, RunningBot
from tests.telegram.fakebotapi import FakeBotAPI

QUESTIONS = ["大桥镇讲了多少堂党课？", "嘉兴科技城有多少名党员？", "吴江开发区有多少名党员？"]


def _logged(bot: RunningBot) -> list[str]:
    assert bot.log is not None
    with QuestionLog(bot.log.path) as reader:
        return [row.question for row in reader.questions()]


async def test_a_locked_log_holds_up_no_reply_and_loses_no_row(fake: FakeBotAPI, bot: RunningBot) -> None:
    assert bot.log is not None
    holder = sqlite3.connect(bot.log.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, held until the replies are in
    try:
        for number, question in enumerate(QUESTIONS):
            fake.message(USER, question)
            # Well inside the log's old 10 s busy timeout, which every reply used to wait out.
            (sent,) = await fake.replies(USER, number, timeout=5)
            assert "👍" in [label for label, _ in sent.buttons()]  # voting still works, by the fact
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    await fake.wait_for(lambda: _logged(bot) == QUESTIONS, "the rows written after the lock", timeout=20)
