"""A question asking a figure that two facts of one article fit evenly asks which (`Readings.even`).

The facts must each cover all the question covers, tell a figure in the unit or measure asked, and
disagree; what only the best one's closer wording favours is a guess. Each exception is a question
that does say which: the whole (全镇), what was done (了, 现在) against a plan, a total against a
figure per head, a village it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.knowledge.combine import combine
from bot.matching.engine import Engine
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE, story, town_story, with_article

NEW = Path(__file__).parent / "eval" / "newarticles"
ARTICLES = (
    "yuedu-reading-2025",
    "tiaojie-mediation-2024",
    "renju-village-2023",
    "senlin-fireprevention-2025",
    "dongxi-party-2023",
    "quyang-flood-2025",
)


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Engine:
    knowledge = combine(FIXTURE_KNOWLEDGE, [NEW / name for name in ARTICLES], tmp_path_factory.mktemp("e") / "k")
    return Engine.load(knowledge, settings)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("蕰埼镇捐赠了多少册图书？", ["1.16万册", "3200册"]),  # the town's donations and one company's
        ("蕰埼镇的书屋藏书有多少册？", ["9.8万册", "6800册"]),  # all the town's book rooms, and one village's
        ("蕰埼镇的阅读活动有多少人参加？", ["300余名", "1.8万人次"]),  # people are counted in 名 and 人次 alike
        ("訾陂乡婚姻家庭纠纷有多少件？", ["97件", "43件"]),  # the township's and the 老娘舅 team's
    ],
)
def test_two_facts_fitting_a_figure_question_evenly_are_offered(
    towns: Engine, question: str, figures: list[str]
) -> None:
    reply = towns.answer(question)
    assert reply.status == "clarify"
    offered = " ".join(s.answer for s in reply.suggestions)
    assert all(figure in offered for figure in figures)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("蘩岙乡卫生厕所普及率达到多少了？", "rj-overview-toilet-rate-93.6"),  # 了: not the 2024 target
        ("全镇的林地面积一共有多少公顷？", "senlin-fireprevention-2025-05"),  # 全镇: not a village's
        ("眭溪村配了多少名专职护林员？", "senlin-fireprevention-2025-17"),  # a fact naming 仉家坳村 too is another's
        ("蘩岙乡今年建成村级污水处理站多少座？", "rj-sewage-stations-12"),  # both facts say 12座: one answer
        ("洞溪镇党员联系群众多少户？", "dx-members-412-households-5870"),  # not 每名党员联系10至15户
    ],
)
def test_a_question_that_says_which_is_answered(towns: Engine, question: str, fact_id: str) -> None:
    reply = towns.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)


def test_two_villages_counts_are_a_choice_though_one_fact_names_both_villages(towns: Engine) -> None:
    # 下槲村's fact says its secretary acted 「几乎同一时间」 as 石楠坳村's: it names both villages.
    reply = towns.answer("村支书那晚带队转移了多少人？")
    assert reply.status == "clarify"
    offered = " ".join(s.answer for s in reply.suggestions)
    assert "96人" in offered and "73人" in offered


SUMMARY = """\
槿溪乡：污水治理见实效
2024-06-03 08:30  来源：棠川县融媒体中心
记者 冯知秋

本报讯 今年以来，槿溪乡投入资金860万元，建成村级污水处理站12座，受益农户2100户。

据了解，全乡共建成村级污水处理站12座，铺设管网18.5公里，治理沟塘9处。
"""

SUMMARY_FACTS = """\
document:
  id: jinxi-sewage-2024
  title: 槿溪乡：污水治理见实效
  outlet: 棠川县融媒体中心
  date: '2024-06-03'
  author: 冯知秋
  place: 槿溪乡
  text: articles/jinxi-sewage-2024.txt
  chrome:
  - 槿溪乡：污水治理见实效
  - 2024-06-03 08:30  来源：棠川县融媒体中心
  - 记者 冯知秋
facts:
- id: jx-overview
  questions: [槿溪乡建成村级污水处理站多少座, 槿溪乡投入资金多少万元, 槿溪乡受益农户多少户]
  answer: 据2024年6月报道，槿溪乡投入资金860万元，建成村级污水处理站12座，受益农户2100户。
  source: 今年以来，槿溪乡投入资金860万元，建成村级污水处理站12座，受益农户2100户。
- id: jx-stations
  questions: [槿溪乡建成村级污水处理站几座, 槿溪乡铺设管网多少公里, 槿溪乡治理沟塘多少处]
  answer: 据2024年6月报道，槿溪乡全乡共建成村级污水处理站12座，铺设管网18.5公里，治理沟塘9处。
  source: 据了解，全乡共建成村级污水处理站12座，铺设管网18.5公里，治理沟塘9处。
