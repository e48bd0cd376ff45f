"""A learned answer gate, measured against the score threshold it would replace (issue 15).

    .venv/bin/python -m benchmarks.learnedgate

The engine answers when the best fact's score reaches a hand-set threshold
(`Confidence.sure`). This benchmark learns that decision instead: a logistic regression over the
evidence about the best fact — the score, each signal, the penalties, how far ahead of the next
fact it is, how many key terms the question has and how much of what it names the fact lacks —
fitted (Newton's method, a little L2) on the blind questions of the read sets: the bundled
articles' `questions`, `independent`, `near_topic`, `holdout`, `holdout3` and `forms`, and the
development articles' `questions.yaml` and `out_of_scope.yaml`. A question's best fact is
labelled right when it expects an answer and that fact's answer holds every expected string. The
threshold is the one that gains most on the same questions, a wrong answer counting twice a
missed one. It then prints how well score and gate rank right above wrong answers (area under
the ROC curve), and each read set answered end to end with `Confidence.sure` replaced by the gate.
The unread sets are never touched.

An earlier version trained on the curators' own wordings, each asked without itself, plus made-up
out-of-scope questions (the issue's proposal): curated wordings are written to be matched, and
that model ranked real questions worse than the score (area 0.80 against 0.88).
"""

from __future__ import annotations

import argparse
import math
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.config import bundled_knowledge_dir
from bot.curation.evaluate import Item, evaluate, load_questions
from bot.index.search import Index
from bot.knowledge.combine import combine
from bot.matching.confidence import Confidence
from bot.matching.engine import Engine
from bot.matching.scoring import Question, Scored, rank
from bot.matching.terms import term_match
from bot.question.kinds import Query

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval"
BUNDLED_SETS = ("questions", "independent", "near_topic", "holdout", "holdout3", "forms")
ARTICLES = ("dongxi-party-2023", "lianhe-agri-2022", "hexi-enterprise-2024", "yanxi-ecology-2025")
#: L2 penalty of the fit: enough to keep rare features (other_place) from running away.
L2 = 1e-3
#: A wrong answer costs this many missed ones when the threshold is chosen.
WRONG_COST = 2.0

#: The penalties a fact may carry (bot.matching.scoring), each a feature of its own.
PENALTIES = ("focus_miss", "number_miss", "name_miss", "other_place")
FEATURES = (
    "score",
    "coverage",
    "wording",
    "sound",
    "kind",
    *PENALTIES,
    "margin",
    "terms",
    "asks_what",
    "yes_no",
    "missing_unknown",
    "missing_most",
    "complete",
)


def features(index: Index, query: Query, facts: list[Scored]) -> list[float]:
    """The evidence about `facts[0]`, the best fact for `query`, in the order of `FEATURES`."""
    best = facts[0]
    signals = best.signals
    second = facts[1].score if len(facts) > 1 else 0.0
    terms = Question.of(index, query).terms
    entry = index.entries[best.position]
    total = sum(t.weight for t in terms) or 1.0
    heaviest = max((t.weight for t in terms), default=1.0) or 1.0
    missing = [t for t in terms if term_match(t, entry) < 0.5]
    return [
        best.score,
        signals["coverage"],
        signals["wording"],
        signals["sound"],
        1.0 if signals["kind"] == 1.0 else 0.0,
        *(1.0 if p in signals else 0.0 for p in PENALTIES),
        best.score - second,
        min(len(set(query.terms)), 10) / 10,
        1.0 if query.asks is None else 0.0,
        1.0 if query.yes_no else 0.0,
        # What the fact lacks that the knowledge never says at all is the likeliest reason the
        # article cannot answer; a lacked word the knowledge uses elsewhere may be a paraphrase.
        sum(t.weight for t in missing if t.text not in index.frequency) / total,
        max((t.weight for t in missing), default=0.0) / heaviest,
        0.0 if missing else 1.0,
    ]


Row = tuple[list[float], bool]


def rows(engine: Engine, items: list[Item]) -> list[Row]:
    """(features of the best fact, whether it is right) for every item that is not a choice."""
    decider, index = engine.decider, engine.index
    found: list[Row] = []
    for item in items:
        if item.status == "clarify":
            continue
        query = index.query(item.question)
        docs = decider.scope(query)
        if query.places and not docs:
            continue
        facts = decider.distinct_facts(rank(index, query, docs))
        if not facts:
            continue
        fact = engine.knowledge.fact(index.entries[facts[0].position].fact_id or "")
        right = item.status == "answered" and bool(item.expect) and fact is not None
        right = right and all(e in fact.answer for e in item.expect)  # type: ignore[union-attr]
        found.append((features(index, query, facts), right))
    return found


