"""The question log through real SQLite files: rows, privacy, schema upgrades, crashes."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot.config import ConfigError, Settings
from bot.questionlog import SCHEMA_VERSION, LogUnavailable, QuestionLog, open_log
from bot.reply import Reply
from tests.curation.helpers import Clock, answered, clarify, declined

RAW_ID = 987654321012  # a Telegram-like user id that must never reach the file
RAW_NAME = "zhang_wei_the_curator"


def test_open_log_is_off_when_log_db_is_empty(log_settings: Settings) -> None:
    log_settings.log_db = ""
    assert open_log(log_settings) is None


def test_open_log_creates_the_folder_in_wal_mode_at_the_current_schema(log_settings: Settings) -> None:
    path = log_settings.log_path
    assert path is not None and not path.parent.exists()
    log = open_log(log_settings)
    assert log is not None
    log.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_rows_read_back_as_written(question_log: QuestionLog, clock: Clock) -> None:
    first = question_log.record("telegram", 1, answered("大桥镇讲了多少堂党课", "jx-lectures", 0.85))
    clock.set("2024-05-02T09:30:00+00:00")
    context = Reply(question="那吴江开发区呢？", status="declined", resolved="吴江开发区有多少党课")
    second = question_log.record("console", "alice", context)
    question_log.feedback("telegram", 1, None, -1, question_id=first)
    question_log.feedback("telegram", 2, "wj-members", 1)
    question_log.picked("telegram", 1, "有多少党员", "jx-members")

    rows = question_log.questions()
    assert [r.id for r in rows] == [first, second] and first < second
    assert (rows[0].time, rows[0].channel, rows[0].status) == ("2024-05-01T08:00:00+00:00", "telegram", "answered")
    assert (rows[0].question, rows[0].resolved, rows[0].fact_id, rows[0].score) == (
        "大桥镇讲了多少堂党课",
        None,
        "jx-lectures",
        0.85,
    )
    assert (rows[1].question, rows[1].text) == ("那吴江开发区呢？", "吴江开发区有多少党课")
    feedback = question_log.feedback_rows()
    # Feedback given on a logged question takes that question's fact.
    assert [(f.fact_id, f.value, f.question_id) for f in feedback] == [
        ("jx-lectures", -1, first),
        ("wj-members", 1, None),
    ]
    picks = question_log.picks()
    assert [(p.question, p.fact_id, p.channel) for p in picks] == [("有多少党员", "jx-members", "telegram")]
    assert [r.id for r in question_log.questions(since="2024-05-02")] == [second]


@hypothesis_settings(
    max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=st.text(max_size=300), user=st.one_of(st.none(), st.integers(), st.text(max_size=40)))
@example(question="北京\ud800有多少党员", user="名\udc80")  # lone surrogates: not encodable as UTF-8
def test_any_text_and_any_user_are_logged_and_read_back(
    question_log: QuestionLog, question: str, user: int | str | None
) -> None:
    row = question_log.record("telegram", user, declined(question))
    assert row > 0
    stored = question_log.questions()[-1]
    assert stored.id == row
    assert stored.question == question.encode("utf-8", "replace").decode("utf-8")
    assert (stored.user_hash is None) == (user is None)


@pytest.mark.parametrize("value", [0, 2, -2])
def test_feedback_is_plus_or_minus_one(question_log: QuestionLog, value: int) -> None:
    with pytest.raises(ValueError, match="must be \\+1 or -1"):
        question_log.feedback("telegram", 1, "jx", value)


def test_user_ids_and_names_are_stored_only_as_salted_hashes(question_log: QuestionLog) -> None:
    question_log.record("telegram", RAW_ID, declined("北京有多少党员"))
    question_log.record("console", RAW_NAME, declined("上海有多少党员"))
    question_log.feedback("telegram", RAW_ID, "jx", 1)
    question_log.picked("telegram", RAW_ID, "有多少党员", "jx")
    hashes = {r.user_hash for r in question_log.questions()}
    assert hashes == {question_log.user_hash("telegram", RAW_ID), question_log.user_hash("console", RAW_NAME)}
    assert all(h is not None and len(h) == 16 for h in hashes)
    assert question_log.feedback_rows()[0].user_hash == question_log.user_hash("telegram", RAW_ID)

    def stored_bytes() -> bytes:
        folder = question_log.path.parent
        return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith(question_log.path.name))

    while_open = stored_bytes()  # the database and its write-ahead log
    question_log.close()
    for data in (while_open, stored_bytes()):
        assert str(RAW_ID).encode() not in data
        assert RAW_NAME.encode() not in data
        assert "北京有多少党员".encode() in data  # the search does find text that is there


def test_a_generated_salt_is_kept_across_opens_and_a_configured_one_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with QuestionLog(path) as first:
        generated = first.user_hash("telegram", RAW_ID)
    with QuestionLog(path) as again:
        assert again.user_hash("telegram", RAW_ID) == generated
        assert again.user_hash("telegram", RAW_ID + 1) != generated
        assert again.user_hash("console", RAW_ID) != generated  # ids of different channels differ
        assert again.user_hash("telegram", None) is None
    with QuestionLog(path, salt="kept-in-the-config") as configured:
        assert configured.user_hash("telegram", RAW_ID) != generated
    assert b"kept-in-the-config" not in path.read_bytes()


# A frozen copy of the first schema, as faqbot 0.1 wrote it: the test must not follow later
# edits of MIGRATIONS, or it would stop proving that real old files upgrade.
V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE questions (id INTEGER PRIMARY KEY, time TEXT NOT NULL, channel TEXT NOT NULL,
  user_hash TEXT, question TEXT NOT NULL, status TEXT NOT NULL, fact_id TEXT,
  score REAL NOT NULL DEFAULT 0);
CREATE TABLE feedback (id INTEGER PRIMARY KEY, time TEXT NOT NULL, channel TEXT NOT NULL,
  user_hash TEXT, question_id INTEGER, fact_id TEXT,
  value INTEGER NOT NULL CHECK (value IN (-1, 1)));
INSERT INTO meta VALUES ('salt', 'old-salt');
INSERT INTO questions VALUES (1, '2023-01-01T00:00:00+00:00', 'telegram', 'abc', '老问题', 'declined', NULL, 0.2);
INSERT INTO feedback VALUES (1, '2023-01-01T00:00:01+00:00', 'telegram', 'abc', 1, 'jx', -1);
PRAGMA user_version = 1;
"""


