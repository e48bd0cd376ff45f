"""Admin commands and the knowledge watcher of the Telegram bot.

Admins are the user ids in `telegram.admins`. /reload, /stats and /unanswered are registered
with a user filter, so for anyone else they fall through to the unknown-command reply and
reveal nothing. The watcher polls the knowledge folder every `reload_interval` seconds; an
edit that fails the checks keeps the previous knowledge serving, and every admin gets the
problems as `file:line: message` lines.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Sequence

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application

from bot.config import ConfigError
from bot.curation.stats import stats_text
from bot.curation.unanswered import CurationError, unanswered_text
from bot.frontends.telegram.state import BotData, Context
from bot.frontends.telegram.texts import TEXTS
from bot.frontends.telegram.views import pre_html, problems_html
from bot.yamlfile import Problem

log = logging.getLogger(__name__)

#: /unanswered shows this many groups unless told otherwise (/unanswered 20).
UNANSWERED_LIMIT = 10
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _errors(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"] or list(problems)


async def reload_command(update: Update, context: Context) -> None:
    """/reload (admins): load the knowledge again now, or say what is wrong with it."""
    st = context.state
    async with context.bot_data.reload_lock:
        problems = await asyncio.to_thread(st.live.reload)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        head = html.escape(TEXTS["reload_failed_html"])
        text = problems_html(head, [str(p) for p in errors], TEXTS["reload_failed_more"])
    else:
        knowledge = st.engine.knowledge
        text = html.escape(TEXTS["reload_ok"].format(documents=len(knowledge.documents), facts=len(knowledge.facts)))
    await update.effective_message.reply_html(text)


async def stats_command(update: Update, context: Context) -> None:
    """/stats [YYYY-MM-DD] (admins): answer rates, most asked facts, feedback, per channel."""
    try:
        text = await asyncio.to_thread(stats_text, context.state.settings, since=_since(context.args))
    except (CurationError, ConfigError) as exc:  # e.g. the log is turned off
        text = str(exc)
    await update.effective_message.reply_html(pre_html(text))


async def unanswered_command(update: Update, context: Context) -> None:
    """/unanswered [N] [YYYY-MM-DD] (admins): what users asked that the bot could not answer."""
    args = context.args or []
    limit = next((int(a) for a in args if a.isdigit()), UNANSWERED_LIMIT)
    try:
        text = await asyncio.to_thread(
            unanswered_text, context.state.settings, since=_since(args), limit=max(1, limit), as_yaml=False
        )
    except (CurationError, ConfigError) as exc:
        text = str(exc)
    await update.effective_message.reply_html(pre_html(text))


def _since(args: Sequence[str] | None) -> str | None:
    return next((a for a in args or () if DATE.match(a)), None)


async def notify_admins(bot: Bot, admins: Sequence[int], problems: Sequence[Problem]) -> None:
    """Tell every admin that an edit was refused, with its problems."""
    head = html.escape(TEXTS["reload_failed_html"])
    text = problems_html(head, [str(p) for p in _errors(problems)], TEXTS["reload_failed_more"])
    for admin in admins:
        try:
            await bot.send_message(admin, text, parse_mode=ParseMode.HTML)
        except TelegramError as exc:  # e.g. the admin never started a chat with the bot
            log.warning("Could not tell admin %s about the broken knowledge: %s", admin, exc)


async def watch_knowledge(application: Application) -> None:
    """Poll the knowledge folder forever; serve good edits, report broken ones."""
    data: BotData = application.bot_data  # typed by CONTEXT_TYPES
    st = data.state
    assert st is not None, "build_application sets the state"
    interval = max(0.1, st.settings.reload_interval)
    reported: list[str] = []
    while True:
        await asyncio.sleep(interval)
        try:
            async with data.reload_lock:
                problems = await asyncio.to_thread(st.live.poll)
        except Exception:  # the watcher must outlive any one bad poll
            log.exception("Checking the knowledge folder for edits failed.")
            continue
        if problems is None:
            continue
        if not [p for p in problems if p.severity == "error"]:
            knowledge = st.engine.knowledge
            log.info("Knowledge reloaded: %d articles, %d facts.", len(knowledge.documents), len(knowledge.facts))
            reported = []
            continue
        lines = [str(p) for p in _errors(problems)]  # LiveEngine has logged each of them
        if lines != reported:  # the same broken edit is reported once
            reported = lines
            await notify_admins(application.bot, st.settings.telegram.admins, problems)
