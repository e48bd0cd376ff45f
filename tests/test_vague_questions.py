"""A question vaguer than the article: 「桐川乡的书记是谁」 of an article naming the town's 党委书记
and a village's 党支部书记, or 「桐川乡投入的资金是多少」 of one giving two sums. The user is
asked which; a question that names the post or the sum whole is answered. Shown on text written
for this test, beside the bundled knowledge."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.matching.engine import Engine
from tests.knowledge_helpers import story, with_article

ARTICLE = """\
桐川乡：小茶叶做成大产业
2024-05-20 08:30  来源：蓼原县融媒体中心
记者 裴映川

本报讯 今年以来，蓼原县桐川乡共投入资金1680万元，建设茶叶加工中心和茶园便道。\
乡党委书记詹明远说，茶叶已经成为全乡农民增收的主要来源。

在茶叶加工中心，村党支部书记晏秋生正带着村民分拣新茶。去年全村茶叶销售收入达到420万元。

72岁的邝守田老人种了一辈子茶，他说现在采茶不用再挑着担子走山路了。63岁的柴月娥老人在加工中心做分拣工，每月能拿到3000元工资。

在枧坑村，保洁员龚大年每天早上6点就骑着三轮车挨家挨户收垃圾。今年58岁的龚大年已经干了4年保洁。

加工中心由县农投公司投入资金2300万元建设，年加工能力500吨。
"""

FACTS = """\
document:
  id: tongchuan-tea-2024
  title: 桐川乡：小茶叶做成大产业
  outlet: 蓼原县融媒体中心
  date: '2024-05-20'
  author: 裴映川
  place: 桐川乡
  text: articles/tongchuan-tea-2024.txt
  chrome:
  - 桐川乡：小茶叶做成大产业
  - 2024-05-20 08:30  来源：蓼原县融媒体中心
  - 记者 裴映川
facts:
- id: tc-funds
  questions: [桐川乡今年投入了多少资金, 桐川乡投入资金建设了什么, 桐川乡今年投了多少钱建茶叶加工中心和便道]
  answer: 据2024年5月报道，桐川乡今年以来共投入资金1680万元，建设茶叶加工中心和茶园便道。
  source: 今年以来，蓼原县桐川乡共投入资金1680万元，建设茶叶加工中心和茶园便道。
- id: tc-party-secretary
  questions: [桐川乡党委书记是谁, 桐川乡党委书记叫什么名字, 詹明远说了什么]
  answer: 据2024年5月报道，桐川乡党委书记詹明远说，茶叶已经成为全乡农民增收的主要来源。
  source: 乡党委书记詹明远说，茶叶已经成为全乡农民增收的主要来源。
- id: tc-village-secretary
  questions: [桐川乡村党支部书记是谁, 村党支部书记叫什么名字, 晏秋生在做什么]
  answer: 据2024年5月报道，桐川乡的村党支部书记晏秋生正带着村民在茶叶加工中心分拣新茶。
  source: 在茶叶加工中心，村党支部书记晏秋生正带着村民分拣新茶。
- id: tc-village-income
  questions: [桐川乡的村去年茶叶销售收入多少, 全村茶叶卖了多少钱, 村里茶叶销售收入达到多少]
  answer: 据2024年5月报道，去年全村茶叶销售收入达到420万元。
  source: 去年全村茶叶销售收入达到420万元。
- id: tc-kuang
  questions: [邝守田多大年纪, 茶农邝守田说了什么, 邝守田种了多久的茶]
  answer: 据2024年5月报道，72岁的邝守田老人种了一辈子茶，他说现在采茶不用再挑着担子走山路了。
  source: 72岁的邝守田老人种了一辈子茶，他说现在采茶不用再挑着担子走山路了。
- id: tc-chai
  questions: [柴月娥多大年纪, 柴月娥在加工中心做什么, 分拣工每月工资多少]
  answer: 据2024年5月报道，63岁的柴月娥老人在加工中心做分拣工，每月能拿到3000元工资。
  source: 63岁的柴月娥老人在加工中心做分拣工，每月能拿到3000元工资。
- id: tc-gong-job
  questions: [枧坑村保洁员是谁, 龚大年每天几点收垃圾, 枧坑村的垃圾谁来收]
  answer: 据2024年5月报道，桐川乡枧坑村保洁员龚大年每天早上6点就骑着三轮车挨家挨户收垃圾。
  source: 在枧坑村，保洁员龚大年每天早上6点就骑着三轮车挨家挨户收垃圾。
- id: tc-gong-age
  questions: [龚大年多大年纪, 龚大年干了几年保洁, 龚大年今年多少岁]
  answer: 据2024年5月报道，今年58岁的龚大年已经干了4年保洁。
  source: 今年58岁的龚大年已经干了4年保洁。
