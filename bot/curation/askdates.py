"""Wordings that ask when (`faqbot draft`, via `bot.curation.wordings.Wordings`): the event a
leading date opens (「3月15日，全镇组织…」 → 「什么时候组织…」), a period with its first and last day,
a date inside a clause (计划8月底前全部完工 → 「什么时候全部完工」), and the days of the week
something is done on (每周二 → 「每周几…」)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.curation.phrases import OPENERS

#: A date that is a whole clause: 3月15日, 2021年以来, 4月至5月 (not 今年以来: it names no date).
_LEADING_DATE = re.compile(
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:至\d{1,2}月)?(?:以来|起|初|底|中旬|上旬|下旬)?|\d{4}年(?:以来|初|底)"
)

#: Days of the week something is done on (每周二、周五, 每逢周六).
_WEEKDAY = re.compile(r"每(?:逢)?(?:周|星期|礼拜)[一二三四五六日天](?:[、和及](?:周|星期|礼拜)?[一二三四五六日天])*")

#: What has gone on since a date (开海以来, 投用后): asked when it began.
_SINCE = re.compile(r"(?!今年|去年)([\u4e00-\u9fff]{2,8}?)(?:以来|之后|以后|后)")
#: A clause telling who said what follows (镇长厍立川介绍, 他说).
_SPEAKS = re.compile(r"说|介绍|表示|告诉|透露|指出")
#: A time of day and nothing else (清晨6点半): no event to ask the date of.
_TIME_OF_DAY = re.compile(r"(?:清晨|早上|早晨|上午|中午|下午|傍晚|晚上|凌晨|夜里)?\d{1,2}(?:点|时)(?:半|\d{1,2}分?)?")
#: A clause that only sets the scene: 在荇塘村的稻田里, 在镇文化广场上.
_SCENE = re.compile(r"在[\u4e00-\u9fff“”]{2,20}?(?:里|中|上|内|旁|边|前|外|下)")
#: A date inside a clause (计划8月底前全部完工, 5月18日林卫东在…): asked with 什么时候.
_DATE_IN = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}[至到-])?\d{1,2}月份?(?:\d{1,2}日)?(?:底|初|中旬|上旬|下旬)?(?:前|起|以来)?"
)
#: A period and its first and last day: 「森林防火期为2025年1月1日至5月31日」, 「3月15日至4月30日为重点
#: 防火期」 — asked when it is, when it ends, when it begins.
_DAY = r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|初|中旬|上旬|下旬)?"
_PERIOD = re.compile(rf"(?P<thing>[\u4e00-\u9fff]{{2,12}}?)(?:为|是|定为|定在|从){_DAY}(?:至|到|—|-){_DAY}")
_PERIOD_AFTER = re.compile(rf"{_DAY}(?:至|到|—|-){_DAY}(?:为|是)(?P<thing>[\u4e00-\u9fff]{{2,10}})")

#: Where a quotation's parts end: its commas and stops, and its marks.
_PARTS = re.compile(r"[，,；;。！？!?“”「」]")

#: What joins the two ends of a period (5月至6月15日, 5月-6月).
_RANGE = ("至", "到", "-", "—")


Phrase = Callable[[str], str]


def date_wordings(clauses: list[str], scoped: Phrase, short: Phrase, people: tuple[str, ...]) -> list[str]:
    """The when-wordings of a sentence's `clauses`: `scoped` names the article's place in full,
    `short` by its short form; `people` are the article's, whose dates a later clause may give."""
    if clauses and clauses[0].startswith(("截至", "截止")):
        return []  # 「截至6月20日，…」 dates a tally; it is not when something happened
    if len(clauses) >= 2 and _LEADING_DATE.fullmatch(clauses[0]):
        return _leading(clauses, scoped, short)
    return _period(clauses, scoped, short) or _inside(clauses, scoped, people) or _weekdays(clauses, scoped, short)


