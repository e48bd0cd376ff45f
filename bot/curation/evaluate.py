"""`faqbot eval`: run a question file through the engine and measure it.

A question file is a YAML list of items:

    - question: 大桥镇讲了多少堂党课啊
      kind: colloquial
      status: answered          # default; or clarify, declined
      expect: ["194"]           # answered: all in the answer; clarify: each in some suggestion

An item passes when the reply has the expected status and, for `answered`, the answer
contains every expected string; for `clarify`, every expected string appears in some
suggested answer — or in the one answer given, which then tells every reading at once.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import UserError
from bot.matching.engine import Engine
from bot.matching.outcomes import WRONG_PREMISE
from bot.reply import Reply
from bot.text.normalize import normalize
from bot.yamlfile import Mapping, UnreadableFile, load_yaml


class BadQuestionFile(UserError):
    """The question file is not a list of {question, kind, ...} items."""


@dataclass(frozen=True)
class Item:
    question: str
    kind: str
    status: str = "answered"
    expect: tuple[str, ...] = ()


@dataclass
class Outcome:
    item: Item
    status: str
    answer: str | None
    fact_id: str | None
    score: float
    seconds: float
    passed: bool


@dataclass
class Result:
    outcomes: list[Outcome] = field(default_factory=list)

    def accuracy(self, kind: str | None = None) -> float:
        chosen = [o for o in self.outcomes if kind is None or o.item.kind == kind]
        return sum(o.passed for o in chosen) / len(chosen) if chosen else 0.0

    def accuracy_answerable(self) -> float:
        """Accuracy on the items expecting an answer (what a ranker without a threshold can get)."""
        chosen = [o for o in self.outcomes if o.item.status == "answered"]
        return sum(o.passed for o in chosen) / len(chosen) if chosen else 0.0

    def kinds(self) -> list[str]:
        return list(dict.fromkeys(o.item.kind for o in self.outcomes))

    def latency_ms(self, quantile: float) -> float:
        times = sorted(o.seconds for o in self.outcomes)
        if not times:
            return 0.0
        return 1000 * times[min(len(times) - 1, int(quantile * len(times)))]

    def answered_share(self, status: str) -> float:
        """Share of items expecting `status` that the engine answered anyway."""
        chosen = [o for o in self.outcomes if o.item.status == status]
        return sum(o.status == "answered" for o in chosen) / len(chosen) if chosen else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy(),
            "per_kind": {k: self.accuracy(k) for k in self.kinds()},
            "p50_ms": self.latency_ms(0.5),
            "p99_ms": self.latency_ms(0.99),
            "outcomes": [
                {**asdict(o.item), **{k: v for k, v in asdict(o).items() if k != "item"}} for o in self.outcomes
            ],
        }


def load_questions(path: Path) -> list[Item]:
    try:
        data = load_yaml(path, str(path))
    except UnreadableFile as exc:
        raise BadQuestionFile(str(exc.problem)) from None
    if not isinstance(data, list):
        raise BadQuestionFile(f"{path}: the question file must be a YAML list of items.")
    items = []
    for raw in data:
        if not isinstance(raw, Mapping) or not isinstance(raw.get("question"), str):
            line = raw.line if isinstance(raw, Mapping) else 1
            raise BadQuestionFile(f"{path}:{line}: each item needs a `question` text.")
        expect = raw.get("expect") or []
        items.append(
            Item(
                question=raw["question"],
                kind=str(raw.get("kind", "other")),
                status=str(raw.get("status", "answered")),
                expect=tuple(str(e) for e in expect),
            )
        )
    return items


#: How a correction of a false premise opens (「文中说的是…」).
CORRECTION = WRONG_PREMISE.split("{")[0]


def passes(item: Item, reply: Reply) -> bool:
    # One answer that gives every reading (「高血压…84.3%，糖尿病…80.6%」 to 「慢病规范管理率是多少」)
    # serves the user as well as a choice between them.
    every_reading = item.status == "clarify" and reply.status == "answered" and bool(item.expect)
    if reply.status != item.status and not every_reading:
        return False
    if reply.status == "answered":
        # A false premise is answered with the fact and a correction before it (「文中说的是鄢志强，不是
        # 仉海燕。」): the user reads both.
        corrected = reply.text if reply.text and reply.text.startswith(CORRECTION) else ""
        answer = normalize(corrected + (reply.answer or ""))
        return all(normalize(e) in answer for e in item.expect)
    if item.status == "clarify":
        answers = [normalize(s.answer) for s in reply.suggestions]
        return all(any(normalize(e) in a for a in answers) for e in item.expect)
    return True


def evaluate(engine: Engine, items: list[Item], progress: bool = False) -> Result:
    result = Result()
    for number, item in enumerate(items, 1):
        start = time.perf_counter()
        reply = engine.answer(item.question)
        seconds = time.perf_counter() - start
        result.outcomes.append(
            Outcome(item, reply.status, reply.answer, reply.fact_id, reply.score, seconds, passes(item, reply))
        )
        if progress:
            done = int(30 * number / len(items))
            sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {number}/{len(items)}")
            sys.stderr.flush()
    if progress:
        sys.stderr.write("\n")
    return result


def format_report(result: Result, failures: bool = True, baseline: Result | None = None) -> str:
    lines = []
    if failures:
        for o in result.outcomes:
            if not o.passed:
                got = o.answer if o.status == "answered" else ""
                lines.append(
                    f"FAIL [{o.item.kind}] {o.item.question}\n"
                    f"     expected {o.item.status} {list(o.item.expect)}; "
                    f"got {o.status} {o.fact_id or ''} {o.score:.2f} {got or ''}"
                )
        if lines:
            lines.append("")
    width = max((len(k) for k in result.kinds()), default=4)
    counts: dict[str, int] = defaultdict(int)
    for o in result.outcomes:
        counts[o.item.kind] += 1

    def beside(kind: str | None) -> str:
        return f"  BM25 {baseline.accuracy(kind):6.1%}" if baseline is not None else ""

    if baseline is not None:
        lines.append(f"{'':<{width}}  engine  (n)    baseline")
    for kind in result.kinds():
        lines.append(f"{kind:<{width}}  {result.accuracy(kind):6.1%}  ({counts[kind]}){beside(kind)}")
    lines.append(f"{'overall':<{width}}  {result.accuracy():6.1%}  ({len(result.outcomes)}){beside(None)}")
    lines.append(f"out-of-scope answered: {result.answered_share('declined'):.1%}")
    if baseline is not None:
        lines.append(
            f"answerable questions right: engine {result.accuracy_answerable():.1%}, "
            f"BM25 {baseline.accuracy_answerable():.1%}; BM25 answers {baseline.answered_share('declined'):.0%}"
            " of out-of-scope questions (it has no threshold)"
        )
    lines.append(f"latency p50 {result.latency_ms(0.5):.2f} ms, p99 {result.latency_ms(0.99):.2f} ms")
    return "\n".join(lines)