- id: tc-center
  questions: [桐川乡茶叶加工中心投入资金多少, 茶叶加工中心是谁投资建设的, 加工中心一年能加工多少吨茶叶]
  answer: 据2024年5月报道，桐川乡茶叶加工中心由县农投公司投入资金2300万元建设，年加工能力500吨。
  source: 加工中心由县农投公司投入资金2300万元建设，年加工能力500吨。
"""

# As a curator writes it: the place, and the village the draft lists among the names it found.
ALIASES = "places:\n  桐川乡: [桐川]\nterms: [枧坑村]\n"


@pytest.fixture(scope="module")
def tea(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Engine:
    knowledge = with_article(tmp_path_factory.mktemp("tea"), "tongchuan-tea-2024", ARTICLE, FACTS, ALIASES)
    return Engine.load(knowledge, settings)


@pytest.mark.parametrize(
    ("question", "choices"),
    [
        # 书记 alone: both the town's and the village's secretary hold it.
        ("桐川乡的书记是谁", {"tc-party-secretary", "tc-village-secretary"}),
        # A sum of money asked with no unit named is still asked in 元: two facts give one each.
        ("桐川乡投入的资金是多少", {"tc-funds", "tc-center"}),
        # Two people's ages fit alike, neither closely enough to answer.
        ("文章里那位老人家今年多大岁数", {"tc-kuang", "tc-chai"}),
    ],
)
def test_a_question_vaguer_than_the_article_asks_which(tea: Engine, question: str, choices: set[str]) -> None:
    reply = tea.answer(question)
    assert reply.status == "clarify", reply
    assert choices <= {s.fact_id for s in reply.suggestions}


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("桐川乡党委书记是谁", "tc-party-secretary"),  # the post named whole
        ("桐川乡的村党支部书记叫什么名字", "tc-village-secretary"),
        ("全村茶叶销售收入有多少", "tc-village-income"),
        ("邝守田今年多大岁数", "tc-kuang"),
    ],
)
def test_a_question_naming_the_post_or_the_sum_whole_is_answered(tea: Engine, question: str, fact_id: str) -> None:
    reply = tea.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)


def test_a_person_of_another_article_is_no_slip_for_one_of_this(tea: Engine) -> None:
    """盛红明 is a person of a bundled article, which never gives his age: the ages here are
    other people's, not a false premise to correct (「文中说的是邝守田」)."""
    reply = tea.answer("盛红明今年多大年纪？")
    assert reply.status == "declined", reply


def test_a_village_is_named_by_a_person_the_article_ties_to_it(tea: Engine) -> None:
    """The fact telling 龚大年's age never names 枧坑村, but the article names him as 枧坑村's
    保洁员: for 「枧坑村那个保洁员今年多大岁数」 it is the best fact, not one lacking the village."""
    assert tea.candidates("枧坑村那个保洁员今年多大岁数")[0] == "tc-gong-age"


def test_a_wrong_span_is_corrected_in_the_measure_the_article_uses(tea: Engine) -> None:
    """「十年了吧」 checks a span of years: the article's 4年 corrects it — not the report's 2024年."""
    reply = tea.answer("龚大年干保洁已经十年了吧？")
    assert (reply.fact_id, reply.text) == ("tc-gong-age", "文中说的是4年，不是10年。")


STORES, STORES_DOCUMENT = story(
    "xingchuan-straw-2024",
    "荇川镇：秸秆有了好去处",
    "2024-11-20",
    "蓼原县融媒体中心",
    "裴映川",
    "荇川镇",
    "为解决秸秆存放难，镇里已在苜湾村等地建成秸秆收储点9个，总库容2.4万吨。\n",
)

STORES_FACTS = (
    STORES_DOCUMENT
    + """\
facts:
- id: xc-stores
  questions: [荇川镇建成秸秆收储点多少个, 荇川镇秸秆收储点总库容多少吨, 荇川镇在哪里建了收储点]
  answer: 据2024年11月报道，荇川镇已在苜湾村等地建成秸秆收储点9个，总库容2.4万吨。
  source: 为解决秸秆存放难，镇里已在苜湾村等地建成秸秆收储点9个，总库容2.4万吨。
"""
)


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("荇川镇苜湾村的秸秆收储点库容是多少吨？", "declined"),  # 苜湾村 is one example: 2.4万吨 is all of them
        ("荇川镇在苜湾村等地建成了多少个秸秆收储点？", "answered"),  # …asked as the article says it
    ],
)
def test_a_village_named_as_one_example_does_not_own_the_figures(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, question: str, status: str
) -> None:
    root = with_article(
        tmp_path_factory.mktemp("x"), "xingchuan-straw-2024", STORES, STORES_FACTS, "places:\n  荇川镇: [荇川]\n"
    )
    reply = Engine.load(root, settings).answer(question)
    assert reply.status == status, (reply.status, reply.answer)
