"""Many users at once through the fake server: all answered, once each, in order per chat.

Prints messages per second and the 95th-percentile reply time (run with -s to see them; the
README quotes them). With Telegram's limit of 30 messages a second (AIORateLimiter), the
limit is the bottleneck; unthrottled shows what the bot itself sustains.
"""

from __future__ import annotations

import statistics

import pytest

from bot.matching.reload import LiveEngine
from tests.telegram.conftest import StartBot
from tests.telegram.fakebotapi import FakeBotAPI
from tests.telegram.test_faults import distinct_questions

USERS, MESSAGES = 50, 5


@pytest.mark.parametrize(("overall_rate", "name"), [(30.0, "Telegram's 30 msg/s limit"), (0.0, "unthrottled")])
async def test_many_users_at_once_are_all_answered_once_in_order(
    fake: FakeBotAPI, start_bot: StartBot, shared_live: LiveEngine, overall_rate: float, name: str
) -> None:
    pairs = distinct_questions(shared_live.engine, MESSAGES)
    await start_bot(overall_rate=overall_rate)
    asked: dict[int, list[int]] = {}
    for question, _ in pairs:  # every user's first question, then every user's second, …
        for user in range(5000, 5000 + USERS):
            asked.setdefault(user, []).append(fake.message(user, question))
    total = USERS * MESSAGES
    await fake.wait_for(lambda: len(fake.sent) >= total, f"{total} replies", timeout=40)

    latencies = []
    for user, updates in asked.items():
        replies = fake.sent_to(user)
        assert len(replies) == MESSAGES
        assert all(answer in reply.text for (_, answer), reply in zip(pairs, replies, strict=True))
        latencies += [reply.at - fake.update_times[u] for u, reply in zip(updates, replies, strict=True)]
    assert len(fake.sent) == total  # nothing doubled
    elapsed = max(s.at for s in fake.sent) - min(fake.update_times.values())
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(
        f"\nload, {name}: {USERS} users × {MESSAGES} messages = {total} replies in {elapsed:.2f} s: "
        f"{total / elapsed:.0f} msg/s, reply time p50 {statistics.median(latencies):.2f} s, p95 {p95:.2f} s"
    )
    if overall_rate:
        assert total / elapsed <= overall_rate * 1.5  # the rate limiter really limits
