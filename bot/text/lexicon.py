"""The word lists questions are read with (bot/data): stopwords, asking words, synonyms."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def _lines_of(name: str) -> list[str]:
    """The lines of a word list in bot/data, without blank lines and # comments."""
    text = resources.files("bot.text.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words_of(name: str) -> list[list[str]]:
    return [line.split() for line in _lines_of(name)]


#: Question and filler words (bot/text/data/stopwords.txt): never key terms.
STOPWORDS = frozenset(w for line in _words_of("stopwords.txt") for w in line)

#: The asking words among them (哪天, 几号, 多少名, 什么时候). jieba's dictionary counts words in
#: prose, where questions are rare: 哪天 has a count of 3 and 天开 of 19, so 「哪天开的」 splits as
#: 哪/天开/的 and a made-up key term 天开 weighs against every fact. The compact dictionary
#: gives them the weight of a term (`bot.text.segment.build_dictionary`).
INTERROGATIVES = frozenset(
    w
    for w in STOPWORDS
    if len(w) >= 2
    and re.search("[哪几啥咋谁何]|多少|什么|怎么|^多[大高长远重久宽深厚]|^[这那][个位些家项件场次篇]$", w)
)


#: The endings of a post (党委书记, 副镇长, 网格长): a person is asked by them.
POST_ENDINGS = tuple(
    "书记 主任 经理 所长 处长 局长 镇长 乡长 村长 县长 市长 区长 主席 队长 组长 院长 董事长 理事长 委员 部长 "
    "科长 站长 校长 社长 会长 主管 负责人 厂长 行长 馆长 秘书长 专员 网格长 总监".split()
)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Word → the first word of its group in bot/text/data/synonyms.txt."""
    table: dict[str, str] = {}
    for group in _words_of("synonyms.txt"):
        for word in group:
            table.setdefault(word, group[0])
    return table


def canonical_words(words: list[str]) -> list[str]:
    table = synonyms()
    return [table.get(w, w) for w in words]


def is_noise(word: str) -> bool:
    """Punctuation and the like: no letter, digit or character in it."""
    return all(not ch.isalnum() for ch in word)


@lru_cache(maxsize=1)
def everyday() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(official word, its everyday words) from bot/text/data/everyday.txt."""
    groups = []
    for line in _lines_of("everyday.txt"):
        official, colon, rest = line.partition(":")
        if colon and official.strip():
            groups.append((official.strip(), tuple(rest.split())))
    return tuple(groups)
