"""Which dictionary words occur in the knowledge: the pruned look-up finds what listing every substring finds."""

from __future__ import annotations

import random

from bot.segment import _present
from bot.text import normalize, word_sound


def _every_substring(words: set[str], texts: list[str], longest: int = 8) -> set[str]:
    found: set[str] = set()
    for chunk in {c for t in texts for c in t.split()}:
        for i in range(len(chunk)):
            found.update(chunk[i:j] for j in range(i + 1, min(len(chunk), i + longest) + 1))
    return found & words


def test_present_words_are_those_of_every_substring() -> None:
    rng = random.Random(3)
    alphabet = "党员组织科技城大桥镇教育专题1 2"
    words = {"".join(rng.choice(alphabet[:-3]) for _ in range(rng.randint(1, 10))) for _ in range(400)}
    words |= {"党员", "党组织", "科技城", "专题教育", "教育"}
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(200)]
    texts.append("嘉兴科技城 专题教育 党组织")
    assert _present(words, texts) == _every_substring(words, texts)


def test_a_word_longer_than_the_limit_is_never_present() -> None:
    assert _present({"一二三四五六七八九"}, ["一二三四五六七八九十"]) == set()
    assert _present({"一二三"}, ["一二 三"]) == set()  # never across a space


def test_word_sound_runs_syllables_together() -> None:
    assert word_sound("党员") == "danyuan"
    assert word_sound(normalize("嘉興")) == word_sound("嘉兴")
