"""`faqbot unanswered`: grouping, the listing, and the ready-to-paste YAML."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.curation.unanswered import CurationError, group_questions, unanswered_text
from bot.knowledge.check import check
from bot.matching.engine import Engine
from bot.questionlog import LogUnavailable, QuestionLog
from tests.curation.helpers import Clock, answered, clarify, declined

# Questions the bundled knowledge cannot answer (nothing about 北京, 上海, mascots or banks).
BEIJING = ["北京有多少党员", "北京党员有多少", "北京市有几个党员？", "北京有多少党员？"]
MASCOT = ["大桥镇的吉祥物是什么", "大桥镇吉祥物叫啥"]
SHANGHAI = "上海的房价是多少"


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        ("北京有多少党员", "北京党员有多少", True),  # reordered
        ("北京有多少党员", "北京市有几个党员？", True),  # another question word, 北京 → 北京市
        ("北京有多少党员", "北京有多少党员？？", True),  # punctuation only
        ("大桥镇的吉祥物是什么", "大桥镇吉祥物叫啥", True),
        ("青山村的光伏电站装机容量有多大", "青山村光伏电站的装机容量是多少？", True),  # segmented two ways
        ("北京有多少党员", "上海有多少党员", False),  # same shape, another subject
        ("大桥镇的吉祥物是什么", "同里镇的吉祥物是什么", False),  # another place
        ("科技城有几家银行", "科技城有几家医院", False),
    ],
)
def test_similar_questions_are_grouped_and_different_subjects_are_not(
    engine: Engine, first: str, second: str, together: bool
) -> None:
    groups = group_questions(engine, [first, second])
    assert len(groups) == (1 if together else 2)


def test_follow_up_commands_and_empty_questions_are_not_grouped(engine: Engine) -> None:
    groups = group_questions(engine, ["出处呢？", "还有呢", "2", "？？？", " ", "北京有多少党员"])
    assert [g.wordings() for g in groups] == [[("北京有多少党员", 1)]]


def _log_session(log: QuestionLog, clock: Clock) -> None:
    """A day of questions: three unanswered subjects, answered ones, a clarify, controls."""
    for question in [*BEIJING, *BEIJING[:2], *MASCOT, SHANGHAI]:
        log.record("telegram", 1, declined(question))
    log.record("telegram", 2, answered("大桥镇讲了多少堂党课", "jx-party-lectures-194"))
    log.record("console", 3, clarify("有多少党员"))
    log.record("console", 3, declined("出处呢"))  # a follow-up with nothing to point at
    clock.set("2024-04-01T08:00:00+00:00")
    log.record("telegram", 4, declined("去年的老问题：杭州有几个公园"))


def test_the_listing_shows_groups_most_asked_first_with_counts_and_nearest_facts(
    log_settings: Settings, question_log: QuestionLog, clock: Clock
) -> None:
    _log_session(question_log, clock)
    text = unanswered_text(log_settings, since="2024-05-01", limit=20, as_yaml=False)
    heads = re.findall(r"^ +\d+\. ×(\d+)  (.+)$", text, re.MULTILINE)
    assert [(int(n), q) for n, q in heads] == [(6, "北京有多少党员"), (2, "大桥镇吉祥物叫啥"), (1, SHANGHAI)]
    assert text.count("nearest fact:") == 3
    assert "北京党员有多少 ×2" in text and "北京市有几个党员？ ×1" in text
    for absent in ("大桥镇讲了多少堂党课", "出处呢", "杭州"):
        assert absent not in text
    limited = unanswered_text(log_settings, since=None, limit=1, as_yaml=False)
    assert len(re.findall(r"^ +\d+\. ×", limited, re.MULTILINE)) == 1


def test_a_question_the_knowledge_answers_by_now_is_left_out(log_settings: Settings, question_log: QuestionLog) -> None:
    # Declined by an older knowledge; the bundled one answers it.
    question_log.record("telegram", 1, declined("大桥镇讲了多少堂党课"))
    question_log.record("telegram", 1, declined(SHANGHAI))
    text = unanswered_text(log_settings, since=None, limit=20, as_yaml=False)
    assert SHANGHAI in text and "大桥镇讲了多少堂党课" not in text
    assert "Answered by the knowledge now, so not listed: 1 group(s), 1 question(s)." in text


def test_the_yaml_holds_fact_stubs_and_questions_learned_from_choices(
    log_settings: Settings, question_log: QuestionLog, clock: Clock, engine: Engine
) -> None:
    _log_session(question_log, clock)
    members = engine.answer("有多少党员")  # the two places' member counts, offered to choose
    assert members.status == "clarify" and len(members.suggestions) >= 2
    first, second = members.suggestions[0].fact_id, members.suggestions[1].fact_id
    existing = engine.knowledge.facts[0]
    for user in (1, 2):
        question_log.picked("telegram", user, "有多少党员", first)
    question_log.picked("telegram", 3, "党员一共多少", first)
    question_log.picked("telegram", 4, "党员一共多少", second)  # users disagree: left out
    question_log.picked("telegram", 5, existing.questions[0], existing.id)  # already a wording
    question_log.picked("telegram", 6, "有多少党员", "a-fact-since-deleted")
    question_log.picked("console", 7, "2", first)  # a number typed, not a question
    for greeting in ("你好", "谢谢"):  # chit-chat asks for no fact
        question_log.record("telegram", 8, declined(greeting))
    question_log.picked("telegram", 9, "大桥镇吉祥物叫啥", existing.id)  # offered once: to that fact

    data = yaml.safe_load(unanswered_text(log_settings, since=None, limit=20, as_yaml=True))
    stubs = data["facts"]
    assert [s["questions"] for s in stubs] == [
        ["北京有多少党员", "北京党员有多少", "北京市有几个党员？"],  # one wording per normalised form
        ["大桥镇的吉祥物是什么"],  # 大桥镇吉祥物叫啥 is offered to the fact a user picked instead
        [SHANGHAI],
        ["去年的老问题：杭州有几个公园"],
    ]
    assert all(s["id"].startswith("todo-") and "TODO" in s["answer"] and "TODO" in s["source"] for s in stubs)
    # 有多少党员 fits both places: added to the one fact users picked, the bot would stop asking.
    assert data["questions"] == {existing.id: ["大桥镇吉祥物叫啥"]}


def test_pasted_stubs_fail_check_until_the_todos_are_filled(
    log_settings: Settings, question_log: QuestionLog, knowledge_copy: Path
) -> None:
    question_log.record("telegram", 1, declined(SHANGHAI))
    text = unanswered_text(log_settings, since=None, limit=20, as_yaml=True)
    stubs = text.split("facts:\n", 1)[1].split("\n\n# Wordings", 1)[0]
    facts_file = knowledge_copy / "facts" / "wujiang-2014.yaml"
    facts_file.write_text(facts_file.read_text(encoding="utf-8") + stubs + "\n", encoding="utf-8")
    errors = check(knowledge_copy).errors
    assert any("todo-new-fact-1" in e.message and "still TODO" in e.message for e in errors)
    assert all(e.path.endswith("wujiang-2014.yaml") for e in errors)


@pytest.mark.parametrize("since", ["yesterday", "2024-13-01", "05/01/2024"])
def test_a_since_that_is_not_a_date_is_refused_in_a_sentence(log_settings: Settings, since: str) -> None:
    with pytest.raises(CurationError, match=f"--since must be a date written YYYY-MM-DD, not '{re.escape(since)}'"):
        unanswered_text(log_settings, since=since, limit=20, as_yaml=False)


def test_no_log_yet_and_logging_off_are_explained(log_settings: Settings) -> None:
    text = unanswered_text(log_settings, since=None, limit=20, as_yaml=False)
    assert text == f"No questions have been logged yet: {log_settings.log_path} does not exist."
    log_settings.log_db = ""
    with pytest.raises(LogUnavailable, match="turned off"):
        unanswered_text(log_settings, since=None, limit=20, as_yaml=True)


def test_faqbot_unanswered_yaml_runs_as_a_command(
    tmp_path: Path, log_settings: Settings, question_log: QuestionLog, clock: Clock
) -> None:
    _log_session(question_log, clock)
    config = tmp_path / "config.yaml"
    config.write_text(f"log_db: {log_settings.log_db}\ncache_dir: {log_settings.cache_dir}\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "unanswered", "--config", str(config), "--yaml", "--since", "2024-05-01"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert [s["questions"][0] for s in yaml.safe_load(run.stdout)["facts"]] == [
        "北京有多少党员",
        "大桥镇吉祥物叫啥",
        SHANGHAI,
    ]
