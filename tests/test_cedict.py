"""English words read as the knowledge's own words, through CC-CEDICT (bot.text.cedict)."""

from __future__ import annotations

import pytest

from bot.text.cedict import english_words, gloss

VOCABULARY = ["民宿", "床位", "校车", "覆盖率", "游客", "学生", "森林"]


@pytest.fixture(scope="module")
def table() -> dict[str, str]:
    return english_words(VOCABULARY, {w: 1 for w in VOCABULARY})


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("现在的 homestay 有多少家", "民宿"),
        ("一共多少张 beds", "床位"),  # a plural, looked up singular
        ("那个 school bus 项目", "校车"),  # a phrase before its words
        ("forest coverage 从多少", "覆盖率"),
    ],
)
def test_an_english_word_becomes_the_knowledge_word_it_glosses(table: dict[str, str], text: str, read: str) -> None:
    assert read in gloss(text, table)


def test_only_the_knowledge_s_words_are_read(table: dict[str, str]) -> None:
    # CC-CEDICT knows 猫 for cat; the knowledge does not use 猫, so cat stays cat.
    assert "cat" in gloss("a cat 在哪", table) and "猫" not in gloss("a cat 在哪", table)


def test_words_sharing_a_rare_gloss_are_kin() -> None:
    from bot.text.cedict import kin_by_gloss

    kin = kin_by_gloss(["安置", "旅客"])
    assert "安置" in kin["安顿"]  # both: help settle down
    assert "旅客" in kin["游客"]  # both: traveler
    assert "安置" not in kin  # a word of the knowledge keeps its own sense
