"""Wordings that ask for the figures of a sentence (`faqbot draft`, via `bot.curation.wordings.Wordings`):
「9个行政村、2个社区划分为86个网格」 is asked 「…划分为多少个网格」, 「网格几个啊」 and as keywords;
money with 多少钱, a rate with 是多少, a span with 多久, a frame (在全县148个行政村中) as what it counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.curation.clauses import FIGURE
from bot.curation.phrases import AMONG, OPENERS, counted_before, known_word, spoken_phrase
from bot.question.timeframe import PLANNED, tells_plan_only
from bot.text.normalize import is_han
from bot.text.numerals import ABOUT

#: A number as news prose writes it, with what it counts: 86个, 1.82万吨, 97.6%, 2.3万余户次.
_COUNT = re.compile(
    rf"(?<![\d.])\d+(?:\.\d+)?{ABOUT}?(?:万|亿)?{ABOUT}?"
    r"((?:个多小时|个半小时|个多月|个半月|个|名|件|项|户|人|座|家|场|次|条|所|批位|位|台|套|元|吨|亩|米|公里|千米|"
    r"册|张|本|篇|部|枚|轮|堂|节|箱|袋|瓶|盒|桶|"
    r"平方公里|平方米|公顷|千瓦时|千瓦|兆瓦|毫米|厘米|盏|起|间|处|只|头|辆|期|类|支|棵|株|斤|公斤|千克|小时|分钟|个月|周|天|年|届|"
    r"岁|%|立方米|倍|块|份|根|口|眼|把|具|架|例|站路|站|栋|幢|艘|层|度|尾|羽)*)"
)
#: The figures asked of one fact at most: a summary sentence lists seven or eight (146场…73栋…58个).
MOST_FIGURES = 8
#: A number of five digits or more with nothing after it that counts (12345 of 12345热线).
_CODE = re.compile(r"\d{5,}")
#: Measure words of things counted one by one, small enough to ask with 几 (几个, 几座).
SMALL = frozenset("个 名 件 项 座 家 场 次 条 所 位 台 套 类 支 间 处 批 期 届 块 份 根 口 眼 例 站 栋 幢 艘".split())
#: A span in hours or months with 多 or 半 inside (2个多小时): asked 多长时间.
_ROUGH_SPAN = ("个多小时", "个半小时", "个多月", "个半月")
#: What a clause says of the figure of the clause before (这一数字, 该比例): the thing it measured.
_THAT_FIGURE = re.compile(r"(?:这一|这个|该|此)(?:数字|数据|比例|指标|数值)")
#: A year alone before a figure (2023年为85%): what it measures is the clause before's.
_YEAR_ONLY = re.compile(r"^(?:而|但|其中)?(?:\d{4}年|去年|今年|上年|前年)(?:同期)?(?:的)?[为是达]?$")
_MONEY = ("元", "万元", "亿元")
#: A verb that leads into a figure (办结率达97.6%, 突破1000万): left out of 「…是多少」 — not the
#: 近 of 附近 or the 约 of 预约.
_VERB_BEFORE = re.compile(
    r"(?:可以|可|能|将|有望)?(?:不超过|不少于|不低于|不足|达到|达|为|(?<![预节合契公])约|(?<![附接最将靠邻亲])近|超过|突破|共计|累计)+$"
)
#: A verb spending the money after it (投入85万元建设…).
_SPENT = re.compile(r"(?:投入|投资|花费|花了|出资|拿出|耗资|安排|筹集|整合)(?:资金|了)?$")
#: A verb whose object is the figure (提高到89.3%, 稳定在95%以上, 达92%).
_REACHED = re.compile(r"(?:到|至|达|在|为|是|超过|突破|低于|高于|不足|占)$")
#: A change from a figure to the one asked (由2024年底的61.5%提高到).
_CHANGED_FROM = re.compile(r"[由从][^，]*?(?:提高|提升|增加|增长|上升|下降|降低|减少|降)(?:到|至)$")
#: A clause comparing the figure of the clause before (比去年提高8.2个百分点, 同比增长9.4%).
_COMPARED = re.compile(r"^(?:比|较|同比|环比|相比)")
#: A verb of change: its figure is asked 提高多少, not 提高有多少.
CHANGED = re.compile(r"(?:提高|提升|增加|增长|减少|下降|降低|多出|少了|扩大|缩短|超出)$")
#: A measure word a cut left at the front of a phrase (个托育室 of 4个托育室).
_STRAY_MEASURE = re.compile(r"^(?:个|名|项|家|座|位|户|条)(?=[\u4e00-\u9fff]{2})")
#: A short question cannot open with a preposition or a bound (对连片面积…以上, 按每公斤, 超过田块
#: 面积的): what it leans on was cut away.
_LEANING = frozenset("对 按 按照 向 给 从 比 超过 不超过 低于 高于 不低于 不少于".split())
#: A part of a whole the clause counts (9个社区中的): asked in full only.
_PART_OF = re.compile(r"中的?$")
#: What leads from a measured thing to its figure (为每月, 达到, 提高到): no part of the thing.
_MEASURED_END = re.compile(r"(?:为|是|达到|达|约|提高到|增加到|增长到|降到|降至|提高至|增至)?(?:每[月年天人户亩])?$")
#: A count of times something was done to each (人次, 辆次, 户次): asked in the whole unit, not 几次.
_PER_TIME = re.compile(r".次$")


def _planned(sentence: str) -> str:
    """How a short wording of a plan's figure says it is one: the plan's year (2026年) or 计划.
    A spoken question keeps only the thing counted, and 「自来水普及率是多少啊」 of 「力争2026年
    普及率达到99.5%」 would ask this year's figure, which another fact tells."""
    if not tells_plan_only(sentence):
        return ""
    year = re.search(r"\d{4}年", sentence)
    return year.group(0) if year else "计划"