def read_sets() -> Iterator[tuple[str, Engine, list[Item]]]:
    """(name, engine, questions) of every read set, each with the knowledge it is asked of."""
    bundled = bundled_knowledge_dir()
    engine = Engine.load(bundled)
    for name in BUNDLED_SETS:
        yield name, engine, load_questions(EVAL / f"{name}.yaml")
    for article in ARTICLES:
        folder = EVAL / "newarticles" / article
        with tempfile.TemporaryDirectory() as tmp:
            engine = Engine.load(combine(bundled, [folder], Path(tmp) / "k"))
            for file in ("questions.yaml", "out_of_scope.yaml"):
                if (folder / file).exists():
                    yield f"{article}/{file.removesuffix('.yaml')}", engine, load_questions(folder / file)


def training_rows() -> list[Row]:
    return [row for _, engine, items in read_sets() for row in rows(engine, items)]


def fit(data: list[Row], iterations: int = 30) -> list[float]:
    """Weights then bias of a logistic regression, by Newton's method with an L2 penalty."""
    size = len(FEATURES) + 1
    xs = [[*x, 1.0] for x, _ in data]
    ys = [1.0 if y else 0.0 for _, y in data]
    w = [0.0] * size
    for _ in range(iterations):
        grad = [0.0] * size
        hess = [[0.0] * size for _ in range(size)]
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x, strict=True))))))
            for i in range(size):
                grad[i] += (p - y) * x[i]
                if x[i]:
                    row, r = hess[i], p * (1 - p) * x[i]
                    for j in range(size):
                        row[j] += r * x[j]
        n = len(xs)
        for i in range(size):
            grad[i] = grad[i] / n + (L2 * w[i] if i < size - 1 else 0.0)
            hess[i] = [h / n for h in hess[i]]
            hess[i][i] += L2
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
    return w


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small: one row per feature)."""
    size = len(vector)
    m = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if not m[col][col]:
            continue
        for r in range(size):
            if r != col:
                factor = m[r][col] / m[col][col]
                m[r] = [a - factor * b for a, b in zip(m[r], m[col], strict=True)]
    return [m[i][size] / m[i][i] if m[i][i] else 0.0 for i in range(size)]


def probability(w: list[float], x: list[float]) -> float:
    z = w[-1] + sum(a * b for a, b in zip(w, x, strict=False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def auc(scored: list[tuple[float, bool]]) -> float:
    """Area under the ROC curve: the chance a right answer scores above a wrong one."""
    right = sorted(s for s, ok in scored if ok)
    wrong = sorted(s for s, ok in scored if not ok)
    if not right or not wrong:
        return 0.0
    wins = sum(sum(1.0 if r > w else 0.5 if r == w else 0.0 for w in wrong) for r in right)
    return wins / (len(right) * len(wrong))


def best_threshold(scored: list[tuple[float, bool]]) -> float:
    """The threshold that gains most: right answers given, less `WRONG_COST` per wrong one."""
    grid = [t / 100 for t in range(30, 91)]

    def gain(t: float) -> float:
        return sum(1.0 if ok else -WRONG_COST for s, ok in scored if s >= t)

    return max(grid, key=gain)


@contextmanager
def gated(w: list[float], threshold: float) -> Iterator[None]:
    """`Confidence.sure` replaced by the learned gate for the duration."""
    hand = Confidence.sure

    def sure(self: Confidence, query: Query, facts: list[Scored]) -> bool:
        return probability(w, features(self.index, query, facts)) >= threshold

    Confidence.sure = sure  # type: ignore[method-assign]
    try:
        yield
    finally:
        Confidence.sure = hand  # type: ignore[method-assign]


def end_to_end(w: list[float], threshold: float) -> list[tuple[str, float, float]]:
    """(set, accuracy with the score threshold, accuracy with the gate) for every read set."""
    found: list[tuple[str, float, float]] = []
    for name, engine, items in read_sets():
        before = evaluate(engine, items).accuracy()
        with gated(w, threshold):
            after = evaluate(engine, items).accuracy()
        found.append((name, before, after))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.learnedgate", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    data = training_rows()
    w = fit(data)
    learned = [(probability(w, x), ok) for x, ok in data]
    threshold = best_threshold(learned)
    by_score = [(x[0], ok) for x, ok in data]
    print(f"{len(data)} questions, {sum(ok for _, ok in data)} with a right best fact")
    print(f"area under ROC: score {auc(by_score):.3f}, gate {auc(learned):.3f}; gate threshold {threshold:.2f}")
    print("weights: " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w, strict=False)) + f", bias {w[-1]:+.2f}")
    print("\n| read set | score threshold | learned gate |\n|---|---|---|")
    for name, before, after in end_to_end(w, threshold):
        print(f"| {name} | {100 * before:.1f}% | {100 * after:.1f}% |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
