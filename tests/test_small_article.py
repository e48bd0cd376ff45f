"""A small article of our own beside the bundled ones: faults a README-only curator met on a new
article (a deputy read as the post he deputises, a note of what is unsaid beaten by another town's
fact, the article's own name asked in stopwords only), each shown on text written for this test."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.matching.engine import Engine
from bot.matching.outcomes import UNSAID
from tests.knowledge_helpers import with_article

ARTICLE = """\
枫溪镇：便民服务中心投用　群众办事更方便
2025-03-02 09:10  来源：岚川县融媒体中心
记者 宋知微

本报讯 岚川县枫溪镇便民服务中心日前投用，中心设有12个办事窗口。\
镇长钱望舒说，中心每天都有不少群众来办事。副镇长孔令柏介绍，全镇已建成村级代办点9个。

镇里成立工作专班，专班由党委书记汤知远任第一责任人。在全县14个乡镇政务服务考核中，枫溪镇排名第一。

中心改造共投入资金260万元，用于窗口改造、自助设备和信息系统。中心开通了服务热线。
"""

FACTS = """\
document:
  id: fengxi-service-2025
  title: 枫溪镇：便民服务中心投用　群众办事更方便
  outlet: 岚川县融媒体中心
  date: '2025-03-02'
  author: 宋知微
  place: 枫溪镇
  text: articles/fengxi-service-2025.txt
  chrome:
  - 枫溪镇：便民服务中心投用　群众办事更方便
  - 2025-03-02 09:10  来源：岚川县融媒体中心
  - 记者 宋知微
facts:
- id: fx-windows
  questions: [枫溪镇便民服务中心有多少个窗口, 服务中心设了几个办事窗口, 枫溪镇办事窗口数量]
  answer: 据2025年3月报道，枫溪镇便民服务中心设有12个办事窗口。
  source: 岚川县枫溪镇便民服务中心日前投用，中心设有12个办事窗口。
- id: fx-county
  questions: [枫溪镇在哪里, 枫溪镇属于哪个县, 枫溪镇是哪个县的]
  answer: 据2025年3月报道，枫溪镇属岚川县。
  source: 岚川县枫溪镇便民服务中心日前投用，中心设有12个办事窗口。
- id: fx-mayor
  questions: [枫溪镇镇长是谁, 枫溪镇镇长叫什么名字, 枫溪的镇长是哪位]
  answer: 据2025年3月报道，枫溪镇镇长是钱望舒。
  source: 镇长钱望舒说，中心每天都有不少群众来办事。
- id: fx-crowd
  questions: [枫溪镇便民服务中心办事的人多吗, 枫溪镇服务中心每天人多不多, 枫溪镇中心每天来办事的群众]
  answer: 据2025年3月报道，枫溪镇便民服务中心每天都有不少群众来办事（文中未写明便民服务中心每天的开门时间）。
  source: 镇长钱望舒说，中心每天都有不少群众来办事。
- id: fx-deputy
  questions: [枫溪镇副镇长是谁, 枫溪镇副镇长叫什么, 枫溪镇建成多少个村级代办点]
  answer: 据2025年3月报道，枫溪镇副镇长孔令柏介绍，全镇已建成村级代办点9个。
  source: 副镇长孔令柏介绍，全镇已建成村级代办点9个。
"""

FACTS += """\
- id: fx-task-force
  questions: [枫溪镇工作专班谁负责, 谁是第一责任人, 工作专班的组长是谁]
  answer: 据2025年3月报道，枫溪镇成立工作专班，由党委书记汤知远任第一责任人（文中未写明专班组长姓名）。
  source: 镇里成立工作专班，专班由党委书记汤知远任第一责任人。
- id: fx-funds
  questions: [枫溪镇便民服务中心改造投了多少钱, 中心改造资金用在哪些方面, 服务中心改造花了多少]
  answer: 据2025年3月报道，枫溪镇便民服务中心改造共投入资金260万元（文中未写明各项资金的具体金额）。
  source: 中心改造共投入资金260万元，用于窗口改造、自助设备和信息系统。
- id: fx-hotline
  questions: [枫溪镇便民服务中心有服务热线吗, 中心开通热线了吗, 服务中心的热线]
  answer: 据2025年3月报道，枫溪镇便民服务中心开通了服务热线（文中未写明热线号码）。
  source: 中心开通了服务热线。