@dataclass(frozen=True)
class Phrasing:
    """How `Wordings` names the article's place and keeps names whole, for the figures' wordings."""

    place: str
    scoped: Callable[[str], str]  # naming the place in full (洞溪镇…)
    short: Callable[[str], str]  # naming it by its short form (洞溪…)
    unbroken: Callable[[str, str], str]  # a phrase reaching back to the start of a name it cuts
    keywords: Callable[[str], list[str]]  # what a sentence is about, as keywords


def _leans(thing: str) -> bool:
    """Whether a short question would open with a preposition or a bound (对|连片面积…, 按|每公斤,
    超过|田块面积的) — a word, not a character: 从业人员 opens with no 从."""
    import jieba

    first = next(iter(jieba.cut(thing)), "")
    return first in _LEANING


def _owner(clause: str, thing: str) -> str:
    """The thing the clause before names last, when `thing` is a bare attribute of it (「…改造成了
    一个标准篮球场，面积约680平方米」: the 面积 is the 篮球场's — Chinese leaves the owner unsaid, and
    「缑岙镇面积多少」 would ask the town's); "" when `thing` is no bare noun or the clause ends in none."""
    import jieba.posseg

    if len(thing) != 2 or not clause:
        return ""
    said = list(jieba.posseg.cut(thing))
    if len(said) != 1 or not said[0].flag.startswith("n") or said[0].flag == "nr":
        return ""
    words = list(jieba.posseg.cut(clause))
    last = words[-1] if words else None
    ok = last is not None and len(last.word) >= 2 and last.flag.startswith("n") and is_han(last.word)
    return last.word if ok else ""