def _leading(clauses: list[str], scoped: Phrase, short: Phrase) -> list[str]:
    """「3月15日，全镇组织党员志愿者…」 → 「…什么时候组织党员志愿者…」, 「组织党员志愿者…是哪天」."""
    rest = OPENERS.sub("", clauses[1])
    if rest.startswith("记者"):
        return []  # 「6月下旬，记者走进…」: when the reporter came, nothing anyone asks
    if _SCENE.fullmatch(rest) and len(clauses) >= 3:
        rest += OPENERS.sub("", clauses[2])  # 「11月8日，在荇塘村的稻田里，两台打捆机…」: the scene, then what happened
    return [scoped(f"什么时候{rest}"), short(f"{rest}是哪天")]


def _period(clauses: list[str], scoped: Phrase, short: Phrase) -> list[str]:
    """「今年全镇森林防火期为2025年1月1日至5月31日」 → when the 森林防火期 is, ends and begins."""
    for clause in clauses:
        if found := _PERIOD.search(clause) or _PERIOD_AFTER.search(clause):
            thing = OPENERS.sub("", found.group("thing")).lstrip("全镇乡县村")
            if len(thing) >= 2:
                return [scoped(f"{thing}是什么时候"), short(f"{thing}到什么时候结束"), short(f"{thing}从哪天开始")]
    return []


def _inside(clauses: list[str], scoped: Phrase, people: tuple[str, ...]) -> list[str]:
    """A date inside a clause (计划8月底前全部完工) → 「什么时候全部完工」."""
    for number, whole in enumerate(clauses):
        # A quotation is one clause with its commas: its date's own part is what is asked
        # (「“…，计划8月底前全部完工。”该公司项目经理罗志刚说」 → 计划8月底前全部完工).
        clause = next((part for part in _PARTS.split(whole) if _DATE_IN.search(part)), whole)
        match = _DATE_IN.search(clause)
        # 「今年5月至6月15日」 ends a period a tally covers: no event happened on that day.
        if match and (clause[: match.start()].endswith(_RANGE) or clause[match.end() :].startswith(_RANGE)):
            continue
        if match and not _LEADING_DATE.fullmatch(clause):
            # 「历时两个半月于6月底建成通车」: the 于 before the date goes with it.
            rest = (clause[: match.start()].rstrip("于在到") + clause[match.end() :]).strip()
            if since := _SINCE.fullmatch(rest):  # 「9月16日开海以来」: when the sea opened
                return [scoped(f"什么时候{since.group(1)}")]
            if len(rest) >= 4 and not _TIME_OF_DAY.fullmatch(rest):  # 「10月18日清晨6点半，…」 sets a scene
                return [scoped(f"{_who(clauses, number, rest, people)}{rest}是什么时候")]
    return []


def _weekdays(clauses: list[str], scoped: Phrase, short: Phrase) -> list[str]:
    """「每周二、周五安排家庭医生坐班」 → 「每周几安排家庭医生坐班」, 「安排家庭医生坐班是星期几」; a time
    of day alone (每周三一早) is said of the clause after it."""
    for number, clause in enumerate(clauses):
        if not (match := _WEEKDAY.search(clause)):
            continue
        after = clause[match.end() :]
        if len(clause[: match.start()] + after) < 4 and number + 1 < len(clauses):
            after = f"{after}，{clauses[number + 1]}"
        rest = OPENERS.sub("", clause[: match.start()] + after.lstrip("，"))
        if len(rest) >= 4:
            return [scoped(f"{clause[: match.start()]}每周几{after}"), short(f"{rest}是星期几")]
        return []
    return []


def _who(clauses: list[str], number: int, rest: str, people: tuple[str, ...]) -> str:
    """Who a later clause's date is of: the person the first clause names (「岽头村村民闵德旺今年
    58岁，今年3月突发脑梗住院」) — not one who only tells it (「镇长厍立川介绍，…」)."""
    if not number or _SPEAKS.search(clauses[0]):
        return ""
    return next((name for name in people if name in clauses[0] and name not in rest), "")
