"""A user in a private chat, end to end: the real bot against the fake Bot API server."""

from __future__ import annotations

import asyncio

import pytest

from bot.frontends.telegram.texts import COMMANDS, TEXTS
from bot.questionlog import QuestionLog
from tests.telegram.conftest import USER, RunningBot
from tests.telegram.fakebotapi import FakeBotAPI

LECTURES = "大桥镇讲了多少堂党课？"  # answered: 194
AMBIGUOUS = "有多少党员？"  # both articles answer it: clarify


async def test_a_question_gets_one_html_answer_with_source_and_buttons(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, LECTURES)
    assert sent.html.startswith("<b>") and "194" in sent.html.split("</b>")[0]
    assert "<blockquote>" in sent.html
    assert "《浙江嘉兴科技城 推进主题教育走深走实走心》· 南湖新闻网 · 2019-12-11" in sent.text
    assert [label for label, _ in sent.buttons()] == ["📖 原文", "👍", "👎"]
    call = next(c for c in fake.calls if c.method == "sendMessage")
    assert call.params["parse_mode"] == "HTML"
    await asyncio.sleep(0.2)
    assert len(fake.sent_to(USER)) == 1


async def test_the_paragraph_button_adds_the_article_paragraph(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, LECTURES)
    query = fake.tap(USER, sent, sent.button("原文"))
    await fake.wait_for(lambda: sent.edits, "the answer to be edited")
    assert query in fake.callback_answers
    assert sent.html.count("<blockquote>") == 2
    assert "194" in sent.html.split("<blockquote>")[2]  # the paragraph holds the source
    assert [label for label, _ in sent.buttons()] == ["👍", "👎"]
    assert len(fake.sent_to(USER)) == 1


async def test_feedback_is_acknowledged_quietly_and_logged(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, LECTURES)
    up = fake.tap(USER, sent, sent.button("👍"))
    await fake.wait_for(lambda: up in fake.callback_answers, "the 👍 to be acknowledged")
    down = fake.tap(USER, sent, sent.button("👎"))  # a second vote on the same answer
    await fake.wait_for(lambda: down in fake.callback_answers, "the 👎 to be acknowledged")
    assert fake.callback_answers[up]["text"] == TEXTS["feedback_up"]
    assert len(fake.sent_to(USER)) == 1 and not sent.edits
    assert bot.log is not None
    rows = QuestionLog(bot.log.path).feedback_rows()
    assert [(r.fact_id, r.value) for r in rows] == [("jx-party-lectures-194", 1)]


async def test_a_clarify_offers_suggestions_that_answer_when_tapped(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, AMBIGUOUS)
    choices = [(label, data) for label, data in sent.buttons() if data.startswith("fact:")]
    assert len(choices) >= 2
    assert all(len(data.encode()) <= 64 for _, data in choices)
    before = len(fake.sent_to(USER))
    fake.tap(USER, sent, choices[0][1])
    (answer,) = await fake.replies(USER, before)
    assert answer.html.startswith("<b>") and "党员" in answer.text
    assert bot.log is not None
    picks = QuestionLog(bot.log.path).picks()
    assert [(p.question, p.fact_id) for p in picks] == [(AMBIGUOUS, choices[0][1].removeprefix("fact:"))]


async def test_a_follow_up_uses_the_chat_context(fake: FakeBotAPI, bot: RunningBot) -> None:
    first = await fake.ask(USER, "嘉兴科技城有多少名党员？")
    second = await fake.ask(USER, "那吴江开发区呢？")
    assert "2893" in first.text and "5600" in second.text
    other = await fake.ask(USER + 1, "那吴江开发区呢？")  # another chat has no context
    assert "5600" not in other.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("fact:no-such-fact", "过期"),  # a suggestion whose fact was removed by a reload
        ("fact#0123456789abcdef", "过期"),  # a long payload the bot no longer remembers
        ("paragraph:no-such-fact", "过期"),
        ("paragraph:@[not json", "过期"),  # callback_data is whatever the client sends
        ("up:abc:jx-party-lectures-194", "谢谢"),
        ("up#0123456789abcdef", "过期"),
        ("x:from-an-older-version", "过期"),
        ("topic:已删除的主题", "不存在"),
    ],
)
async def test_stale_buttons_get_a_sensible_reply(fake: FakeBotAPI, bot: RunningBot, data: str, expected: str) -> None:
    old = fake.bot_message(USER, "an answer sent before a restart", [("button", data)])
    query = fake.tap(USER, old, data)
    await fake.wait_for(lambda: query in fake.callback_answers, "the tap to be answered")
    await asyncio.sleep(0.2)
    said = [fake.callback_answers[query].get("text") or ""] + [s.text for s in fake.sent_to(USER)] + old.edits
    assert any(expected in text for text in said), said


