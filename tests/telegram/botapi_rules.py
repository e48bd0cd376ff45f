"""The rules of the real Bot API that the fake server enforces, and its wire format.

Requests arrive form-encoded with JSON-encoded values (texts stay plain); texts in HTML must
use Telegram's few tags, be balanced, and escape every other <, > and &; a message holds at
most 4096 characters after parsing; callback_data holds 1–64 bytes.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl

#: Values kept as strings; everything else arrives JSON-encoded.
TEXT_FIELDS = {"text", "parse_mode", "callback_query_id", "inline_query_id", "secret_token", "url", "next_offset"}
ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "code",
    "pre",
    "blockquote",
    "a",
    "tg-spoiler",
    "span",
    "tg-emoji",
}
ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
TAG = re.compile(r"</?([a-z-]+)(\s[^<>]*)?>")


class ApiError(Exception):
    """A refusal as the Bot API words it: HTTP status, description, optional parameters."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


class _Validator(HTMLParser):
    """Telegram's HTML: known tags, balanced, only the four named entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise ApiError(400, f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise ApiError(400, f'Bad Request: can\'t parse entities: Unmatched end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        self.visible.append(data)


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text a user would see, or ApiError 400 as Telegram gives for bad markup."""
    if parse_mode is None:
        return text
    if parse_mode.upper() != "HTML":
        raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode}")
    for match in re.finditer(r"[<&]", text):
        rest = text[match.start() :]
        if match.group() == "<" and not TAG.match(rest):
            raise ApiError(400, "Bad Request: can't parse entities: Unsupported start tag")
        if match.group() == "&" and not ENTITY.match(rest):
            raise ApiError(400, "Bad Request: can't parse entities: Unsupported HTML entity")
    validator = _Validator()
    validator.feed(text)
    validator.close()
    if validator.stack:
        unclosed = validator.stack[-1]
        raise ApiError(400, f"Bad Request: can't parse entities: Can't find end tag corresponding to \"{unclosed}\"")
    return "".join(validator.visible)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def too_many(retry_after: int) -> dict[str, Any]:
    return {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {retry_after}",
        "parameters": {"retry_after": retry_after},
    }


def decode(body: str, query: str) -> dict[str, Any]:
    """Form fields as the bot sent them: JSON-encoded values decoded, texts kept."""
    params: dict[str, Any] = {}
    for name, value in parse_qsl(query, keep_blank_values=True) + parse_qsl(body, keep_blank_values=True):
        if name in TEXT_FIELDS:
            params[name] = value
            continue
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


def check_text(text: str) -> None:
    if not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(text) > 4096:
        raise ApiError(400, "Bad Request: message is too long")


def check_markup(markup: dict[str, Any] | None) -> None:
    if markup is None:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
