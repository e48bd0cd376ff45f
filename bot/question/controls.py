"""Control inputs: the messages that steer the conversation rather than ask something new.

    「2」            a bare number: picks the second of the choices on offer
    「出处呢？」       the paragraph around the last answer's source
    「还有呢？」       the next fact on the same subject
    「那吴江开发区呢？」 the last question again, about another place (`follow_up_place`)

This module is the one place that recognises them: the engine answers them, the console uses
`choice_number` for its /topics menus, and `faqbot unanswered` skips them (`is_control`), so
the three never disagree about what a control is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bot.text.normalize import AliasTable, normalize

#: A bare number picks a choice; three digits cover the longest /topics menu, and a longer
#: number (2019, 4302) is a question about that figure, not a pick.
CHOICE = re.compile(r"\d{1,3}")
#: 「出处呢？」「原文呢？」: the user wants the paragraph around the last source.
SOURCE_REQUEST = re.compile(
    r"^(那)?(它的|这个的|这条的|这)?(出处|原文|来源|原话|出自哪|哪篇文章|哪里说的|在哪说的|证据|依据|全文|上下文)"
    r"(是什么|在哪里?|在哪儿?|是哪|呢|吗|啊|呀|$)"
)
#: Longer than this, a message naming 原文 or 来源 asks something about them (「来源于哪个单位的
#:意见建议最多」), not for the source of the last answer.
SOURCE_LENGTH = 12
#: 「还有呢？」: the next best fact on the same subject.
MORE_REQUEST = re.compile(
    r"^(那)?(还有|还有别的|还有其他|其他|别的|另外|再来|更多|下一个|换一个)(的|呢|吗|吧|呀|啊|么|没|没有)*$"
)
#: Words around a bare place in 「那吴江开发区呢？」, 「同里镇的情况呢」.
FOLLOW_UP_FILLER = re.compile(
    r"^(那么?|那边|那个|换成|如果是|要是|改成|再问|问下|问一下)?(.+?)(的情况|情况|的话|那边|这边|怎么样|如何|又如何|呢|吗|呀|啊|的)*$"
)

Kind = Literal["choice", "source", "more"]


@dataclass(frozen=True)
class Control:
    """A control input: its kind, and the number picked for a choice."""

    kind: Kind
    number: int = 0


def _compact(text: str) -> str:
    # Full-width digits (２), Chinese numerals (三), particles and punctuation (「出处呢？」)
    # are folded by normalize, as the engine has always read them.
    return normalize(text).replace(" ", "")


def control_of(text: str) -> Control | None:
    """The control `text` is, or None for anything else (a question, small talk)."""
    compact = _compact(text)
    if CHOICE.fullmatch(compact):
        return Control("choice", int(compact))
    if SOURCE_REQUEST.match(compact) and len(compact) <= SOURCE_LENGTH:
        return Control("source")
    if MORE_REQUEST.match(compact):
        return Control("more")
    return None


def choice_number(text: str) -> int | None:
    """The number a bare-number message picks (「2」, 「２」), else None."""
    control = control_of(text)
    return control.number if control is not None and control.kind == "choice" else None


def is_control(text: str) -> bool:
    """Whether `text` steers the conversation (a pick, 出处呢, 还有呢) rather than asks."""
    return control_of(text) is not None


def follow_up_place(text: str, aliases: AliasTable, places: Iterable[str]) -> str | None:
    """The covered place a 「那吴江开发区呢？」 names on its own, else None."""
    compact = normalize(text, aliases, typos=True).replace(" ", "")
    match = FOLLOW_UP_FILLER.match(compact)
    place = match.group(2) if match else None
    return place if place is not None and place in set(places) else None
