"""Characters typed by sound, mended against the knowledge's words before segmenting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.index.learned import village_names
from bot.index.mend import mend, pairs_of, same_body, same_shape, same_sound
from bot.index.spelling import Spelling, blanks
from bot.matching.engine import Engine
from tests.knowledge_helpers import with_article

KNOWLEDGE = "工作日 用工池 蔺海川 订单班 服务队 员工住房 怎么办 总经理 禾西经开区 洞溪河 湾塘社区".split()
NEAR: dict[str, frozenset[str]] = {}
for word in KNOWLEDGE:
    for key in blanks(word):
        NEAR[key] = NEAR.get(key, frozenset()) | {word}
COMMON = {"对接", "租房", "问题"}


def mended(text: str) -> str:
    return mend(text, NEAR, lambda run: run in KNOWLEDGE, lambda pair: pair in COMMON)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("园区用工迟是哪年建的", "园区用工池是哪年建的"),  # 迟 chi for 池 chi
        ("蔺海穿是什么职务", "蔺海川是什么职务"),  # a name only the knowledge has
        ("订单斑培养了多少人", "订单班培养了多少人"),
        ("农技服务对有几个人", "农技服务队有几个人"),
        ("为企业服务对接了多少次", "为企业服务对接了多少次"),  # 对接 is a word: typed on purpose
        ("员工租房问题", "员工租房问题"),  # 租房 is a word; zu is not zhu on a keyboard
        ("打算怎么帮", "打算怎么帮"),
        (
            "工作是紧扣什么",
            "工作是紧扣什么",
        ),  # 是 is a function word, never a slip for 日  # a question word is never a slip
        ("蔺海川是什么职务", "蔺海川是什么职务"),  # nothing to mend
        ("公司的总经埋是谁", "公司的总经理是谁"),  # 埋 looks like 理 (土里, 玉里)
        ("禾酉经开区在哪", "禾西经开区在哪"),  # 酉 holds 西
        ("洞溪湾塘社区有几个网格", "洞溪湾塘社区有几个网格"),  # 湾塘社区 is a word: 溪湾 is no slip of 洞溪河
    ],
)
def test_mend(typed: str, meant: str) -> None:
    assert mended(typed) == meant
    # The knowledge's characters side by side only spare windows no word can be: same mending.
    assert mend(typed, NEAR, lambda run: run in KNOWLEDGE, lambda pair: pair in COMMON, pairs_of(NEAR)) == meant


def test_pairs_of_reads_every_neighbouring_pair_of_words_of_three_or_more() -> None:
    pairs = pairs_of(NEAR)
    assert {"用工", "工池", "禾西", "经开", "开区", "湾塘"} <= pairs
    assert "怎么" in pairs and "池是" not in pairs


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("穿", "川", True), ("斑", "班", True), ("租", "住", False), ("西", "酉", False), ("川", "川", False)],
)
def test_same_sound(a: str, b: str, same: bool) -> None:
    assert same_sound(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "shape", "body"),  # body: alike by more than a radical (same_body)
    [
        ("埋", "理", True, True),
        ("酉", "西", True, True),
        ("末", "未", True, True),  # the same parts
        ("斑", "班", True, True),
        ("侯", "候", True, True),
        ("特", "持", True, True),  # 寺 is no radical
        ("体", "休", True, True),  # what is left, 本 and 木, looks alike
        ("洪", "注", True, False),  # only 氵, as hundreds of characters
        ("抓", "持", True, False),  # only 扌
        ("称", "城", False, False),
        ("结", "揭", False, False),
        ("理", "理", False, False),
    ],
)
def test_same_shape_and_body(a: str, b: str, shape: bool, body: bool) -> None:
    assert same_shape(a, b) is shape
    assert same_body(a, b) is body


class _ThreeTeams(Spelling):
    """A knowledge that says 三支 (three teams) nine times, and nothing else."""

    def __init__(self) -> None:
        self.vocabulary = frozenset({"三支"})
        self.frequency = {"三支": 9}
        self.near = {key: frozenset({"三支"}) for key in blanks("三支")}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("王支", "三支"),  # one character of two, and the knowledge says 三支 often: a slip
        ("那支", None),  # 那 is "that": a function word typed is meant, not a slip of 三
        ("这支", None),
    ],
)
def test_a_function_word_is_no_slip(typed: str, meant: str | None) -> None:
    assert _ThreeTeams()._closest(typed) == meant


class _ChairedAndTopics(Spelling):
    """A knowledge that says 主题 (topic) often and 主持 (chaired) seldom; 主抓 and 主特 are neither."""

    def __init__(self) -> None:
        self.vocabulary = frozenset({"主题", "主持", "开拓"})
        self.frequency = {"主题": 40, "主持": 2, "开拓": 1}
        self.near = {}
        for word in self.vocabulary:
            for key in blanks(word):
                self.near[key] = self.near.get(key, frozenset()) | {word}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("主特", "主持"),  # 特/持 share 寺: a slip of shape, though 主题 is said far more often
        ("开播", None),  # 播/拓 share only 扌, as hundreds of characters do: no slip of 开拓
    ],
)
def test_a_slip_of_shape_is_mended_when_more_than_a_radical_is_shared(typed: str, meant: str | None) -> None:
    assert _ChairedAndTopics()._closest(typed) == meant


@pytest.mark.parametrize(("typed", "near"), [("王支", {"三支"}), ("五支", set()), ("3支", set())])
def test_a_numeral_typed_is_no_slip_of_another(typed: str, near: set[str]) -> None:
    # 五支 is five teams, not a slip of the article's 三支 (nor 四星庭院 of 五星庭院).
    assert _ThreeTeams().neighbours(typed) == near


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("梁依博是谁", "wj-liang-yibo"),  # 依 for 一, 博 for 波: two syllables of a name typed by sound
        ("梁依博是做什么的", "wj-liang-yibo"),
        ("凌雪花是谁", "jx-ling-xuehua-family"),
    ],
)
def test_a_name_typed_by_sound_throughout_is_the_person(engine: Engine, question: str, fact_id: str) -> None:
    reply = engine.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)


def test_a_name_sounds_like_one_person_or_none(engine: Engine) -> None:
    assert engine.index.name_by_sound("梁依博") == "梁一波"
    assert engine.index.name_by_sound("张依博") is None  # another surname: someone else


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("大乔镇有多少党员", "嘉兴科技城"),  # 乔 for 桥: a place's form typed by sound
        ("同李镇有多少党员", "吴江开发区"),  # 李 for 里
        ("大桥镇有多少党员", "嘉兴科技城"),
    ],
)
def test_a_place_typed_by_sound_is_the_place(engine: Engine, question: str, place: str) -> None:
    assert engine.index.query(question).places == (place,)


VILLAGE_ARTICLE = """\
澴溪镇：自来水通到家门口
2025-06-02 09:10  来源：岚川县融媒体中心
记者 宋知微

