"""When a question is asked of: another year than the report's (去年, 明年), what came of a plan
(后来建完了吗), or what has been done (加装了多少部) — and whether a fact's source can tell it.

A report is written at one moment: its 「2026年计划…」 is no answer to what was done, its 「比去年
提高3个百分点」 tells this year's figure and not last year's, and its 2025年 in a report of 2024 is
next year.
"""

from __future__ import annotations

import re

from bot.text.numerals import COUNTED

#: A question about how a plan turned out (后来建完了吗, 9月份真的投产了吗, 现在开工了没有).
_OUTCOME = re.compile(
    r"(后来|最后|最终|如今|现在|目前|真的|已经|到底).{0,20}"
    r"(了吗|了没有?|没有|了没|成了吗|成没成|了么)|后来(怎么样|咋样|如何)"
    r"|(完成|建成|完工|竣工|投产|开通|落成|到位)(了吗|了没有?|没有|了没|了么)"
)
#: 将 that does to a thing, not will (「镇里将全镇14个村划分为126个网格」): an object, then what it was
#: made into, in the same clause — unless 把 follows, which makes 将 will again (将把…打造成).
_MADE_INTO = r"[^，,。；;]{1,20}?(?:划分为|分为|分成|作为|改为|改成|改造成|打造成|纳入|列入|转为|变成|定为)"
#: A source telling a plan, not what came of it: 计划, 将, 力争, 明年, 下一步.
PLANNED = re.compile(
    rf"计划|将要|(?<![即必])将(?!军)(?:(?=把)|(?!{_MADE_INTO}))|力争|预计|拟|明年|下一步|年内|年底前|目标|争创|争取|打算|准备"
)


#: A word naming a plan itself (「普及率的目标是多少」): a fact telling a plan names it, whatever word
#: the article uses for the plan (力争, 将, 计划).
_PLAN_NOUN = re.compile(r"目标|计划|打算|规划")


def names_a_plan(word: str, source: str) -> bool:
    """Whether `word`, the thing a question asks about, is the plan that `source` tells:
    「2026年自来水普及率的目标是多少」 of 「2026年…力争全镇自来水普及率达到99.5%以上」."""
    return _PLAN_NOUN.fullmatch(word) is not None and PLANNED.search(source) is not None


#: A month a question names (8月底, 9月份, 2025年10月): the year, if given, and the month.
_MONTH_NAMED = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:份|底|初|中旬|上旬|下旬|前)?")


def asks_after(text: str, reported: str) -> bool:
    """Whether the question asks what came of something by a month after the report's date
    (`reported`, YYYY-MM-DD): 「8月底真的都完工了吗」 of a report of 2023-06-28 — the article was
    written before that month, and cannot tell. A month without a year is of the report's year."""
    if not _OUTCOME.search(text) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", reported):
        return False
    year, month = int(reported[:4]), int(reported[5:7])
    for found in _MONTH_NAMED.finditer(text):
        asked_year, asked_month = int(found.group(1) or year), int(found.group(2))
        if (asked_year, asked_month) > (year, month) and 1 <= asked_month <= 12:
            return True
    return False


def asks_outcome(text: str, source: str) -> bool:
    """Whether the question asks what came of a plan that its fact (`source`: its source and
    answer) only announces.

    「8000亩高标准农田后来建完了吗」 against 「明年计划再建设高标准农田8000亩」: the article was
    written before; a yes or a no would be a guess. Both texts normalised."""
    return bool(_OUTCOME.search(text)) and bool(PLANNED.search(source))


