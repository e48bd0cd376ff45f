"""`faqbot telegram`: the Telegram front end (python-telegram-bot v22).

    run_telegram ─► check the token ─► redact it from all logging ─► LiveEngine + question log
                 ─► build_application (every handler, in groups) ─► long polling or a webhook

The modules behind it, one concept each:
    telegram_handlers   questions, commands, buttons, inline mode, errors (user-facing)
    telegram_admin      /reload, /stats, /unanswered and the knowledge watcher
    telegram_views      HTML and inline keyboards
    telegram_state      shared state, button payloads, per-chat conversations
    telegram_net        retries, rate limits, per-chat ordering (and the ambiguous-send policy)
    telegram_journal    updates stored before they are confirmed, answered once (docs/reliability.md)
    telegram_flood      per-user flood control
    telegram_logging    the token redacted from every log line
    telegram_texts      every canned text
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import signal
import sqlite3
import sys
from collections.abc import Sequence
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Settings
from bot.frontends.telegram import admin as admin
from bot.frontends.telegram import handlers as on
from bot.frontends.telegram.flood import FloodGate
from bot.frontends.telegram.journal import JournaledQueue, JournaledUpdateProcessor, UpdateJournal
from bot.frontends.telegram.logs import configure_logging, redact
from bot.frontends.telegram.logwriter import BackgroundLog
from bot.frontends.telegram.net import (
    OVERALL_RATE,
    SEND_READ_TIMEOUT,
    RetryingRequest,
    rate_limiter,
)
from bot.frontends.telegram.state import CONTEXT_TYPES, BotData, BotState
from bot.frontends.telegram.texts import COMMANDS
from bot.matching.reload import LiveEngine
from bot.questionlog import QuestionLog, open_log

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: What a token from @BotFather looks like: the bot's id, a colon, a secret.
TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]{20,}")
#: The updates the bot asks Telegram for.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
#: Long-polling timeout: Telegram holds getUpdates open this long when there is nothing new.
POLL_TIMEOUT = 30
#: Start-up calls (getMe, deleteWebhook/setWebhook) are retried this many times by
#: python-telegram-bot, each try resent `telegram.network_retries` times by RetryingRequest;
#: never more than those resends, so `network_retries: 0` gives up at the first failure.
BOOTSTRAP_RETRIES = 3


def run_telegram(settings: Settings, webhook: str | None = None) -> int:
    """Run the bot until interrupted; the exit code (2 for a missing or bad token or URL)."""
    token = settings.telegram.token.strip()
    problem = token_problem(token)
    if problem:
        print(f"faqbot: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if webhook is not None and not _webhook_path(webhook):
        print(
            f"faqbot: --webhook needs a full URL such as https://bot.example.com/faqbot, not '{webhook}'.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    secret = settings.telegram.webhook_secret or secrets.token_urlsafe(32)
    configure_logging([token, secret])
    # Opt in to python-telegram-bot's future durations (timedelta), which also silences a
    # deprecation warning it would otherwise log for every 429.
    os.environ.setdefault("PTB_TIMEDELTA", "true")

    live = LiveEngine(settings)  # InvalidKnowledge: the CLI prints the problems and exits 1
    question_log = open_log(settings)
    application = build_application(settings, live, question_log)
    try:
        run_application(application, settings, webhook, secret=secret)
    except InvalidToken:
        print("faqbot: Telegram rejected the bot token; check TELEGRAM_BOT_TOKEN.", file=sys.stderr)
        return EXIT_USAGE
    except (NetworkError, TimedOut) as exc:
        if isinstance(exc, BadRequest):  # a subclass of NetworkError, but Telegram did answer
            print(
                f"faqbot: the bot stopped: the Telegram Bot API refused a call ({redact(str(exc), [token])}).",
                file=sys.stderr,
            )
            return EXIT_FAILED
        # Never reached Telegram, after backing off several times (bot.frontends.telegram.net).
        where = urlsplit(settings.telegram.base_url or "https://api.telegram.org").netloc
        print(
            f"faqbot: cannot reach the Telegram Bot API at {where} ({redact(str(exc), [token])}). Check the "
            "network connection, a proxy (HTTPS_PROXY / ALL_PROXY) if this network needs one, and "
            "TELEGRAM_API_BASE_URL if you use your own Bot API server; then start the bot again.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except TelegramError as exc:
        print(f"faqbot: the bot stopped: the Telegram Bot API failed ({redact(str(exc), [token])}).", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: the log has the traceback (redacted), stderr one line
        log.exception("The Telegram bot stopped after an unexpected error.")
        print(f"faqbot: the Telegram bot stopped: {redact(str(exc), [token, secret])}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if question_log is not None:
            question_log.close()
    return EXIT_OK


def token_problem(token: str) -> str | None:
    """Why `token` cannot be a bot token, in a sentence that does not repeat it; None if fine."""
    if not token:
        return (
            "No Telegram bot token: set TELEGRAM_BOT_TOKEN, or telegram.token in the config file "
            "(@BotFather gives you one)."
        )
    if not TOKEN.fullmatch(token):
        return (
            "The Telegram bot token is malformed: it should be the bot's number, a colon and "
            "at least 20 letters, digits, '-' or '_' (as @BotFather gives it)."
        )
    return None


def build_application(
    settings: Settings,
    live: LiveEngine,
    question_log: QuestionLog | None = None,
    *,
    read_timeout: float = SEND_READ_TIMEOUT,
    overall_rate: float = OVERALL_RATE,
) -> Application:
    """The Application with every handler registered, in groups.

    `read_timeout` and `overall_rate` exist for tests: the defaults are what production needs.
    """
    tg = settings.telegram
    journal = UpdateJournal(settings.journal_path)  # JournalUnavailable: the bot does not start
    builder = (
        ApplicationBuilder()
        .token(tg.token.strip())
        .request(RetryingRequest(read_timeout=read_timeout, retries=tg.network_retries, backoff=tg.network_backoff))
        .rate_limiter(rate_limiter(overall_rate))
        .update_queue(JournaledQueue(journal))
        .concurrent_updates(JournaledUpdateProcessor(journal))
        .context_types(CONTEXT_TYPES)
        .post_init(_on_start)
        .post_stop(_on_stop)
        .post_shutdown(_on_shutdown)
    )
    if tg.base_url:
        base = tg.base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(_file_url(base))
    application = builder.build()
    writer = BackgroundLog(question_log) if question_log is not None else None
    application.bot_data.state = BotState(settings, live, writer, FloodGate(tg.flood_limit))
    admins = filters.User(user_id=tg.admins)
    message = filters.UpdateType.MESSAGE
    text = message & filters.TEXT & ~filters.COMMAND
    add = application.add_handler

    # -- group -1: flood control sees every update first and can stop it -------------------
    add(TypeHandler(Update, on.gate), group=-1)

    # -- group 0, commands: the menu, then admin-only ones (anyone else falls through to the
    #    unknown-command reply, so they look like any command the bot does not have) --------
    add(CommandHandler("start", on.start, filters=message))
    add(CommandHandler("help", on.help_command, filters=message))
    add(CommandHandler("topics", on.topics, filters=message))
    add(CommandHandler("about", on.about, filters=message))
    add(CommandHandler("ask", on.ask, filters=message))
    add(CommandHandler("reload", admin.reload_command, filters=message & admins))
    add(CommandHandler("stats", admin.stats_command, filters=message & admins))
    add(CommandHandler("unanswered", admin.unanswered_command, filters=message & admins))
    add(MessageHandler(message & filters.COMMAND, on.unknown_command))

    # -- group 0, questions typed as text ----------------------------------------------------
    add(MessageHandler(text & filters.ChatType.PRIVATE, on.private_text))
    add(MessageHandler(text & filters.ChatType.GROUPS, on.group_text))

    # -- group 0, anything else a user sends: stickers, photos, voice… ----------------------
    add(MessageHandler(message & ~filters.TEXT & ~filters.StatusUpdate.ALL, on.not_text))

    # -- group 0, buttons (see bot.frontends.telegram.views for the callback_data kinds) ---------------
    add(CallbackQueryHandler(on.pick_fact, pattern=r"^fact[:#]"))
    add(CallbackQueryHandler(on.ask_example, pattern=r"^ask[:#]"))
    add(CallbackQueryHandler(on.show_paragraph, pattern=r"^paragraph[:#]"))
    add(CallbackQueryHandler(on.feedback, pattern=r"^(up|down)[:#]"))
    add(CallbackQueryHandler(on.browse_topic, pattern=r"^(topic|page)[:#]"))
    add(CallbackQueryHandler(on.stale_button))

    # -- group 0, inline mode ----------------------------------------------------------------
    add(InlineQueryHandler(on.inline_query))

    # -- errors: log, and apologise where a user is waiting ----------------------------------
    application.add_error_handler(on.on_error)
    return application


def run_application(
    application: Application,
    settings: Settings,
    webhook: str | None = None,
    *,
    secret: str | None = None,
    stop_signals: Sequence[int] | None = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT),
) -> None:
    """Long polling, or a webhook server for `webhook`, until stopped (blocks).

    `stop_signals=None` lets a test run it in a thread and stop it with `stop_running()`.
    """
    if webhook is None:
        application.run_polling(
            timeout=POLL_TIMEOUT,
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=_bootstrap_retries(settings),
            stop_signals=stop_signals,
        )
        return
    tg = settings.telegram
    application.run_webhook(
        listen=tg.webhook_listen,
        port=tg.webhook_port,
        url_path=_webhook_path(webhook) or "",
        webhook_url=webhook,
        secret_token=secret or tg.webhook_secret or None,
        allowed_updates=ALLOWED_UPDATES,
        bootstrap_retries=_bootstrap_retries(settings),
        stop_signals=stop_signals,
    )


def _bootstrap_retries(settings: Settings) -> int:
    return min(BOOTSTRAP_RETRIES, max(0, settings.telegram.network_retries))


async def _on_start(application: Application) -> None:
    """Register the command menu and start watching the knowledge folder."""
    try:
        await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as exc:  # the menu is a convenience: never a reason not to start
        log.warning("Could not register the command menu: %s", exc)
    watcher = asyncio.get_running_loop().create_task(admin.watch_knowledge(application), name="faqbot-knowledge")
    _bot_data(application).watcher = watcher
    queue = application.update_queue
    if isinstance(queue, JournaledQueue):  # before polling starts: the oldest questions first
        try:
            await queue.recover(application.bot)
        except (sqlite3.Error, OSError):
            log.exception(
                "Could not read the stored updates of %s; they are answered at the next start.", queue.journal.path
            )
    log.info("Serving as @%s.", application.bot.username)


async def _on_stop(application: Application) -> None:
    """Stop the knowledge watcher, and a reload under way (its child process is killed)."""
    data = _bot_data(application)
    if data.state is not None:
        data.state.live.close()
    if data.watcher is not None:
        data.watcher.cancel()
        data.watcher = None


def _bot_data(application: Application) -> BotData:
    return application.bot_data  # typed by CONTEXT_TYPES


async def _on_shutdown(application: Application) -> None:
    """Write the queued log rows (bounded) and close the file of received updates."""
    state = _bot_data(application).state
    writer = state.log if state is not None else None
    if writer is not None:
        await asyncio.to_thread(writer.close)
    queue = application.update_queue
    if isinstance(queue, JournaledQueue):
        queue.journal.close()


def _file_url(base_url: str) -> str:
    """The file URL of a Bot API server from its method URL: …/bot → …/file/bot."""
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


def _webhook_path(url: str) -> str | None:
    """The path the webhook server listens on, from the public URL; None if not a URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return parts.path.strip("/")
