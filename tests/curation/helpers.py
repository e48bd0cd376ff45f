"""Test data for the curation loop: replies to log, a settable clock, a new article to add."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.matching.reload import LiveEngine
from bot.reply import Reply
from bot.yamlfile import Problem

#: A third article and its facts, for edits that must go live: nothing in the bundled
#: knowledge is about 青山村, so before the edit its questions are declined.
NEW_ARTICLE = (
    "青山村光伏电站建成发电\n2021年5月，青山村光伏电站建成并网发电，装机容量为386千瓦。电站每年可发电约42万千瓦时。\n"
)
NEW_FACTS = """\
document:
  id: qingshan-2021
  title: 青山村光伏电站建成发电
  outlet: 测试日报
  date: '2021-05-20'
  text: articles/qingshan-2021.txt
facts:
- id: qs-solar-capacity
  questions:
  - 青山村的光伏电站装机容量有多大
  - 青山村光伏电站的装机容量是多少？
  - 光伏电站的容量有多少千瓦
  answer: 青山村光伏电站的装机容量为386千瓦（2021年5月报道）。
  source: 2021年5月，青山村光伏电站建成并网发电，装机容量为386千瓦。
"""
NEW_QUESTION = "青山村的光伏电站装机容量有多大"
#: Another way users ask it; both are in NEW_FACTS, as a curator pastes them from the stub.
NEW_WORDING = "青山村光伏电站的装机容量是多少？"


class Clock:
    """A settable clock for the log, so tests can place rows on chosen days."""

    def __init__(self, start: str = "2024-05-01T08:00:00+00:00") -> None:
        self.now = dt.datetime.fromisoformat(start)

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, when: str) -> None:
        self.now = dt.datetime.fromisoformat(when)


def declined(question: str, score: float = 0.1) -> Reply:
    return Reply(question=question, status="declined", score=score)


def answered(question: str, fact_id: str, score: float = 0.9) -> Reply:
    return Reply(question=question, status="answered", fact_id=fact_id, answer="…", score=score)


def clarify(question: str, score: float = 0.7) -> Reply:
    return Reply(question=question, status="clarify", score=score)


def add_new_article(root: Path, facts: str = NEW_FACTS) -> None:
    (root / "articles" / "qingshan-2021.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (root / "facts" / "qingshan-2021.yaml").write_text(facts, encoding="utf-8")


#: Answered by the fixture knowledge: 194 堂.
KNOWN = "大桥镇讲了多少堂党课"


class Notices:
    """An `on_problems` callback that remembers each call."""

    def __init__(self) -> None:
        self.calls: list[list[Problem]] = []

    def __call__(self, problems: list[Problem]) -> None:
        self.calls.append(problems)


def answers_known(live: LiveEngine) -> bool:
    """Whether `live` still answers KNOWN as the fixture knowledge does."""
    reply = live.engine.answer(KNOWN)
    return reply.status == "answered" and "194" in (reply.answer or "")