#: A question about what has been done: a count after a verb's 了 (加装了多少部, 增加到了900个) or
#: a count after 已经 — and no word of a plan (计划, 打算, 要, 明年).
_DONE = re.compile(r"[\u4e00-\u9fff]了(?:多少|几|\d)|已经[^，,。？?]{0,8}(?:多少|几)")
#: Not the 要 of 主要, 重要, 需要, nor the 会 of 协会, 社会, 村委会, 会议: words, no plan.
_ASKS_PLAN = re.compile(
    r"计划|打算|准备|预计|目标|力争|将|(?<![主重需必只纲])要(?![求素点])"
    r"|(?<![社协学委理工商机都大开晚年例盛庙])会(?![议长员场])|明年|下一步|今后|以后"
)
#: A count of what was done: 卖了一千八百多个, 加装了41部.
_DONE_COUNT = re.compile(r"[\u4e00-\u9fff]了[\d一二两三四五六七八九十]")
#: What a source has done beside its plan: 已, 完成, 累计, 截至, 以来.
_DONE_TOLD = re.compile(r"已|完成|建成|累计|截至|以来|共[\u4e00-\u9fff]{0,4}\d")


def asks_done(text: str) -> bool:
    """Whether a question (normalised) asks what has been done: 「这次改造一共加装了多少部电梯」."""
    return bool(_DONE.search(text)) and not _ASKS_PLAN.search(text)


#: A question about what there is now (现在, 目前, 如今, 现有).
_PRESENT = re.compile(r"现在|目前|如今|现有|眼下|当前")
#: …or what was done or was before (已, a 了 anywhere, 原来).
_DONE_OR_BEFORE = re.compile(r"已|了|原来|原先|过去|当初|曾经")


def asks_now_or_done(text: str) -> bool:
    """Whether a question (normalised) asks what there is now, was reached or was before —
    「现在到底有多少名反诈志愿者」, 「普及率达到多少了」 — with no word of a plan: a plan's figure
    (新增志愿者100名, 力争普及率达到97%) is no answer to it."""
    return speaks_of_now_or_done(text) and not _ASKS_PLAN.search(text)


def speaks_of_now_or_done(text: str) -> bool:
    """Whether a question (normalised) speaks at all of what there is now, was done or was before
    (现在, 已, 原来, a 了 anywhere: 「普及率达到多少了」), plan words or not — looser than `asks_now_or_done` and
    `asks_done`: it only keeps a plan's figure from being another reading of it."""
    return _PRESENT.search(text) is not None or _DONE_OR_BEFORE.search(text) is not None


def tells_plan_only(source: str) -> bool:
    """Whether a fact's source tells a plan (「2026年计划再改造老旧小区5个，力争加装电梯不少于
    30部」): no answer to what has been done, however alike its words. A sentence is framed by its
    opening: 「已完工7项，下一步将…」 tells what was done first; 「计划…推动已改造小区…」 a plan."""
    plan = PLANNED.search(source)
    done = _DONE_TOLD.search(source)
    if plan is None or _DONE_COUNT.search(source):  # 「光今年就卖了一千八百多个」, whatever else it says
        return False
    if (figure := COUNTED.search(source)) and figure.start() < plan.start():
        # 「今年投入资金58万元，新建监控点9个；按照规划，到2026年底还将再新增6个」: a figure told
        # before the plan is what there is.
        return False
    return done is None or plan.start() < done.start()


#: A year other than the report's, as a question names it, and how a fact that speaks of that
#: year says so: 「去年沄岙镇用于物资补充的资金是多少」 is not answered by this year's 96万元.
_OTHER_YEARS = {
    "去年": re.compile(r"去年|上年|上一年|同期|\d{4}年"),
    "前年": re.compile(r"前年|\d{4}年"),
    "明年": re.compile(r"明年|下一年|\d{4}年"),
}
#: The words for each: 去年同期 and 上年 ask of last year as 去年 does.
_YEAR_WORDS = {"去年": ("去年", "上年", "上一年"), "前年": ("前年",), "明年": ("明年", "下一年")}
#: How many years from the report's each of them is: a year written out (2025年) must be that one.
_OFFSETS = {_OTHER_YEARS["去年"]: -1, _OTHER_YEARS["前年"]: -2, _OTHER_YEARS["明年"]: 1}


