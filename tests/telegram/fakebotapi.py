"""A fake Telegram Bot API server for end-to-end tests: real HTTP on 127.0.0.1.

It speaks the Bot API's wire format (form-encoded calls with JSON-encoded values, JSON
replies `{"ok": …, "result": …}`), as strictly as the parts the bot uses: HTML must parse
with Telegram's tags and entities, texts must fit 4096 characters, callback_data 64 bytes,
a callback query can be answered once, an unchanged edit is refused, getUpdates honours the
offset and long-polls. Tests act as users (`message`, `tap`, `inline`), watch what the bot
sends (`sent`, `calls`), and inject faults:

    400        Bad Request: a refusal no resend can fix
    429        Too Many Requests with parameters.retry_after; like Telegram's flood wait,
               further sends to that chat are refused until retry_after has passed
    500/502/503  an error status; nothing is done
    drop       the connection closes before anything is done
    stall      nothing is done, the reply never comes (the client times out)
    lost       the call IS done, then the connection closes (ambiguous for the client)
    late       the call IS done, the reply comes after `stall_seconds` (client times out)
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tests.telegram.botapi_rules import ApiError, check_markup, check_text, decode, too_many, utf16_len, visible_text

BOT_ID = 7_000_001
BOT_USERNAME = "faq_test_bot"
FAULT_KINDS = ("400", "429", "500", "502", "503", "drop", "stall", "lost", "late")


@dataclass
class Call:
    """One request as the server saw it, and what it did with it."""

    method: str
    params: dict[str, Any]
    at: float
    outcome: str = "ok"


@dataclass
class Sent:
    """A message the bot sent (as the user's chat shows it; `html` is exactly what was sent)."""

    message_id: int
    chat_id: int
    html: str
    text: str
    reply_markup: dict[str, Any] | None
    reply_to: int | None
    at: float
    edits: list[str] = field(default_factory=list)

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]

    def button(self, label: str) -> str:
        """The callback_data of the first button whose label contains `label`."""
        for text, data in self.buttons():
            if label in text:
                return data
        raise AssertionError(f"No button {label!r} under {self.text!r}: {self.buttons()}")


