"""The user-facing Telegram handlers: questions, commands, buttons, inline mode, errors.

Every handler is a thin adapter: it turns an update into `engine.answer(...)` (or a lookup),
and renders the result with `bot.frontends.telegram.views`. In private chats every message is a
question; in groups the bot speaks only when mentioned, replied to, or asked with /ask, and
then replies to the asking message.
"""

from __future__ import annotations

import html
import logging
import re

from telegram import InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.frontends.telegram.flood import Verdict
from bot.frontends.telegram.state import Context
from bot.frontends.telegram.texts import COMMANDS, TEXTS
from bot.frontends.telegram.views import (
    about_html,
    examples_markup,
    inline_results,
    render_html,
    reply_for_paragraph,
    reply_markup,
    topic_view,
    topics_markup,
)
from bot.reply import Reply

log = logging.getLogger(__name__)

#: Commands this bot answers in groups without an explicit @mention (admin commands are left
#: out, so that for anyone else they behave exactly like a command the bot does not have).
OWN_COMMANDS = frozenset(name for name, _ in COMMANDS)
#: Inline query results may be cached by Telegram this many seconds (short: knowledge reloads).
INLINE_CACHE = 60


# -- deciding whether a message is for us ---------------------------------------------------


def is_group(message: Message) -> bool:
    return message.chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def addressed(message: Message, context: Context) -> bool:
    """In a private chat always; in a group when mentioned, replied to, or given our command."""
    if not is_group(message):
        return True
    bot = context.bot
    reply_to = message.reply_to_message
    if reply_to is not None and reply_to.from_user is not None and reply_to.from_user.id == bot.id:
        return True
    text = message.text or ""
    if text.startswith("/"):
        command, _, target = text.split(maxsplit=1)[0][1:].partition("@")
        return target.lower() == bot.username.lower() if target else command.lower() in OWN_COMMANDS
    return mentions_bot(message, context)


def mentions_bot(message: Message, context: Context) -> bool:
    for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.MENTION and text.lower() == f"@{context.bot.username.lower()}":
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == context.bot.id:
            return True
    return False


def without_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


# -- sending --------------------------------------------------------------------------------


