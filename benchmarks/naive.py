"""Naive matchers over the same facts, for comparison: `python -m benchmarks.naive MATCHER …`.

    python -m benchmarks.naive rapidfuzz,difflib KNOWLEDGE FILE… [--limit N] [--budget SECONDS]

Both matchers compare the question with every curated question of every fact and answer with
the best fact's answer, or decline below a cut-off:

- `rapidfuzz`: `rapidfuzz.process.extractOne` with its default scorer (WRatio), answering at a
  score ≥ 60 of 100;
- `difflib`: `difflib.get_close_matches(n=1)` (SequenceMatcher ratio), answering at ≥ 0.6.
- `bm25`: Okapi BM25 over jieba's words of the curated questions (`bot.curation.baseline`), no
  threshold: the best wording's fact always answers.

Both sides — the fact questions and the user's question — are normalised with
`bot.text.normalize.normalize` *without* the alias table (NFKC, traditional → simplified, numerals →
digits, punctuation → spaces): the cheap, obvious preprocessing, not the bot's place logic.
Normalising the user's question is part of each timed answer. They never ask to clarify.

A matcher stops after `--budget` seconds per question file (difflib over ~900 000 questions
needs seconds per answer); the result says how many questions it answered, always the first
ones of the file, so the engine can be compared on the same subset.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rapidfuzz import process

from bot.curation.baseline import BM25
from bot.curation.evaluate import load_questions, passes
from bot.knowledge.model import Fact
from bot.knowledge.read import load_knowledge
from bot.reply import Reply
from bot.text.normalize import normalize

RAPIDFUZZ_CUTOFF = 60.0
DIFFLIB_CUTOFF = 0.6

Matcher = Callable[[str], Fact | None]


def rapidfuzz_matcher(choices: list[str], owners: list[Fact]) -> Matcher:
    def match(question: str) -> Fact | None:
        best = process.extractOne(question, choices, score_cutoff=RAPIDFUZZ_CUTOFF)
        return owners[best[2]] if best else None

    return match


def difflib_matcher(choices: list[str], owners: list[Fact]) -> Matcher:
    owner_of = dict(zip(reversed(choices), reversed(owners), strict=True))  # first wins

    def match(question: str) -> Fact | None:
        best = difflib.get_close_matches(question, choices, n=1, cutoff=DIFFLIB_CUTOFF)
        return owner_of[best[0]] if best else None

    return match


def bm25_matcher(choices: list[str], owners: list[Fact]) -> Matcher:
    """Okapi BM25 over jieba's words (`bot.curation.baseline`): the plain ranker the engine is
    measured against; it has no threshold, so it answers every question."""
    return BM25.of_wordings(choices, owners).best


MATCHERS: dict[str, Callable[[list[str], list[Fact]], Matcher]] = {
    "rapidfuzz": rapidfuzz_matcher,
    "difflib": difflib_matcher,
    "bm25": bm25_matcher,
}


def reply_for(question: str, fact: Fact | None) -> Reply:
    if fact is None:
        return Reply(question=question, status="declined")
    return Reply(question=question, status="answered", answer=fact.answer, fact_id=fact.id)


def run(names: list[str], knowledge_dir: Path, files: list[Path], limit: int | None, budget: float) -> dict[str, Any]:
    """Prepare the choices once, then let each matcher answer each file within `budget`."""
    start = time.perf_counter()
    knowledge = load_knowledge(knowledge_dir)
    loaded = time.perf_counter()
    choices: list[str] = []
    owners: list[Fact] = []
    for fact in knowledge.facts:
        for question in fact.questions:
            choices.append(normalize(question))
            owners.append(fact)
    prepared = time.perf_counter()
    results: dict[str, Any] = {}
    for name in names:
        match = MATCHERS[name](choices, owners)
        results[name] = {path.name: answer_file(match, path, limit, budget) for path in files}
    return {
        "choices": len(choices),
        "load_knowledge_s": loaded - start,
        "prepare_s": prepared - loaded,
        "matchers": results,
    }


def answer_file(match: Matcher, path: Path, limit: int | None, budget: float) -> dict[str, Any]:
    items = load_questions(path)[:limit]
    seconds: list[float] = []
    passed: list[bool] = []
    for item in items:
        begin = time.perf_counter()
        fact = match(normalize(item.question))
        seconds.append(time.perf_counter() - begin)
        passed.append(passes(item, reply_for(item.question, fact)))
        if sum(seconds) > budget:
            break
    return {"seconds": seconds, "passed": passed, "total": len(items)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.naive", description=__doc__.splitlines()[0])
    parser.add_argument("matchers", help=f"comma-separated: {', '.join(MATCHERS)}")
    parser.add_argument("knowledge", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--limit", type=int, help="only the first N questions of each file")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of answering per file (default 60)")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.matchers.split(",") if n.strip()]
    unknown = [n for n in names if n not in MATCHERS]
    if unknown or not names:
        parser.error(f"unknown matcher(s) {unknown}; choose from {', '.join(MATCHERS)}.")
    print(json.dumps(run(names, args.knowledge, args.files, args.limit, args.budget), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
