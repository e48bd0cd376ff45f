"""How replies, topics and articles look on Telegram: HTML text plus inline keyboards.

Button kinds in callback_data (packed by `CallbackCodec`; `kind#hash` for a long payload):

    fact:<fact id>         a suggestion, a topic's question: answer that fact
    ask:<question>         an example question from /start: answered like typed text
    paragraph:<fact id>    📖 原文 of a fact's answer (paragraph:@[doc, sentence] for a sentence answer)
    up:<log id>:<fact>     👍 ; down:… 👎 (the log id is empty when the log is off)
    topic:<tag>            a topic of /topics; `topic:` alone goes back to the list of topics
    page:<n>:<tag>         page n (from 0) of a topic's questions
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent
from telegram.constants import ParseMode

from bot.frontends.telegram.state import CallbackCodec
from bot.frontends.telegram.texts import BUTTONS, TEXTS
from bot.knowledge.model import Fact, Knowledge
from bot.matching.engine import Engine
from bot.reply import CLARIFY_TEXT, DECLINED_TEXT, SUGGEST_TEXT, Reply, Source

#: Button labels are cut to this many characters; Telegram shows little more anyway.
LABEL = 40
#: Questions listed per page of a topic; ‹ › buttons page through the rest.
TOPIC_FACTS = 30
#: Results of one inline query.
INLINE_RESULTS = 10

#: Telegram refuses messages longer than this many characters.
TELEGRAM_LIMIT = 4096


def render_html(reply: Reply) -> str:
    """Telegram HTML: the answer in bold, the source in a blockquote, then the citation.

    Every piece of text is escaped; the result always fits one Telegram message.
    """
    esc = html.escape
    parts: list[str] = []
    if reply.status == "answered" and reply.answer:
        if reply.text:  # a correction of the question's premise, before the answer
            parts.append(esc(reply.text))
        parts.append(f"<b>{esc(reply.answer)}</b>")
        if reply.source:
            parts.append(f"<blockquote>{esc(reply.source.sentence)}</blockquote>")
            parts.append(esc(reply.source.citation()))
    elif reply.status == "clarify":
        parts.append(esc(reply.text or CLARIFY_TEXT))
    else:
        parts.append(esc(reply.text or DECLINED_TEXT))
        if reply.suggestions:
            parts.append(esc(SUGGEST_TEXT))
    if reply.paragraph:
        parts.append(f"<blockquote>{esc(reply.paragraph)}</blockquote>")
    return fit_html(parts)


def fit_html(parts: list[str], limit: int = TELEGRAM_LIMIT) -> str:
    """Join HTML blocks, dropping whole trailing blocks (never cutting a tag) to fit `limit`."""
    text = "\n".join(parts)
    while len(text) > limit and len(parts) > 1:
        parts = parts[:-1]
        text = "\n".join(parts)
    if len(text) > limit:  # one enormous block: fall back to escaped plain text, cut
        plain = html.unescape(_strip_tags(text))
        text = html.escape(plain[: limit // 2 - 1]) + "…"
    return text


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL else text[: LABEL - 1] + "…"


def reply_markup(reply: Reply, codec: CallbackCodec, question_id: int | None) -> InlineKeyboardMarkup | None:
    """📖 原文, 👍 and 👎 under an answer; one 「您是不是想问」 button per suggestion."""
    rows: list[list[InlineKeyboardButton]] = []
    if reply.status == "answered" and reply.source is not None:
        row = []
        if not reply.paragraph:
            row.append(
                InlineKeyboardButton(BUTTONS["paragraph"], callback_data=codec.pack("paragraph", paragraph_key(reply)))
            )
        row.extend(feedback_buttons(reply.fact_id or "", codec, question_id))
        rows.append(row)
    for suggestion in reply.suggestions:
        data = codec.pack("fact", suggestion.fact_id)
        rows.append([InlineKeyboardButton(label(suggestion.question), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def feedback_buttons(fact_id: str, codec: CallbackCodec, question_id: int | None) -> list[InlineKeyboardButton]:
    payload = f"{'' if question_id is None else question_id}:{fact_id}"
    return [
        InlineKeyboardButton(BUTTONS["up"], callback_data=codec.pack("up", payload)),
        InlineKeyboardButton(BUTTONS["down"], callback_data=codec.pack("down", payload)),
    ]


def paragraph_key(reply: Reply) -> str:
    """The payload of 📖 原文: the fact id, or the source itself for an article-sentence answer."""
    if reply.fact_id:
        return reply.fact_id
    assert reply.source is not None
    return "@" + json.dumps([reply.source.doc, reply.source.sentence], ensure_ascii=False)


def reply_for_paragraph(engine: Engine, key: str) -> Reply | None:
    """Rebuild the answer a 📖 原文 button belongs to, with its paragraph; None when stale.

    The paragraph is None when the article has no paragraph holding the source any more.
    """
    if key.startswith("@"):
        try:  # callback_data comes from the user's client: never trust its shape
            doc_id, sentence = json.loads(key[1:])
        except (ValueError, TypeError):
            return None
        doc = engine.knowledge.documents.get(str(doc_id))
        if doc is None:
            return None
        source = Source(doc=doc.id, title=doc.title, outlet=doc.outlet, date=doc.date, sentence=str(sentence))
        reply = Reply(question=source.sentence, status="answered", answer=source.sentence, source=source)
    else:
        reply = engine.answer_fact(key)
        if reply.status != "answered":
            return None
    return replace(reply, paragraph=engine.paragraph(reply))


def examples_markup(examples: Sequence[str], codec: CallbackCodec) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label(q), callback_data=codec.pack("ask", q))] for q in examples]
    )


def topics_markup(knowledge: Knowledge, codec: CallbackCodec) -> InlineKeyboardMarkup:
    """One button per tag with its number of facts, two to a row."""
    buttons = [
        InlineKeyboardButton(f"{label(tag)}（{len(facts)}）", callback_data=codec.pack("topic", tag))
        for tag, facts in knowledge.topics().items()
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def topic_view(tag: str, facts: list[Fact], codec: CallbackCodec, page: int = 0) -> tuple[str, InlineKeyboardMarkup]:
    """One page of a tag's questions as buttons, ‹ › to the other pages, and a way back."""
    pages = max(1, -(-len(facts) // TOPIC_FACTS))
    page = min(max(page, 0), pages - 1)
    text = html.escape(TEXTS["topic_head"].format(tag=tag, count=len(facts)))
    if pages > 1:
        text += "\n" + html.escape(TEXTS["topic_page"].format(page=page + 1, pages=pages))
    shown = facts[page * TOPIC_FACTS : (page + 1) * TOPIC_FACTS]
    rows = [[InlineKeyboardButton(label(f.questions[0]), callback_data=codec.pack("fact", f.id))] for f in shown]
    turn = []
    if page > 0:
        turn.append(InlineKeyboardButton(TEXTS["previous"], callback_data=codec.pack("page", f"{page - 1}:{tag}")))
    if page < pages - 1:
        turn.append(InlineKeyboardButton(TEXTS["next"], callback_data=codec.pack("page", f"{page + 1}:{tag}")))
    if turn:
        rows.append(turn)
    rows.append([InlineKeyboardButton(TEXTS["back"], callback_data=codec.pack("topic", ""))])
    return text, InlineKeyboardMarkup(rows)


def about_html(knowledge: Knowledge) -> str:
    """The articles the answers come from: 《title》· outlet · date, author when known."""
    parts = [html.escape(TEXTS["about_head"])]
    for doc in sorted(knowledge.documents.values(), key=lambda d: d.date, reverse=True):
        line = f"• 《{html.escape(doc.title)}》· {html.escape(doc.outlet)} · {html.escape(doc.date)}"
        if doc.author:
            line += f"（{html.escape(doc.author)}）"
        parts.append(line)
    parts.append(html.escape(TEXTS["about_facts"].format(facts=len(knowledge.facts))))
    return fit_html(parts)


def inline_results(engine: Engine, text: str, codec: CallbackCodec) -> list[InlineQueryResultArticle]:
    """Inline mode: one article per matching fact; choosing it sends the formatted answer."""
    results = []
    for fact in engine.search(text, limit=INLINE_RESULTS):
        reply = engine.answer_fact(fact.id)
        results.append(
            InlineQueryResultArticle(
                id=inline_id(fact.id),
                title=label(fact.questions[0]),
                description=label(fact.answer),
                input_message_content=InputTextMessageContent(render_html(reply), parse_mode=ParseMode.HTML),
            )
        )
    return results


def inline_id(fact_id: str) -> str:
    """An inline result's id: the fact id, or its hash when longer than Telegram's 64 bytes."""
    if len(fact_id.encode("utf-8")) <= 64:
        return fact_id
    return hashlib.sha256(fact_id.encode("utf-8")).hexdigest()[:32]


def pre_html(text: str) -> str:
    """Terminal-style text (stats, unanswered questions) in <pre>, escaped, within 4096."""
    text = text.strip() or TEXTS["admin_empty"]
    budget = TELEGRAM_LIMIT - len("<pre></pre>")
    body = html.escape(text)
    while len(body) > budget:
        text = text[: max(0, len(text) - (len(body) - budget) - 1)]
        body = html.escape(text + "…")
    return f"<pre>{body}</pre>"


def problems_html(head: str, lines: Sequence[str], more_text: str) -> str:
    """A head line and problem lines (file:line: message), escaped, whole lines within 4096."""
    kept: list[str] = []
    size = len(head) + len("\n<pre></pre>") + 64  # room for the "… more" line
    for line in lines:
        escaped = html.escape(line)
        if size + len(escaped) + 1 > TELEGRAM_LIMIT:
            break
        kept.append(escaped)
        size += len(escaped) + 1
    text = f"{head}\n<pre>" + "\n".join(kept) + "</pre>"
    if len(kept) < len(lines):
        text += "\n" + html.escape(more_text.format(more=len(lines) - len(kept)))
    return text
