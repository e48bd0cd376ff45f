"""The question log: what users asked, what the bot replied, their feedback and their choices.

One SQLite file (the standard library's sqlite3) in WAL mode, so a running bot writes while
`faqbot unanswered` and `faqbot stats` read. Every write is its own committed transaction: a
bot killed in the middle of a write loses at most that row, never one committed before it.

Privacy: no user id or name is stored. A user becomes a salted hash (HMAC-SHA256 of the
channel and the id, cut to 16 hex digits), enough to count distinct users and nothing more.
The salt is `log_salt` from the config, or one generated at random and kept in the log's
`meta` table. Telegram ids are small numbers, so anyone holding both the file and its stored
salt could try every id; setting `log_salt` in the config keeps the salt out of the file.

A failed write (disk full, file locked for too long) is logged and ignored: the log must never
cost a user a reply. A file that cannot be opened at all raises `LogUnavailable` at startup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Settings
from bot.errors import full_disk
from bot.reply import Reply

log = logging.getLogger(__name__)

#: Each step takes a file from version i to i + 1 (PRAGMA user_version). Never edit a step
#: that has shipped: files in the wild are at every version. Append a new step instead.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: the first log: questions, feedback, and the generated salt
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE questions (id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
        " channel TEXT NOT NULL, user_hash TEXT, question TEXT NOT NULL, status TEXT NOT NULL,"
        " fact_id TEXT, score REAL NOT NULL DEFAULT 0)",
        "CREATE TABLE feedback (id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
        " channel TEXT NOT NULL, user_hash TEXT, question_id INTEGER, fact_id TEXT,"
        " value INTEGER NOT NULL CHECK (value IN (-1, 1)))",
    ),
    (  # 2: the question as understood in context, the suggestions users picked, time indexes
        "ALTER TABLE questions ADD COLUMN resolved TEXT",
        "CREATE TABLE picked (id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
        " channel TEXT NOT NULL, user_hash TEXT, question TEXT NOT NULL, fact_id TEXT NOT NULL)",
        "CREATE INDEX questions_time ON questions (time)",
        "CREATE INDEX feedback_time ON feedback (time)",
        "CREATE INDEX picked_time ON picked (time)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class LogUnavailable(ConfigError):
    """The question log named by `log_db` cannot be opened or used (a config-level problem)."""


@dataclass(frozen=True)
class LoggedQuestion:
    id: int
    time: str  # UTC, ISO 8601
    channel: str
    user_hash: str | None
    question: str
    resolved: str | None  # the question as understood in context, when it differs
    status: str
    fact_id: str | None
    score: float

    @property
    def text(self) -> str:
        """What the user meant: the resolved question when there is one."""
        return self.resolved or self.question


@dataclass(frozen=True)
class LoggedFeedback:
    time: str
    channel: str
    user_hash: str | None
    question_id: int | None
    fact_id: str | None  # the rated fact, or the fact of the rated question
    value: int  # +1 or -1


@dataclass(frozen=True)
class LoggedPick:
    time: str
    channel: str
    user_hash: str | None
    question: str  # what the user had asked before picking
    fact_id: str


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def open_log(settings: Settings) -> QuestionLog | None:
    """The question log of `settings`, or None when `log_db` is "" (logging off)."""
    path = settings.log_path
    if path is None:
        return None
    return QuestionLog(path, settings.log_salt)


class QuestionLog:
    """One open log file. Safe to share between the threads of one process."""

    def __init__(self, path: Path, salt: str = "", clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.Lock()
        #: With `raise_errors`, a failed write raises sqlite3.Error instead of returning 0: for
        #: a writer that retries (the Telegram bot's background writer).
        self.raise_errors = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Owner-only from the start: the file holds users' questions and, unless log_salt
            # is set, the salt of their hashed ids. SQLite gives -wal and -shm the same mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600))
            # Autocommit (isolation_level=None): each INSERT is one transaction, committed
            # when execute() returns. The timeout waits out a reader's or migrator's lock.
            self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise LogUnavailable(self._unusable(exc)) from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives a killed process (the OS still holds the writes);
            # only a power cut can lose the last commits, and it never corrupts the file.
            # FULL would cost an fsync for every question.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
            self._salt = salt or self._stored_salt()
        except LogUnavailable:
            self._db.close()
            raise
        except sqlite3.Error as exc:
            self._db.close()
            raise LogUnavailable(self._unusable(exc)) from None

    def _unusable(self, exc: Exception) -> str:
        full = full_disk(self.path, exc)
        if full is not None:
            return (
                f"The question log {self.path} cannot be written: {full}. Free some space, or set log_db"
                ' in the config to a file on another disk ("" turns the log off).'
            )
        return (
            f"The question log {self.path} cannot be used ({exc}); move the file away, or set"
            ' log_db to another file in the config ("" turns the log off).'
        )

    # -- schema -----------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self._version()
        if version > SCHEMA_VERSION:
            raise LogUnavailable(
                f"The question log {self.path} has schema version {version}, written by a newer"
                f" faqbot; this one knows versions up to {SCHEMA_VERSION}. Upgrade faqbot."
            )
        if version == SCHEMA_VERSION:
            return
        with self._lock:
            # IMMEDIATE takes the write lock first, so two processes opening an old file at
            # once do not both migrate it: the second waits, then sees the new version.
            self._db.execute("BEGIN IMMEDIATE")
            try:
                version = self._version()
                for number in range(version, SCHEMA_VERSION):
                    for statement in MIGRATIONS[number]:
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk): a second
                # ROLLBACK would raise "no transaction is active" and hide the cause.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        if 0 < version < SCHEMA_VERSION:
            log.info("Upgraded the question log %s from schema version %d to %d.", self.path, version, SCHEMA_VERSION)

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def version(self) -> int:
        with self._lock:
            return self._version()

    def _stored_salt(self) -> str:
        with self._lock:
            # INSERT OR IGNORE: if two processes create the salt at once, the first one wins
            # and both read it back.
            self._db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)", (secrets.token_hex(16),))
            return str(self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0])

    # -- writing ----------------------------------------------------------------------------

    def user_hash(self, channel: str, user: int | str | None) -> str | None:
        """The salted hash that stands for `user` in the log (None for an anonymous user)."""
        if user is None:
            return None
        message = f"{channel}:{user}".encode("utf-8", "surrogatepass")
        return hmac.new(self._salt.encode(), message, hashlib.sha256).hexdigest()[:16]

    def record(self, channel: str, user: int | str | None, reply: Reply) -> int:
        """Log one question and the engine's reply; the row id, or 0 if it could not be written.

        Small talk (「你好」, 「谢谢」) is not a question about the articles: it is never logged,
        so curators never see it among the unanswered.
        """
        if reply.reason == "smalltalk":
            return 0
        resolved = reply.resolved if reply.resolved and reply.resolved != reply.question else None
        return self._insert(
            "INSERT INTO questions (time, channel, user_hash, question, resolved, status,"
            " fact_id, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._now(),
                channel,
                self.user_hash(channel, user),
                reply.question,
                resolved,
                reply.status,
                reply.fact_id,
                float(reply.score),
            ),
        )

    def feedback(
        self,
        channel: str,
        user: int | str | None,
        fact_id: str | None,
        value: int,
        question_id: int | None = None,
    ) -> None:
        """Log a 👍 (+1) or 👎 (-1) on a reply: its fact, and its logged question when known."""
        if value not in (1, -1):
            raise ValueError(f"Feedback must be +1 or -1, not {value!r}.")
        self._insert(
            "INSERT INTO feedback (time, channel, user_hash, question_id, fact_id, value) VALUES (?, ?, ?, ?, ?, ?)",
            (self._now(), channel, self.user_hash(channel, user), question_id or None, fact_id, value),
        )

    def picked(self, channel: str, user: int | str | None, question: str, fact_id: str) -> None:
        """Log that a user picked `fact_id` from the suggestions offered for `question`.

        `question` is what the user had asked (not the button text or the number typed):
        `faqbot unanswered --yaml` proposes it as a new wording of the fact.
        """
        self._insert(
            "INSERT INTO picked (time, channel, user_hash, question, fact_id) VALUES (?, ?, ?, ?, ?)",
            (self._now(), channel, self.user_hash(channel, user), question, fact_id),
        )

    def _now(self) -> str:
        return self._clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    def _insert(self, sql: str, params: tuple[Any, ...]) -> int:
        # A lone surrogate (possible in a Python str, not in UTF-8) would make sqlite3 raise.
        params = tuple(p.encode("utf-8", "replace").decode("utf-8") if isinstance(p, str) else p for p in params)
        try:
            with self._lock:
                return self._db.execute(sql, params).lastrowid or 0
        except sqlite3.Error as exc:
            if self.raise_errors:
                raise
            log.warning("The question log %s could not be written (%s); the reply is not affected.", self.path, exc)
            return 0

    def wait_for_locks(self, seconds: float) -> None:
        """How long a write waits for another process's lock before it fails."""
        with self._lock:
            self._db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    # -- reading (faqbot unanswered, faqbot stats) ------------------------------------------

    def questions(self, since: str | None = None) -> list[LoggedQuestion]:
        """Every logged question at or after `since` (an ISO date or time, UTC), oldest first."""
        rows = self._select(
            "SELECT id, time, channel, user_hash, question, resolved, status, fact_id, score"
            " FROM questions WHERE time >= ? ORDER BY id",
            since,
        )
        return [LoggedQuestion(*row) for row in rows]

    def feedback_rows(self, since: str | None = None) -> list[LoggedFeedback]:
        rows = self._select(
            "SELECT f.time, f.channel, f.user_hash, f.question_id, COALESCE(f.fact_id, q.fact_id),"
            " f.value FROM feedback f LEFT JOIN questions q ON q.id = f.question_id"
            " WHERE f.time >= ? ORDER BY f.id",
            since,
        )
        return [LoggedFeedback(*row) for row in rows]

    def picks(self, since: str | None = None) -> list[LoggedPick]:
        rows = self._select(
            "SELECT time, channel, user_hash, question, fact_id FROM picked WHERE time >= ? ORDER BY id",
            since,
        )
        return [LoggedPick(*row) for row in rows]

    def _select(self, sql: str, since: str | None) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, (since or "",)).fetchall()

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> QuestionLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
