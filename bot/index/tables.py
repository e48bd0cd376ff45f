"""Tables the index derives from its entries once they are read: shared posting lists, the weight
of a word the knowledge lacks, the words one character from each other, kin merged."""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict

from bot.index.spelling import blanks
from bot.text.normalize import is_han


def share_equal(postings: dict[str, array[int]]) -> None:
    """Make tokens with the same posting list share one array.

    A two-character word, its pinyin and its bigram are mostly in the same entries (党员,
    danyuan); shared, the list is stored once, and recall reads it once for all of them.
    """
    seen: dict[tuple[int, int], list[array[int]]] = {}
    for token, plist in postings.items():
        same = seen.setdefault((len(plist), hash(plist.tobytes())), [])
        for other in same:
            if other == plist:
                postings[token] = other
                break
        else:
            same.append(plist)


def typical_top_idf(word_df: Counter[str], count: int) -> float:
    """The weight of a word the knowledge lacks: that of the rarest tenth of its own words.

    Not log(entries): with a thousand look-alike towns every word of an article occurs a
    thousand times, and an unknown word would then outweigh all of them together.
    """
    if not word_df:
        return math.log(1 + count)
    frequencies = sorted(word_df.values())
    return math.log(1 + count / frequencies[len(frequencies) // 10])


def near_words(words: set[str]) -> dict[str, frozenset[str]]:
    """Each word with one character blanked (用工?) → the words of that shape, for typo matching."""
    near: dict[str, set[str]] = defaultdict(set)
    for word in words:
        if 2 <= len(word) <= 8 and is_han(word):
            for key in blanks(word):
                near[key].add(word)
    return {key: frozenset(found) for key, found in near.items()}


def merge(first: dict[str, frozenset[str]], second: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Two tables of kin in one: each word's kin from both."""
    merged = dict(second)
    for word, kin in first.items():
        merged[word] = merged.get(word, frozenset()) | kin
    return merged
