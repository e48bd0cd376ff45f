"""Network faults and floods, end to end: nothing lost, nothing doubled where it can be known.

The ambiguous case (a send that reached Telegram but whose answer was lost) is pinned to the
policy documented in bot/frontends/telegram/net.py: the bot resends, so the user may see an answer
twice, at most `AMBIGUOUS_RETRIES` extra times.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.frontends.telegram.net import AMBIGUOUS_RETRIES
from bot.frontends.telegram.texts import TEXTS
from bot.matching.engine import Engine
from bot.matching.reload import LiveEngine
from tests.telegram.conftest import USER, StartBot
from tests.telegram.fakebotapi import FakeBotAPI

LECTURES = "大桥镇讲了多少堂党课？"


def distinct_questions(engine: Engine, count: int) -> list[tuple[str, str]]:
    """(question, answer) pairs whose answers all differ, so a reply tells which question it is for."""
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for fact in engine.knowledge.facts:
        reply = engine.answer(fact.questions[0])
        answered = reply.status == "answered" and reply.fact_id == fact.id
        if answered and not any(fact.answer in other or other in fact.answer for other in seen):
            seen.add(fact.answer)
            pairs.append((fact.questions[0], fact.answer))
        if len(pairs) == count:
            return pairs
    raise AssertionError("The knowledge has too few distinct facts for this test.")


async def settle(seconds: float = 0.3) -> None:
    """Give a wrongly repeated send the time to show up before counting."""
    await asyncio.sleep(seconds)


async def test_429_waits_retry_after_then_sends_once(fake: FakeBotAPI, start_bot: StartBot) -> None:
    await start_bot()
    fake.fail("sendMessage", "429", retry_after=2)
    sent = await fake.ask(USER, LECTURES)
    sends = [c for c in fake.calls if c.method == "sendMessage"]
    assert [c.outcome for c in sends] == ["429", "ok"]  # the flood wait was honoured, not hammered
    assert sends[1].at - sends[0].at >= 2.0
    assert "194" in sent.text


@pytest.mark.parametrize("faults", [("500", "502", "503"), ("drop",), ("500", "drop")])
async def test_5xx_and_dropped_connections_are_retried_to_exactly_one_reply(
    fake: FakeBotAPI, start_bot: StartBot, faults: tuple[str, ...]
) -> None:
    await start_bot()
    fake.fail("sendMessage", *faults)
    sent = await fake.ask(USER, LECTURES)
    await settle()
    assert len(fake.sent_to(USER)) == 1 and "194" in sent.text
    assert fake.count("sendMessage") == len(faults) + 1


@pytest.mark.parametrize(
    ("faults", "copies"),
    [
        (("stall",), 1),  # timed out before Telegram acted: the resend is the only copy
        (("late",), 2),  # delivered, but the answer came too late: at least once means twice
        (("lost",), 2),  # delivered, then the connection dropped: the same
        (("lost",) * (AMBIGUOUS_RETRIES + 1), AMBIGUOUS_RETRIES + 1),  # duplicates are bounded
    ],
)
async def test_ambiguous_sends_are_resent_at_least_once(
    fake: FakeBotAPI, start_bot: StartBot, faults: tuple[str, ...], copies: int
) -> None:
    fake.stall_seconds = 1.0
    await start_bot(read_timeout=0.4)
    fake.fail("sendMessage", *faults)
    fake.message(USER, LECTURES)
    await fake.wait_for(
        lambda: (
            fake.count("sendMessage", "ok") + fake.count("sendMessage", "late") + fake.count("sendMessage", "lost")
            >= copies
        ),
        f"{copies} copies",
    )
    await settle(1.0)
    answers = [s for s in fake.sent_to(USER) if "194" in s.text]
    assert len(answers) == copies
    assert len({s.html for s in answers}) == 1
    if copies > AMBIGUOUS_RETRIES:  # gave up resending: the user is told, not left waiting
        assert fake.sent_to(USER)[-1].text == TEXTS["sorry"]


async def test_a_refused_send_gets_an_apology(fake: FakeBotAPI, start_bot: StartBot) -> None:
    await start_bot()
    fake.fail("sendMessage", "400")
    fake.message(USER, LECTURES)
    (apology,) = await fake.replies(USER, 0)
    assert apology.text == TEXTS["sorry"]
    await settle()
    assert len(fake.sent_to(USER)) == 1


@pytest.mark.parametrize("faults", [("502", "drop"), ("lost",), ("429",)])
async def test_polling_resumes_after_getupdates_faults(
    fake: FakeBotAPI, start_bot: StartBot, faults: tuple[str, ...]
) -> None:
    await start_bot()
    fake.fail("getUpdates", *faults)  # the poll in flight is fine; the next ones fail
    first = await fake.ask(USER, LECTURES)
    second = await fake.ask(USER, "嘉兴科技城有多少名党员？")
    await settle()
    assert "194" in first.text and "2893" in second.text
    assert len(fake.sent_to(USER)) == 2  # a lost getUpdates answer redelivers, never doubles
    assert sum(fake.count("getUpdates", kind) for kind in set(faults)) == len(faults)


async def test_random_faults_lose_nothing_and_keep_each_chat_in_order(
    fake: FakeBotAPI, start_bot: StartBot, shared_live: LiveEngine
) -> None:
    users, per_user = 10, 3
    pairs = distinct_questions(shared_live.engine, users * per_user)
    await start_bot()
    # One call in five fails; every fault here proves the send did not happen (or is a drop,
    # which the bot must treat as ambiguous), so exactly one reply per message is required.
    fake.chaos(0.2, ("429", "500", "502", "503", "drop"), {"sendMessage", "getUpdates"}, seed=20240611)
    asked: dict[int, list[str]] = {}
    for turn in range(per_user):
        for number in range(users):
            user = 2000 + number
            question, answer = pairs[number * per_user + turn]
            fake.message(user, question)
            asked.setdefault(user, []).append(answer)
    await fake.wait_for(lambda: all(len(fake.sent_to(u)) >= per_user for u in asked), "every reply", timeout=40)
    fake.calm()
    await settle()
    faults = [c for c in fake.calls if c.outcome not in ("ok",)]
    assert len(faults) >= 5  # the chaos really happened
    for user, answers in asked.items():
        replies = [s.text for s in fake.sent_to(user)]
        assert len(replies) == per_user, (user, replies)
        assert all(answer in reply for answer, reply in zip(answers, replies, strict=True)), (answers, replies)


async def test_a_flooding_user_is_told_once_and_does_not_starve_others(
    fake: FakeBotAPI, start_bot: StartBot, tg_settings: object
) -> None:
    tg_settings.telegram.flood_limit = 3  # type: ignore[attr-defined]
    await start_bot()
    flooder, other = 3001, 3002
    for _ in range(8):
        fake.message(flooder, LECTURES)
    fake.message(other, LECTURES)
    fake.message(other, "嘉兴科技城有多少名党员？")
    await fake.wait_for(lambda: len(fake.sent_to(flooder)) >= 4 and len(fake.sent_to(other)) >= 2, "the replies")
    await settle()
    texts = [s.text for s in fake.sent_to(flooder)]
    assert texts.count(TEXTS["slow_down"]) == 1 and len(texts) == 4
    assert all("194" in t for t in texts[:3])
    assert [("194" in s.text, "2893" in s.text) for s in fake.sent_to(other)] == [(True, False), (False, True)]
