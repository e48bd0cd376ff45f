"""What every `faqbot` command shares: exit statuses, the one-line error, loading the engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.config import Settings
from bot.errors import UserError

if TYPE_CHECKING:
    from bot.matching.engine import Engine

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CommandError(UserError):
    """A failure to report as one line on stderr; `code` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


def load_engine(settings: Settings) -> Engine:
    """The engine over the settings' knowledge (imported late: `faqbot --help` stays fast)."""
    from bot.matching.engine import Engine

    return Engine.load(settings.knowledge_dir, settings)


def count(number: int, noun: str) -> str:
    """「3 facts」, 「1 fact」."""
    return f"{number} {noun}" + ("" if number == 1 else "s")
