"""Recall's sums: the pruned search for the best entries finds exactly what adding everything finds."""

from __future__ import annotations

import random
from array import array
from collections import defaultdict

import pytest

from bot.index import recall as recall
from bot.index.recall import best_scores, span_scores, top, tops


def _everything(weighted: list[tuple[float, array[int]]]) -> dict[int, float]:
    """Every position's sum, added heaviest token first as `best_scores` does (floats: same order)."""
    scores: dict[int, float] = defaultdict(float)
    for weight, postings in sorted(weighted, key=lambda pair: -pair[0]):
        for position in postings:
            scores[position] += weight
    return scores


def _corpus(rng: random.Random, size: int, tokens: int) -> list[tuple[float, array[int]]]:
    weighted = []
    for _ in range(tokens):
        share = rng.choice([0.001, 0.01, 0.1, 0.3])
        postings = array("i", sorted(rng.sample(range(size), max(1, int(size * share)))))
        weighted.append((round(rng.uniform(0.5, 8.0), 1), postings))  # rounded: many ties
    return weighted


@pytest.mark.parametrize("small", [0, recall.SMALL])
def test_pruned_recall_finds_the_same_best_entries(monkeypatch: pytest.MonkeyPatch, small: int) -> None:
    monkeypatch.setattr(recall, "SMALL", small)  # 0: always the pruned search
    rng = random.Random(7)
    for _ in range(60):
        size = rng.choice([50, 500, 3000])
        kind = bytes(rng.random() < 0.7 for _ in range(size))
        weighted = _corpus(rng, size, rng.randint(1, 25))
        full, pruned = _everything(weighted), best_scores(weighted, kind, (4, 16))
        for which, limit in ((1, 16), (0, 4)):
            expected = top(full, kind, which, limit)
            assert top(pruned, kind, which, limit) == expected
            assert [pruned[p] for p in expected] == [full[p] for p in expected]


def test_few_entries_of_a_kind_are_all_kept() -> None:
    kind = bytes([1, 1, 0, 1])
    weighted = [(5.0, array("i", [0])), (1.0, array("i", [1, 2, 3]))]
    scores = best_scores(weighted, kind, (4, 16))
    assert top(scores, kind, 1, 16) == [0, 3, 1]
    assert top(scores, kind, 0, 4) == [2]


def test_no_tokens_no_entries() -> None:
    assert best_scores([], b"\x01", (4, 16)) == {}
    assert top({}, b"\x01", 1, 16) == []


def test_ties_go_to_the_later_position() -> None:
    kind = bytes([1] * 5)
    scores = best_scores([(2.0, array("i", [0, 1, 2, 3, 4]))], kind, (0, 2))
    assert top(scores, kind, 1, 2) == [4, 3]


def test_span_scores_read_only_the_spans() -> None:
    weighted = [(1.0, array("i", [0, 2, 5, 7, 9])), (2.0, array("i", [5, 6]))]
    assert span_scores(weighted, [(5, 8)]) == {5: 3.0, 6: 2.0, 7: 1.0}
    assert span_scores(weighted, [(0, 1), (9, 10)]) == {0: 1.0, 9: 1.0}


def test_tops_is_top_of_each_kind() -> None:
    scores = {0: 1.0, 1: 3.0, 2: 2.0, 3: 3.0, 4: 0.5, 5: 2.5}
    kind = bytes([1, 0, 1, 1, 0, 0])
    assert tops(scores, kind, (2, 2)) == (top(scores, kind, 0, 2), top(scores, kind, 1, 2)) == ([1, 5], [3, 2])
