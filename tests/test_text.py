"""Each step of the text pipeline, as tables."""

from __future__ import annotations

import pytest

from bot.text.normalize import AliasTable, normalize
from bot.text.numerals import cn_number
from bot.text.sound import pinyin

ALIASES = AliasTable(
    {
        "大桥镇": "嘉兴科技城",
        "科技城": "嘉兴科技城",
        "嘉兴科技城": "嘉兴科技城",
        "开发区": "吴江开发区",
        "同里镇": "吴江开发区",
        "吴江开发区": "吴江开发区",
        "吴江经济技术开发区": "吴江开发区",
        "氮化镓": "氮化镓",
        "gan": "氮化镓",
        "返乡创业园": "蓼坪返乡创业园",
    }
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２８９３名党员", "2893名党员"),  # full width → half width
        ("嘉興科技城設了幾個網格", "嘉兴科技城设了几个网格"),  # traditional → simplified
        ("ＧａＮ項目", "gan项目"),
        ("党员有多少呀？？", "党员有多少"),  # punctuation and a trailing particle
        ("党员一共有多少来着？", "党员一共有多少"),  # 来着: asking again, tone only
        ("举报有奖励不？", "举报有奖励吗"),  # a spoken yes/no question's closing 不
        ("奖励不高", "奖励不高"),  # …but not a 不 that negates
        ("七点四十开门", "7 40开门"),  # a time of day, as the article's 7:40 reads
        ("几十家企业", "几十家企业"),  # an estimate: 几 is no digit
        ("5千6百多名党员", "5600多名党员"),  # digits with Chinese units, as a keyboard offers them
        ("2千8百9十3名", "2893名"),
        ("5千6", "5600"),  # the bare digit counts the next unit down
        ("六十几个单位", "60几个单位"),  # 60几: read as "sixty-odd" (bot.question.kinds.guessed_numbers)
        ("6点40开门", "6 40开门"),
        ("七点半", "7 30"),
        ("提了三点要求", "提了三点要求"),  # three points, not three o'clock
        ("一点五六亿元", "1.56亿元"),  # a decimal, not a time
        ("有多少党员啊 科技城呢", "有多少党员 科技城"),
        ("党\u200b员", "党员"),  # zero-width space
        ("\u202e党员", "党员"),  # right-to-left override
        ("1.56亿元", "1.56亿元"),  # decimal point kept
        ("1,900余名群众", "1900余名群众"),  # a thousands separator: one number
        ("共12，345，678元", "共12345678元"),  # a Chinese IME's comma is the same after NFKC
        ("1,2,3", "1 2 3"),  # a list, not thousands
        ("2019年，300人", "2019年 300人"),
        ("……", ""),
        # an average said in full is the compact word reports write
        ("水厂一天平均能供多少水", "水厂日均能供多少水"),
        ("平均每天从全镇收", "日均从全镇收"),
        ("农户一家平均能多挣多少钱", "农户户均能多挣多少钱"),
        ("平均每人每月借书2.6册", "人均每月借书2.6册"),
        ("11天平均", "11天平均"),  # eleven days, not one
        ("每天能处理多少吨", "每天能处理多少吨"),  # each day, no average
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二十四个网格", "24个网格"),
        ("一千多名员工", "1000多名员工"),
        ("五千六百多名党员", "5600多名党员"),
        ("一百九十四堂党课", "194堂党课"),
        ("三月四号开的会", "3月4日开的会"),  # spoken 号 → written 日
        ("两个月", "2个月"),
        ("二〇一一年", "2011年"),
        ("一百零五次", "105次"),
        ("哪一年落户的", "哪一年落户的"),  # "which year", not the number one
        ("统一战线", "统一战线"),  # no measure word follows: not a number
        ("四五六战略", "四五六战略"),  # a slogan
        ("一书一章", "一书一章"),
    ],
)
def test_chinese_numerals(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("run", "value"),
    [("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("两千八百九十三", 2893), ("九", 9)],
)
def test_cn_number(run: str, value: int) -> None:
    assert cn_number(run) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("大桥镇有多少党员", "嘉兴科技城有多少党员"),
        ("吴江经济技术开发区", "吴江开发区"),  # longest alias wins over 开发区
        ("同里镇呢", "吴江开发区"),
        ("嘉兴科枝城有多少党员", "嘉兴科技城有多少党员"),  # one wrong character in a long name
        ("吴江开发去", "吴江开发区"),  # same sounds, wrong character
        ("科技园", "科技园"),  # one character off a three-character name: another name
        ("organ", "organ"),  # a Latin alias never matches inside a word
        ("gan项目", "氮化镓项目"),
        ("大桥镇长是谁", "嘉兴科技城 镇长是谁"),  # the 镇 of 镇长 stays with the post
        ("返乡创业圆有几家企业", "蓼坪返乡创业园有几家企业"),  # the last character, by its sound
        ("返乡创业补贴多少钱", "返乡创业补贴多少钱"),  # the name's start, then 补贴: no slip
    ],
)
def test_aliases(text: str, expected: str) -> None:
    assert normalize(text, ALIASES, typos=True) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("党组织", "党组只"), ("网格", "网各"), ("调研报告", "调研报高"), ("生产", "森禅")],
)
def test_homophones_share_pinyin(a: str, b: str) -> None:
    # 生产/森禅: sheng→sen, chan→can fold together (southern accents, fuzzy pinyin input).
    assert pinyin(a) == pinyin(b)