class FakeBotAPI:
    """The server, its users' chats, and the record of every call."""

    def __init__(self, token: str, *, stall_seconds: float = 2.0, seed: int = 0) -> None:
        self.token = token
        self.stall_seconds = stall_seconds
        self.port = 0
        self.calls: list[Call] = []
        self.sent: list[Sent] = []
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.inline_answers: dict[str, dict[str, Any]] = {}
        self.commands: list[dict[str, str]] = []
        self.webhook: dict[str, Any] = {}
        self.update_times: dict[int, float] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], Sent] = {}
        self._open_queries: set[str] = set()
        self._flood_until: dict[int, float] = {}
        self._faults: list[tuple[str, str, int]] = []
        self._chaos: tuple[float, tuple[str, ...], frozenset[str], random.Random] | None = None
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[Any]] = set()
        self._stopping = asyncio.Event()

    # -- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> FakeBotAPI:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            # Wake long polls and stalls rather than cancel them: asyncio's stream callback
            # logs an error for a cancelled connection task.
            self._stopping.set()
            self._new_update.set()
            self._server.close()
            if self._connections:
                await asyncio.wait(list(self._connections), timeout=5)
            await self._server.wait_closed()

    @property
    def url(self) -> str:
        """TELEGRAM_API_BASE_URL for the bot: the token is appended to it."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- faults ---------------------------------------------------------------------------------

    def fail(self, method: str, *kinds: str, retry_after: int = 1) -> None:
        """The next calls of `method` ("*" for any) fail with `kinds`, one each, in order."""
        for kind in kinds:
            assert kind in FAULT_KINDS, kind
            self._faults.append((method, kind, retry_after))

    def chaos(self, rate: float, kinds: tuple[str, ...], methods: set[str], seed: int = 1) -> None:
        """From now on, each call of `methods` fails with probability `rate` (seeded)."""
        self._chaos = (rate, kinds, frozenset(methods), random.Random(seed))

    def calm(self) -> None:
        self._chaos = None
        self._faults.clear()

    def _fault_for(self, method: str) -> tuple[str, int] | None:
        for i, (wanted, kind, retry_after) in enumerate(self._faults):
            if wanted in (method, "*"):
                del self._faults[i]
                return kind, retry_after
        if self._chaos is not None:
            rate, kinds, methods, rng = self._chaos
            if method in methods and rng.random() < rate:
                return rng.choice(kinds), 1
        return None

    # -- users ----------------------------------------------------------------------------------

    def chat(self, chat_id: int, kind: str = "private", title: str = "测试群") -> dict[str, Any]:
        if chat_id not in self._chats:
            chat = {"id": chat_id, "type": kind}
            chat.update({"first_name": f"用户{chat_id}"} if kind == "private" else {"title": title})
            self._chats[chat_id] = chat
        return self._chats[chat_id]

    @staticmethod
    def user(user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"用户{user_id}",
            "username": f"user{user_id}",
            "language_code": "zh-hans",
        }

    def make_message(
        self,
        user: int,
        text: str | None = None,
        *,
        chat: int | None = None,
        kind: str = "private",
        reply_to: Sent | None = None,
        **content: Any,
    ) -> dict[str, Any]:
        """An update carrying a new message from `user` (in their private chat by default)."""
        chat_id = user if chat is None else chat
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": self.user(user),
            "chat": self.chat(chat_id, kind),
            "date": int(time.time()),
            **content,
        }
        if text is not None:
            message["text"] = text
            entities = [
                {"type": "mention", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())}
                for m in re.finditer(r"@\w+", text)
            ]
            command = re.match(r"/\S+", text)
            if command:
                entities.insert(0, {"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = self._message_json(reply_to)
        return {"update_id": next(self._update_ids), "message": message}

    def message(self, user: int, text: str | None = None, **options: Any) -> int:
        """Deliver a message as `user` sends it; its update id."""
        return self.deliver(self.make_message(user, text, **options))

    def sticker(self, user: int, **options: Any) -> int:
        sticker = {
            "file_id": "CAACAgIAAxkBAAE",
            "file_unique_id": "AgAD",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "😀",
        }
        return self.message(user, sticker=sticker, **options)

    def photo(self, user: int, **options: Any) -> int:
        photo = [{"file_id": "AgACAgIAAxkBAAE", "file_unique_id": "AQAD", "width": 90, "height": 90}]
        return self.message(user, photo=photo, **options)

    def voice(self, user: int, **options: Any) -> int:
        voice = {"file_id": "AwACAgIAAxkBAAE", "file_unique_id": "AgAE", "duration": 2}
        return self.message(user, voice=voice, **options)

    def tap(self, user: int, sent: Sent, data: str) -> str:
        """Tap the button with callback_data `data` under `sent`; the callback query id."""
        assert data in [d for _, d in sent.buttons()], f"{data!r} is not a button of this message"
        query_id = f"cq{next(self._query_ids)}"
        self._open_queries.add(query_id)
        query = {
            "id": query_id,
            "from": self.user(user),
            "message": self._message_json(sent),
            "chat_instance": f"ci{sent.chat_id}",
            "data": data,
        }
        self.deliver({"update_id": next(self._update_ids), "callback_query": query})
        return query_id

    def inline(self, user: int, query: str) -> str:
        """Type `@bot query` in any chat; the inline query id."""
        query_id = f"iq{next(self._query_ids)}"
        update = {
            "update_id": next(self._update_ids),
            "inline_query": {"id": query_id, "from": self.user(user), "query": query, "offset": ""},
        }
        self.deliver(update)
        return query_id

    def bot_message(self, chat_id: int, text: str, buttons: list[tuple[str, str]]) -> Sent:
        """A message the bot sent earlier (say, before a restart), with (label, data) buttons."""
        markup = {"inline_keyboard": [[{"text": label, "callback_data": data}] for label, data in buttons]}
        sent = Sent(next(self._message_ids), chat_id, text, text, markup, None, time.monotonic())
        self.chat(chat_id)
        self._messages[(chat_id, sent.message_id)] = sent
        return sent

    def deliver(self, update: dict[str, Any]) -> int:
        self._updates.append(update)
        self.update_times[update["update_id"]] = time.monotonic()
        self._new_update.set()
        return update["update_id"]

    # -- observing ------------------------------------------------------------------------------

    def sent_to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    def count(self, method: str, outcome: str | None = None) -> int:
        return sum(1 for c in self.calls if c.method == method and (outcome is None or c.outcome == outcome))

    async def wait_for(self, predicate: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                recent = [(c.method, c.outcome) for c in self.calls[-8:]]
                raise AssertionError(f"Timed out after {timeout} s waiting for {what}; last calls: {recent}")
            await asyncio.sleep(0.01)

    async def replies(self, chat_id: int, before: int, count: int = 1, timeout: float = 10.0) -> list[Sent]:
        """Wait for `count` messages to `chat_id` beyond the `before` already there."""
        await self.wait_for(
            lambda: len(self.sent_to(chat_id)) >= before + count, f"{count} message(s) to chat {chat_id}", timeout
        )
        return self.sent_to(chat_id)[before:]

    async def ask(self, user: int, text: str, *, chat: int | None = None, **options: Any) -> Sent:
        """Send `text` as `user` and return the bot's one reply."""
        chat_id = user if chat is None else chat
        before = len(self.sent_to(chat_id))
        self.message(user, text, chat=chat, **options)
        return (await self.replies(chat_id, before))[0]

    # -- HTTP -----------------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while not self._stopping.is_set():
                request = await self._read_request(reader)
                if request is None:
                    break
                path, body = request
                reply = await self._handle(path, body)
                if reply is None:  # a fault that leaves the client without an answer
                    break
                status, payload = reply
                data = json.dumps(payload, ensure_ascii=False).encode()
                head = (
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
                    "Connection: keep-alive\r\n\r\n"
                )
                writer.write(head.encode() + data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client hung up
        finally:
            self._connections.discard(task)
            writer.close()

    @staticmethod
    async def _read_request(reader: asyncio.StreamReader) -> tuple[str, bytes] | None:
        line = await reader.readline()
        if not line.strip():
            return None
        _, target, _ = line.decode("latin-1").split(" ", 2)
        headers: dict[str, str] = {}
        while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = header.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        if "multipart" in headers.get("content-type", ""):
            body = b"__multipart__"
        query = urlsplit(target).query
        return urlsplit(target).path + ("?" + query if query else ""), body

    async def _handle(self, path: str, body: bytes) -> tuple[int, dict[str, Any]] | None:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)(?:\?(.*))?", path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, method, query = match.groups()
        params = decode(body.decode() if body != b"__multipart__" else "", query or "")
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        if token != self.token:
            call.outcome = "401"
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        fault = self._fault_for(method)
        kind, retry_after = fault if fault else ("", 0)
        if kind:
            call.outcome = kind
        if kind == "429":
            if "chat_id" in params:
                self._flood_until[int(params["chat_id"])] = time.monotonic() + retry_after
            return 429, too_many(retry_after)
        if kind == "400":
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: injected by the test"}
        if kind in ("500", "502", "503"):
            return int(kind), {"ok": False, "error_code": int(kind), "description": "Internal Server Error"}
        if kind == "drop":
            return None
        if kind == "stall":
            await self._pause()
            return None
        try:
            result = await self._dispatch(method, params)
            reply: tuple[int, dict[str, Any]] = (200, {"ok": True, "result": result})
        except ApiError as exc:
            call.outcome = str(exc.code)
            payload: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.parameters:
                payload["parameters"] = exc.parameters
            reply = (exc.code, payload)
        if kind == "lost":
            return None
        if kind == "late":
            await self._pause()
        return reply

    async def _pause(self) -> None:
        """Hold a reply back for `stall_seconds` (less if the server stops)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), self.stall_seconds)

    # -- the methods ----------------------------------------------------------------------------

    async def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found")
        return await handler(params)

    def _bot_user(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "FAQ Bot", "username": BOT_USERNAME}

    async def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = dict(params)
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]) or not 1 <= len(command["description"]) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        self.commands = commands
        return True

    async def _api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return self.commands

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]  # confirmed ones go
        if not self._updates and timeout > 0 and not self._stopping.is_set():
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        return self._updates[:limit]

    def _check_flood(self, chat_id: int) -> None:
        until = self._flood_until.get(chat_id, 0.0)
        remaining = until - time.monotonic()
        if remaining > 0:
            retry_after = math.ceil(remaining)
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})

    async def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        self._check_flood(chat_id)
        if chat_id not in self._chats:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        text = visible_text(str(params.get("text", "")), params.get("parse_mode"))
        check_text(text)
        markup = params.get("reply_markup")
        check_markup(markup)
        reply_to = (params.get("reply_parameters") or {}).get("message_id")
        sent = Sent(next(self._message_ids), chat_id, str(params["text"]), text, markup, reply_to, time.monotonic())
        self.sent.append(sent)
        self._messages[(chat_id, sent.message_id)] = sent
        return self._message_json(sent)

    async def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        self._check_flood(chat_id)
        sent = self._messages.get((chat_id, int(params["message_id"])))
        if sent is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        text = visible_text(str(params.get("text", "")), params.get("parse_mode"))
        check_text(text)
        markup = params.get("reply_markup")
        check_markup(markup)
        if str(params["text"]) == sent.html and markup == sent.reply_markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        sent.edits.append(sent.html)
        sent.html, sent.text, sent.reply_markup = str(params["text"]), text, markup
        return self._message_json(sent)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query_id = str(params["callback_query_id"])
        if query_id not in self._open_queries:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self._open_queries.discard(query_id)
        self.callback_answers[query_id] = params
        return True

    async def _api_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [r["id"] for r in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result["input_message_content"]
            check_text(visible_text(content["message_text"], content.get("parse_mode")))
        self.inline_answers[str(params["inline_query_id"])] = params
        return True

    def _message_json(self, sent: Sent) -> dict[str, Any]:
        message = {
            "message_id": sent.message_id,
            "from": self._bot_user(),
            "chat": self.chat(sent.chat_id),
            "date": int(time.time()),
            "text": sent.text,
        }
        if sent.reply_markup:
            message["reply_markup"] = sent.reply_markup
        return message
