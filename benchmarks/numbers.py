"""Consistent number variation for generated towns.

A generated town must not repeat the bundled figures (2893 党员 in every one of a thousand towns
would make every look-alike fact an equally good answer), yet `faqbot check` must still hold:
every number of an answer must occur in its source or in the document's date. Both hold when
one mapping, fixed per town and article, replaces every number token everywhere — article,
sources, answers, questions and the dev set's expected strings alike.

Numbers that belong to dates and clock times (2019年, 9月12日, 7:40, 05版, 3D) are kept: an
answer may take them from the document's date, which is not varied, and 13月 would be nonsense.
A number that appears even once in such a context is kept everywhere in that article, so the
mapping depends on the number alone, never on its surroundings.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable

#: A number as the knowledge rules see it (`bot.knowledge.model.NUMBER`), in the ASCII digits of articles.
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
#: A number in any digits a user may type, ASCII or full-width.
_ANY_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
#: A number followed by a date, time or unit-of-print marker, or glued to Latin letters.
_DATE_AFTER = re.compile(r"(\d+(?:\.\d+)?)(?=\s*(?:年|月|日|号|时|点|分|秒|:|：|版|-|/|[A-Za-z]))")
_DATE_BEFORE = re.compile(r"(?<=[:：\-/A-Za-z])(\d+(?:\.\d+)?)")

_CN_DIGITS = "零一二三四五六七八九"
_CN_DIGIT_VALUE = {ch: i for i, ch in enumerate(_CN_DIGITS)} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
#: Measure words after which a lone numeral character is a quantity (三名, 五个) and not part
#: of a word (一些, 统一): the same rule `bot.text.normalize` uses to turn numerals into digits.
_MEASURE = "个名堂次篇件家套人条位类项亿万元岁届批户所座周倍张场轮多余块"
_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?")


def kept_numbers(texts: Iterable[str], date: str) -> set[str]:
    """Numbers of one article that must not change: its date's parts and every date-like use."""
    parts = date.split("-")
    kept = set(parts) | {str(int(p)) for p in parts if p.isdigit()}
    for text in texts:
        kept.update(_DATE_AFTER.findall(text))
        kept.update(_DATE_BEFORE.findall(text))
    return kept


def number_map(texts: Iterable[str], kept: set[str], rng: random.Random) -> dict[str, str]:
    """An injective mapping of every other number in `texts` to a new value of the same shape.

    Integers move up by a random step proportional to their size (5 → 7, 2893 → 3311); a
    decimal keeps its fraction digits (5.57 → 7.57). Leading zeros (06) are treated as dates.
    """
    found = sorted({n for text in texts for n in NUMBER.findall(text)} - kept, key=_sort_key)
    taken = set(kept)
    mapping: dict[str, str] = {}
    for number in found:
        if number.startswith("0") and number != "0" and not number.startswith("0."):
            continue
        whole, _, fraction = number.partition(".")
        value = int(whole)
        candidate = value + rng.randint(1, max(2, value // 4))
        while _render(candidate, fraction) in taken:
            candidate += 1
        new = _render(candidate, fraction)
        taken.add(new)
        mapping[number] = new
    return mapping


def _sort_key(number: str) -> tuple[float, str]:
    return float(number), number


def _render(whole: int, fraction: str) -> str:
    return f"{whole}.{fraction}" if fraction else str(whole)


def replace_numbers(text: str, mapping: dict[str, str]) -> str:
    """`text` with every digit number replaced through `mapping` (others unchanged).

    Full-width digits (４３０２, as typed with a Chinese IME) are looked up as ASCII and
    written back full-width.
    """

    def convert(match: re.Match[str]) -> str:
        found = match.group()
        plain = unicodedata.normalize("NFKC", found)
        new = mapping.get(plain)
        if new is None:
            return found
        return new if plain == found else new.translate(_FULL_WIDTH)

    return _ANY_NUMBER.sub(convert, text)


def replace_numerals(text: str, mapping: dict[str, str]) -> str:
    """Chinese numerals in a question (一百九十四堂, 五点五七个亿) replaced through `mapping`.

    Only runs that are clearly quantities are touched — digits with a unit (十百千万), or one
    digit followed by a measure word — so 统一, 一些 and 四五六战略 stay as they are.
    """

    def convert(match: re.Match[str]) -> str:
        run = match.group()
        after = text[match.end() : match.end() + 1]
        whole, _, fraction = run.partition("点")
        has_unit = any(ch in _CN_UNITS for ch in whole)
        if all(ch in _CN_UNITS for ch in whole):
            return run  # a bare 千 or 万 is a typo or a word (领导千部, 万一), not a figure
        if not fraction and not has_unit and (len(whole) != 1 or not after or after not in _MEASURE):
            return run
        value = cn_value(whole)
        if value is None:
            return run
        # 七万 is how one says the article's 7万元: vary the 7, keep the 万.
        tail = "万" if whole.endswith("万") and not fraction else ""
        if tail:
            value //= 10_000
        key = _render(value, "".join(str(_CN_DIGIT_VALUE[ch]) for ch in fraction))
        if key not in mapping:
            return run
        new_whole, _, new_fraction = mapping[key].partition(".")
        new = chinese(int(new_whole))
        if new_fraction:
            new += "点" + "".join(_CN_DIGITS[int(d)] for d in new_fraction)
        return new + tail

    return _CN_RUN.sub(convert, text)


def cn_value(run: str) -> int | None:
    """二十四 → 24, 五千六百 → 5600, 七万 → 70000, 二〇一一 → 2011; None when unreadable."""
    if not run:
        return None
    if not any(ch in _CN_UNITS for ch in run):
        return int("".join(str(_CN_DIGIT_VALUE[ch]) for ch in run))
    total = section = 0
    digit: int | None = None
    for ch in run:
        if ch in _CN_DIGIT_VALUE:
            digit = _CN_DIGIT_VALUE[ch]
        elif ch == "万":
            total += (section + (digit or 0)) * 10_000
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def chinese(value: int) -> str:
    """24 → 二十四, 4302 → 四千三百零二, 70000 → 七万, 10 → 十 (below 100 000 000)."""
    if value == 0:
        return "零"
    if value >= 10_000:
        high, low = divmod(value, 10_000)
        rest = _below_10k(low)
        if rest and low < 1000:
            rest = "零" + rest
        return _below_10k(high) + "万" + rest
    return _below_10k(value)


def _below_10k(value: int) -> str:
    if value == 0:
        return ""
    out: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            if zero and out:
                out.append("零")
            out.append(_CN_DIGITS[digit] + name)
            zero = False
        else:
            zero = True
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text
