"""Chinese numerals → digits, where they are quantities.

Articles write 194堂, 5600多名 and 7:40; people type 一百九十四堂, 五千六百多名, 七点四十 or, with a
pinyin keyboard offering both, 5千6百. `numerals_to_digits` brings the question to the article's
form, so that both are segmented and matched alike; it runs on the facts too.
"""

from __future__ import annotations

import re

# Chinese numerals → digits. Articles write 194堂 and 5600多名; people type 一百九十四堂,
# 五千六百多名, 二十四个. We convert a run of numeral characters only when it is clearly a
# quantity — it holds a unit (十百千) or a measure word follows — so that words such as 统一,
# 一些 or 四五六战略 (a slogan, not a number) stay untouched on both sides.
#: What makes a figure rough (about): 3000多名, 1.1万余人次, 20来斤. A pattern reading a figure with
#: its unit allows it after the number and after its 万 or 亿.
ABOUT = "(?:多|余|来)"
#: A figure that is no part of a date or a time (2019年, 6月, 28日, 8点 are dates): what a text counts.
COUNTED = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*[年月日号时点])")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_MEASURE = "个名堂节次篇件家套人条月日号年天位类期项亿万元岁届批户所座周倍张场轮多余"
#: More measure words and units: they count after any numeral but 一 or 零, which with them are more
#: often a way of speaking (一部分, 一块儿, 一头雾水, 零部件) than a number, nor after a lone 百 or 千
#: (领导千部 is a typo of 干部: people say 一千).
_MEASURE_NOT_ONE = "处台辆部栋层楼株棵头只块份吨亩米斤支根间片公平立起"
_DETERMINERS = set("哪这那每同统唯")
_CN_DECIMAL = re.compile(r"([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)(?=[亿万元个%])")
#: 百分之九十七点四: a share's decimal, whatever follows it (吗, 了).
_SHARE_DECIMAL = re.compile(r"(?<=百分之)([零〇一二两三四五六七八九十百]+)点([零〇一二三四五六七八九]+)")
#: 一百几十, 两千几百: a figure and then 几 with a lower unit, said roughly (100多).
_ROUGH = re.compile(r"(?<!\d)(\d+)几[十百千]")
_SHARE_WRITTEN = re.compile(r"百分之(\d+(?:\.\d+)?)")
_GE_YI = re.compile(r"(\d)个(亿|万)")
# Digits with Chinese units, as a pinyin keyboard offers them: 5千6百 (5600), 4千3 (4300), 3百 (300).
_MIXED = re.compile(r"(?<![\d.])(?:\d[千百十])+\d?(?!\d)")
# A time of day: articles write 7:40, people type 七点四十, 七点半 or 6点40. Only with its
# minutes: a bare 三点 is as often three points (三点要求) and 一点 a little.
_CLOCK = re.compile(
    r"(?<![\d.])([一二两三四五六七八九十]{1,3}|\d{1,2})点(?:钟)?"
    r"((?:[一二三四五]?十[一二三四五六七八九]?|零[一二三四五六七八九])分?|半|\d{2}分?)(?![\d亿万元%])"
)
_NUMERAL_RUN = re.compile(r"[零〇一二两三四五六七八九十百千]+")
#: Two numerals side by side, one after the other, for "this or that many" (七八天, 二三十人, 两三年).
ESTIMATE_PAIR = re.compile(r"一二|两三|二三|三四|四五|五六|六七|七八|八九")
#: A figure given as an estimate: such a pair or 几 (十几天, 几百米, 三四个月), with its tens or hundreds.
ESTIMATE = rf"(?:[一二两三四五六七八九十百千]*几[十百千万]?|(?:{ESTIMATE_PAIR.pattern})[十百千万]?)"
#: Every character that writes a number, Chinese or Arabic (三, 两, 万, 7).
NUMBER_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿0123456789")


