"""What a fact's sentence leaves untold, though it matches the question: a count of one place or
one item it names only in a list, each one's share of a total, a part of a whole, which members
of a counted group, a kind it names only among the rest, a total it gives only as a rate, the
others beside the one it names, last year's figure of what it compares with last year (a
thing's name untold: `bot.question.called`). Any answer given for these would be a guess; the engine says what the
article tells instead (`bot.matching.decide`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.question.kinds import Query
from bot.question.units import CLAUSE_END, COUNT, counted_in, figure_units, names_a_village, names_no_place
from bot.text.lexicon import INTERROGATIVES
from bot.text.normalize import normalize
from bot.text.numerals import ABOUT


@lru_cache(maxsize=4096)
def clauses(sentence: str) -> tuple[str, ...]:
    """A source sentence's clauses, normalised (Chinese numerals as digits); a list joined by 、
    stays one clause with the figure that counts it."""
    return tuple(normalize(clause).replace(" ", "") for clause in CLAUSE_END.split(sentence))


#: 「那45个人里，退伍军人有多少」: a whole given by its figure, then 里/中 and a count asked of a
#: part of it. 中 must end the phrase (服务中心 is no 中 of a whole).
_PART_OF = re.compile(
    rf"(?<![\d.])(\d+(?:\.\d+)?(?:万|亿)?){ABOUT}?[^\d\s]{{1,8}}?(?:里面|里头|当中|之中|里|中)(?=\s|有|的|占|是)"
    r"(?=.*(?:多少|几))"
)
#: A figure and the unit it counts in, as a clause of normalised text writes it.
_COUNTED = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?(?:万|亿)?){ABOUT}?([^\d\s])")
#: Units that count the same thing: 45名 and 45个人 are people, 185万元 money.
_SAME_UNIT = {"名": "人", "位": "人", "口": "人"}


def _unit(char: str) -> str:
    return _SAME_UNIT.get(char, char)


def part_of_whole(question: str, clauses: list[str]) -> str | None:
    """The whole (「45名」) when `question` (normalised) asks a count of a part of a whole that
    `clauses` (a fact's source, clause by clause) give only as a total.

    「镇级应急救援中队那45个人里，退伍军人有多少个」 of 「由45名年轻干部和退伍军人组成」: the
    article never splits the 45, so any figure given would be a guess. A part may be told when the
    whole's clause or any after it has another figure in the whole's unit or a share (%):
    「1.86万人中重点人群签约率多少」 of 「全镇签约1.86万人，其中…签约率达到91.5%」.
    """
    for asked in _PART_OF.finditer(question):
        whole = asked.group(1)
        for i, clause in enumerate(clauses):
            written = [found for found in _COUNTED.finditer(clause) if found.group(1) == whole]
            if not written:
                continue
            units = {_unit(found.group(2)) for found in written}
            # 「全镇签约1.86万人，其中…」 and 「签约的12个项目中，有8个…」 go on to tell its parts.
            others = {_unit(u) for c in clauses[i:] for n, u in _COUNTED.findall(c) if n != whole}
            return None if others & units or "%" in others else written[0].group(0)
    return None


#: 「18座公厕分别建在哪几个村」: where each one is, or what they are called (not 哪些人: what
#: kind of people, which 「由年轻干部和退伍军人组成」 tells).
_WHICH = re.compile(
    r"哪(?:些|几个|几)?(?:村|社区|地方|处|小区|路口|路段|地点|位置|街道|学校|企业|单位|公司)|在哪|叫什么|名字|名单|分别是哪"
    r"|哪[一几][个项家所座条支位批类种]|[都还]?(?:有|是)哪些"
    r"|(?:里|中|里面|当中)(?:有没有|是否有|包不包括|包括没包括)"  # 「23名志愿者里有没有亓佳禾」
)
#: Villages asked of: the sentence naming one may be telling which.
_VILLAGES_ASKED = re.compile(r"哪(?:些|几个|几)?(?:村|社区)")
#: A counted group in a question: 18座公厕, 那3个偏远自然村, 5名村医.
_GROUP = re.compile(rf"(?<![\d.])(\d+){ABOUT}?(个|座|处|名|家|所|条|支|项|位|户|批|间|栋|台|辆)")
#: A question asking each one's figure: 每人, 每户, 分别, 各自, or the largest one (最多的一家).
_EACH = re.compile(r"每(?:人|户|个|家|位|名|村|所|一)|分别|各自|各[村户家人]|最[多高大少低]的(?:一|1|那)")
#: A figure given as a total: 共计23.8万元, 合计1.2万人, 累计32家.
_TOTAL = re.compile(
    rf"(?:共计|合计|总计|一共|累计|总共|共)(?:[^\d，。,；;、]{{0,4}}?)(\d+(?:\.\d+)?(?:万|亿)?){ABOUT}?([^\d\s，。,；;、]{{1,2}})"
)


def each_untold(question: str, sentence: str) -> str | None:
    """The total (「共计23.8万元」) when `question` (normalised) asks each one's figure —
    「17名农民工每人分别被拖欠了多少工资」 — of a fact whose `sentence` gives only the total: the
    article never splits it, so any share given would be a guess. A sentence that says what each
    gets (每人, 各, 人均) or gives other figures in the total's unit tells the parts."""
    if not _EACH.search(question) or re.search(r"每|各|人均|平均|户均", sentence):
        return None
    told = normalize(sentence).replace(" ", "")
    total = _TOTAL.search(told)
    if total is None:
        return None
    unit = total.group(2)[:1]
    others = [f for f in _COUNTED.finditer(told) if f.group(2) == unit and f.start() != total.start(1)]
    return None if others else total.group(0)


def counted_kind(query: Query) -> str | None:
    """The key term right before the focus of a count (「合同纠纷有多少件」 → 合同): the kind of
    thing counted, which the figure must stand beside."""
    words = query.words
    at = [i for i, word in enumerate(words) if query.focus and word == query.focus[0]]
    asking = [i for i, word in enumerate(words) if word in INTERROGATIVES or word in ("多少", "几")]
    if not at or not asking:
        return None
    # The focus next to the asking word: 「新进员工住房紧张，帮多少员工解决了住处」 counts the second.
    here = min(at, key=lambda i: min(abs(i - j) for j in asking))
    before = words[here - 1] if here else ""
    return before if len(before) >= 2 and before in query.terms and not before.isdigit() else None


def kind_untold(query: Query, sentence: str) -> str | None:
    """The kind asked (合同纠纷) when `sentence` names it only where it gives no figure, while it
    counts other kinds of the same thing: 「土地权属和邻里纠纷146件…其余为合同、损害赔偿等纠纷」
    does not say how many 合同纠纷 there were."""
    units = figure_units(query)
    if units[:1] != (COUNT,) or not query.focus:
        return None
    told = clauses(sentence)
    kind = counted_kind(query)
    if kind is None:
        # 「查了多少所学校食堂」 of 「对餐饮场所、学校食堂和居民用户开展检查，检查餐饮单位186家」: the
        # thing asked is only listed, and nothing is counted in its measure (所).
        named = [c for c in told if query.focus[0] in c]
        figures = [c for c in told if re.search(r"\d", c)]
        measured = units[2] and counted_in(units[2]).search("".join(told))
        untold = named and figures and not measured and not any(re.search(r"\d", c) for c in named)
        return query.focus[0] if untold else None
    naming = [c for c in told if any(f in c for f in query.focus)]
    kinds = [c for c in naming if kind in c]
    counted = [c for c in naming if re.search(r"\d", c)]
    return f"{kind}{query.focus[0]}" if kinds and counted and not any(re.search(r"\d", c) for c in kinds) else None


#: A question asking a total: 「一共发了多少误工补贴」, 「累计投入多少钱」.
_ASKS_TOTAL = re.compile(r"一共|总共|共计|合计|总计|累计|总额|总数|加起来")


def count_untold(query: Query, sentence: str) -> str | None:
    """The rate (「每个家庭医生团队由1名卫生院医生、1名护士…组成」) when a question asks the total
    count of its focus — 「中心卫生院一共有多少名护士」 — and `sentence` counts it only per unit
    (每个…): the article never adds it up."""
    if not _ASKS_TOTAL.search(query.text) or figure_units(query)[:1] != (COUNT,) or not query.focus:
        return None
    told = dict(zip(CLAUSE_END.split(sentence), clauses(sentence), strict=True))  # as written → normalised
    counted = [c for c, normal in told.items() if query.focus[0] in normal and re.search(r"\d", normal)]
    each = [c for c in counted if re.search(r"每[^\d]{0,10}\d", told[c])]
    return each[0] if counted and len(each) == len(counted) else None


@lru_cache(maxsize=64)
def _rated(units: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A figure in `units` given as a rate (每件50元, 每人每月600元, 按每亩80元的标准, 50元/件,
    每亩多收了20来斤), and any figure in them."""
    unit = "(?:" + "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) + ")"
    figure = rf"\d+(?:\.\d+)?(?:万|亿)?{ABOUT}?{unit}"
    return re.compile(rf"每[^\d，。,；;]{{1,8}}?({figure})|({figure})/"), re.compile(rf"(?<![\d.]){figure}")


def total_untold(question: str, sentence: str, units: tuple[str, ...] = ("元",)) -> str | None:
    """The rate (「每件50元」, 「每亩多收了20来斤」) when `question` (normalised) asks the total in
    `units` — 「今年给调解员发的误工补贴一共多少钱」, 「去年春茶总共收了多少斤」 — of a fact whose
    `sentence` gives figures in them only as a rate: the article never adds it up, so any total given
    would be a guess."""
    if not _ASKS_TOTAL.search(question) or not units:
        return None
    told = normalize(sentence).replace(" ", "")
    rate, figure = _rated(units)
    rates = [found.group(0) for found in rate.finditer(told)]
    sums = figure.findall(told)
    return rates[0] if rates and len(sums) == len(rates) else None


#: A name of a place within a town, as a list item: 石楠坳村, 鲦溪社区, 纺机厂宿舍小区, 粮站新村.
_MEMBER = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:村|社区|小区|苑)$")
#: The count of a list's items after its last one: 等4个村, 4个小区.
_LIST_COUNT = re.compile(r"^等?(?:\d+|[一二两三四五六七八九十]+)个?(?:村|社区|小区|地方|区域)")
#: What joins the items of a list: 、 and the last one's 和, 及, 以及, 与.
_JOINS = ("、", "和", "及", "以及", "与")


def one_of_list(terms: tuple[str, ...], sentence: str, question: str = "") -> tuple[str, str] | None:
    """(the place, the list) when a question counts in one place (`terms`: its key terms) that the
    fact's `sentence` names only as an item of a list — 「鲦溪社区建了几个充电棚」 of 「在鲦溪社区、
    栎港社区以及芰塘村…新建电动自行车集中充电棚」: the article tells the list's figure, never that
    place's, so any figure given would be a guess. A place the sentence also gives a figure of
    (仉家坳村林地2100公顷) is no mere item, and a `question` naming it with 等 (「在紫坪村等村设了多少
    面宣传墙」) asks the list's figure itself."""
    members = [t for t in terms if _MEMBER.search(t) and not names_no_place(t)]
    if len(members) != 1 or (place := members[0]) not in sentence or f"{place}等" in question:
        return None
    spots = [m.start() for m in re.finditer(re.escape(place), sentence)]
    if not all(_listed(sentence, at, len(place)) for at in spots):
        return None
    clause = next(c for c in CLAUSE_END.split(sentence) if place in c)
    return place, clause


def item_of_list(terms: tuple[str, ...], sentence: str, question: str = "") -> tuple[str, str] | None:
    """(the item, the list's clause) when a question counts one thing (`terms`: its key terms)
    that the fact's `sentence` names only as an item of a list counted as a whole — 「挂历发了多少
    份」 of 「发放宣传折页、挂历、围裙等宣传品2.8万余份」: the figure is the list's, never the item's.
    One item only, and no list in the question: one naming two of its items or saying 等 (「拉动了多少餐饮
    住宿等消费」) asks the list's figure."""
    if "等" in question:
        return None
    items = [t for t in terms if len(t) >= 2 and not t.isdigit() and t in sentence]
    joined = [
        t for t in items if any(_joined(sentence, m.start(), len(t)) for m in re.finditer(re.escape(t), sentence))
    ]
    if len(joined) != 1:
        return None
    item = joined[0]
    for found in re.finditer(re.escape(item), sentence):
        own = re.split(r"[、和及与，,。；;等]", sentence[found.end() :], maxsplit=1)[0]
        if not _joined(sentence, found.start(), len(item)) or re.search(r"\d|[一二三四五六七八九十百千万]", own):
            return None  # 挂历3000份、围裙500条: each item its own figure
    clause = next(c for c in CLAUSE_END.split(sentence) if item in c)
    after = clause[clause.index(item) + len(item) :]
    return (item, clause) if "等" in after and re.search(r"\d", after) else None


def _joined(sentence: str, at: int, size: int) -> bool:
    """Whether the words at `at` stand in a list: a join right before or after them."""
    return sentence[:at].endswith(_JOINS) or sentence[at + size :].startswith(_JOINS)


def _listed(sentence: str, at: int, size: int) -> bool:
    """Whether the name at `at` is an item of a list: a join right before or after it, and no
    figure of its own before the next item (A村3户、B村5户 give each its own)."""
    after = sentence[at + size :]
    if not _joined(sentence, at, size):
        return False
    own = re.split(r"[、和及与，,。；;]", after, maxsplit=1)[0]
    own = _LIST_COUNT.sub("", own)  # 粮站新村4个小区: the list's count after its last item
    return not re.search(r"\d|[一二三四五六七八九十百千万]", own)


def list_untold(question: str, sentence: str) -> str | None:
    """The count (「18座」) when `question` (normalised) asks which members of a counted group
    are meant — 「18座公厕分别建在哪几个村」, 「那4个卡口设在哪些路口」 — and the clause of the fact's
    `sentence` (as the article writes it) that counts them lists nothing, nor, when villages are
    asked, does the sentence name one: the article tells how many, not which, and naming any would
    be a guess. Other things counted beside them (「新建口袋公园3处、儿童活动场地2处」) are no list of
    members."""
    if not _WHICH.search(question):
        return None
    told = normalize(sentence).replace(" ", "")
    if _VILLAGES_ASKED.search(question) and names_a_village(told):
        return None
    for number, measure in _GROUP.findall(question):
        found = next((f for f in _GROUP.finditer(told) if f.groups() == (number, measure)), None)
        if found is None:
            continue
        own = next((c for c in CLAUSE_END.split(sentence) if f"{number}{measure}" in c), sentence)
        joined = own[: own.find(f"{number}{measure}")].endswith(_JOINS)
        if not joined and any(not re.search(r"\d", item) for item in own.split("、")[:-1]):
            return None  # 「在长三角、珠三角开展招商16批次」: a list; the ones asked may be in it
        # 「整合邮政、供销和4家民营快递企业」: the 4家 are one item beside the others, not named.
        return found.group(0)
    return None


#: 「除了郗小雨，其他几个徒弟都叫什么」: one named, the rest asked.
_BESIDES = re.compile(r"除了?([^，,。？?\s]{2,20}?)(?:以外|之外)?[，,\s]*(?:其他|其余|另外|别的|还有)")
#: What joins the members of a list in a sentence: the others are named beside the one asked.
_LISTED = " 和及与跟"


def others_untold(question: str, sentence: str) -> str | None:
    """The one named (郗小雨) when `question` (normalised) asks for the others beside it and the
    fact's `sentence` names it alone — 「年龄最小的郗小雨」, or the first of a list cut short
    (「沄岙社区文化礼堂等3处集中安置点」): the article does not say who or where the rest are."""
    found = _BESIDES.search(question)
    if not found:
        return None
    named = found.group(1)
    told = normalize(sentence)  # 、 becomes a space: a list's separator still
    parts = [p for p in re.split(r"[和与及、\s]", named) if p]
    if not parts or any(p not in told for p in parts):
        return None
    last = parts[-1]
    at = told.find(last)
    if told[at + len(last) : at + len(last) + 1] == "等":
        return named  # 「农商银行厍岭支行、邮储网点等4家」: a list cut short
    if len(parts) > 1:
        return None  # several named in a list that goes on: the others may be in it
    before, after = told[at - 1 : at], told[at + len(last) : at + len(last) + 1]
    listed = (before and before in _LISTED) or (after and after in _LISTED)
    return None if listed else named


#: A question asking last year's figure (去年同期, 上年).
_LAST_YEAR = re.compile(r"去年|上年|上一年")
#: Last year named only to compare with it: 比去年同期提高8.2个百分点, 同比增长, 由去年同期的68%提升至….
_COMPARED = re.compile(r"(?:比|较|同比|由)(?:去年|上年|上一年)?(?:同期)?的?")
#: …a comparison, that is, naming last year (由 alone starts no comparison).
_COMPARISON = re.compile(r"(?:比|较|由)(?:去年|上年|上一年)|同比")
#: A question asking the change itself, or this year's figure beside last year's.
_CHANGE_ASKED = re.compile(r"比|较|同比|提高|提升|增长|增加|减少|下降|降低|缩短|涨|跌|多了|少了|现在|今年")
#: …or with last year's figure itself: 比去年同期的3870批次, 由去年底的81.3%提高到98.6%.
_GIVEN = re.compile(r"(?:比|较|由)(?:去年|上年|上一年)(?:同期|底|末)?的\d")
_YEAR_WORDS = frozenset("去年 去年同期 同期 上年 上一年 今年 全镇 全乡 全县".split())


def last_year_untold(query: Query, sentence: str) -> bool:
    """Whether `query` asks last year's figure (「去年同期全镇糖尿病患者规范管理率是多少」) and the
    fact's `sentence` speaks of last year only to compare (「高血压…由去年同期的68%提升至84.3%，
    糖尿病患者规范管理率达到80.6%」, or 「比去年同期提高8.2个百分点」): the article gives this year's
    figure and the change, not last year's.

    A time the sentence sets before the clause asked — 「去年该书房…，新办借阅证1860张」, 「2024年
    以来，…累计接收捐赠图书1.16万册」 — may well be last year: the figure is told, not untold. So is
    one of a sentence that compares nothing."""
    if query.asks not in ("number", "money") or query.yes_no or not _LAST_YEAR.search(query.text):
        return False
    if _CHANGE_ASKED.search(query.text):
        return False  # 「比去年同期提高了多少」 asks the change the fact tells
    asked = [t for t in query.terms if t not in _YEAR_WORDS and len(t) >= 2 and not t.isdigit()]
    parts = clauses(sentence)
    told = [i for i, c in enumerate(parts) if any(t in c for t in asked)]
    if not asked or not told or not _COMPARISON.search("".join(parts)):
        return False
    # A tie is settled by the single characters too: 「救生衣穿着率」 is the clause with 率 (穿着率由去年的
    # 86%提高到98.5%), not 「查处不按规定穿着救生衣行为27起」.
    at = max(told, key=lambda i: (sum(t in parts[i] for t in asked), sum(t in parts[i] for t in query.terms)))
    if _GIVEN.search(parts[at]):
        return False  # 比去年同期的3870批次, 由去年底的81.3%: last year's figure is told
    plain = _COMPARED.sub("", "".join(parts[: at + 1]))
    return not _LAST_YEAR.search(plain) and not re.search(r"\d{4}年", plain)