"""


def test_two_facts_counting_the_same_figure_in_the_measure_asked_are_one_answer(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings
) -> None:
    # The summary and the paragraph both say 12座, each beside figures the other lacks.
    knowledge = with_article(
        tmp_path_factory.mktemp("j"), "jinxi-sewage-2024", SUMMARY, SUMMARY_FACTS, "places:\n  槿溪乡: [槿溪]\n"
    )
    reply = Engine.load(knowledge, settings).answer("槿溪乡建成村级污水处理站多少座？")
    assert reply.status == "answered" and "12座" in (reply.answer or "")


PLAN, PLAN_DOCUMENT = story(
    "jinxi-toilets-2024",
    "槿溪乡：改厕见实效",
    "2024-06-03",
    "棠川县融媒体中心",
    "冯知秋",
    "槿溪乡",
    "今年以来，槿溪乡完成农村户厕改造860户，全乡卫生厕所普及率达到93.6%。\n\n"
    "2025年，槿溪乡计划再改造户厕500户，力争卫生厕所普及率达到97%以上。\n",
)

PLAN_FACTS = (
    PLAN_DOCUMENT
    + """\
facts:
- id: jx-toilet-rate
  questions: [槿溪乡完成农村户厕改造多少户, 槿溪乡今年改厕多少户, 槿溪乡卫生厕所普及率]
  answer: 据2024年6月报道，槿溪乡完成农村户厕改造860户，全乡卫生厕所普及率达到93.6%。
  source: 今年以来，槿溪乡完成农村户厕改造860户，全乡卫生厕所普及率达到93.6%。
- id: jx-toilet-plan
  questions: [槿溪乡力争卫生厕所普及率达到多少, 槿溪乡2025年计划再改造户厕多少户, 2025年槿溪乡卫生厕所普及率目标]
  answer: 据2024年6月报道，2025年，槿溪乡计划再改造户厕500户，力争卫生厕所普及率达到97%以上。
  source: 2025年，槿溪乡计划再改造户厕500户，力争卫生厕所普及率达到97%以上。
"""
)


@pytest.mark.parametrize(
    ("question", "status", "figure"),
    [
        ("槿溪乡卫生厕所普及率达到多少了？", "answered", "93.6%"),  # 了: what was reached, not the aim
        ("槿溪乡力争卫生厕所普及率达到多少？", "answered", "97%"),  # the plan, asked as one
    ],
)
def test_a_question_of_what_was_reached_is_not_asked_of_a_plan(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, question: str, status: str, figure: str
) -> None:
    knowledge = with_article(
        tmp_path_factory.mktemp("p"), "jinxi-toilets-2024", PLAN, PLAN_FACTS, "places:\n  槿溪乡: [槿溪]\n"
    )
    reply = Engine.load(knowledge, settings).answer(question)
    assert reply.status == status and figure in (reply.answer or ""), (reply.status, reply.answer)


def test_a_plan_cut_short_by_its_curator_is_still_a_plan(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings
) -> None:
    # The source keeps only 「卫生厕所普及率达到97%以上」; the answer still says 计划: a plan, not
    # another reading of what was reached.
    facts = PLAN_FACTS.replace(
        "  answer: 据2024年6月报道，2025年，槿溪乡计划再改造户厕500户，力争卫生厕所普及率达到97%以上。\n"
        "  source: 2025年，槿溪乡计划再改造户厕500户，力争卫生厕所普及率达到97%以上。",
        "  answer: 据2024年6月报道，槿溪乡计划卫生厕所普及率达到97%以上。\n  source: 卫生厕所普及率达到97%以上",
    )
    assert "source: 卫生厕所" in facts
    knowledge = with_article(
        tmp_path_factory.mktemp("p"), "jinxi-toilets-2024", PLAN, facts, "places:\n  槿溪乡: [槿溪]\n"
    )
    reply = Engine.load(knowledge, settings).answer("槿溪乡卫生厕所普及率达到多少了？")
    assert reply.status == "answered" and "93.6%" in (reply.answer or ""), (reply.status, reply.answer)


DRONES, DRONES_DOCUMENT = story(
    "jinxi-straw-2024",
    "槿溪乡：秸秆禁烧见实效",
    "2024-11-03",
    "棠川县融媒体中心",
    "冯知秋",
    "槿溪乡",
    "今年槿溪乡落实农机购置补贴资金120万元，补贴打捆机8台、植保无人机5架。\n\n"
    "秋收期间，槿溪乡划分禁烧网格36个，并配备3架无人机开展空中巡查。\n",
)

DRONES_FACTS = (
    DRONES_DOCUMENT
    + """\
facts:
- id: jx-subsidy
  questions: [槿溪乡补贴了多少台打捆机, 槿溪乡农机购置补贴资金多少, 补贴了多少植保无人机]
  answer: 据2024年11月报道，槿溪乡补贴打捆机8台、植保无人机5架。
  source: 今年槿溪乡落实农机购置补贴资金120万元，补贴打捆机8台、植保无人机5架。
- id: jx-patrol
  questions: [槿溪乡划分了多少个禁烧网格, 槿溪乡配备几架无人机巡查, 槿溪乡怎么巡查秸秆焚烧]
  answer: 据2024年11月报道，槿溪乡划分禁烧网格36个，配备3架无人机开展空中巡查。
  source: 秋收期间，槿溪乡划分禁烧网格36个，并配备3架无人机开展空中巡查。