def cn_number(run: str) -> int | None:
    """Value of a run of Chinese numerals below 万: 二十四 → 24, 一千 → 1000, 两 → 2."""
    total, digit = 0, None
    for ch in run:
        if ch in _CN_DIGIT:
            # 二零一九: digits read one by one
            digit = _CN_DIGIT[ch] if digit is None else digit * 10 + _CN_DIGIT[ch]
        else:
            unit = _CN_UNIT[ch]
            total += (digit if digit is not None else 1) * unit
            digit = None
    return total + (digit or 0)


def _decimal(match: re.Match[str]) -> str:
    whole = cn_number(match.group(1))
    return f"{whole}." + "".join(str(_CN_DIGIT[c]) for c in match.group(2))


def _clock(match: re.Match[str]) -> str:
    hour = int(match.group(1)) if match.group(1).isdigit() else cn_number(match.group(1))
    minutes = match.group(2).rstrip("分")
    minute = 30 if minutes == "半" else int(minutes) if minutes.isdigit() else cn_number(minutes.lstrip("零"))
    if hour is None or minute is None or hour > 24 or minute > 59:
        return match.group()
    return f"{hour}:{minute:02d}"


def _mixed(match: re.Match[str]) -> str:
    text = match.group()
    if len(text) == 2 and text[1] == "十":
        return text  # 3十: too odd to be a number typed on purpose
    value, unit = 0, 1
    for digit, unit_char in re.findall(r"(\d)([千百十])", text):
        unit = _CN_UNIT[unit_char]
        value += int(digit) * unit
    if text[-1].isdigit():
        value += int(text[-1]) * max(unit // 10, 1)  # 5千6 is 5600: the next unit down
    return str(value)


#: Tens of thousands and the rest (1万2800, as 一万二千八百 reads run by run): one number. The
#: rest must have three or four digits — 2万5 is colloquial for 25 000, and left alone.
_WAN_AND_REST = re.compile(r"(?<![\d.])(\d{1,4})万(\d{3,4})(?![\d.])")


def _wan_and_rest(match: re.Match[str]) -> str:
    return str(int(match.group(1)) * 10000 + int(match.group(2)))


def numerals_to_digits(text: str) -> str:
    """`text` with its Chinese numerals as digits wherever they count something."""
    text = _MIXED.sub(_mixed, text)  # 5千6百 → 5600, before a lone 百 could be read as 100
    text = _CLOCK.sub(_clock, text)  # 七点四十 → 7:40, before 点 can be read as a decimal point
    text = _CN_DECIMAL.sub(_decimal, text)  # 一点五六亿 → 1.56亿, before the runs below
    text = _SHARE_DECIMAL.sub(_decimal, text)  # 百分之九十七点四 → 百分之97.4

    def convert(match: re.Match[str]) -> str:
        run = match.group()
        after = text[match.end() : match.end() + 1]
        before = text[match.start() - 1 : match.start()] if match.start() else ""
        if before in _DETERMINERS and run == "一":
            return run  # 哪一年, 这一项: "which/this one", not the number 1
        if before == "几":
            return run  # 几十家, 几百人: an estimate, not a number (60几 is read as one)
        has_unit = any(ch in _CN_UNIT for ch in run)
        measured = bool(after) and (after in _MEASURE or (after in _MEASURE_NOT_ONE and run not in "一零〇百千"))
        if (not has_unit or run in _CN_UNIT) and not measured:
            return run  # 千部 (a typo of 干部), 百姓: a lone unit needs a measure word to count
        if not has_unit and len(run) > 1 and "零" not in run and "〇" not in run:
            return run  # 四五个: an estimate, not a number
        if ESTIMATE_PAIR.match(run):
            return run  # 二三十人, 七八百米: twenty or thirty, not 230
        value = cn_number(run)
        return run if value is None else str(value)

    text = _NUMERAL_RUN.sub(convert, text)
    text = _WAN_AND_REST.sub(_wan_and_rest, text)  # 一万二千八百 → 1万2800 → 12800
    text = _SHARE_WRITTEN.sub(r"\1%", text)  # 百分之97.4 → 97.4%, as the article writes it
    text = _ROUGH.sub(r"\1多", text)  # 一百几十元 → 100多元: a figure given roughly
    return _GE_YI.sub(r"\1亿", text)  # 5.57个亿 → 5.57亿