def test_a_version_1_file_is_upgraded_keeping_its_rows_and_salt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(V1_SCHEMA)
    db.close()
    with caplog.at_level(logging.INFO, logger="bot.questionlog"), QuestionLog(path) as log:
        assert f"Upgraded the question log {path} from schema version 1 to {SCHEMA_VERSION}." in caplog.text
        assert log.version == SCHEMA_VERSION
        [old] = log.questions()
        assert (old.id, old.question, old.status, old.resolved, old.score) == (1, "老问题", "declined", None, 0.2)
        assert [(f.fact_id, f.value) for f in log.feedback_rows()] == [("jx", -1)]
        new = log.record("telegram", 5, Reply(question="那北京呢", status="declined", resolved="北京有多少党员"))
        log.picked("telegram", 5, "有多少党员", "jx")
        assert new == 2 and log.questions()[-1].resolved == "北京有多少党员"
        assert len(log.picks()) == 1
        # The salt of the old file is kept, so old and new rows of one user still match.
        assert log.user_hash("telegram", 5) == QuestionLog(path, salt="old-salt").user_hash("telegram", 5)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_from_a_newer_faqbot_is_refused_with_its_version(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(LogUnavailable, match=r"schema version 99, written by a newer faqbot"):
        QuestionLog(path)


def test_a_file_that_is_not_a_database_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    with pytest.raises(LogUnavailable) as caught:
        QuestionLog(path)
    assert str(path) in str(caught.value) and "log_db" in str(caught.value)
    assert isinstance(caught.value, ConfigError)  # so `faqbot` prints one line, no traceback
    assert path.read_bytes().startswith(b"these are my notes")


def test_a_failed_write_is_logged_and_does_not_raise(
    question_log: QuestionLog, caplog: pytest.LogCaptureFixture
) -> None:
    question_log.close()
    with caplog.at_level(logging.WARNING, logger="bot.questionlog"):
        assert question_log.record("telegram", 1, declined("北京有多少党员")) == 0
        question_log.picked("telegram", 1, "有多少党员", "jx")
    assert "could not be written" in caplog.text and str(question_log.path) in caplog.text


def test_threads_share_one_log_without_losing_rows(question_log: QuestionLog) -> None:
    ids: list[int] = []

    def write(user: int) -> None:
        for n in range(50):
            ids.append(question_log.record("telegram", user, clarify(f"问题{user}-{n}")))

    threads = [threading.Thread(target=write, args=(u,)) for u in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(ids) == list(range(1, 401))
    assert len(question_log.questions()) == 400


# The child logs questions as fast as it can and prints each row id once record() returned,
# that is, once the row is committed. The parent kills it with SIGKILL at some point.
CHILD = """
import sys
from pathlib import Path
from bot.reply import Reply
from bot.questionlog import QuestionLog
log = QuestionLog(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    row = log.record("telegram", n, Reply(question="北京有多少党员？" * 40 + str(n), status="declined"))
    print(row, flush=True)
"""


@pytest.mark.parametrize("kill_after", [1, 300])
def test_a_process_killed_while_writing_leaves_every_committed_row(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "killed.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2]
    )
    assert child.stdout is not None
    committed: list[int] = []
    for line in child.stdout:
        committed.append(int(line))
        if len(committed) >= kill_after:
            os.kill(child.pid, signal.SIGKILL)
            break
    committed += [int(line) for line in child.stdout]  # ids printed before the kill landed
    assert child.wait(timeout=10) == -signal.SIGKILL
    assert committed == list(range(1, len(committed) + 1))

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [row[0] for row in db.execute("SELECT id FROM questions ORDER BY id")]
    db.close()
    # Every committed row is there; at most the one being written when the kill came is extra.
    assert stored[: len(committed)] == committed and len(stored) - len(committed) <= 1
    with QuestionLog(path) as log:  # and the bot can go on logging into the same file
        assert log.record("telegram", 1, declined("重启之后")) == stored[-1] + 1