def figure_wordings(clauses: list[str], about: list[str], context: str, phrasing: Phrasing) -> tuple[list[str], int]:
    """For each figure (a clause's last first: 「9个行政村、2个社区划分为86个网格」 tells 86):
    the clause asking 多少 with the place, then a short colloquial question about what
    is counted (几 for things counted one by one, 多少钱 for money), then a keyword query;
    and how many figures were asked."""
    full: list[str] = []
    spoken: list[str] = []
    keyed: list[str] = []
    planned = _planned("，".join(clauses))
    subject = ""  # what the clause before measured: 卫生厕所普及率 of 「…普及率达到93.6%」
    previous = ""  # the clause before, which may name what a bare attribute (面积) is of
    for clause in clauses:
        previous, clause_before = clause, previous
        if among := AMONG.fullmatch(clause):
            # 「在全县148个行政村中，…」: a frame for what follows, asked as what it counts.
            scope, measure, counted = among.group(1), among.group(2), among.group(3)
            full.append(f"{scope}有多少{measure}{counted}")
            spoken.append(f"{scope}一共几{measure}{counted}")
            continue
        compared = bool(_COMPARED.match(clause))
        told = False  # the clause's last figure is asked; before it, only a sum spent on what follows
        for match in reversed(list(_COUNT.finditer(clause))):
            if told and not (match.group(1) in _MONEY and _SPENT.search(clause[: match.start()])):
                continue  # 「投入136万元新建蓄水池2座」: the 2座 and the 136万元 both
            if not FIGURE.match(clause, match.start()) or clause[: match.start()].endswith(("第", "这", "那")):
                continue  # a date or a time, an ordinal (第5网格) or a figure told before (这1.82万公顷)
            if _CODE.fullmatch(match.group(0)) and re.match(r"[\u4e00-\u9fff]", clause[match.end() :]):
                continue  # five digits glued to a name with no measure word (12345热线): a code
            unit = match.group(1)
            before, after = clause[: match.start()], clause[match.end() :]
            if unit == "岁" and after.startswith("的"):
                continue  # 「今年67岁的她」: an age before the person, asked with the person (多大岁数)
            if "分别" in before:
                # 「基料化和原料化利用分别为0.4万吨和0.3万吨」: both are asked, not the last.
                before = before[: before.index("分别") + 2] + "是"
            magnitude = re.search(r"[万亿]", match.group(0)) if unit == "元" else None
            # 60亿元 is asked 多少亿元, not 多少元: the sum as people say it.
            asked = "多少" + (magnitude.group(0) if magnitude else "") + ("" if unit == "%" else unit)
            thing = _VERB_BEFORE.sub("", OPENERS.sub("", before))
            if _THAT_FIGURE.search(thing) or _YEAR_ONLY.match(thing):
                if not subject:
                    continue  # 「而2024年同期这一数字是91.2%」 with nothing measured before: not asked
                # 「…合格率达98.6%，而2024年同期这一数字是91.2%」: 合格率 in 2024.
                thing = _THAT_FIGURE.sub("", thing.lstrip("而但")) or thing
                thing, before = subject + thing, subject + _THAT_FIGURE.sub("", before.lstrip("而但"))
            if unit in _ROUGH_SPAN:
                # 「2个多小时后恢复供水」: how long it took.
                full.append(phrasing.scoped(f"{before}多长时间{after}"))
                spoken.append(phrasing.short(f"{thing}多久{after}") if len(thing) >= 2 else "")
                break
            if compared and subject:
                # 「…普及率达到93.6%，比去年提高8.2个百分点」: the change is the 普及率's.
                thing, before = subject + spoken_phrase(thing), subject + before
            elif not is_han(after[:1] or "?") and (owner := _owner(clause_before, thing)):
                thing, before = owner + thing, owner + OPENERS.sub("", before)
            elif len(thing) < 3 and unit and (counted := counted_before(context, unit[-1])):
                # 「目前，已完工7项」 counts what the sentence before counted with the same
                # measure word (为民办实事项目12项): Chinese leaves the subject unsaid.
                thing, before = counted + thing, counted + OPENERS.sub("", before)
            thing = thing if compared and subject else phrasing.unbroken(spoken_phrase(thing), thing)
            if planned and len(thing) >= 2 and not PLANNED.search(thing):
                thing = planned + thing  # 「2026年全镇自来水普及率是多少啊」, not this year's 98.6%
            full.append(phrasing.scoped(before + asked + after))
            if not known_word(thing[:2]):  # 4个托育室平均面积 cut to 个托育室…: the count's 个 goes too
                thing = _STRAY_MEASURE.sub("", thing)  # — not the 项 of 项目总投资
            worded_on = is_han(after[:1] or "?")  # a word follows the figure (站路外, 冷链仓储中心)
            if (
                len(thing) < 2
                or _PART_OF.search(thing)
                or (not unit and worded_on and not thing.endswith(after[:1]))
                or _leans(thing)
            ):
                # 「其中多少人次」: nothing to ask about in a few words; 「9个社区中的6个」: a part of
                # what the full wording names; 「3站路外」 in a measure not known: no short question.
                spoken.append("")
            elif unit in _MONEY or unit.endswith("元"):
                # 「投入85万元建设智慧网格平台」 is asked 「智慧网格平台要花多少钱」: what the money is
                # for — when it was spent: a loan granted (发放贷款3860万元) is no cost.
                spent = len(after) >= 3 and _SPENT.search(before)
                # 「总投资4200万元的渔港工程」: what the money is for follows its 的.
                spent = spent or (after.startswith("的") and len(after) >= 4)
                spoken.append(phrasing.short(f"{after.removeprefix('的')}要花多少钱" if spent else f"{thing}多少钱"))
            elif unit and unit[-1] in SMALL and "." not in match.group(0) and not _PER_TIME.search(unit):
                spoken.append(phrasing.short(f"{thing}几{unit[-1]}{after}啊"))
            elif unit in ("小时", "分钟", "天", "周", "个月", "年"):
                spoken.append(phrasing.short(f"{thing}多久{after}"))
            elif unit == "%" or not unit:
                if not unit and after[:1] and thing.endswith(after[:1]):
                    after = after[1:]  # 兑换积分12.6万分: 兑换积分是多少, not 兑换积分分
                # 「由61.5%提高到89.3%」, 「稳定在95%以上」: the figure is the verb's object, asked in place.
                reached = _REACHED.search(thing)
                if not reached and after.startswith(("以上", "以下", "左右", "上下")):
                    after = after[2:]  # 普及率达99%以上: 普及率是多少, not 普及率以上是多少
                if changed := _CHANGED_FROM.search(thing):  # 准确率由61.5%提高到: what it is now
                    spoken.append(phrasing.short(f"{thing[: changed.start()]}现在是多少啊"))
                else:
                    spoken.append(phrasing.short(f"{thing}多少{after}啊" if reached else f"{thing}{after}是多少啊"))
            else:
                # 流转了多少亩, 全村已有多少户, 比去年提高多少个百分点
                # 扩大到多少亩, not 扩大到有; 新建一座多少吨冷链仓储中心: the figure describes what follows.
                ends = thing.endswith(("了", "有", "是")) or CHANGED.search(thing) or _REACHED.search(thing)
                have = "" if ends or worded_on else "有"
                spoken.append(phrasing.short(f"{thing}{have}多少{unit}{after}"))
            words = phrasing.keywords(clause)[:2]
            if words:
                keyed.append(" ".join([phrasing.place, *about, *words, asked]).strip())
            if not compared:
                # What was measured, without the verb leading to the figure (托位数由2.1个提高到 →
                # 托位数; 收费标准为每月 → 收费标准): the next clause's comparison is of that.
                measured = _MEASURED_END.sub("", _CHANGED_FROM.sub("", spoken_phrase(thing)))
                subject = measured if len(measured) >= 2 else ""
            told = True  # the clause's last figure: 「9个行政村、2个社区划分为86个网格」 tells 86
        if len(full) == MOST_FIGURES:
            break
    ordered: list[str] = []
    for i in range(len(full)):
        ordered += [full[i], spoken[i]]
    if len(full) == 1:
        ordered += keyed[:1]
    else:
        ordered += keyed[:2]
    return ordered, len(full)
