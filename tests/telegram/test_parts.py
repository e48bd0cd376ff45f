"""The Telegram front end's parts that need no server: flood gate, button codec, views, logging."""

from __future__ import annotations

import logging

import pytest
from telegram.error import NetworkError

from bot.frontends.telegram.app import token_problem
from bot.frontends.telegram.flood import FloodGate, Verdict
from bot.frontends.telegram.logs import BriefTelegramErrors, RedactSecrets
from bot.frontends.telegram.state import CallbackCodec
from bot.frontends.telegram.views import pre_html, problems_html, reply_markup
from bot.matching.reload import LiveEngine
from bot.reply import Reply, Suggestion
from tests.telegram.botapi_rules import visible_text
from tests.telegram.conftest import TOKEN


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_flood_gate_notifies_once_then_serves_again_after_the_window() -> None:
    clock = Clock()
    gate = FloodGate(limit=3, window=60, clock=clock)
    verdicts = [gate.check(1) for _ in range(6)]
    assert verdicts == [Verdict.SERVE] * 3 + [Verdict.NOTIFY, Verdict.DROP, Verdict.DROP]
    assert gate.check(2) is Verdict.SERVE  # others are not affected
    clock.now += 59
    assert gate.check(1) is Verdict.DROP
    clock.now += 1  # the first served message has aged out of the window
    assert gate.check(1) is Verdict.SERVE
    assert [gate.check(1) for _ in range(3)] == [Verdict.SERVE, Verdict.SERVE, Verdict.NOTIFY]


def test_a_zero_flood_limit_turns_flood_control_off() -> None:
    gate = FloodGate(limit=0)
    assert {gate.check(1) for _ in range(100)} == {Verdict.SERVE}


@pytest.mark.parametrize(
    ("kind", "payload", "hashed"),
    [
        ("fact", "jx-party-members-2893", False),
        ("fact", "x" * 59, False),  # exactly 64 bytes with "fact:"
        ("fact", "x" * 60, True),
        ("topic", "招商项目" * 6, True),  # 72 bytes of UTF-8
        ("up", "12:", False),
    ],
)
def test_button_payloads_fit_64_bytes_and_round_trip(kind: str, payload: str, hashed: bool) -> None:
    codec = CallbackCodec()
    data = codec.pack(kind, payload)
    assert len(data.encode()) <= 64
    assert data.startswith(f"{kind}#") is hashed
    assert codec.unpack(data) == (kind, payload)
    assert CallbackCodec().unpack(data) == (kind, None if hashed else payload)  # after a restart


def test_the_codec_forgets_the_oldest_long_payloads() -> None:
    codec = CallbackCodec(capacity=2)
    first, *_ = [codec.pack("fact", str(i) * 70) for i in range(3)]
    assert codec.unpack(first) == ("fact", None)


def test_suggestion_buttons_for_long_fact_ids_stay_within_64_bytes() -> None:
    long_id = "wj-" + "很长的事实编号" * 5
    reply = Reply(question="q", status="clarify", suggestions=(Suggestion(long_id, "问题？", "答案"),))
    codec = CallbackCodec()
    markup = reply_markup(reply, codec, None)
    assert markup is not None
    (button,) = [b for row in markup.inline_keyboard for b in row]
    assert len(button.callback_data.encode()) <= 64
    assert codec.unpack(button.callback_data) == ("fact", long_id)


@pytest.mark.parametrize("text", ["<&>" * 3000, "a" * 5000, "", "第1行\n" * 2000])
def test_pre_html_always_parses_and_fits(text: str) -> None:
    html = pre_html(text)
    assert len(html) <= 4096
    visible_text(html, "HTML")  # raises if Telegram would refuse it


def test_problem_lists_keep_whole_lines_and_say_how_many_were_left_out() -> None:
    lines = [f"facts/a.yaml:{n}: the source <b>&</b> is not in the article." for n in range(500)]
    html = problems_html("head", lines, "……另有 {more} 个问题")
    assert len(html) <= 4096
    visible_text(html, "HTML")
    shown = html.count("facts/a.yaml:")
    assert 10 < shown < 500 and f"另有 {500 - shown} 个问题" in html


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        (TOKEN, None),
        ("", "No Telegram bot token"),
        ("123:abc", "malformed"),
        ("abc:" + "x" * 30, "malformed"),
        ("123456:" + "x" * 30 + "\n", "malformed"),
    ],
)
def test_token_problems(token: str, problem: str | None) -> None:
    found = token_problem(token)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
        assert not token.strip() or token.strip() not in found  # never echoed


def test_log_records_lose_the_token_and_telegram_tracebacks() -> None:
    secret = TOKEN.split(":")[1]
    try:
        raise NetworkError(f"httpx.ConnectError at https://api.telegram.org/bot{TOKEN}/getMe")
    except NetworkError as exc:
        error = exc
    record = logging.LogRecord(
        "t",
        logging.ERROR,
        __file__,
        1,
        "calling %s failed",
        (f"/bot{TOKEN}",),
        (type(error), error, error.__traceback__),
    )
    for log_filter in (BriefTelegramErrors(), RedactSecrets([TOKEN])):
        assert log_filter.filter(record)
    text = logging.Formatter().format(record)
    assert secret not in text and "<redacted>" in text and "Traceback" not in text


def test_other_exceptions_keep_their_redacted_traceback() -> None:
    try:
        raise ValueError(f"a bug near {TOKEN}")
    except ValueError as exc:
        error = exc
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "crash", (), (type(error), error, error.__traceback__))
    for log_filter in (BriefTelegramErrors(), RedactSecrets([TOKEN])):
        log_filter.filter(record)
    text = logging.Formatter().format(record)
    assert "Traceback" in text and TOKEN.split(":")[1] not in text


def test_inline_result_ids_fit_64_bytes(shared_live: LiveEngine) -> None:
    from bot.frontends.telegram.views import inline_results

    results = inline_results(shared_live.engine, "党员", CallbackCodec())
    assert results and all(1 <= len(r.id.encode()) <= 64 for r in results)
    assert len({r.id for r in results}) == len(results)
