"""What the Telegram bot keeps between updates: the live engine, the question log, flood
counters, button payloads, and one `Conversation` per chat.

The state lives in python-telegram-bot's `bot_data` and `chat_data`; these helpers give it
types. The question log is written by a thread of its own (`logwriter`): a full disk or a
locked database never holds up an answer, and rows that could not be written are counted.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import ContextTypes

from bot.frontends.telegram.flood import FloodGate
from bot.matching.conversation import Conversation
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.frontends.telegram.logwriter import BackgroundLog
    from bot.matching.engine import Engine
    from bot.matching.reload import LiveEngine

log = logging.getLogger(__name__)

CHANNEL = "telegram"
#: Telegram refuses callback_data longer than this many bytes.
CALLBACK_LIMIT = 64
#: Long button payloads remembered at once; older ones answer as stale buttons.
LONG_PAYLOADS = 20_000
#: Suggested questions remembered per chat, to log which one a user picked.
SUGGESTED_PER_CHAT = 50
#: Answers per chat whose 👍 / 👎 are remembered, so a second tap is not logged again.
VOTES_PER_CHAT = 200

Context = ContextTypes.DEFAULT_TYPE


class CallbackCodec:
    """Packs a button's kind and payload into callback_data of at most 64 bytes.

    Short payloads travel in the button itself (`f:jx-party-members`) and survive restarts;
    a longer one is kept here under a 16-hex-digit hash (`f#3fa2…`), so after a restart or
    eviction such a button decodes to None and the handler answers that it is stale.
    """

    def __init__(self, capacity: int = LONG_PAYLOADS) -> None:
        self.capacity = capacity
        self._long: OrderedDict[str, str] = OrderedDict()

    def pack(self, kind: str, payload: str) -> str:
        data = f"{kind}:{payload}"
        if len(data.encode("utf-8")) <= CALLBACK_LIMIT:
            return data
        key = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
        self._long[key] = payload
        self._long.move_to_end(key)
        while len(self._long) > self.capacity:
            self._long.popitem(last=False)
        return f"{kind}#{key}"

    def unpack(self, data: str) -> tuple[str, str | None]:
        """(kind, payload); the payload is None for a hashed payload no longer known."""
        kind, separator, rest = data[:1], data[1:2], data[2:]
        if separator == ":":
            return kind, rest
        if separator == "#":
            return kind, self._long.get(rest)
        return "", None


@dataclass
class BotState:
    """Shared by all handlers through `context.bot_data["state"]`."""

    settings: Settings
    live: LiveEngine
    log: BackgroundLog | None
    flood: FloodGate
    codec: CallbackCodec = field(default_factory=CallbackCodec)

    @property
    def engine(self) -> Engine:
        """The engine serving now (hot reload swaps it between updates)."""
        return self.live.engine

    async def record(self, user_id: int | None, reply: Reply) -> int | None:
        """Log an answered question; the row id, or None when logging is off or slow."""
        if self.log is None:
            return None
        return await self.log.write("record", CHANNEL, user_id, reply)

    async def feedback(self, user_id: int | None, fact_id: str | None, value: int, question_id: int | None) -> None:
        """Log a 👍 (+1) or 👎 (-1)."""
        if self.log is not None:
            await self.log.write("feedback", CHANNEL, user_id, fact_id, value, question_id)

    async def picked(self, user_id: int | None, question: str, fact_id: str) -> None:
        """Log which suggestion a user picked for `question`."""
        if self.log is not None:
            await self.log.write("picked", CHANNEL, user_id, question, fact_id)


def state(context: Context) -> BotState:
    return context.bot_data["state"]


def conversation(context: Context) -> Conversation:
    """The chat's conversation (a fresh one where there is no chat, e.g. inline queries)."""
    if context.chat_data is None:
        return Conversation()
    return context.chat_data.setdefault("conversation", Conversation())


def remember_suggestions(context: Context, reply: Reply) -> None:
    """Note which question offered each suggestion, for the log of picked suggestions."""
    if context.chat_data is None or not reply.suggestions:
        return
    suggested: OrderedDict[str, str] = context.chat_data.setdefault("suggested", OrderedDict())
    for suggestion in reply.suggestions:
        suggested[suggestion.fact_id] = reply.question
        suggested.move_to_end(suggestion.fact_id)
    while len(suggested) > SUGGESTED_PER_CHAT:
        suggested.popitem(last=False)


def suggested_for(context: Context, fact_id: str) -> str | None:
    """The question that offered `fact_id` as a suggestion, if this chat saw one."""
    if context.chat_data is None:
        return None
    return context.chat_data.get("suggested", {}).get(fact_id)


def first_vote(context: Context, message_id: int) -> bool:
    """True the first time a 👍 or 👎 is tapped under this message of the chat."""
    if context.chat_data is None:
        return True
    voted: OrderedDict[int, None] = context.chat_data.setdefault("voted", OrderedDict())
    if message_id in voted:
        return False
    voted[message_id] = None
    while len(voted) > VOTES_PER_CHAT:
        voted.popitem(last=False)
    return True
