"""Received updates, stored before Telegram is told: at-least-once, effectively-once replies.

python-telegram-bot's `Updater` confirms updates to Telegram by the offset of its *next*
getUpdates call, and it advances that offset as soon as the updates are in the application's
`update_queue`, long before they are handled; in webhook mode it answers 200 once the update is
queued. A crash (SIGKILL, out of memory) then loses every update in the queue.

So the queue given to the `Application` is a `JournaledQueue`: its `put` — the one call both the
polling loop and the webhook handler make for each update — first commits the update to this
SQLite file, and only then queues it. The offset is advanced after `put` returns, and the webhook
answers after it returns, so an update Telegram considers delivered is always on disk.

    received ─► stored (pending, with its JSON) ─► handled ─► done (the JSON is dropped)

- On start, every pending update is queued again before polling begins: what was received
  but not answered before a crash is answered now.
- An update Telegram sends again (its offset confirmation was lost in an outage) is already
  known and is not handled twice.
- `done` is written inside the chat's turn (see `JournaledUpdateProcessor`), right after the
  handler's replies were sent, so a restart does not send them again.

What can still happen, and why (docs/reliability.md): a crash between Telegram accepting a reply
and `done` being committed sends that reply again after the restart — the Bot API has no
idempotency key, so a sent message cannot be told from a lost one. An update that crashes the
bot every time is tried `MAX_ATTEMPTS` times, then given up with an error in the log.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from telegram import Update
from telegram.error import TelegramError

from bot.config import ConfigError
from bot.errors import full_disk
from bot.frontends.telegram.net import PerChatUpdateProcessor

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Times a stored update is taken up again after a restart before it is given up.
MAX_ATTEMPTS = 3
#: Done updates are remembered this long, to recognise one Telegram sends again. Telegram keeps
#: an unconfirmed update for 24 hours, so two days covers any re-delivery.
KEEP_DONE = dt.timedelta(days=2)

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS updates (update_id INTEGER PRIMARY KEY, received TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, data TEXT,"
    " finished TEXT)"
)


class JournalUnavailable(ConfigError):
    """The file of received updates cannot be opened (a start-up problem: the bot does not start)."""


class JournalWriteFailed(TelegramError):
    """A received update could not be stored; the polling loop retries, Telegram keeps it."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def create_private(path: Path) -> None:
    """Create `path` readable by its owner only (it holds users' messages until answered).
    SQLite gives its -wal and -shm files the permissions of the database file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600))


class UpdateJournal:
    """The SQLite file of received updates. Every call runs on one worker thread (`call`)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="faqbot-journal")
        try:
            create_private(self.path)
            self._db = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: each stored update is on disk (fsync) before Telegram is told it arrived,
            # so even a power cut loses nothing Telegram has let go of.
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            self._worker.shutdown()
            full = full_disk(self.path, exc)
            if full is not None:
                raise JournalUnavailable(
                    f"The file of received Telegram updates {self.path} cannot be written: {full}. Free some "
                    "space, or set telegram.journal in the config to a file on another disk."
                ) from None
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise JournalUnavailable(
                f"The file of received Telegram updates {self.path} cannot be used ({reason}); "
                "move the file away, or set telegram.journal in the config to another file."
            ) from None

    async def call(self, function: Callable[..., T], *args: Any) -> T:
        """Run `function(*args)` on the journal's thread, off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._worker, function, *args)

    # -- on the worker thread ---------------------------------------------------------------

    def store(self, update_id: int, data: str) -> bool:
        """Commit a received update; False if it was received before (done or pending)."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO updates (update_id, received, data) VALUES (?, ?, ?)", (update_id, _now(), data)
        )
        return cursor.rowcount == 1

    def done(self, update_id: int) -> None:
        """The update was handled: forget its content, remember its id."""
        self._db.execute(
            "UPDATE updates SET state = 'done', data = NULL, finished = ? WHERE update_id = ?", (_now(), update_id)
        )

    def give_up(self, update_id: int, why: str) -> None:
        self._db.execute(
            "UPDATE updates SET state = ?, data = NULL, finished = ? WHERE update_id = ?", (why, _now(), update_id)
        )

    def pending(self) -> list[tuple[int, str, int]]:
        """(update_id, JSON, attempts so far) of every update not yet handled, oldest first;
        each is counted as one more attempt."""
        self._db.execute("UPDATE updates SET attempts = attempts + 1 WHERE state = 'pending'")
        rows = self._db.execute(
            "SELECT update_id, data, attempts FROM updates WHERE state = 'pending' ORDER BY update_id"
        ).fetchall()
        return [(int(a), str(b), int(c)) for a, b, c in rows]

    def prune(self) -> None:
        """Forget handled updates older than `KEEP_DONE`."""
        cutoff = (dt.datetime.now(dt.UTC) - KEEP_DONE).isoformat(timespec="seconds")
        self._db.execute("DELETE FROM updates WHERE state != 'pending' AND finished < ?", (cutoff,))

    def counts(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT state, COUNT(*) FROM updates GROUP BY state").fetchall())

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._worker.shutdown(wait=False)


class JournaledQueue(asyncio.Queue):
    """The application's update queue: an update is stored before it is queued (see above)."""

    def __init__(self, journal: UpdateJournal) -> None:
        super().__init__()
        self.journal = journal

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            try:
                new = await self.journal.call(self.journal.store, item.update_id, item.to_json())
            except (sqlite3.Error, OSError) as exc:
                # A TelegramError: the polling loop logs it and fetches the same updates again
                # (the offset was not advanced); a webhook answers 500 and Telegram resends.
                raise JournalWriteFailed(f"the update {item.update_id} could not be stored ({exc})") from None
            if not new:
                log.info("Update %d was received before; it is not handled again.", item.update_id)
                return
        await super().put(item)

    async def recover(self, bot: Any) -> int:
        """Queue every stored update not yet handled (call before polling starts); how many."""
        await self.journal.call(self.journal.prune)
        queued = 0
        for update_id, data, attempts in await self.journal.call(self.journal.pending):
            try:
                raw = json.loads(data)
                why = _give_up_reason(raw, attempts)
                update = None if why else Update.de_json(raw, bot)
            except Exception:  # a row this version cannot read: say so, never stop the start
                log.exception("Stored update %d cannot be read; it is skipped.", update_id)
                await self.journal.call(self.journal.give_up, update_id, "unreadable")
                continue
            if update is None:
                log.error("Update %d is not handled again: %s.", update_id, why)
                await self.journal.call(self.journal.give_up, update_id, "given up")
                continue
            await super().put(update)
            queued += 1
        if queued:
            log.info("Answering %d update(s) received before the last stop but not yet handled.", queued)
        return queued


def _give_up_reason(raw: dict[str, Any], attempts: int) -> str | None:
    if attempts > MAX_ATTEMPTS:
        return f"it was taken up {MAX_ATTEMPTS} times and the bot stopped each time before it was handled"
    if raw.get("inline_query"):
        return "an inline query expires in seconds, so answering it after a restart is useless"
    return None


class JournaledUpdateProcessor(PerChatUpdateProcessor):
    """Per-chat ordering, and the update marked done within the chat's turn once handled."""

    def __init__(self, journal: UpdateJournal) -> None:
        super().__init__()
        self.journal = journal

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        async def then_done() -> None:
            await coroutine
            if isinstance(update, Update):
                try:
                    await self.journal.call(self.journal.done, update.update_id)
                except (sqlite3.Error, OSError):
                    # Handled all the same; after a restart it would be answered once more.
                    log.warning("Could not mark update %d as handled.", update.update_id, exc_info=True)

        await super().do_process_update(update, then_done())
