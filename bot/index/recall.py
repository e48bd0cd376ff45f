"""Summing token weights over posting lists, and keeping only the best entries.

Recall scores an entry by the summed weight of the question's tokens it holds. A question that
names no place cannot be narrowed to a few documents: at ×1000 its tokens' posting lists hold
hundreds of thousands of positions (every town retells the same articles), and adding each one
to a dictionary in Python took 150 ms. `best_scores` finds the same best entries while touching
far fewer positions, the way search engines do ("MaxScore"): tokens are taken rarest (heaviest)
first; once the weight still to come is smaller than what the k-th best entry of each kind
already has, no entry that none of the tokens so far holds can still make the cut, and the
remaining — common, long — posting lists are only read for the entries already in the running.

The result is exact: every entry that can be among the best gets its full sum.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

#: Below this many postings in all, adding every one is quicker than working out what to skip.
SMALL = 5000
#: Slack for comparing sums added up in different orders (float rounding), relative to the total.
_SLACK = 1e-9


def span_scores(weighted: Sequence[tuple[float, array[int]]], spans: Sequence[tuple[int, int]]) -> dict[int, float]:
    """Summed weights of the positions inside `spans` (the entries of the documents in scope)."""
    scores: dict[int, float] = defaultdict(float)
    for weight, postings in weighted:
        for lo, hi in spans:
            for position in postings[bisect_left(postings, lo) : bisect_left(postings, hi)]:
                scores[position] += weight
    return scores


def best_scores(weighted: Sequence[tuple[float, array[int]]], kind: bytes, limits: tuple[int, int]) -> dict[int, float]:
    """Summed weights of (at least) every position that can be among the best of its kind.

    `kind[position]` is 0 or 1 (an article sentence or a fact); `limits` how many of each kind
    are wanted. Positions that cannot make the cut are mostly left out; those returned carry
    their full sum, so `top` over them equals `top` over every position.
    """
    order = sorted(weighted, key=lambda pair: -pair[0])
    if sum(len(postings) for _, postings in order) <= SMALL:
        return _add_all(order)
    remaining = sum(weight for weight, _ in order)
    slack = _SLACK * (remaining + 1.0)
    scores: dict[int, float] = {}
    done = 0
    unchecked = 0  # postings added since the cut was last worked out
    for weight, postings in order:
        if scores:
            for position in postings:
                scores[position] = scores.get(position, 0.0) + weight
        else:
            scores = dict.fromkeys(postings, 0.0 + weight)
        remaining -= weight
        done += 1
        unchecked += len(postings)
        # Working out the cut reads every score: only when as many postings were added since
        # (so it costs at most what adding them did), and never while it cannot succeed.
        bound = remaining + slack
        if done < len(order) and unchecked >= len(scores) and bound < max(scores.values()):
            unchecked = 0
            if bound < _cut(scores, kind, limits):
                break
    else:
        return scores
    # No new position can make the cut: prune those that cannot either, then finish the sums
    # of the rest from the remaining (long) posting lists.
    cut = _cut(scores, kind, limits)
    live = {p for p, s in scores.items() if s + remaining + slack >= cut}
    result = {p: scores[p] for p in live}
    for weight, postings in order[done:]:
        if len(postings) > 16 * len(live):
            held = [p for p in live if _holds(postings, p)]
        else:
            held = list(live.intersection(postings))
        for position in held:
            result[position] += weight
    return result


def _add_all(order: Sequence[tuple[float, array[int]]]) -> dict[int, float]:
    scores: dict[int, float] = {}
    for weight, postings in order:
        for position in postings:
            scores[position] = scores.get(position, 0.0) + weight
    return scores


def _holds(postings: array[int], position: int) -> bool:
    i = bisect_left(postings, position)
    return i < len(postings) and postings[i] == position


def _cut(scores: dict[int, float], kind: bytes, limits: tuple[int, int]) -> float:
    """The lowest score still among the best of both kinds (-inf while a kind has too few)."""
    if max(scores.values(), default=0.0) <= 0.0:
        return float("-inf")
    lowest = float("inf")
    for which, limit in enumerate(limits):
        best = heapq.nlargest(limit, (s for p, s in scores.items() if kind[p] == which))
        if len(best) < limit:
            return float("-inf")
        lowest = min(lowest, best[-1])
    return lowest


def top(scores: dict[int, float], kind: bytes, which: int, limit: int) -> list[int]:
    """The `limit` best positions of one kind: highest score first, ties to the later position."""
    return _best([(s, p) for p, s in scores.items() if kind[p] == which], limit)


def tops(scores: dict[int, float], kind: bytes, limits: tuple[int, int]) -> tuple[list[int], list[int]]:
    """`top` of each kind (0 and 1) with one pass over the scores: (sentences, facts)."""
    pairs: tuple[list[tuple[float, int]], list[tuple[float, int]]] = ([], [])
    for position, score in scores.items():
        pairs[kind[position]].append((score, position))
    return _best(pairs[0], limits[0]), _best(pairs[1], limits[1])


def _best(pairs: list[tuple[float, int]], limit: int) -> list[int]:
    if len(pairs) > 8 * limit:
        return [p for _, p in heapq.nlargest(limit, pairs)]
    pairs.sort(reverse=True)
    return [p for _, p in pairs[:limit]]
