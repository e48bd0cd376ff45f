"""What a curator's note says the article does not tell, and whether a question asks just that.

A curator ends an answer with 「（文中未写明路长姓名）」 when users will ask what the article never
says. The note's words say what is missing (a name, a figure, a date, what something consists
of); a question asking that kind of thing of the fact is declined with the note, and the fact
offered for what it does say.
"""

from __future__ import annotations

import re

from bot.question.kinds import Query
from bot.text.normalize import normalize

# What a curator's note says the article leaves out (bot.knowledge.model.Fact.unsaid), and how a
# question asks for the same: a name (叫什么名字, 哪所大学), a count, a time, what it consists of,
# or the conditions or rule it follows (「要符合哪些条件」 of 「文中未写明“符合条件”的具体条件」,
# 「是怎么划分的」 of 「文中未说明三种颜色各对应哪类问题」).
_MISSING = {
    "name": re.compile(r"名称|名字|姓名|叫什么"),
    "number": re.compile(r"次数|数量|人数|数字|多少|号码|金额|面积|长度|距离|重量|产量"),
    "price": re.compile(r"价格|单价|价钱|售价|收购价|费用|收费"),
    "date": re.compile(r"年份|时间|日期|哪年|哪天"),
    "content": re.compile(r"内容|含义|解释|是什么|指什么"),
    "rule": re.compile(r"条件|标准|办法|方式|方法|规则|对应|怎么|如何"),
}
_WANTS = {
    # 哪所 asks which school or institute; 哪家, 哪个 ask a name only of the thing after them
    # (哪家企业 is not the unnamed 研究所): `asks_unsaid` checks that one by the note's words.
    "name": re.compile(r"叫什么|叫啥|什么名字|啥名字|名称|哪所"),
    "content": re.compile(
        r"是什么|是啥|指什么|指的是|什么内容|具体内容|啥内容|包括|什么意思|啥意思|有哪些|哪[\d一二三四五六七八九十两几]"
    ),
    "rule": re.compile(r"条件|标准|资格|规则|(?:怎么|如何|怎样|咋)(?:划分|区分|分|算|评|申请|才能|办理)"),
}


#: Asking which ones by name, after the things were named, to end the question: 分别是哪几家, 是哪些
#: (not 「…的是哪个团队」, which asks of the 团队).
_WHICH_ONES = re.compile(
    r"(?:(?:分别|具体)?是哪(?:[几些一二两三四五\d][个家所位座项]?|[个家所位座项])|分别叫什么(?:名字)?)[呢啊呀吗]?$"
)

#: The kinds of question that ask what each sort of note leaves out.
_MISSING_KINDS = {
    "name": frozenset({"named"}),
    "number": frozenset({"number", "money"}),
    "date": frozenset({"date", "year", "day", "weekday", "clock"}),
}


def noted_kinds(note: str | None) -> frozenset[str]:
    """The kinds a fact answers by its note that the article does not tell them: 「早上几点开门」 is
    answered (declined with the note) by a fact noting 「文中未写明…开门时间」, not by another town's
    opening hours."""
    if not note:
        return frozenset()
    kinds = {
        kind for name, pattern in _MISSING.items() if pattern.search(note) for kind in _MISSING_KINDS.get(name, ())
    }
    return frozenset(kinds | ({"person"} if "姓名" in note else set()))


