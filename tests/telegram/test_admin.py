"""Admin commands and hot-reload notices, end to end through the fake Bot API server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import Settings
from bot.frontends.telegram.texts import TEXTS
from bot.matching.reload import LiveEngine
from tests.curation.helpers import add_new_article
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE
from tests.telegram.conftest import ADMIN, USER, StartBot
from tests.telegram.fakebotapi import FakeBotAPI

LECTURES = "大桥镇讲了多少堂党课？"


@pytest.mark.parametrize("command", ["/reload", "/stats", "/unanswered", "/unanswered 5", "/no_such_command"])
async def test_admin_commands_look_unknown_to_everyone_else(
    fake: FakeBotAPI, start_bot: StartBot, command: str
) -> None:
    await start_bot()
    sent = await fake.ask(USER, command)
    assert sent.text == TEXTS["unknown_command"]


async def test_admins_get_stats_and_unanswered_questions(fake: FakeBotAPI, start_bot: StartBot) -> None:
    await start_bot()
    await fake.ask(USER, LECTURES)
    await fake.ask(USER, "北京有多少党员？")
    stats = await fake.ask(ADMIN, "/stats")
    assert stats.html.startswith("<pre>") and "2 questions" in stats.text and "telegram" in stats.text
    unanswered = await fake.ask(ADMIN, "/unanswered 5")
    assert unanswered.html.startswith("<pre>") and "北京有多少党员" in unanswered.text


@pytest.fixture
def knowledge(tmp_path: Path, tg_settings: Settings) -> Path:
    """A copy of the bundled knowledge that the test may break."""
    folder = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    tg_settings.knowledge_dir = folder
    return folder


async def test_a_broken_edit_keeps_serving_and_tells_the_admins(
    fake: FakeBotAPI, start_bot: StartBot, knowledge: Path, tg_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    await start_bot(live=LiveEngine(tg_settings))
    await fake.ask(ADMIN, "/start")  # an admin must have talked to the bot before it can write
    facts = knowledge / "facts" / "jiaxing-2019.yaml"
    good = facts.read_text(encoding="utf-8")
    assert "讲党课共194堂" in good
    facts.write_text(good.replace("讲党课共194堂", "讲党课共195堂"), encoding="utf-8")  # 195 is not in the source

    (notice,) = await fake.replies(ADMIN, 1, timeout=60)
    assert notice.text.startswith(TEXTS["reload_failed_html"])
    assert "jiaxing-2019.yaml:" in notice.text and "195" in notice.text
    logged = [r for r in caplog.records if "jiaxing-2019.yaml:" in r.getMessage() and "195" in r.getMessage()]
    assert len(logged) == 1, [r.getMessage() for r in logged]  # each problem logged once, not twice
    assert "194" in (await fake.ask(USER, LECTURES)).text  # the previous knowledge still serves

    listed = await fake.ask(ADMIN, "/reload")
    assert "jiaxing-2019.yaml:" in listed.text
    facts.write_text(good, encoding="utf-8")
    reloaded = await fake.ask(ADMIN, "/reload")
    assert reloaded.text.startswith("已重新加载知识库")
    assert len(fake.sent_to(ADMIN)) == 4  # /start, the notice, two /reload replies: no repeats


async def test_a_reload_over_its_time_limit_keeps_serving_and_tells_the_admins(
    fake: FakeBotAPI, start_bot: StartBot, knowledge: Path, tg_settings: Settings
) -> None:
    tg_settings.reload_time_limit = 0.05  # the child building the index is stopped at once
    await start_bot(live=LiveEngine(tg_settings))
    await fake.ask(ADMIN, "/start")
    add_new_article(knowledge)

    (notice,) = await fake.replies(ADMIN, 1, timeout=60)
    assert notice.text.startswith(TEXTS["reload_failed_html"])
    assert "took longer than 0.05 s" in notice.text and "previous knowledge keeps serving" in notice.text
    assert "194" in (await fake.ask(USER, LECTURES)).text