def year_words(terms: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The key terms that name a year other than the report's (明年, 上年): a fact telling that
    year — 明年 itself or the year written out (2025年 in a report of 2024) — holds them."""
    forms = tuple(form for words in _YEAR_WORDS.values() for form in words)
    return frozenset(t for t in terms if t.startswith(forms))


def other_year(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """How a fact must speak of the year the question asks about, when that is not the report's
    own (去年, 明年); None for a question about the report's year, none in particular, or the
    change since another (比去年)."""
    for i, word in enumerate(words):
        # 去年同期, 上年, 去年底: jieba keeps them one word; each asks of last year.
        year = next((y for y, forms in _YEAR_WORDS.items() if word.startswith(forms)), None)
        if year and not (i and words[i - 1] in ("比", "较", "与", "和", "跟")):
            return _OTHER_YEARS[year]  # 「比去年涨了多少」 asks the change, which the fact tells
    return None


#: What stands before a year a fact compares with (比去年增长, 较上年同期, 同比): the fact tells
#: the change, not that year's figure.
_COMPARED = ("比", "较", "与", "同比", "相比", "比去年", "较去年", "比上年", "较上年", "与去年", "与上年")


def tells_year(year: re.Pattern[str], sentence: str, reported: int | None = None) -> bool:
    """Whether `sentence` speaks of the `year` a question asks about other than to compare with
    it: 「全镇就诊率达到91.2%，比去年提高3个百分点」 gives this year's figure and the change, so
    「去年的就诊率是多少」 is not told; 「由去年的42%提高到71.8%」 tells it. A year written out must be
    the one asked, counted from the year the article was `reported`: in a report of 2024,
    「2025年计划培训5期」 is no answer to 「去年培训了几期」."""
    offset = _OFFSETS.get(year)

    def meant(found: re.Match[str]) -> bool:
        written = found.group(0)
        if reported is None or offset is None or not written[:4].isdigit():
            return True
        return int(written[:4]) == reported + offset

    return any(
        (not sentence[: found.start()].endswith(_COMPARED) or _FIGURE_OF.match(sentence, found.end())) and meant(found)
        for found in year.finditer(sentence)
    )


#: Any word setting a sentence's year.
_ANY_YEAR = re.compile(r"\d{4}年|今年|去年|前年|明年|上年|下一年|上一年|同期|本年|当年")


def inherits_year(year: re.Pattern[str], sentence: str, context: frozenset[str], reported: int | None) -> bool:
    """Whether a `sentence` that names no year at all goes on in the year its paragraph set, the
    one asked: 「2024年，全镇…。年底，镇里评选出“书香家庭”25户」 tells 2024's, which 「去年年底评选出
    多少户书香家庭」 asks in a report of 2025. `context`: the numbers of the sentence's paragraph."""
    offset = _OFFSETS.get(year)
    if reported is None or offset is None or _ANY_YEAR.search(sentence):
        return False
    return str(reported + offset) in context


def tells_year_named(year: int, sentence: str, context: frozenset[str], reported: int | None) -> bool:
    """Whether a fact citing `sentence` tells of the calendar `year` a question names: its
    paragraph writes it (`context`: the paragraph's numbers), or — reported that year — it says
    今年 or no other year (「二〇二四年…培训农机手多少人次」 of 「今年…培训320人次」 in a report of
    2024), or — reported the year after — it says 去年."""
    if str(year) in context:
        return True
    if year == reported:
        return "去年" not in sentence and not re.search(r"\d{4}年", sentence)
    return reported is not None and year == reported - 1 and "去年" in sentence


def of_another_year(sentence: str, reported: int | None) -> bool:
    """Whether `sentence` speaks only of a year other than the report's, written out (「2025年犴塍镇
    将新增收储点3个」 in a report of 2024): no answer to a question asking 今年."""
    if reported is None or "今年" in sentence or "本年" in sentence:
        return False
    years = {int(y) for y in re.findall(r"(\d{4})年", sentence)}
    return bool(years) and reported not in years


#: A comparison that gives the other year's figure: 比去年同期的3870批次, 较上年的97.9%.
_FIGURE_OF = re.compile(r"(?:同期)?的\d")
