"""Who the knowledge names: posts, surnames, and the people news prose names by them.

A person is read off the prose, never off a list of names: a name after a post (党员赵青), before
说 after a post (书记万国强说), or before 夫妻 and the like. The surname list only keeps a verb
after a role (党员**筑牢**信仰) from being read as a name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from bot.text.lexicon import POST_ENDINGS, STOPWORDS, is_noise

#: Words that introduce a person's name in news prose (党员赵青, 村干部卫华), or follow it.
_ROLE = frozenset(
    "党员 书记 主任 干部 村干部 负责人 总经理 经理 所长 处长 局长 镇长 村长 主席 队长 组长 记者 通讯员 院长 老师 "
    "工人 歌手 董事长 委员 专家 博士 村民 居民 同志 先生 女士 主管 代表 作者".split()
)
#: How the word before a name ends when it is a post, a trade or who the person is (镇党委书记,
#: 巡库员, 村医, 代表性传承人).
_POSTED = (*POST_ENDINGS, "员", "村医", "医生", "医师", "传承人", "带头人", "手艺人")
_ROLE_AFTER = frozenset("夫妻 夫妇 一家 等人 说 称 表示 介绍".split())
#: Words asking for someone's post (「蔺海川是什么职务」): a fact naming the person with any post
#: (POST_ENDINGS) answers what post.
POST_QUESTIONS = frozenset("职务 职位 头衔 官职 岗位 身份 担任".split())


#: How a person is addressed by surname (蓟医生, 林书记, 王老师): a post, or a trade's title.
_ADDRESSED = frozenset((*POST_ENDINGS, "医生", "医师", "大夫", "村医", "老师", "师傅", "老板", "总"))


def surnamed(words: tuple[str, ...], people: frozenset[str]) -> tuple[str, ...]:
    """`words` with a surname before a title (蓟/医生, 林/书记) replaced by the one person of the
    knowledge who bears it: people speak of 蓟医生, the article of 蓟雁秋. Two people of that
    surname leave it as it is (the question does not say which)."""
    if not people:
        return words
    out = list(words)
    for i, (word, after) in enumerate(itertools.pairwise(words)):
        if len(word) != 1 or after not in _ADDRESSED or word in STOPWORDS:
            continue
        bearers = [p for p in people if p.startswith(word) and 2 <= len(p) <= 4]
        # A name the HMM made longer (赵青为 of 赵青为…) is the shorter one's.
        bearers = [p for p in bearers if not any(q != p and p.startswith(q) for q in bearers)]
        if len(bearers) == 1:
            out[i] = bearers[0]
    return tuple(out)


def posts(words: Iterable[str]) -> frozenset[str]:
    """The words among `words` that name a post (党委书记, 总经理), by their ending."""
    return frozenset(w for w in words if len(w) >= 2 and w.endswith(POST_ENDINGS))


#: The commonest Chinese surnames: a person's name begins with one, so 党员**筑牢**信仰 is a verb
#: after a role, not a name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂"
    "成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党"
    "宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封"
)


#: A name in news prose between a post and what the person said (党支部书记万国强说, 总经理宋佳怡
#:介绍): the surest sign of a person, and read off the text before jieba, whose HMM would glue
#: the name's last character to the verb (万国/强说).
@lru_cache(maxsize=1)
def _speaker() -> re.Pattern[str]:
    """Compiled on first use (an index build): a question never needs it."""
    return re.compile(
        "(?:"
        + "|".join(sorted(POST_ENDINGS, key=len, reverse=True))
        + ")"
        + "([\u4e00-\u9fff]{2,3}?)"
        + "(?=说|表示|介绍|告诉|指出|坦言|认为|感慨|笑着说|透露|解释)"
    )


def speakers(texts: Iterable[str]) -> list[str]:
    """The names of people quoted after their post (书记万国强说 → 万国强), in order of appearance.

    A name with a common surname may have two characters; between a post and 说 a three-character
    run is a name whatever its surname (主任蔺海川说, 总经理芮晓峰说), unless it is an adverb of
    saying (感慨地说, 也都说)."""
    found: dict[str, None] = {}
    for text in texts:
        for match in _speaker().finditer(text):
            name = match.group(1)
            if name[0] in SURNAMES or (len(name) == 3 and not _SAYING.search(name)):
                found[name] = None
    return list(found)


#: Characters of an adverb of saying, never of a name between a post and 说 (感慨地, 也都, 再三).
_SAYING = re.compile(r"[地的得也都又还就再曾却便才更很最亲一]")


@cache
def _name_characters() -> frozenset[str]:
    """The single characters jieba's dictionary tags as personal names (nr): the surnames a
    common-surname list lacks (庹, 蒯, 郏, 殳), with some given-name characters (晓, 峰)."""
    import jieba

    found: set[str] = set()
    with open(jieba.get_dict_file().name, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 1 and parts[2] == "nr":
                found.add(parts[0])
    return frozenset(found)


def surname_like(character: str) -> bool:
    """Whether a name after a post may begin with `character`: a common surname, or a
    character jieba knows as a name's. The post before it is the evidence; this only keeps
    a word (党委书记带领) from being read as a name."""
    return character in SURNAMES or character in _name_characters()


def _name_like(word: str) -> bool:
    """A common surname opens it, or a rarer one jieba knows (蔺, 訾) and no place's ending closes it
    (岩汐镇 after 走进: 岩 is a surname too)."""
    return word[0] in SURNAMES or (surname_like(word[0]) and not word.endswith(_PLACE_ENDS))


#: The endings of a place's name, which no person's name has.
_PLACE_ENDS = tuple("镇乡村县市区省")


def people(texts: Iterable[list[str]], names: frozenset[str], curated: frozenset[str] = frozenset()) -> frozenset[str]:
    """The `names` (words that may be a name: jieba's nr, or new words its HMM found) that the
    prose uses as a person's name: beginning with a surname, right after a role (党员赵青,
    作者: 俞艳婷) or before 夫妻, 说 and the like. `texts` are segmented sentences. A `curated`
    word (a curator's term) needs no common surname: 总经理芮晓峰说 names a person whatever
    the surname list holds."""
    found: set[str] = set()
    for words in texts:
        content = [w for w in words if not is_noise(w)]
        for i, word in enumerate(content):
            if word not in names or not 2 <= len(word) <= 3 or (not _name_like(word) and word not in curated):
                continue
            before = content[i - 1] if i else ""
            after = content[i + 1] if i + 1 < len(content) else ""
            if before in _ROLE or before.endswith(_POSTED) or after in _ROLE_AFTER:
                found.add(word)
    return frozenset(found - _ROLE - STOPWORDS)


def ages_of(name: str, text: str) -> frozenset[str]:
    """The ages `text` (normalised, digits) gives `name`: 「68岁的剪纸传承人厍秀芝」, 「厍秀芝（68岁）」,
    「厍秀芝今年68岁」 → {68岁}. Only an age standing next to the name, with no comma between."""
    name = re.escape(name)
    found = re.findall(rf"(\d{{1,3}})岁的[^，,。；;、\d]{{0,12}}?{name}", text)
    found += re.findall(rf"{name}[（(](\d{{1,3}})岁|{name}(?:今年|已经|已)?(\d{{1,3}})岁", text)
    flat = [a for item in found for a in (item if isinstance(item, tuple) else (item,)) if a]
    return frozenset(f"{age}岁" for age in flat)
