"""A long question answers at `long_answer` only when its best fact gives the kind of answer asked.

A question that tells its own story cannot be worded like a short curated one, so it answers at a
lower score (`Confidence.threshold`); a fact that lacks what is asked (a sum, a brand) is no answer
however many of the question's words it holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.knowledge.combine import combine
from bot.matching.engine import Engine
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

NEW = Path(__file__).parent / "eval" / "newarticles"


@pytest.fixture(scope="module")
def straw(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Engine:
    knowledge = combine(FIXTURE_KNOWLEDGE, [NEW / "jiegan-straw-2024"], tmp_path_factory.mktemp("s") / "k")
    return Engine.load(knowledge, settings)


@pytest.mark.parametrize(
    ("question", "status"),
    [
        # The fact tells the line's daily output, no sum: the question asks one.
        ("犴塍镇穗丰农机专业合作社今年7月新上的秸秆成型燃料生产线投资了多少钱？", "declined"),
        ("犴塍镇穗丰农机专业合作社今年7月新上的秸秆成型燃料生产线一天能生产多少吨燃料？", "answered"),
        # The fact tells 45吨 given out, no brand.
        ("犴塍镇今年免费发放的45吨秸秆腐熟剂是什么品牌的？", "declined"),
    ],
)
def test_a_long_question_is_answered_only_with_the_kind_it_asks(straw: Engine, question: str, status: str) -> None:
    assert straw.answer(question).status == status
