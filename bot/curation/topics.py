"""Topics for an article without section headings: each paragraph's own subject (`faqbot draft`).

A fact's tags are the `/topics` menu. An article with headings (「垃圾分类：…」) gives its own
topics; most local news has none, and every fact under 概况 makes a menu of one item. So each
paragraph is tagged with the word it is most about: frequent in the paragraph and rare in the
rest of the article (tf-idf over paragraphs), a noun of two to four characters. The lead
paragraph, which sums up the story, stays 概况.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from bot.curation.names import QUOTED
from bot.text.lexicon import STOPWORDS
from bot.text.normalize import is_han

#: jieba's flags of nouns worth naming a topic by: common and proper nouns, verbal nouns (治理).
_TOPIC_FLAGS = ("n", "nz", "vn", "nt")
#: The longest quoted term that may name a topic (“以奖代补”, not a quoted slogan).
_LONGEST_TOPIC = 6
#: The lead paragraph's topic, and any paragraph's without a noun it keeps coming back to.
OVERVIEW = "概况"


@lru_cache(maxsize=16)
def paragraph_topics(text: str, place: str = "") -> tuple[tuple[int, str], ...]:
    """(where each paragraph starts, its topic) of `text`, the lead paragraph's 概况."""
    starts, paragraphs = _paragraphs(text)
    counts = [_nouns(paragraph, place) for paragraph in paragraphs]
    spread = Counter(word for count in counts for word in count)
    topics: list[tuple[int, str]] = []
    for n, (start, count) in enumerate(zip(starts, counts, strict=True)):
        if n and (opening := slogan(paragraphs[n])):
            topics.append((start, _slogan_topic(opening)))
            continue
        if n == 0 or not count:
            topics.append((start, OVERVIEW))
            continue
        best = max(count, key=lambda w: (count[w] * math.log(1 + len(counts) / spread[w]) * _rarity(w), len(w)))
        topics.append((start, best if count[best] >= 2 else OVERVIEW))
    return tuple(topics)


def _nouns(paragraph: str, place: str) -> Counter[str]:
    """How often a paragraph uses each noun that could name its topic. A term the article puts in
    quotation marks (“以奖代补”) is one, whole: jieba's pieces of it (以/奖代/补) are none."""
    import jieba.posseg

    quoted = Counter(t for t in QUOTED.findall(paragraph) if len(t) <= _LONGEST_TOPIC and t not in place)
    found = Counter(
        p.word
        for p in jieba.posseg.cut(paragraph)
        if p.flag in _TOPIC_FLAGS
        and 2 <= len(p.word) <= 4
        and p.word not in STOPWORDS
        and p.word not in place
        and p.word[0] not in "全各本该每"  # 全村, 各村: the whole, not a subject
        and not any(p.word in term for term in quoted)
    )
    return found + quoted


#: Marks a slogan is written with, that say nothing of its subject.
_MARKS = re.compile(r"[“”‘’\"，,、。！!\s]")
#: A village, town or community named: a sentence about it, not a slogan.
_NAMES_A_PLACE = re.compile(r"[\u4e00-\u9fff](?:村|社区|镇|乡|街道)(?![民委里])")
#: How long a slogan may be, its marks left out: 「减船转产，海上养殖拓新路」 is 11.
_SLOGAN_MOST = 18


def _paragraphs(text: str) -> tuple[list[int], list[str]]:
    """Where each paragraph of `text` starts, and the paragraphs: a title, heading or byline is none."""
    starts, paragraphs = [], []
    at = 0
    for block in text.split("\n"):
        if block.strip().endswith(("。", "！", "？", "”")):
            starts.append(at)
            paragraphs.append(block)
        at += len(block) + 1
    return starts, paragraphs


@lru_cache(maxsize=16)
def slogans(text: str) -> frozenset[str]:
    """The slogans the paragraphs after the lead open with (the lead sums up the story: its short
    first sentence tells something)."""
    return frozenset(filter(None, (slogan(paragraph) for paragraph in _paragraphs(text)[1][1:])))


def slogan(paragraph: str) -> str:
    """The short line a paragraph opens with, a slogan of what it tells (「渔港“升级”，避风港更安全。」,
    「减船转产，海上养殖拓新路。」, 「硬件也跟着“升级”。」) — no fact of its own: its figures, names and
    dates follow. "" when the paragraph opens with a sentence that tells something."""
    first = re.match(r"[^。！？]*[。！]", paragraph.strip())
    if not first or first.end() >= len(paragraph.strip()) or paragraph.strip().startswith("“"):
        return ""
    told = _MARKS.sub("", first.group())
    if _NAMES_A_PLACE.search(told):
        return ""  # 「西岭村是个山村。」: the paragraph's subject, which what follows calls 该村
    return first.group() if 4 <= len(told) <= _SLOGAN_MOST and is_han(told) else ""


def _slogan_topic(line: str) -> str:
    """A slogan as a menu item: its first half when that says enough (渔港“升级” → 渔港升级)."""
    halves = [_MARKS.sub("", half) for half in re.split(r"[，,]", line)]
    return halves[0] if len(halves[0]) >= 4 else _MARKS.sub("", line)


def topic_at(text: str, at: int, place: str = "") -> str:
    """The topic of the paragraph holding position `at` of `text`."""
    found = OVERVIEW
    for start, topic in paragraph_topics(text, place):
        if start <= at:
            found = topic
    return found


def _rarity(word: str) -> float:
    """How specific a word is to a subject: the rarer in Chinese at large (jieba's frequencies),
    the more it names one (有机肥 over 管理, 村民)."""
    import jieba

    return 1.0 / math.log(10 + jieba.dt.FREQ.get(word, 0))
