"""Groups (answer only when addressed, as a reply) and inline mode, end to end."""

from __future__ import annotations

import pytest

from tests.telegram.conftest import USER, RunningBot
from tests.telegram.fakebotapi import BOT_USERNAME, FakeBotAPI

GROUP = -1001234567890
LECTURES = "大桥镇讲了多少堂党课？"


def in_group(fake: FakeBotAPI, text: str | None = None, **options: object) -> int:
    update = fake.make_message(USER, text, chat=GROUP, kind="supergroup", **options)
    fake.deliver(update)
    return update["message"]["message_id"]


@pytest.mark.parametrize(
    "text",
    [
        f"@{BOT_USERNAME} {LECTURES}",
        f"{LECTURES} @{BOT_USERNAME.upper()}",
        f"/ask {LECTURES}",
        f"/ask@{BOT_USERNAME} {LECTURES}",
    ],
)
async def test_a_group_question_addressed_to_the_bot_is_answered_as_a_reply(
    fake: FakeBotAPI, bot: RunningBot, text: str
) -> None:
    asked = in_group(fake, text)
    (sent,) = await fake.replies(GROUP, 0)
    assert "194" in sent.text and sent.reply_to == asked


async def test_a_reply_to_the_bot_is_answered(fake: FakeBotAPI, bot: RunningBot) -> None:
    fake.chat(GROUP, "supergroup")
    earlier = fake.bot_message(GROUP, "an earlier answer", [])
    asked = in_group(fake, LECTURES, reply_to=earlier)
    (sent,) = await fake.replies(GROUP, 0)
    assert "194" in sent.text and sent.reply_to == asked


@pytest.mark.parametrize(
    "options",
    [
        {"text": LECTURES},  # plain chatter in the group
        {"text": f"@someone_else {LECTURES}"},
        {"text": f"/ask@other_bot {LECTURES}"},
        {"text": "/nonsense"},  # someone else's command
        {"text": "/reload"},  # an admin command from a non-admin, not addressed to us
        {
            "sticker": {
                "file_id": "x",
                "file_unique_id": "y",
                "type": "regular",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
            }
        },
    ],
)
async def test_the_bot_stays_quiet_in_groups_unless_addressed(
    fake: FakeBotAPI, bot: RunningBot, options: dict[str, object]
) -> None:
    in_group(fake, **options)
    asked = in_group(fake, f"/ask {LECTURES}")  # a chat's updates are handled in order
    (sent,) = await fake.replies(GROUP, 0)
    assert sent.reply_to == asked
    assert fake.count("sendMessage") == 1


async def test_inline_mode_lists_matching_facts_that_send_the_formatted_answer(
    fake: FakeBotAPI, bot: RunningBot
) -> None:
    query = fake.inline(USER, "党员")
    await fake.wait_for(lambda: query in fake.inline_answers, "the inline answer")
    results = fake.inline_answers[query]["results"]
    assert 1 <= len(results) <= 10
    for result in results:
        assert result["type"] == "article" and result["title"]
        content = result["input_message_content"]
        assert content["parse_mode"] == "HTML"
        assert content["message_text"].startswith("<b>") and "<blockquote>" in content["message_text"]
    assert any("党员" in r["title"] for r in results)
    empty = fake.inline(USER, "   ")
    await fake.wait_for(lambda: empty in fake.inline_answers, "the empty inline answer")
    assert fake.inline_answers[empty]["results"] == []
