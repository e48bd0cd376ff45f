"""`faqbot chat` with stdin not a terminal: whole multi-turn sessions through a pipe."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.questionlog import QuestionLog

if TYPE_CHECKING:
    from conftest import Transcript

ASK_KEYS = {"question", "status", "answer", "fact_id", "score", "source", "suggestions", "resolved"}


def test_follow_ups_use_the_previous_turn(run_chat: Callable[..., Transcript]) -> None:
    done = run_chat(["科技城有多少党员", "", "那吴江开发区呢？", "   ", "出处呢？", "还有呢？"], "--json")
    assert done.returncode == 0, done.stderr
    records = done.records
    assert len(records) == 4  # blank lines get no output
    for record in records:
        assert set(record) >= ASK_KEYS, record
    members, other_place, source, more = records
    assert "2893" in members["answer"]
    assert "5600" in other_place["answer"]
    assert "吴江开发区" in other_place["resolved"]
    sentence = other_place["source"]["sentence"]
    assert sentence in source["paragraph"] and len(source["paragraph"]) > len(sentence)
    assert more["status"] == "answered"
    assert more["fact_id"] not in (None, other_place["fact_id"])


@pytest.mark.parametrize("pick", [1, 2])
def test_a_number_picks_a_suggestion(run_chat: Callable[..., Transcript], log_path: Path, pick: int) -> None:
    done = run_chat(["有多少党员", str(pick)], "--json")
    assert done.returncode == 0, done.stderr
    clarify, picked = done.records
    assert clarify["status"] == "clarify"
    assert len(clarify["suggestions"]) >= 2
    chosen = clarify["suggestions"][pick - 1]
    assert picked["status"] == "answered"
    assert picked["fact_id"] == chosen["fact_id"]
    assert picked["answer"] == chosen["answer"]
    with QuestionLog(log_path) as log:
        assert [q.question for q in log.questions()] == ["有多少党员", str(pick)]
        assert [(p.question, p.fact_id) for p in log.picks()] == [("有多少党员", chosen["fact_id"])]


def test_commands_in_json_mode(run_chat: Callable[..., Transcript]) -> None:
    lines = ["/help", "/topics", "1", "1", "/source", "/nosuch", "/topics 999", "/quit", "never read"]
    done = run_chat(lines, "--json")
    assert done.returncode == 0, done.stderr
    help_, tags, facts, answer, source, unknown, no_topic, quit_ = done.records
    assert help_["command"] == "help"
    assert all(f"/{name}" in help_["text"] for name in ("topics", "source", "quit"))
    assert tags["command"] == "topics" and len(tags["choices"]) >= 2
    assert f"1. {tags['choices'][0]}" in tags["text"]
    tag = tags["choices"][0].split("（")[0]
    assert facts["command"] == "topics" and tag in facts["text"] and facts["choices"]
    assert answer["status"] == "answered"
    assert answer["question"] == facts["choices"][0]  # the fact's own first question
    assert source["command"] == "source"
    assert answer["source"]["sentence"] in source["text"]
    assert answer["source"]["title"] in source["text"]
    assert unknown["command"] == "unknown" and "/nosuch" in unknown["text"]
    assert no_topic["command"] == "topics" and "999" in no_topic["text"]
    assert quit_ == {"command": "quit", "text": quit_["text"], "choices": []}


def test_a_plain_session_prints_one_block_per_line(run_chat: Callable[..., Transcript]) -> None:
    done = run_chat(["大桥镇讲了多少堂党课", "出处呢？", "/topics", "/source", "北京有多少党员"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\n\n")
    answer, paragraph, topics, source, declined = done.blocks
    assert "194" in answer.splitlines()[0]
    citation = "《浙江嘉兴科技城 推进主题教育走深走实走心》· 南湖新闻网 · 2019-12-11"
    assert citation in answer
    assert paragraph.startswith(answer)
    assert len(paragraph.splitlines()) == len(answer.splitlines()) + 1  # + the paragraph
    assert topics.splitlines()[1].startswith("  1. ")
    assert citation in source  # /topics left the conversation alone
    assert paragraph.splitlines()[-1] in source
    assert "194" not in declined
    assert "Traceback" not in done.stderr