"""
)


def test_a_count_asked_in_words_one_wording_happens_to_use_fits_every_fact_counting_in_that_measure(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Only the patrol's wording says 几架; the subsidy's 5架 answers 「有几架无人机」 as well.
    reply = town_story(tmp_path_factory.mktemp, "jinxi-straw-2024", DRONES, DRONES_FACTS).answer("槿溪乡有几架无人机？")
    assert reply.status == "clarify"
    offered = " ".join(s.answer for s in reply.suggestions)
    assert "5架" in offered and "3架" in offered


GROWTH, GROWTH_DOCUMENT = story(
    "jinxi-economy-2024",
    "槿溪乡：经济稳中有进",
    "2024-10-08",
    "棠川县融媒体中心",
    "冯知秋",
    "槿溪乡",
    "今年1至9月，槿溪乡农产品网络销售额达2760万元，同比增长45%。\n\n"
    "乡里建成电商直播服务中心，培训带货主播46人。\n\n"
    "今年1至9月，槿溪乡乡村旅游接待游客18万人次，同比增长12%。\n",
)

GROWTH_FACTS = (
    GROWTH_DOCUMENT
    + """\
facts:
- id: jx-online-sales
  questions: [槿溪乡农产品网络销售额是多少, 槿溪乡网络销售额同比增长了多少, 槿溪乡网上卖了多少钱]
  answer: 据2024年10月报道，今年1至9月，槿溪乡农产品网络销售额达2760万元，同比增长45%。
  source: 今年1至9月，槿溪乡农产品网络销售额达2760万元，同比增长45%。
- id: jx-tourists
  questions: [槿溪乡接待游客多少人次, 槿溪乡游客同比增长多少, 槿溪乡乡村旅游怎么样]
  answer: 据2024年10月报道，今年1至9月，槿溪乡乡村旅游接待游客18万人次，同比增长12%。
  source: 今年1至9月，槿溪乡乡村旅游接待游客18万人次，同比增长12%。
"""
)


@pytest.mark.parametrize(
    ("question", "told", "untold"),
    [
        ("槿溪乡同比增长了多少？", ["45%", "12%"], []),  # the figure after 增长, in either fact: both told
        ("槿溪乡网络销售额同比增长了多少？", ["45%"], ["12%"]),  # names whose growth
    ],
)
def test_a_figure_asked_after_a_verb_alone_fits_every_fact_giving_one_after_it(
    tmp_path_factory: pytest.TempPathFactory, question: str, told: list[str], untold: list[str]
) -> None:
    reply = town_story(tmp_path_factory.mktemp, "jinxi-economy-2024", GROWTH, GROWTH_FACTS).answer(question)
    # Both readings as a choice, or as one answer quoting both sentences.
    said = " ".join([reply.answer or "", *(s.answer for s in reply.suggestions)])
    assert reply.status in ("answered", "clarify")
    assert all(figure in said for figure in told) and not any(figure in said for figure in untold)


FIELDS, FIELDS_DOCUMENT = story(
    "jinxi-fields-2025",
    "槿溪乡：碎田连成整田",
    "2025-10-21",
    "棠川县融媒体中心",
    "冯知秋",
    "槿溪乡",
    "今年槿溪乡新建高标准农田1.26万亩，亩均投入2800元。\n\n"
    "据县农业农村局统计，今年全县新建高标准农田6.8万亩，累计建成41.3万亩。\n",
)
FIELDS_FACTS = (
    FIELDS_DOCUMENT
    + """\
facts:
- id: jx-fields-town
  questions: [槿溪乡今年新建高标准农田多少亩, 槿溪乡高标准农田建了多少亩, 槿溪乡 高标准农田 面积]
  answer: 据2025年10月报道，今年槿溪乡新建高标准农田1.26万亩，亩均投入2800元。
  source: 今年槿溪乡新建高标准农田1.26万亩，亩均投入2800元。
- id: jx-fields-county
  questions: [全县今年新建高标准农田多少亩, 县里一共建成多少亩高标准农田, 棠川县高标准农田累计多少亩]
  answer: 据2025年10月报道，据县农业农村局统计，今年全县新建高标准农田6.8万亩，累计建成41.3万亩。
  source: 据县农业农村局统计，今年全县新建高标准农田6.8万亩，累计建成41.3万亩。
"""
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("槿溪乡今年新建高标准农田多少亩？", "1.26万亩"),  # the town named: the county's is no reading
        ("全县今年新建高标准农田多少亩？", "6.8万亩"),  # the county asked
    ],
)
def test_a_countys_figure_is_no_reading_of_a_question_naming_the_town(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, question: str, figure: str
) -> None:
    engine = town_story(tmp_path_factory.mktemp, "jinxi-fields-2025", FIELDS, FIELDS_FACTS)
    reply = engine.answer(question)
    assert reply.status == "answered" and figure in (reply.answer or ""), (reply.status, reply.answer)
