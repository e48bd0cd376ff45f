"""Reading the question log for curators: rows from a date on, or the friendly text to print
when there is no log. Shared by `faqbot unanswered` and `faqbot stats`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.config import Settings
from bot.errors import UserError
from bot.questionlog import LoggedFeedback, LoggedPick, LoggedQuestion, LogUnavailable, QuestionLog


class CurationError(UserError):
    """A curation command was given something it cannot use (the message says what)."""

    code = 2  # a usage error, like argparse's


def parse_since(text: str | None) -> str | None:
    """`--since 2024-05-01` as the ISO prefix logged times are compared with (UTC)."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise CurationError(f"--since must be a date written YYYY-MM-DD, not '{text}'.") from None


def open_for_reading(settings: Settings) -> QuestionLog | str:
    """The log, or the friendly text to print instead when nothing has been logged yet."""
    path = settings.log_path
    if path is None:
        raise LogUnavailable(
            'The question log is turned off (log_db is ""), so there is nothing to show; set'
            " log_db in the config to a file to start collecting questions."
        )
    if not path.exists():
        return f"No questions have been logged yet: {path} does not exist."
    return QuestionLog(path, settings.log_salt)


@dataclass
class LogRows:
    """What the question log holds from a date on: questions, suggestions picked, 👍/👎."""

    questions: list[LoggedQuestion]
    picks: list[LoggedPick]
    feedback: list[LoggedFeedback]


def read_log(settings: Settings, since: str | None) -> LogRows | str:
    """The log's rows at or after `since`, or the friendly text to print when there is no log."""
    opened = open_for_reading(settings)
    if isinstance(opened, str):
        return opened
    with opened as question_log:
        return LogRows(question_log.questions(since), question_log.picks(since), question_log.feedback_rows(since))


def since_text(since: str | None) -> str:
    return f" since {since}" if since else ""