- id: fx-ranking
  questions: [枫溪镇政务服务考核排名第几, 枫溪镇在全县多少个乡镇政务服务考核中排第一, 枫溪镇考核结果]
  answer: 据2025年3月报道，在全县14个乡镇政务服务考核中，枫溪镇排名第一。
  source: 在全县14个乡镇政务服务考核中，枫溪镇排名第一。
"""

ALIASES = "places:\n  枫溪镇: [枫溪, 岚川县枫溪镇]\n"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Engine:
    knowledge = with_article(tmp_path_factory.mktemp("fengxi"), "fengxi-service-2025", ARTICLE, FACTS, ALIASES)
    return Engine.load(knowledge, settings)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # 副镇长 is another post: 孔令柏 is no answer to who the 镇长 is, nor a choice beside him.
        ("枫溪镇的镇长是谁啊", "fx-mayor"),
        ("镇长叫啥", "fx-mayor"),
        ("枫溪镇副镇长是谁", "fx-deputy"),
    ],
)
def test_a_deputy_is_not_the_post_he_deputises(small: Engine, question: str, fact_id: str) -> None:
    reply = small.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)


def test_a_note_of_what_is_unsaid_answers_before_another_towns_fact(small: Engine) -> None:
    # The question asks a time; the fact that notes the time is not given is what it is about,
    # not the 中医馆 of another town that opens at 6:40.
    reply = small.answer("枫溪镇便民服务中心早上几点开门")
    assert reply.status == "declined"
    assert reply.text == UNSAID.format(note="文中未写明便民服务中心每天的开门时间")
    assert [s.fact_id for s in reply.suggestions] == ["fx-crowd"]


def test_a_fact_that_cannot_tell_is_no_rival_for_another_place(small: Engine) -> None:
    # 「中医馆 开门时间」 names no place; the new town's fact notes it has no opening time.
    reply = small.answer("中医馆 开门时间")
    assert (reply.status, reply.fact_id) == ("answered", "jx-tcm-hall-hours")


@pytest.mark.parametrize("question", ["枫溪镇这篇报道叫什么", "枫溪那篇文章叫啥名字"])
def test_the_articles_own_name_is_its_title(small: Engine, question: str) -> None:
    reply = small.answer(question)
    assert reply.status == "answered" and "《枫溪镇：便民服务中心投用" in (reply.answer or "")


@pytest.mark.parametrize("question", ["是这样吗？", "那样的话呢"])
def test_a_tag_question_alone_names_nothing(small: Engine, question: str) -> None:
    # 这样 points back at a claim; alone it matched the fact that says 类似例子.
    assert small.answer(question).status == "declined"


@pytest.mark.parametrize(
    ("question", "status"),
    [("枫溪镇在哪里", "answered"), ("枫溪镇在哪里呀？", "answered"), ("枫溪镇怎么样", "declined")],
)
def test_a_wording_that_is_only_a_place_is_answered_word_for_word(small: Engine, question: str, status: str) -> None:
    # Once 枫溪镇 and the asking words are gone no key term is left: only the curated wording
    # itself can pick the fact, never the place alone.
    reply = small.answer(question)
    assert reply.status == status
    assert reply.fact_id == ("fx-county" if status == "answered" else None)


@pytest.mark.parametrize(
    ("question", "status"), [("枫溪镇谁是第一责任人", "answered"), ("枫溪镇专班组长是谁", "declined")]
)
def test_a_note_of_a_name_not_given_is_about_whose_name(small: Engine, question: str, status: str) -> None:
    # The note leaves out the 组长's name; the 第一责任人 the fact names is still an answer.
    reply = small.answer(question)
    assert (reply.status, reply.fact_id if status == "answered" else reply.suggestions[0].fact_id) == (
        status,
        "fx-task-force",
    )


def test_a_number_asked_in_a_unit_the_fact_never_gives_is_declined(small: Engine) -> None:
    # The ranking gives no score in 分: however well the rest matches, 多少分 is not what it tells.
    reply = small.answer("枫溪镇在全县政务服务考核中得了多少分")
    assert reply.status == "declined"
    assert [s.fact_id for s in reply.suggestions][:1] == ["fx-ranking"]


def test_a_fact_missing_the_unit_asked_is_unconfirmed_whatever_its_score(small: Engine) -> None:
    from bot.matching.scoring import Scored

    query = small.index.query("枫溪镇在全县政务服务考核中得了多少分")
    signals = {"coverage": 1.0, "wording": 1.0, "sound": 1.0, "subject": 1.0, "kind": 1.0}
    confidence = small.decider.confidence
    assert not confidence.unconfirmed(query, Scored(0, 1.0, signals))
    assert confidence.unconfirmed(query, Scored(0, 0.75, {**signals, "unit_miss": 0.75}))


@pytest.mark.parametrize(
    ("question", "fact_id", "named"),
    [
        ("枫溪镇镇长李建华说中心每天都有不少群众来办事，对吧？", "fx-crowd", "钱望舒，不是李建华"),  # 李/建华
        ("枫溪镇副镇长王晓东介绍全镇建成了多少个村级代办点", "fx-deputy", "孔令柏，不是王晓东"),
        ("枫溪镇镇长郦昀涛说中心人多不多", "fx-crowd", "钱望舒，不是郦昀涛"),  # 郦: a rare surname
    ],
)
def test_a_stranger_named_after_a_post_is_corrected(small: Engine, question: str, fact_id: str, named: str) -> None:
    # No article names 李建华: the question's premise about who holds the post is wrong.
    reply = small.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)
    assert reply.text == f"文中说的是{named}。"


@pytest.mark.parametrize("question", ["镇长强调中心人多吗", "枫溪镇镇长钱望舒说了什么"])
def test_a_verb_or_a_known_person_after_a_post_is_no_stranger(small: Engine, question: str) -> None:
    assert small.index.query(question).strangers == ()


def test_a_name_is_read_in_latin_letters_in_every_reading_of_its_polyphones(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings
) -> None:
    # 阚 reads han or kan: its bearer writes 「Kan Yutong」, the dictionary's first reading is han.
    story = "\\n返乡青年阚雨桐开了一家竹艺工坊，带动15户村民增收。\\n"
    fact = """- id: fx-kan
  questions: [阚雨桐是谁, 阚雨桐开了什么工坊, 阚雨桐带动多少户村民增收]
  answer: 据2025年3月报道，返乡青年阚雨桐开了一家竹艺工坊，带动15户村民增收。
  source: 返乡青年阚雨桐开了一家竹艺工坊，带动15户村民增收。
