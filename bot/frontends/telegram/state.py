"""What the Telegram bot keeps between updates: the live engine, the question log, flood
counters, button payloads, and one `Conversation` per chat.

The state lives in python-telegram-bot's `bot_data` and `chat_data`, typed through
`ContextTypes` (`CONTEXT_TYPES`): handlers receive a `FaqContext`, whose `state` and
`conversation` are attributes, not dictionary look-ups. The question log is written by a thread
of its own (`logwriter`): a full disk or a locked database never holds up an answer, and rows
that could not be written are counted.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ContextTypes, ExtBot

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


class CallbackCodec:
    """Packs a button's kind and payload into callback_data of at most 64 bytes.

    Short payloads travel in the button itself (`fact:jx-party-members`) and survive restarts;
    a longer one is kept here under a 16-hex-digit hash (`fact#3fa2…`), so after a restart or
    eviction such a button decodes to None and the handler answers that it is stale.
    """

    def __init__(self, capacity: int = LONG_PAYLOADS) -> None:
        self.capacity = capacity
        self._long: OrderedDict[str, str] = OrderedDict()

    def pack(self, kind: str, payload: str) -> str:
        """`kind:payload`, or `kind#hash` for a payload too long for the button."""
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
        cut = min((i for i in (data.find(":"), data.find("#")) if i >= 0), default=-1)
        if cut <= 0:
            return "", None
        kind, separator, rest = data[:cut], data[cut], data[cut + 1 :]
        if separator == ":":
            return kind, rest
        if separator == "#":
            return kind, self._long.get(rest)
        return "", None


@dataclass
class BotState:
    """Shared by all handlers as `context.state`."""

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


class BotData:
    """The application's `bot_data`: the shared state, the knowledge watcher, the reload lock."""

    def __init__(self) -> None:
        self.state: BotState | None = None
        self.watcher: asyncio.Task[None] | None = None
        #: Serialises reloads: the watcher and /reload never load the knowledge at the same time.
        self.reload_lock = asyncio.Lock()


class ChatData:
    """One chat's `chat_data`: its conversation, the suggestions it saw, the votes it gave."""

    def __init__(self) -> None:
        self.conversation = Conversation()
        self.suggested: OrderedDict[str, str] = OrderedDict()  # fact id → the question that offered it
        self.voted: OrderedDict[int, None] = OrderedDict()  # message ids already voted on


class FaqContext(CallbackContext[ExtBot, dict, ChatData, BotData]):
    """The context every handler receives (python-telegram-bot's `ContextTypes`)."""

    @property
    def state(self) -> BotState:
        state = self.bot_data.state
        assert state is not None, "build_application sets the state before any update"
        return state

    @property
    def conversation(self) -> Conversation:
        """The chat's conversation (a fresh one where there is no chat, e.g. inline queries)."""
        return self.chat_data.conversation if self.chat_data is not None else Conversation()

    def remember_suggestions(self, reply: Reply) -> None:
        """Note which question offered each suggestion, for the log of picked suggestions."""
        if self.chat_data is None or not reply.suggestions:
            return
        suggested = self.chat_data.suggested
        for suggestion in reply.suggestions:
            suggested[suggestion.fact_id] = reply.question
            suggested.move_to_end(suggestion.fact_id)
        while len(suggested) > SUGGESTED_PER_CHAT:
            suggested.popitem(last=False)

    def suggested_for(self, fact_id: str) -> str | None:
        """The question that offered `fact_id` as a suggestion, if this chat saw one."""
        return self.chat_data.suggested.get(fact_id) if self.chat_data is not None else None

    def first_vote(self, message_id: int) -> bool:
        """True the first time a 👍 or 👎 is tapped under this message of the chat."""
        if self.chat_data is None:
            return True
        voted = self.chat_data.voted
        if message_id in voted:
            return False
        voted[message_id] = None
        while len(voted) > VOTES_PER_CHAT:
            voted.popitem(last=False)
        return True


#: Handed to ApplicationBuilder.context_types: every handler gets a `FaqContext`.
CONTEXT_TYPES = ContextTypes(context=FaqContext, bot_data=BotData, chat_data=ChatData)
Context = FaqContext
