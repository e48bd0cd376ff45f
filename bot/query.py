"""What a question asks for, beyond its words: the kind of answer, the places it names.

Wording similarity alone cannot tell 「云创小镇有多少家企业？」 (a number the article never gives)
from 「云创小镇怎么样了？」 (which it answers). So a question is also read for what it wants — a
number, a date, a person — and a fact that cannot supply that is a near miss, not an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import syllables

# Question and filler words: they shape a question but are not its subject, so they are left
# out of the key terms whose coverage decides whether a fact really answers it.
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "是",
        "有",
        "在",
        "和",
        "与",
        "及",
        "跟",
        "同",
        "或",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "哦",
        "嘛",
        "么",
        "啥",
        "咋",
        "嗯",
        "哈",
        "哇",
        "呗",
        "嘞",
        "噢",
        "喔",
        "请问",
        "请",
        "问",
        "问下",
        "问一下",
        "我",
        "我们",
        "你",
        "你们",
        "您",
        "他",
        "她",
        "它",
        "他们",
        "咱",
        "咱们",
        "想",
        "想问",
        "想知道",
        "知道",
        "了解",
        "告诉",
        "告诉我",
        "说说",
        "讲讲",
        "说下",
        "说一下",
        "介绍",
        "介绍一下",
        "一下",
        "下",
        "多少",
        "几",
        "几个",
        "几次",
        "几家",
        "几名",
        "什么",
        "甚么",
        "哪",
        "哪个",
        "哪些",
        "哪里",
        "哪儿",
        "哪位",
        "哪天",
        "哪年",
        "谁",
        "怎么",
        "怎么样",
        "怎样",
        "如何",
        "为什么",
        "为何",
        "为啥",
        "这",
        "那",
        "这个",
        "那个",
        "这些",
        "那些",
        "都",
        "也",
        "就",
        "还",
        "又",
        "被",
        "把",
        "给",
        "对",
        "向",
        "从",
        "到",
        "于",
        "以",
        "为",
        "及其",
        "其",
        "之",
        "所",
        "让",
        "使",
        "将",
        "会",
        "能",
        "可以",
        "要",
        "应该",
        "一共",
        "总共",
        "共",
        "总计",
        "合计",
        "具体",
        "大概",
        "大约",
        "大致",
        "左右",
        "情况",
        "方面",
        "有关",
        "关于",
        "相关",
        "的话",
        "到底",
        "究竟",
        "呢",
        "吗",
        "一个",
        "个",
        "没有",
        "没",
        "多",
        "多久",
        "时候",
        "什么时候",
        "何时",
        "是不是",
        "是否",
        "有没有",
        "能不能",
        "可不可以",
        "好",
        "好的",
        "谢谢",
        "麻烦",
        "请教",
        "帮",
        "帮我",
        "查",
        "查一下",
        "看看",
        "看",
        "听说",
        "据说",
        "文章",
        "报道",
        "里",
        "中",
        "上",
        "那边",
        "这边",
        "那场",
        "这场",
        "那次",
        "这次",
        "那位",
        "这位",
        "那家",
        "这家",
        "那项",
        "这项",
        "那件",
        "这件",
        "那篇",
        "这篇",
        "那里",
        "这里",
        "那儿",
        "这儿",
        "各个",
        "搞",
        "弄",
        "整",
        "干",
        "啥子",
        "叫",
        "叫做",
        "名字",
        "人",
        "一些",
        "有些",
        "哪些",
        "已经",
        "曾经",
        "当时",
        "目前",
        "现在",
        "今年",
        "去年",
        "总",
        "都是",
        "分别",
        "各",
        "各个",
        "每",
        "等",
        "等等",
        "啊啊",
        "呀呀",
        "哦哦",
        "嗯嗯",
    ]
)

# What a question asks for, tried in this order (a date question also says 几: 几月几日).
_ASKS = [
    # 多久 asks for a duration or a frequency (十多年, 每月1次): a number or a time will do.
    ("duration", re.compile(r"多久|多长时间|多长的时间|多少年|几年了|频率|多频繁")),
    (
        "date",
        re.compile(
            r"什么时候|何时|哪天|哪1天|哪一天|哪年|哪一年|几月|几日|几号|日期|时间|啥时候|啥时|那天|哪月|什么日子|几点"
        ),
    ),
    ("number", re.compile(r"多少|几|数量|人数|数目|总数|规模|多大|多高|多长|多重(?!要)|多远|多少钱|金额|投资额|几成")),
    ("person", re.compile(r"谁|哪位|什么人|哪个人|哪些人|姓名|名字")),
]
_DATE_IN_TEXT = re.compile(
    r"\d+月|\d+日|\d{4}年|\d+:\d+|上午|下午|早上|晚上|周末|假期|每周|每月|以来|期间|近日|近年|今年|去年"
    r"|此后|会后|之后|之前|提前|当即|随时|起"
)
_NUMBER_IN_TEXT = re.compile(r"\d")


def asks(normalized: str) -> str | None:
    """The kind of answer wanted: 'date', 'number', 'person', or None for anything else."""
    for kind, pattern in _ASKS:
        if pattern.search(normalized):
            return kind
    return None


def supplies(kind: str | None, normalized_answer: str) -> bool:
    """Can a fact whose normalised text is `normalized_answer` give what `kind` asks for?"""
    if kind == "number":
        return bool(_NUMBER_IN_TEXT.search(normalized_answer))
    if kind == "date":
        return bool(_DATE_IN_TEXT.search(normalized_answer))
    if kind == "duration":
        return bool(_NUMBER_IN_TEXT.search(normalized_answer) or _DATE_IN_TEXT.search(normalized_answer))
    return True


@dataclass(frozen=True)
class Query:
    """A question, normalised and taken apart."""

    raw: str
    text: str  # normalised
    words: tuple[str, ...]
    terms: tuple[str, ...]  # key terms: words that are neither stopwords nor named places
    places: tuple[str, ...]  # canonical places named
    foreign: tuple[str, ...]  # words that name a place the knowledge does not cover
    asks: str | None
    pinyin: str

    @property
    def compact(self) -> str:
        return self.text.replace(" ", "")


def key_terms(words: list[str] | tuple[str, ...], places: set[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and w not in places and not _is_noise(w)]


def _is_noise(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)


def pinyin_of(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(syllables("".join(words)))
