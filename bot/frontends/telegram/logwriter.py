"""Question-log writes off the event loop: a locked log never holds up a reply.

SQLite lets one process write at a time. While another holds the write lock — a curator's
`DELETE …; VACUUM`, a backup — a write made in the event loop would wait for it, and every chat
with it. So the Telegram bot hands each row to `BackgroundLog`, whose one thread writes them in
order and retries a row whose write failed (locked, busy, disk full) with a growing pause, for up
to `GIVE_UP_AFTER` seconds. A handler waits at most `ROW_ID_WAIT` for its row: the row id is
what the 👍 / 👎 buttons point at; without it they still carry the fact.

Nothing is dropped silently: a row given up, or still queued when the bot stops after
`FLUSH_ON_STOP` seconds of trying, is counted (`lost`) and logged with the running total.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from bot.questionlog import QuestionLog

log = logging.getLogger(__name__)

#: Seconds a handler waits for its row to be written before it replies without the row id.
ROW_ID_WAIT = 0.5
#: Seconds one attempt waits for another process's lock (short: the thread retries anyway).
LOCK_WAIT = 0.25
#: Pauses between attempts, doubling up to the last.
RETRY_FIRST, RETRY_MAX = 0.1, 2.0
#: A row that cannot be written for this long is given up (and counted).
GIVE_UP_AFTER = 300.0
#: Rows waiting at most; beyond it new rows are counted as lost rather than filling the memory.
CAPACITY = 50_000
#: Seconds the bot keeps trying to write the queued rows when it stops.
FLUSH_ON_STOP = 5.0

_STOP = object()


class BackgroundLog:
    """A `QuestionLog` written by a thread of its own; the same write methods, as futures."""

    def __init__(self, question_log: QuestionLog) -> None:
        self.log = question_log
        self.path = question_log.path
        self.lost = 0
        self._rows: queue.Queue[Any] = queue.Queue()
        self._stopping = threading.Event()
        question_log.raise_errors = True
        question_log.wait_for_locks(LOCK_WAIT)
        self._thread = threading.Thread(target=self._run, name="faqbot-log", daemon=True)
        self._thread.start()

    # -- from the event loop ----------------------------------------------------------------

    def submit(self, method: str, *args: Any) -> Future[int]:
        """Queue `question_log.<method>(*args)`; the future's result is the row id (0: not written)."""
        future: Future[int] = Future()
        if self._rows.qsize() >= CAPACITY or self._stopping.is_set():
            self._count_lost(1, "the queue of rows to write is full" if not self._stopping.is_set() else "stopping")
            future.set_result(0)
            return future
        self._rows.put((getattr(self.log, method), args, future))
        return future

    async def write(self, method: str, *args: Any) -> int | None:
        """Queue a row and wait up to `ROW_ID_WAIT` for its id; None if not written by then."""
        future = asyncio.wrap_future(self.submit(method, *args))
        try:
            return await asyncio.wait_for(asyncio.shield(future), ROW_ID_WAIT) or None
        except TimeoutError:
            return None

    @property
    def waiting(self) -> int:
        return self._rows.qsize()

    def close(self) -> None:
        """Write what is queued, for at most `FLUSH_ON_STOP` seconds; count the rest as lost."""
        self._stopping.set()
        self._rows.put(_STOP)
        self._thread.join(FLUSH_ON_STOP + LOCK_WAIT + 1)
        left = sum(1 for item in self._drain() if item is not _STOP)
        if left:
            self._count_lost(left, "the bot stopped while the log could not be written")

    # -- on the writer thread ---------------------------------------------------------------

    def _run(self) -> None:
        while True:
            item = self._rows.get()
            if item is _STOP:
                return
            write, args, future = item
            future.set_result(self._write(write, args))

    def _write(self, write: Callable[..., int | None], args: tuple[Any, ...]) -> int:
        started = time.monotonic()
        pause = RETRY_FIRST
        while True:
            try:
                return write(*args) or 0
            except sqlite3.Error as exc:
                waited = time.monotonic() - started
                deadline = started + FLUSH_ON_STOP if self._stopping.is_set() else started + GIVE_UP_AFTER
                if time.monotonic() + pause > deadline or not _worth_retrying(exc):
                    self._count_lost(1, f"{exc}, for {waited:.0f} s")
                    return 0
                if pause == RETRY_FIRST:
                    log.warning("The question log %s cannot be written now (%s); retrying.", self.path, exc)
            time.sleep(pause)
            pause = min(RETRY_MAX, pause * 2)

    def _drain(self) -> list[Any]:
        items = []
        while True:
            try:
                items.append(self._rows.get_nowait())
            except queue.Empty:
                return items

    def _count_lost(self, count: int, why: str) -> None:
        self.lost += count
        log.error(
            "%d question-log row(s) could not be written to %s (%s); %d lost since the start.",
            count,
            self.path,
            why,
            self.lost,
        )


def _worth_retrying(exc: sqlite3.Error) -> bool:
    """Locked, busy, full, I/O: conditions that pass. Not a schema or programming error."""
    return isinstance(exc, sqlite3.OperationalError)