def test_english_words_become_chinese() -> None:
    assert normalize("How many 党组织 does 吴江开发区 have?", ALIASES) == "多少 党组织 吴江开发区"


def test_cilin_says_which_of_jiebas_place_names_are_common_words() -> None:
    from bot.text.thesaurus import classes, not_places

    # jieba tags 新鲜 and 太平 as places; Cilin files them as qualities. 杭州 and 井冈山 stay places.
    words = ["新鲜", "太平", "东西", "长度", "杭州", "郑州", "井冈山", "南京路", "从未见过的地名"]
    assert not_places(classes(words)) == {"新鲜", "太平", "东西", "长度"}


@pytest.mark.parametrize(("text", "normal"), [("水质Ⅱ类", "水质2类"), ("Ⅳ级", "4级"), ("ⅻ", "12")])
def test_roman_numeral_signs_are_digits(text: str, normal: str) -> None:
    assert normalize(text) == normal


def test_an_answer_may_write_a_roman_numeral_of_its_source_as_a_digit() -> None:
    from bot.knowledge.faithful import unfaithful_numbers

    source = "出境断面水质由Ⅳ类提升到Ⅱ类。"
    assert unfaithful_numbers("水质提升到2类。", source, "2025-11-18") == []
    assert unfaithful_numbers("水质提升到3类。", source, "2025-11-18") == ["3"]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("一万二千八百多户", "12800多户"),
        ("两万三千", "23000"),
        ("十二万八千", "128000"),
        ("2万5", "2万5"),
        ("二三十人", "二三十人"),  # twenty or thirty people, an estimate: not 230
        ("七八百米", "七八百米"),
    ],
)
def test_tens_of_thousands_and_the_rest_are_one_number(text: str, digits: str) -> None:
    from bot.text.numerals import numerals_to_digits

    assert numerals_to_digits(text) == digits


def test_cilin_says_which_words_are_only_ways_of_speaking() -> None:
    from bot.text.thesaurus import classes, function_words

    # jieba tags 全都 a noun; Cilin files it with the adverbs. A yes/no question missing it
    # still checks a claim the fact can confirm.
    assert function_words(classes(["全都", "已经", "真的", "门票", "全部"])) == {"全都", "已经", "真的"}


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        (["党委", "副", "书记"], ["党委", "副书记"]),
        (["副", "县长", "说"], ["副县长", "说"]),
        (["副", "食品"], ["副", "食品"]),  # no post after 副
    ],
)
def test_a_deputy_post_is_one_word(words: list[str], joined: list[str]) -> None:
    from bot.text.segment import deputies

    assert deputies(words) == joined


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("九处还是十处", "9处还是10处"),  # measure words beyond the commonest count too
        ("三台", "3台"),
        ("十公里", "10公里"),
        ("百分之九十七点四吗", "97.4%吗"),  # a share's decimal, whatever follows it
        ("百分之六十", "60%"),
        ("不到一百几十元", "不到100多元"),  # a figure said roughly
        # 一 and 零 before these are ways of speaking, and a lone 千 a typo of 干
        ("一部分", "一部分"),
        ("一块儿", "一块儿"),
        ("零部件", "零部件"),
        ("领导千部", "领导千部"),
    ],
)
def test_numerals_before_more_measure_words_are_numbers(text: str, digits: str) -> None:
    from bot.text.numerals import numerals_to_digits

    assert numerals_to_digits(text) == digits