async def test_start_greets_with_example_buttons_that_answer(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, "/start")
    assert "您好" in sent.text
    examples = bot.live.engine.examples(4)  # the engine's, as the console's welcome shows them
    assert [label for label, _ in sent.buttons()] == examples
    before = len(fake.sent_to(USER))
    fake.tap(USER, sent, sent.button(examples[0]))
    (answer,) = await fake.replies(USER, before)
    expected = bot.live.engine.answer(examples[0]).answer
    assert expected and expected in answer.text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/help", ["/topics", "/about", "/ask", "@faq_test_bot"]),
        ("/about", ["《浙江嘉兴科技城 推进主题教育走深走实走心》· 南湖新闻网 · 2019-12-11", "吴江日报", "2014-06-30"]),
        ("/ask 大桥镇讲了多少堂党课？", ["194"]),
        ("/ask", [TEXTS["ask_usage"]]),
        ("/nonsense", [TEXTS["unknown_command"]]),
    ],
)
async def test_commands(fake: FakeBotAPI, bot: RunningBot, command: str, expected: list[str]) -> None:
    sent = await fake.ask(USER, command)
    for text in expected:
        assert text in sent.text


async def test_the_command_menu_is_registered_at_start(fake: FakeBotAPI, bot: RunningBot) -> None:
    assert [c["command"] for c in fake.commands] == [name for name, _ in COMMANDS]


async def test_topics_browse_by_tag_and_back(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, "/topics")
    tags = sent.buttons()
    assert len(tags) >= 5 and all(data.startswith("topic:") for _, data in tags)
    fake.tap(USER, sent, tags[0][1])
    await fake.wait_for(lambda: len(sent.edits) == 1, "the topic's questions")
    questions = [(label, data) for label, data in sent.buttons() if data.startswith("fact:")]
    assert questions and sent.button("返回") == "topic:"
    before = len(fake.sent_to(USER))
    fake.tap(USER, sent, questions[0][1])
    (answer,) = await fake.replies(USER, before)
    assert answer.html.startswith("<b>")
    fake.tap(USER, sent, "topic:")
    await fake.wait_for(lambda: len(sent.edits) == 2, "the list of topics again")
    assert sent.buttons() == tags


@pytest.mark.parametrize("send", ["sticker", "photo", "voice"])
async def test_anything_but_text_gets_a_hint(fake: FakeBotAPI, bot: RunningBot, send: str) -> None:
    getattr(fake, send)(USER)
    (hint,) = await fake.replies(USER, 0)
    assert hint.text == TEXTS["not_text"]


FILLER = "这是一段很长的介绍文字，讲的是基层党建工作的一些情况。" * 25  # 650 characters, no question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FILLER + LECTURES, "194"),  # the question inside is answered
        (FILLER, "我只读过"),  # no question: a clear decline saying what the bot covers
        ("<b>&amp;</b>？" * 400, "找不到"),  # markup only: its last "question" is declined
        ("<script>alert('党员')</script> &amp; 有多少？", "哪"),  # markup around 党员有多少: which place?
    ],
)
async def test_long_and_hostile_text_gets_a_useful_escaped_reply(
    fake: FakeBotAPI, bot: RunningBot, text: str, expected: str
) -> None:
    sent = await fake.ask(USER, text[:4096])
    assert expected in sent.text  # the fake server refuses HTML that does not parse
    assert len(sent.html) <= 4096 and "<script>" not in sent.html
