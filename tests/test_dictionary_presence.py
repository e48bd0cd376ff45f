"""Which dictionary words occur in the knowledge: the pruned look-up finds what listing every substring finds."""

from __future__ import annotations

import random

import pytest

from bot.text import segment as segment
from bot.text.normalize import normalize
from bot.text.segment import _present, _substrings, _words_in
from bot.text.sound import word_sound


def _chunks(texts: list[str]) -> set[str]:
    return {c for t in texts for c in t.split()}


def test_present_words_are_those_of_every_substring() -> None:
    rng = random.Random(3)
    alphabet = "党员组织科技城大桥镇教育专题1 2"
    words = {"".join(rng.choice(alphabet[:-3]) for _ in range(rng.randint(1, 10))) for _ in range(400)}
    words |= {"党员", "党组织", "科技城", "专题教育", "教育"}
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(200)]
    texts.append("嘉兴科技城 专题教育 党组织")
    assert _words_in(words, _chunks(texts), 8) == _substrings(_chunks(texts), 8) & words


def test_a_word_longer_than_the_limit_is_never_present() -> None:
    assert _words_in({"一二三四五六七八九"}, {"一二三四五六七八九十"}, 8) == set()
    assert _words_in({"一二三"}, _chunks(["一二 三"]), 8) == set()  # never across a space
    assert "一二三四五六七八九" not in _substrings({"一二三四五六七八九十"}, 8)


def test_small_and_large_texts_find_the_same_dictionary_words(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["嘉兴科技城 党组织 专题教育 凌雪华讲了党课", "吴江开发区 网格员走访企业"]
    words = {w for w, _, _ in segment.read_full_dictionary() if len(w) <= 8}
    small = _present(texts) & words
    monkeypatch.setattr(segment, "SUBSTRINGS", 0)
    assert _present(texts) == small
    assert {"党组织", "专题", "教育", "网格"} <= small


def test_word_sound_runs_syllables_together() -> None:
    assert word_sound("党员") == "danyuan"
    assert word_sound(normalize("嘉興")) == word_sound("嘉兴")
