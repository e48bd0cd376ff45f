"""A conversation people enjoy on Telegram, end to end against the fake Bot API server:
small talk, declines that say why, follow-ups after a tap, pasted lists, group /start."""

from __future__ import annotations

import pytest

from bot.frontends.telegram.state import CallbackCodec
from bot.frontends.telegram.texts import TEXTS
from bot.frontends.telegram.views import TOPIC_FACTS, topic_view
from bot.knowledge.model import Fact
from bot.questionlog import QuestionLog
from tests.telegram.conftest import USER, RunningBot
from tests.telegram.fakebotapi import FakeBotAPI

GROUP = -1001234567890


@pytest.mark.parametrize(("said", "expected"), [("你好", "您好"), ("谢谢", "不客气"), ("你是谁", "机器人")])
async def test_small_talk_is_answered_warmly_and_never_logged(
    fake: FakeBotAPI, bot: RunningBot, said: str, expected: str
) -> None:
    sent = await fake.ask(USER, said)
    assert expected in sent.text and "找不到" not in sent.text
    assert bot.log is not None
    assert QuestionLog(bot.log.path).questions() == []


@pytest.mark.parametrize(
    ("question", "named"),
    [("今天天气怎么样", ["嘉兴科技城", "吴江开发区"]), ("北京有多少党员", ["北京", "嘉兴科技城"])],
)
async def test_a_decline_says_what_the_bot_covers(
    fake: FakeBotAPI, bot: RunningBot, question: str, named: list[str]
) -> None:
    sent = await fake.ask(USER, question)
    assert all(word in sent.text for word in named)
    assert not sent.buttons()  # no unrelated suggestions


async def test_every_question_of_a_pasted_list_is_answered_in_order(fake: FakeBotAPI, bot: RunningBot) -> None:
    before = len(fake.sent_to(USER))
    fake.deliver(fake.make_message(USER, "大桥镇讲了多少堂党课？\n嘉兴科技城设立了多少个网格？\n谢谢"))
    first, second = await fake.replies(USER, before, count=2)
    assert "194" in first.text.split("\n")[0]
    assert "24" in second.text.split("\n")[0]


@pytest.mark.parametrize("preamble", ["我想问两件事：", "我有两个问题"])
async def test_a_preamble_line_of_a_pasted_list_gets_no_reply_of_its_own(
    fake: FakeBotAPI, bot: RunningBot, preamble: str
) -> None:
    before = len(fake.sent_to(USER))
    fake.deliver(fake.make_message(USER, f"{preamble}\n大桥镇讲了多少堂党课？\n嘉兴科技城设立了多少个网格？"))
    first, second = await fake.replies(USER, before, count=2)
    assert "194" in first.text.split("\n")[0]
    assert "24" in second.text.split("\n")[0]
    assert not first.buttons() or all(not data.startswith("fact:") for _, data in first.buttons())


async def test_a_preamble_alone_is_acknowledged(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, "我想问两件事：")
    assert "请问" in sent.text and "找不到" not in sent.text
    assert not any(data.startswith("fact:") for _, data in sent.buttons())


async def test_a_follow_up_after_a_decline_keeps_its_subject(fake: FakeBotAPI, bot: RunningBot) -> None:
    await fake.ask(USER, "科技城有多少家重点企业")
    other = await fake.ask(USER, "那吴江开发区呢？")
    assert "吴江开发区的报道里没有说到这一点" in other.text
    assert not any(data.startswith("fact:") for _, data in other.buttons())  # 工作重点 is not 重点企业
    person = await fake.ask(USER, "李磊是谁")  # only the 吴江 article names him
    assert "总经理" in person.text


async def test_more_after_tapping_a_choice_goes_on(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, "有多少党员？")
    choice = next(data for _, data in sent.buttons() if data.startswith("fact:"))
    before = len(fake.sent_to(USER))
    fake.tap(USER, sent, choice)
    (picked,) = await fake.replies(USER, before)
    more = await fake.ask(USER, "还有呢？")
    assert more.html.startswith("<b>") and more.text.split("\n")[0] != picked.text.split("\n")[0]


async def test_source_after_small_talk_still_finds_the_answer(fake: FakeBotAPI, bot: RunningBot) -> None:
    await fake.ask(USER, "大桥镇讲了多少堂党课？")
    await fake.ask(USER, "谢谢")
    source = await fake.ask(USER, "出处呢？")
    assert source.html.count("<blockquote>") == 2 and "194" in source.text


async def test_start_in_a_group_says_how_to_ask_there(fake: FakeBotAPI, bot: RunningBot) -> None:
    sent = await fake.ask(USER, "/start", chat=GROUP, kind="supergroup")
    assert "/ask" in sent.text and "@" in sent.text
    assert sent.buttons()  # the engine's example questions


def test_a_long_topic_pages_through_all_its_questions() -> None:
    facts = [Fact(id=f"f{i}", doc_id="d", questions=(f"问题{i}？",), answer="答", source="句") for i in range(65)]
    codec = CallbackCodec()
    seen: list[str] = []
    page, pages = 0, 0
    while True:
        text, markup = topic_view("主题", facts, codec, page)
        assert f"{page + 1} / 3" in text
        rows = markup.inline_keyboard
        seen += [b.text for row in rows for b in row if (b.callback_data or "").startswith("fact:")]
        pages += 1
        following = [b for row in rows for b in row if b.text == TEXTS["next"]]
        if not following:
            break
        kind, payload = codec.unpack(following[0].callback_data or "")
        assert kind == "page" and payload is not None
        page = int(payload.split(":")[0])
    assert pages == 3 and len(seen) == 65 and len(set(seen)) == 65
    assert len(rows) <= TOPIC_FACTS + 2  # a page, ‹ ›, and the way back
