"""Is every number an answer tells found in its source? (`faqbot check`'s faithfulness rule.)

An answer restates its source sentence and may add the report's date (「据2022年3月报道，…」,
「截至2014年6月，…」). So a number in an answer must be a number of the source, or — only where it
is written as a date (2022年, 3月, 18日, 2022-03-18) — that date part of the document's date: the
7 of 「7个村」 is not excused by a date of 07-13. Chinese numerals are read like digits on both
sides (「一条」 is 1, 「二十四个」 is 24), through the same reading the engine applies to questions.
"""

from __future__ import annotations

import re

from bot.knowledge.model import NUMBER
from bot.text.normalize import roman_digits
from bot.text.numerals import numerals_to_digits

#: A date part as Chinese and ISO dates write it: the group name says which part.
_DATE = re.compile(
    r"(?<![\d.])(?:(?P<iso_y>\d{4})[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})(?![\d.])"
    r"|(?P<year>\d{4})年|(?P<month>\d{1,2})月|(?P<day>\d{1,2})[日号])"
)
_PART = {"iso_y": 0, "iso_m": 1, "iso_d": 2, "year": 0, "month": 1, "day": 2}


def _value(number: str) -> str:
    """One spelling per value: 06 and 6 are the same month, 1.50 and 1.5 the same amount."""
    # Strings, not int(): an answer may hold a run of digits too long for int() to read.
    whole, _, fraction = number.partition(".")
    whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def numbers_of(text: str) -> set[str]:
    """Every number of `text`, Chinese numerals and Roman numeral signs (Ⅱ类) read as digits,
    one spelling per value."""
    text = roman_digits(text)
    return {_value(n) for n in NUMBER.findall(text) + NUMBER.findall(numerals_to_digits(text))}


def unfaithful_numbers(answer: str, source: str, date: str) -> list[str]:
    """The numbers of `answer` found neither in `source` nor, written as a date, in `date` (YYYY-MM-DD)."""
    allowed = numbers_of(source)
    date_parts = [_value(p) for p in date.split("-")] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else []
    text = numerals_to_digits(roman_digits(answer))
    wrong: list[str] = []

    def dated(match: re.Match[str]) -> str:
        for name, number in match.groupdict().items():
            if number is None:
                continue
            value = _value(number)
            if value not in allowed and (not date_parts or date_parts[_PART[name]] != value):
                wrong.append(number)
        return " "

    rest = _DATE.sub(dated, text)
    wrong += [n for n in NUMBER.findall(rest) if _value(n) not in allowed]
    return list(dict.fromkeys(wrong))