"""
    folder = tmp_path_factory.mktemp("kan")
    engine = Engine.load(with_article(folder, "fengxi-service-2025", ARTICLE + story, FACTS + fact, ALIASES), settings)
    for question in ("Who is Kan Yutong?", "Who is Han Yutong?"):
        assert (engine.answer(question).status, engine.answer(question).fact_id) == ("answered", "fx-kan")


@pytest.mark.parametrize(
    ("question", "status", "fact_id"),
    [
        # the note leaves out the parts; the total is given
        ("枫溪镇便民服务中心改造一共投入了多少钱", "answered", "fx-funds"),
        ("中心改造资金里自助设备花了多少", "declined", "fx-funds"),
        # the note leaves out the number (号码): asked, the bot says so
        ("枫溪镇便民服务中心的服务热线是多少", "declined", "fx-hotline"),
    ],
)
def test_a_note_of_what_is_unsaid_is_about_its_own_figure(
    small: Engine, question: str, status: str, fact_id: str
) -> None:
    reply = small.answer(question)
    assert reply.status == status
    assert (reply.fact_id if status == "answered" else reply.suggestions[0].fact_id) == fact_id


@pytest.mark.parametrize(
    ("question", "status"),
    [("便民服务中心是哪天投用的", "declined"), ("枫溪镇这篇报道是哪天发的", "answered")],
)
def test_the_reports_date_answers_only_about_the_report(small: Engine, question: str, status: str) -> None:
    # The title says 便民服务中心投用; the day it was put into use is not the day it was reported.
    reply = small.answer(question)
    assert reply.status == status
    if status == "answered":
        assert reply.fact_id == "fengxi-service-2025.date"
    else:
        assert reply.fact_id is None


def test_a_post_is_kin_of_the_person_named_after_it(small: Engine) -> None:
    # News names a person with the post once, then by name alone: 「副镇长…」 asks of 孔令柏 too.
    from bot.matching.terms import Term

    assert "孔令柏" in Term.of(small.index, "副镇长").kin
    assert "钱望舒" in Term.of(small.index, "镇长").kin
    assert "钱望舒" not in Term.of(small.index, "副镇长").kin
