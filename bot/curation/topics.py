"""Topics for an article without section headings: each paragraph's own subject (`faqbot draft`).

A fact's tags are the `/topics` menu. An article with headings (「垃圾分类：…」) gives its own
topics; most local news has none, and every fact under 概况 makes a menu of one item. So each
paragraph is tagged with the word it is most about: frequent in the paragraph and rare in the
rest of the article (tf-idf over paragraphs), a noun of two to four characters. The lead
paragraph, which sums up the story, stays 概况.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from bot.curation.names import QUOTED
from bot.text.lexicon import STOPWORDS

#: jieba's flags of nouns worth naming a topic by: common and proper nouns, verbal nouns (治理).
_TOPIC_FLAGS = ("n", "nz", "vn", "nt")
#: The longest quoted term that may name a topic (“以奖代补”, not a quoted slogan).
_LONGEST_TOPIC = 6
#: The lead paragraph's topic, and any paragraph's without a noun it keeps coming back to.
OVERVIEW = "概况"


@lru_cache(maxsize=16)
def paragraph_topics(text: str, place: str = "") -> tuple[tuple[int, str], ...]:
    """(where each paragraph starts, its topic) of `text`, the lead paragraph's 概况."""
    starts, paragraphs = [], []
    at = 0
    for block in text.split("\n"):
        if block.strip().endswith(("。", "！", "？", "”")):  # a title, heading or byline is no paragraph
            starts.append(at)
            paragraphs.append(block)
        at += len(block) + 1
    counts = [_nouns(paragraph, place) for paragraph in paragraphs]
    spread = Counter(word for count in counts for word in count)
    topics: list[tuple[int, str]] = []
    for n, (start, count) in enumerate(zip(starts, counts, strict=True)):
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
