"""How the bot talks to the Bot API when the network or Telegram misbehaves.

The policy, per kind of failure of a call other than getUpdates:

- **429 Too Many Requests**: `AIORateLimiter` waits `retry_after` (+0.1 s), holding every
  other request meanwhile as Telegram's flood wait demands, and resends; up to
  `RATE_LIMIT_RETRIES` times.
- **5xx, refused connections, connect and pool timeouts**: Telegram answered with an error or
  never saw the request, so resending is safe. `RetryingRequest` resends with exponential
  backoff (`telegram.network_backoff`, 0.25 s, doubling up to 16 times that), up to
  `telegram.network_retries` (5) resends. At start-up this covers getMe: an unreachable API
  ends the bot after those resends with a message saying what to check (bot.frontends.telegram.app).
- **Other 4xx** (bad request, blocked by the user): never retried; resending cannot help.
- **Ambiguous delivery**: a read timeout, or a connection that closes after the request went
  out, means Telegram may or may not have delivered the message, and the Bot API has no
  idempotency key to find out. The bot resends (*at least once*): a user who asked a question
  and hears nothing is worse off than one who sees the same answer twice, and for a FAQ bot
  a repeated answer is harmless. Duplicates are bounded: at most `AMBIGUOUS_RETRIES` resends
  after ambiguous failures per call, and sends get a generous read timeout
  (`SEND_READ_TIMEOUT`), so only a stuck connection is ever ambiguous. Edits and callback
  answers are idempotent in effect: a repeated edit gets "message is not modified" and a
  repeated callback answer "query is too old", which the handlers ignore.
- **getUpdates**: python-telegram-bot's polling loop retries it forever with its own backoff.
  A lost getUpdates response brings the same updates again. Every update is stored before the
  offset confirms it and recognised when it comes again (`bot.frontends.telegram.journal`),
  so neither a crash nor a lost confirmation loses or repeats a question.

Ordering: `PerChatUpdateProcessor` handles different chats concurrently and the updates of one
chat strictly one after another, so replies in a chat come in the order of the questions and
a slow or rate-limited chat does not hold up the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

import httpx
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import AIORateLimiter, BaseUpdateProcessor
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger(__name__)

#: Resends of a call whose failures prove it was not delivered (`telegram.network_retries`).
NETWORK_RETRIES = 5
#: Resends after failures that leave delivery unknown (each may duplicate a message).
AMBIGUOUS_RETRIES = 2
#: Resends after 429 Too Many Requests, each after the `retry_after` Telegram asked for.
RATE_LIMIT_RETRIES = 5
#: The first wait before a resend (`telegram.network_backoff`); each wait doubles, up to
#: `BACKOFF_GROWTH` times the first.
BACKOFF_FIRST = 0.25
BACKOFF_GROWTH = 16
#: Seconds to wait for Telegram's answer to a send before the call counts as ambiguous.
SEND_READ_TIMEOUT = 10.0
#: Telegram's global limit for one bot: about 30 messages a second.
OVERALL_RATE = 30.0
#: Updates processed at once (across chats; one chat is always sequential).
CONCURRENT_UPDATES = 512

#: httpx failures that prove the request never reached the server.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def rate_limiter(overall_rate: float = OVERALL_RATE) -> AIORateLimiter:
    """Telegram's limits (per bot, per group), retrying 429 replies after `retry_after`."""
    return AIORateLimiter(overall_max_rate=overall_rate, max_retries=RATE_LIMIT_RETRIES)


class RetryingRequest(HTTPXRequest):
    """HTTPXRequest that resends after 5xx replies and network failures (see the module doc)."""

    def __init__(
        self,
        read_timeout: float = SEND_READ_TIMEOUT,
        *,
        retries: int = NETWORK_RETRIES,
        backoff: float = BACKOFF_FIRST,
        **kwargs: Any,
    ) -> None:
        super().__init__(read_timeout=read_timeout, **kwargs)
        self.attempts = 1 + max(0, retries)
        self.backoff = max(0.0, backoff)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        **timeouts: Any,
    ) -> tuple[int, bytes]:
        """One Bot API call, resent as the policy allows; the last failure is raised."""
        endpoint = url.rsplit("/", 1)[-1]  # the URL holds the token: never log it whole
        ambiguous = 0
        attempt = 0
        while True:
            attempt += 1
            try:
                code, payload = await super().do_request(url, method, request_data, **timeouts)
            except NetworkError as exc:
                unsent = isinstance(exc.__cause__, _NEVER_SENT)
                ambiguous += not unsent
                if attempt >= self.attempts or ambiguous > AMBIGUOUS_RETRIES:
                    raise
                kind = "not delivered" if unsent else "delivery unknown"
                log.warning("%s failed (%s, %s); retrying.", endpoint, _describe(exc), kind)
            else:
                if code < 500 or attempt >= self.attempts:
                    return code, payload
                log.warning("%s failed with HTTP %d; retrying.", endpoint, code)
            await asyncio.sleep(self.backoff * min(BACKOFF_GROWTH, 2 ** (attempt - 1)))


def _describe(exc: NetworkError) -> str:
    cause = exc.__cause__
    return type(cause).__name__ if cause is not None else type(exc).__name__


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently; those of one chat run in order."""

    def __init__(self, max_concurrent_updates: int = CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates (asyncio.Lock is first come, first served)."""
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:  # the chat is idle: forget its lock
                del self._users[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def _chat_key(update: object) -> int | None:
    """The chat whose order matters, or the user for chat-less updates; None for inline queries."""
    if not isinstance(update, Update) or update.inline_query is not None:
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