def asks_unsaid(query: Query, note: str | None) -> bool:
    """Whether `query` asks for just what a curator's note says the article does not tell (never,
    when the fact has no note)."""
    if not note:
        return False
    wants = {name for name, pattern in _WANTS.items() if pattern.search(query.text)}
    # 「博众精工联系的是哪个机器人研究所」 asks which one by name, when the note says the article
    # leaves out the 研究所's name.
    unnamed = _left_out(note, "名称|名字")
    if unnamed and re.search(rf"哪\d*[个所家位座些][^的和与及,，]{{0,6}}{re.escape(unnamed)}", query.compact):
        wants.add("name")
    # 「那4家民营快递企业分别是哪几家」: the unnamed things named first, then which ones they are.
    if unnamed and unnamed[-2:] in query.compact and _WHICH_ONES.search(query.compact):
        wants.add("name")
    # 「文中未写明各项资金的具体金额」 leaves out the parts; 「一共投资了多少钱」 asks the total it gives.
    of_parts = re.search(r"各|分别|每[个项村户]", note) and re.search(
        r"一共|总共|合计|总计|总投资|总额|共|累计", query.text
    )
    if query.asks in ("number", "money", "phone") and not query.yes_no and not of_parts:
        wants.add("number")  # a telephone number is a figure a note leaves out too (热线的号码)
    # 「收购价是每斤多少钱」 of 「文中未写明每斤的具体收购价格」; not 「每斤比往年高出多少」, which it tells.
    if re.search(r"价|费", query.text) and not re.search(r"比|高出|多出|涨|增加|提高|降", query.text):
        wants.add("price")
    if query.asks in ("person", "named") and "姓名" in note:
        wants.add("name")  # 「路长是谁」 of 「文中未写明路长姓名」
    if query.asks in ("date", "year", "day", "weekday", "clock"):
        wants.add("date")
    # 「文中未写明组长姓名」 leaves out who the 组长 is; 「谁是第一责任人」 asks of someone else. The
    # head of what is unnamed (its last two characters: 组长, 村民 of 该村民) must be asked about.
    # Only a person's name: a thing's (高校名称) is asked in other words too (哪所大学).
    nameless = _left_out(note, "姓名")
    if nameless and nameless[-2:] not in query.compact:
        wants.discard("name")
    # 「文中未写明收购商名称」 leaves out who buys; 「鬯塘村的合作社叫什么」 asks a name the fact gives.
    # A thing's name is asked in other words too (哪所大学 of 高校名称), so only a question sharing
    # no character with what is unnamed, and not asking 哪所/哪家, asks of something else.
    if unnamed and not any(c in query.compact for c in unnamed) and not re.search(r"哪[所家]", query.compact):
        wants.discard("name")
    # 「文中未写明托育室的开放时间」 leaves out when it opens; 「早上几点门口就排队了」 asks a time it gives.
    timed = _left_out(note, "时间|日期|年份")
    if timed and not any(c in query.compact for c in timed[-2:]):  # 几点开门 still asks 开放时间
        wants.discard("date")
    # 「文中未写明网格员人数」 leaves out how many 网格员; 「有几个网格」 asks of the 网格 it gives.
    counted = _left_out(note, "人数|数量|次数").replace("具体", "")
    if counted and counted[-2:] not in query.compact:
        wants.discard("number")
    # 「文中未列出“四风”具体内容」 leaves out what 四风 are; 「第一环节的重点是什么」 asks something else.
    named = re.findall(r"[“\"]([^”\"]+)[”\"]", note)
    if named and not any(normalize(n) in query.text for n in named):
        wants.discard("content")
    # 「文中未列出各项的具体内容」 leaves out what each of the 26项 is; 「改造清单分哪几类」 asks the
    # three 类 the fact gives. What has no content told (项, of 各项) must be asked about.
    whose = re.sub(r"^(?:各|每|这些|该|其)", "", _left_out(note, "内容"))
    if whose and whose[-2:] not in query.compact and whose[-1] not in query.compact:
        wants.discard("content")
    return any(_MISSING[kind].search(note) for kind in wants)


def _left_out(note: str, field: str) -> str:
    """What a note says the article leaves `field` of (normalised), or "": 「文中未写明网格员人数」
    leaves out the 人数 of 网格员; `field` is an alternation (人数|数量|次数)."""
    found = re.search(rf"未(?:写明|列出|提及|说明|给出)(?:具体)?(.+?)的?(?:具体)?(?:{field})", note)
    if not found:
        return ""
    # 「未列出这9个项目的全部名称」 leaves out the names of 项目.
    # 「未列出是哪5个村的名称」 leaves out which 村.
    what = re.sub(r"^(?:这些|这\d*个|该|其|是?哪\d*[个所家位座些项])|(?:的)?(?:全部|所有|各自)$", "", found.group(1))
    return normalize(what)
