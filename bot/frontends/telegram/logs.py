"""Logging for `faqbot telegram`: the token never appears, Telegram errors take one line.

The bot token is a password: anyone who has it can act as the bot. python-telegram-bot puts
it in request URLs (which httpx logs at INFO) and in some error messages, so every record
goes through `RedactSecrets` on its way to the handlers, tracebacks included.
"""

from __future__ import annotations

import logging
import sys

from telegram.error import TelegramError


def secret_parts(secrets_: list[str]) -> list[str]:
    """Each secret, and for a token also its part after the colon; longest first."""
    parts = [s for s in secrets_ if s]
    parts += [s.split(":", 1)[1] for s in parts if ":" in s]
    return sorted({p for p in parts if p}, key=len, reverse=True)


def redact(text: str, secrets_: list[str]) -> str:
    """`text` with every secret (see `secret_parts`) replaced by <redacted>."""
    for secret in secret_parts(secrets_):
        text = text.replace(secret, "<redacted>")
    return text


class RedactSecrets(logging.Filter):
    """Replaces the token (and the part after its colon) in every record, tracebacks included."""

    def __init__(self, secrets_: list[str]) -> None:
        super().__init__()
        self.secrets = secrets_

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


class BriefTelegramErrors(logging.Filter):
    """A Telegram or network error is an expected event, not a bug: one line, no traceback.

    python-telegram-bot logs every failed getUpdates and a rejected token with a full
    traceback; the message and the error's own text say all there is to say.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, TelegramError):
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def configure_logging(secrets_: list[str], level: int = logging.INFO) -> None:
    """Log to stderr through filters that shorten Telegram errors and redact `secrets_`."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    brief, redactor = BriefTelegramErrors(), RedactSecrets(secrets_)
    for handler in root.handlers:
        handler.addFilter(brief)
        handler.addFilter(redactor)  # last: it sees the final text
    logging.captureWarnings(True)
    # httpx logs every request URL at INFO, and the URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