async def send_html(update: Update, context: Context, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Send HTML to the update's chat; in groups as a reply to the asking message."""
    message = update.effective_message
    if update.callback_query is None and message is not None:
        quote = is_group(message)
        await message.reply_html(text, reply_markup=markup, do_quote=quote, allow_sending_without_reply=True)
    elif update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def send_reply(update: Update, context: Context, reply: Reply, question_id: int | None) -> None:
    """The engine's reply, rendered, with its buttons."""
    context.remember_suggestions(reply)
    await send_html(update, context, render_html(reply), reply_markup(reply, context.state.codec, question_id))


async def say(update: Update, context: Context, key: str, **values: object) -> None:
    """A canned text from TEXTS, escaped unless its key ends in _html."""
    text = TEXTS[key].format(**values) if values else TEXTS[key]
    await send_html(update, context, text if key.endswith("_html") else html.escape(text))


async def answer_question(update: Update, context: Context, text: str) -> None:
    """Answer a typed message, log it, and send the reply: one per question of a pasted list.

    The message goes to the engine as it is, however long: finding its questions is the
    engine's job (bot.question.parts), not the front end's.
    """
    st = context.state
    user = update.effective_user
    for reply in st.engine.answer_all(text, context.conversation):
        question_id = await st.record(user.id if user else None, reply)
        await send_reply(update, context, reply, question_id)


async def answer_callback(update: Update, text: str | None = None) -> None:
    """Stop the button's spinner; a repeated or expired answer is harmless, so it is ignored."""
    try:
        await update.callback_query.answer(text)
    except BadRequest as exc:
        log.debug("Could not answer a callback query: %s", exc)


# -- group -1: flood control ----------------------------------------------------------------


async def gate(update: Update, context: Context) -> None:
    """Refuse a user over the flood limit: one polite notice, then silence for a while."""
    user = update.effective_user
    query = update.callback_query
    message = update.message
    if user is None or (query is None and message is None):
        return
    if message is not None and not addressed(message, context):
        return
    verdict = context.state.flood.check(user.id)
    if verdict is Verdict.SERVE:
        return
    log.info("Flood control: refusing an update from a user over the limit (%s).", verdict.value)
    if query is not None:
        await answer_callback(update, TEXTS["slow_down"] if verdict is Verdict.NOTIFY else None)
    elif verdict is Verdict.NOTIFY:
        await say(update, context, "slow_down")
    raise ApplicationHandlerStop


# -- group 0: commands ----------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """/start: a greeting and example questions (the engine's, from the knowledge) as buttons.

    In a group the greeting says how to ask there: plain group messages are not for the bot.
    """
    st = context.state
    key = "start_group_html" if is_group(update.effective_message) else "start_html"
    text = TEXTS[key].format(username=html.escape(context.bot.username))
    await send_html(update, context, text, examples_markup(st.engine.examples(4), st.codec))


async def help_command(update: Update, context: Context) -> None:
    """/help: how to ask, follow up, and use the buttons and commands."""
    await say(update, context, "help_html", username=html.escape(context.bot.username))


async def topics(update: Update, context: Context) -> None:
    """/topics: the tags of the fact base as buttons."""
    st = context.state
    await send_html(update, context, html.escape(TEXTS["topics_head"]), topics_markup(st.engine.knowledge, st.codec))


async def about(update: Update, context: Context) -> None:
    """/about: the articles the answers come from, with outlet and date."""
    await send_html(update, context, about_html(context.state.engine.knowledge))


async def ask(update: Update, context: Context) -> None:
    """/ask <question>: a question, in groups without mentioning the bot."""
    parts = (update.effective_message.text or "").split(maxsplit=1)
    if len(parts) < 2:
        await say(update, context, "ask_usage")
        return
    await answer_question(update, context, parts[1])


async def unknown_command(update: Update, context: Context) -> None:
    """Any other command (including admin commands from non-admins): say it is unknown."""
    if addressed(update.effective_message, context):
        await say(update, context, "unknown_command")


# -- group 0: messages ----------------------------------------------------------------------


async def private_text(update: Update, context: Context) -> None:
    """A text in a private chat: always a question."""
    message = update.effective_message
    if message.via_bot is not None and message.via_bot.id == context.bot.id:
        return  # one of our own inline answers, sent by the user: nothing to answer
    await answer_question(update, context, message.text)


async def group_text(update: Update, context: Context) -> None:
    """A text in a group: a question only when it mentions the bot or replies to it."""
    message = update.effective_message
    if not addressed(message, context):
        return
    await answer_question(update, context, without_mention(message.text, context.bot.username))


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice and the like: ask for the question in words."""
    if addressed(update.effective_message, context):
        await say(update, context, "not_text")


# -- group 0: buttons -----------------------------------------------------------------------


async def pick_fact(update: Update, context: Context) -> None:
    """A 「您是不是想问」 choice or a topic's question: answer that fact."""
    await answer_callback(update)
    st = context.state
    _, fact_id = st.codec.unpack(update.callback_query.data)
    if fact_id is None:
        await say(update, context, "stale")
        return
    question = context.suggested_for(fact_id)
    reply = st.engine.answer_fact(fact_id, question, context.conversation)
    user = update.effective_user
    if question is not None and reply.status == "answered":
        await st.picked(user.id if user else None, question, fact_id)
    await send_reply(update, context, reply, None)


async def ask_example(update: Update, context: Context) -> None:
    """An example question from /start: answered as if typed."""
    await answer_callback(update)
    _, question = context.state.codec.unpack(update.callback_query.data)
    if question is None:
        await say(update, context, "stale")
        return
    await answer_question(update, context, question)


async def show_paragraph(update: Update, context: Context) -> None:
    """📖 原文: add the article paragraph around the source to the answer."""
    query = update.callback_query
    st = context.state
    _, key = st.codec.unpack(query.data)
    reply = reply_for_paragraph(st.engine, key) if key is not None else None
    if reply is None:
        await answer_callback(update, TEXTS["stale"])
        return
    if reply.paragraph is None:
        await answer_callback(update, TEXTS["no_paragraph"])
        return
    await answer_callback(update)
    markup = query.message.reply_markup if query.message is not None else None
    if markup is not None:  # keep 👍 / 👎 (they carry the log id), drop 📖 原文
        rows = [[b for b in row if b.callback_data != query.data] for row in markup.inline_keyboard]
        markup = InlineKeyboardMarkup([row for row in rows if row])
    try:
        await query.edit_message_text(render_html(reply), parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():  # a double tap is fine; anything else is not
            raise


async def feedback(update: Update, context: Context) -> None:
    """👍 / 👎: log it once per message and thank the user quietly."""
    query = update.callback_query
    st = context.state
    kind, payload = st.codec.unpack(query.data)
    if payload is None:
        await answer_callback(update, TEXTS["stale"])
        return
    up = kind == "up"
    if context.first_vote(query.message.message_id if query.message is not None else 0):
        question_id, _, fact_id = payload.partition(":")
        user = update.effective_user
        logged = int(question_id) if question_id.isdigit() else None
        await st.feedback(user.id if user else None, fact_id or None, 1 if up else -1, logged)
    await answer_callback(update, TEXTS["feedback_up" if up else "feedback_down"])


async def browse_topic(update: Update, context: Context) -> None:
    """A tag of /topics: list its questions, a page at a time; the back button lists the tags."""
    query = update.callback_query
    st = context.state
    kind, payload = st.codec.unpack(query.data)
    page, tag = 0, payload
    if kind == "page" and payload is not None:
        number, _, tag = payload.partition(":")
        page = int(number) if number.isdigit() else 0
    knowledge = st.engine.knowledge
    facts = knowledge.topics().get(tag or "")
    if tag and facts is None:
        await answer_callback(update, TEXTS["topic_gone"])
    else:
        await answer_callback(update)
    if facts is None:
        text, markup = html.escape(TEXTS["topics_head"]), topics_markup(knowledge, st.codec)
    else:
        text, markup = topic_view(tag or "", facts, st.codec, page)
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def stale_button(update: Update, context: Context) -> None:
    """A button this version of the bot does not know: say it is out of date."""
    await answer_callback(update, TEXTS["stale"])


# -- inline mode ----------------------------------------------------------------------------


async def inline_query(update: Update, context: Context) -> None:
    """@bot 党员 in any chat: matching facts as articles that send the formatted answer."""
    query = update.inline_query
    text = query.query.strip()
    st = context.state
    results = inline_results(st.engine, text, st.codec) if text else []
    await query.answer(results, cache_time=INLINE_CACHE, is_personal=False)


# -- errors ---------------------------------------------------------------------------------


async def on_error(update: object, context: Context) -> None:
    """Log the failure and apologise to the user if one is waiting for a reply."""
    error = context.error
    if not isinstance(update, Update):  # a background task, not a user's message
        log.error("A background task failed: %s: %s", type(error).__name__, error, exc_info=error)
        return
    log.error("Handling update %d failed: %s: %s", update.update_id, type(error).__name__, error, exc_info=error)
    if update.effective_chat is None:
        return
    if update.message is None and update.callback_query is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, TEXTS["sorry"])
    except TelegramError as exc:
        log.warning("Could not send the apology either: %s", exc)
