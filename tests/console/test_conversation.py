"""A conversation people enjoy, through the real `faqbot chat` process: small talk, declines
that say why, follow-ups that keep the thread, pinyin and English names, pasted lists."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest

from bot.questionlog import QuestionLog

if TYPE_CHECKING:
    from conftest import Transcript


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("你好", "您好"),
        ("谢谢！", "不客气"),
        ("再见", "再见"),
        ("你是谁？", "机器人"),
        ("你能做什么", "嘉兴科技城"),
        ("怎么提问", "出处呢"),
        ("Hello!", "您好"),
        ("你好，你能做什么？", "/topics"),
    ],
)
def test_small_talk_is_answered_warmly_and_never_logged(
    run_chat: Callable[..., Transcript], log_path: Path, said: str, expected: str
) -> None:
    done = run_chat([said], "--json")
    assert done.returncode == 0, done.stderr
    (record,) = done.records
    assert record["status"] == "declined" and record["reason"] == "smalltalk"
    assert expected in record["message"]
    with QuestionLog(log_path) as log:
        assert log.questions() == []


def test_a_greeting_with_a_question_gets_the_answer(run_chat: Callable[..., Transcript]) -> None:
    (record,) = run_chat(["你好，大桥镇讲了多少堂党课？"], "--json").records
    assert record["status"] == "answered" and "194" in record["answer"]


@pytest.mark.parametrize(
    ("question", "reason", "named"),
    [
        ("今天天气怎么样", "off_topic", ["嘉兴科技城", "吴江开发区", "2019", "2014", "「"]),
        ("北京有多少党员", "place_not_covered", ["北京", "嘉兴科技城", "吴江开发区"]),
    ],
)
def test_a_decline_says_what_the_bot_covers(
    run_chat: Callable[..., Transcript], question: str, reason: str, named: list[str]
) -> None:
    (record,) = run_chat([question], "--json").records
    assert record["status"] == "declined" and record["reason"] == reason
    assert record["suggestions"] == []  # nothing unrelated is offered
    for word in named:
        assert word in record["message"]


def test_source_after_a_decline_finds_the_last_answer(run_chat: Callable[..., Transcript]) -> None:
    answer, _, source = run_chat(["大桥镇讲了多少堂党课", "今天天气怎么样", "出处呢？"], "--json").records
    assert source["status"] == "answered"
    assert answer["source"]["sentence"] in source["paragraph"]


def test_more_after_picking_a_choice_goes_on(run_chat: Callable[..., Transcript]) -> None:
    clarify, picked, more = run_chat(["有多少党员", "1", "还有呢？"], "--json").records
    assert clarify["status"] == "clarify" and picked["status"] == "answered"
    assert more["status"] == "answered" and more["fact_id"] not in (None, picked["fact_id"])


def test_another_place_lacking_the_subject_is_named(run_chat: Callable[..., Transcript]) -> None:
    first, other = run_chat(["科技城有多少家重点企业", "那吴江开发区呢？"], "--json").records
    assert "269" in first["answer"]
    assert other["status"] == "declined" and other["reason"] == "not_in_article"
    assert "吴江开发区" in other["message"]
    # 吴江's facts on its 工作重点 share a word with 重点企业 but not the subject: none is offered.
    assert other["suggestions"] == []


# (the turns, the last one's status, a word its answer or resolved question has)
THREAD_ROWS = [
    pytest.param(["科技城有多少名志愿者", "那吴江开发区呢？"], "declined", "志愿者", id="after-a-decline"),
    pytest.param(["北京有多少党员", "那科技城呢？"], "answered", "2893", id="after-a-place-not-covered"),
    pytest.param(["科技城有多少党员", "李磊是谁"], "answered", "总经理", id="a-person-of-the-other-place"),
    pytest.param(["吴江开发区有多少党员", "有多少个党组织"], "answered", "400", id="stays-in-the-place"),
]


def test_the_thread_follows_the_last_question(run_chat: Callable[..., Transcript]) -> None:
    """Every row in one chat (each starts with a full question, which starts a new thread)."""
    records = run_chat([turn for row in THREAD_ROWS for turn in row.values[0]], "--json").records
    ends = [sum(len(row.values[0]) for row in THREAD_ROWS[: n + 1]) - 1 for n in range(len(THREAD_ROWS))]
    for row, end in zip(THREAD_ROWS, ends, strict=True):
        _, status, word = row.values
        last = records[end]
        assert last["status"] == status, (row.id, last)
        assert word in (last["answer"] or "") + last["resolved"], (row.id, last)


def test_a_pasted_list_with_a_preamble_line_answers_the_questions(run_chat: Callable[..., Transcript]) -> None:
    """A piped block is one message per line; the preamble line alone gets a short word (small
    talk, never logged), not a choice or a decline listing what the bot covers."""
    preamble, lectures, grids = run_chat(
        ["我想问两件事：", "大桥镇讲了多少堂党课？", "嘉兴科技城设立了多少个网格？"], "--json"
    ).records
    assert preamble["status"] == "declined" and preamble["reason"] == "smalltalk", preamble
    assert "请问" in preamble["message"] and preamble["suggestions"] == []
    assert "194" in lectures["answer"] and "24" in grids["answer"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is Liang Yibo?", "梁一波"),
        ("daqiaozhen dangyuan", "2893"),
        ("How many party members does Daqiao have?", "2893"),
    ],
)
def test_pinyin_and_english_names_are_understood(
    run_chat: Callable[..., Transcript], question: str, expected: str
) -> None:
    (record,) = run_chat([question], "--json").records
    assert record["status"] == "answered" and expected in record["answer"]


def test_about_lists_the_articles(run_chat: Callable[..., Transcript]) -> None:
    (about,) = run_chat(["/about"], "--json").records
    assert about["command"] == "about"
    assert "南湖新闻网 · 2019-12-11" in about["text"] and "吴江日报" in about["text"]


def test_a_pasted_list_on_the_terminal_gets_every_answer_in_order(
    chat_command: Callable[..., list[str]], chat_env: dict[str, str]
) -> None:
    env = {**chat_env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    command = chat_command()
    child = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", dimensions=(40, 120), timeout=30)
    try:
        child.expect("答完可以追问")
        child.expect_exact("问 › ")
        # A bracketed paste, as a terminal sends several lines pasted at once.
        child.send("\x1b[200~大桥镇讲了多少堂党课？\n嘉兴科技城设立了多少个网格？\x1b[201~")
        child.send("\r")
        child.expect("194")
        child.expect("24个网格")
        child.expect_exact("问 › ")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before or "")
    assert "Traceback" not in text


@pytest.mark.parametrize("limit", [1, 2])
def test_ask_json_offers_no_more_choices_than_configured(tmp_path: Path, chat_config: Path, limit: int) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        chat_config.read_text(encoding="utf-8") + f"matching:\n  suggestions: {limit}\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--config", str(config), "有多少党员"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert 1 <= len(record["suggestions"]) <= limit