岜坳村地处深山，过去村民靠竹筒引水。今年，岜坳村312户全部通了自来水。
"""

VILLAGE_FACTS = """\
document:
  id: huanxi-water-2025
  title: 澴溪镇：自来水通到家门口
  outlet: 岚川县融媒体中心
  date: '2025-06-02'
  place: 澴溪镇
  text: articles/huanxi-water-2025.txt
facts:
- id: hx-households
  questions: [澴溪镇岜坳村有多少户通了自来水, 岜坳村通自来水的有几户, 澴溪镇通水户数]
  answer: 据2025年6月报道，澴溪镇岜坳村312户全部通了自来水。
  source: 今年，岜坳村312户全部通了自来水。
"""


def test_a_village_of_rare_characters_is_one_word_and_mended_without_an_alias(
    tmp_path: Path, settings: Settings
) -> None:
    # No alias names 岜坳村: the index learns it from the prose, so 巴 typed for 岜 is mended.
    knowledge = with_article(tmp_path, "huanxi-water-2025", VILLAGE_ARTICLE, VILLAGE_FACTS, "places: {}\n")
    engine = Engine.load(knowledge, settings)
    assert "岜坳村" in engine.index.query("岜坳村有多少户通了自来水").words
    reply = engine.answer("巴坳村有多少户通了自来水")
    assert (reply.status, reply.fact_id) == ("answered", "hx-households")


@pytest.mark.parametrize(
    ("prose", "villages"),
    [
        ("今年，岜坳村312户全部通了自来水。", ["岜坳村"]),
        ("仉家坳村后山有座瞭望塔。", ["仉家坳村"]),  # three characters, the first rare too
        ("菖埠村村民郇某说。", ["菖埠村"]),  # the 村 of 村民 ends no name
        ("部分收益用于修缮村道。", []),  # a verb before 村道
        ("他告诉记者，修缮前村里的年轻人都走了。", []),  # 缮前 cuts 修缮 in two
        ("芦花村种莲藕。", ["芦花村"]),  # a noun may name a village
    ],
)
def test_villages_of_rare_characters_are_read_off_the_prose(prose: str, villages: list[str]) -> None:
    assert village_names([prose], {}) == villages


WATER_FACTS = VILLAGE_FACTS.replace("岜坳村", "青岗村")


@pytest.mark.parametrize(
    ("question", "says_not_covered"),
    [
        ("青岗村的蓄水池是哪家公司承建的", False),  # the article's village, cut apart by jieba (青/岗村)
        ("枫坑村的蓄水池是哪家公司承建的", True),  # a village no article writes of
    ],
)
def test_a_village_the_articles_write_of_is_no_place_they_do_not_cover(
    tmp_path: Path, settings: Settings, question: str, says_not_covered: bool
) -> None:
    article = VILLAGE_ARTICLE.replace("岜坳村", "青岗村")
    knowledge = with_article(tmp_path, "huanxi-water-2025", article, WATER_FACTS, "places: {}\n")
    engine = Engine.load(knowledge, settings)
    assert engine.index.written("青岗村") and not engine.index.written("枫坑村")
    reply = engine.answer(question)
    assert reply.status == "declined"
    assert ("没有讲到" in reply.text) is says_not_covered, reply.text


def test_the_county_above_an_articles_place_is_one_word_and_asks_about_the_county(
    tmp_path: Path, settings: Settings
) -> None:
    # The outlet (岚川县融媒体中心) names the county: one word, where jieba would cut 岚/川县.
    knowledge = with_article(tmp_path, "huanxi-water-2025", VILLAGE_ARTICLE, VILLAGE_FACTS, "places: {}\n")
    engine = Engine.load(knowledge, settings)
    query = engine.index.query("岚川县有多少户通了自来水")
    assert "岚川县" in query.words and "岚川县" in query.terms  # what it asks about: the county
    # The whole county's figure is not the town's: no fact names the county's level.
    assert engine.answer("岚川县全县有多少户通了自来水").status == "declined"
    assert engine.answer("澴溪镇有多少户通了自来水").fact_id == "hx-households"
    from bot.matching.scoring import Question

    whole = [
        Question.of(engine.index, engine.index.query(q)).whole for q in ("岚川县全县通水率", "澴溪镇通水率在全县排第几")
    ]
    assert whole == ["县", ""]  # the town within the county is asked about the town
