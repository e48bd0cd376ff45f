"""The wording and sound signals, worked out for all candidates at once (bot.matching.likeness)."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from bot.matching.engine import Engine
from bot.matching.likeness import likeness


def one_by_one(query, entry) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The definition, entry by entry: the best curated question, half characters, half words."""
    if not entry.questions:
        return fuzz.partial_ratio(query.compact, entry.body) / 100 * 0.8, 0.0
    best = max(
        fuzz.ratio(query.compact, q) + (fuzz.ratio(query.term_words, w) if query.term_words and w else 0)
        for q, w in zip(entry.questions, entry.question_words, strict=True)
    )
    heard = max(fuzz.ratio(query.pinyin, p) for p in entry.question_pinyin) / 100 if query.pinyin else 0.0
    return best / 200, heard


@pytest.mark.parametrize(
    "question",
    ["大桥镇讲了多少堂党课", "党课讲了几堂啊", "吴江开发区有多少名党员", "那边老百姓靠啥挣钱呀", "出处"],
)
def test_likeness_is_each_entrys_best_wording(engine: Engine, question: str) -> None:
    index = engine.index
    query = index.query(question)
    entries = [index.entries[p] for p in index.recall(query, None)]
    assert entries, question
    found = likeness(query, entries)
    assert [(round(f.wording, 9), round(f.sound, 9)) for f in found] == [
        tuple(round(v, 9) for v in one_by_one(query, e)) for e in entries
    ]


def test_a_curated_wording_is_most_like_its_own_fact(engine: Engine) -> None:
    index = engine.index
    own, other = [e for e in index.entries if e.questions][:2]
    query = index.query(own.questions[0])
    mine, theirs = likeness(query, [own, other])
    assert mine.wording >= 0.5 > theirs.wording  # its characters all alike: half the signal at least
    assert mine.sound > theirs.sound
