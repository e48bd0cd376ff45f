"""Latency, accuracy, build time and memory of the engine at ×1, ×10, ×100, ×1000 the facts,
with the naive matchers over the same facts beside it.

For each size: generate the fact base (`benchmarks.generate`; ×1 is the bundled knowledge
itself), build its index in a child process (time, peak memory, cache size), answer the
rewritten dev set in another child from the warm cache (latency, accuracy, peak memory), and
run the naive matchers on the same question files. A build that outlives `build_timeout` is
reported as such, and that size is measured partially: knowledge loading and naive matchers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import ChildFailed, percentile, run_child
from benchmarks.devset import write_devset
from benchmarks.generate import SEED, generate, make_variants, read_sources
from bot.config import bundled_knowledge_dir

FILES = ("questions-place.yaml", "questions-noplace.yaml")
MATCHERS = ("rapidfuzz", "difflib", "bm25")


@dataclass
class Answers:
    """Latency and outcomes of one answerer (the engine or a naive matcher) on one size."""

    seconds: dict[str, list[float]]  # file name → seconds per answer (all rounds)
    passed: dict[str, list[bool]]  # file name → first-round pass per question, in file order

    def p(self, q: float, file: str | None = None) -> float:
        times = [s for name, values in self.seconds.items() if file in (None, name) for s in values]
        return percentile(times, q) * 1000

    def accuracy(self, file: str, first: int | None = None) -> float | None:
        passed = self.passed.get(file, [])[:first]
        return 100 * sum(passed) / len(passed) if passed else None

    def count(self, file: str) -> int:
        return len(self.passed.get(file, []))


@dataclass
class SizeResult:
    size: int
    generate_s: float = 0.0
    build: dict[str, Any] = field(default_factory=dict)  # probe build (or load) result
    serve: dict[str, Any] = field(default_factory=dict)
    engine: Answers | None = None
    naive: dict[str, Answers] = field(default_factory=dict)
    naive_prepare_s: float = 0.0
    problems: list[str] = field(default_factory=list)  # what could not be measured, and why
    build_timeout: float | None = None  # set when the index build ran out of time
    devset: str = ""

    @property
    def built(self) -> bool:
        return "build_index_s" in self.build


def prepare(size: int, work: Path, seed: int = SEED) -> tuple[Path, float, str]:
    """The knowledge folder and the dev-set files for `size`; (knowledge, seconds, summary)."""
    import time

    out = work / f"x{size}"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if size == 1:
        variants = make_variants(1, read_sources(bundled_knowledge_dir())[0], seed)
        knowledge = bundled_knowledge_dir()
    else:
        variants = generate(size, out, seed)
        knowledge = out / "knowledge"
    summary = write_devset(out, variants, seed)
    return knowledge, time.perf_counter() - start, summary


def measure_size(
    size: int,
    work: Path,
    *,
    rounds: int,
    limit: int | None,
    build_timeout: float,
    naive_budget: float,
    matchers: tuple[str, ...] = MATCHERS,
) -> SizeResult:
    result = SizeResult(size)
    knowledge, result.generate_s, result.devset = prepare(size, work)
    out = work / f"x{size}"
    files = [str(out / name) for name in FILES]
    cache = out / "cache"
    limits = ["--limit", str(limit)] if limit else []
    budget = ["--budget", str(naive_budget)]
    try:
        result.build = run_child(["benchmarks.probe", "build", str(knowledge), str(cache)], timeout=build_timeout)
    except ChildFailed as exc:
        result.problems.append(f"index build: {exc}")
        if exc.timed_out:
            result.build_timeout = build_timeout
        try:
            result.build = run_child(["benchmarks.probe", "load", str(knowledge)], timeout=build_timeout)
        except ChildFailed as again:
            result.problems.append(f"knowledge load: {again}")
    if result.built:
        try:
            result.serve = run_child(
                ["benchmarks.probe", "serve", str(knowledge), str(cache), *files, "--rounds", str(rounds), *limits],
                timeout=build_timeout + 600,
            )
            result.engine = _answers(result.serve["files"])
            if result.serve.get("rebuilt"):
                result.problems.append("The index was rebuilt when answering (did bot/ change during the run?).")
        except ChildFailed as exc:
            result.problems.append(f"answering: {exc}")
    if matchers:
        try:
            naive = run_child(
                ["benchmarks.naive", ",".join(matchers), str(knowledge), *files, *budget, *limits],
                timeout=build_timeout + 4 * naive_budget + 600,
            )
            result.naive = {name: _answers(files_) for name, files_ in naive["matchers"].items()}
            result.naive_prepare_s = naive["prepare_s"]
        except ChildFailed as exc:
            result.problems.append(f"naive matchers: {exc}")
    return result


def _answers(files: dict[str, Any]) -> Answers:
    return Answers(
        seconds={name: data["seconds"] for name, data in files.items()},
        passed={name: data["passed"] for name, data in files.items()},
    )
