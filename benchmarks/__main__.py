"""Run every benchmark and print the results as Markdown: `python -m benchmarks`.

    python -m benchmarks                      # the full run: ×1, ×10, ×100, ×1000 (long)
    python -m benchmarks --sizes 1,10,100     # a shorter run
    python -m benchmarks --quick              # the CI smoke run: ×1 and ×2, 20 questions

Sections: the machine; cold start of `faqbot ask`; the engine at each size (build, memory,
latency, accuracy); the naive matchers beside it; the targets of issue 7, PASS or MISS.
Generated fact bases go to a temporary folder (or --work DIR), deleted at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks import coldstart, report
from benchmarks.common import machine, markdown, targets_table
from benchmarks.scale import SizeResult, measure_size
from bot.config import bundled_knowledge_dir


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="comma-separated scales (default 1,10,100,1000)")
    parser.add_argument("--limit", type=int, help="only the first N questions of each dev-set file")
    parser.add_argument("--rounds", type=int, default=3, help="answer each question this many times (default 3)")
    parser.add_argument("--runs", type=int, default=7, help="faqbot ask runs per cold-start case (default 7)")
    parser.add_argument("--build-timeout", type=float, default=600, help="seconds an index build may take (600)")
    parser.add_argument("--naive-budget", type=float, default=60, help="seconds per matcher and question file (60)")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive matchers")
    parser.add_argument("--no-coldstart", action="store_true", help="skip the cold-start measurement")
    parser.add_argument("--quick", action="store_true", help="smoke run: sizes 1,2; 20 questions; 2 runs; 1 round")
    parser.add_argument("--work", type=Path, help="folder for generated fact bases (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated fact bases")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write every figure as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.limit, args.runs, args.rounds, args.naive_budget = "1,2", 20, 2, 1, 5
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes must be comma-separated whole numbers, not '{args.sizes}'.")
    if not args.sizes or args.sizes[0] < 1:
        parser.error("--sizes must name at least one scale, each 1 or more.")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="faqbot-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    info = machine()
    say("# zh-faqbot benchmarks\n")
    say(
        markdown(
            ["date", "commit", "CPU", "nproc", "python", "load average at start"],
            [[info["date"], info["commit"], info["cpu"], info["nproc"], info["python"], info["load"]]],
        )
    )
    cold = None
    try:
        if not args.no_coldstart:
            say("\n## Cold start of `faqbot ask` (bundled knowledge)\n")
            cold = coldstart.measure(bundled_knowledge_dir(), args.runs, work / "coldstart")
            say(coldstart.report(cold))
        results: list[SizeResult] = []
        for size in args.sizes:
            print(f"… measuring ×{size}", file=sys.stderr, flush=True)
            results.append(
                measure_size(
                    size,
                    work,
                    rounds=args.rounds,
                    limit=args.limit,
                    build_timeout=args.build_timeout,
                    naive_budget=args.naive_budget,
                    matchers=() if args.no_naive else ("rapidfuzz", "difflib", "bm25"),
                )
            )
        say("\n## The engine at each size\n")
        say(report.scaling_table(results))
        say("")
        for r in results:
            say(f"- ×{r.size}: dev set: {r.devset}." + "".join(f" {p}" for p in r.problems))
        estimate = report.extrapolation(results)
        if estimate:
            say(f"- {estimate}")
        if any(r.naive for r in results):
            say("\n## Naive matchers over the same facts\n")
            say(report.naive_table(results))
        verdicts = report.targets(results, cold)
        say("\n## Targets (issue 7)\n")
        say(targets_table(verdicts))
        say(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s.")
        if args.json:
            figures = _json(info, cold, results, verdicts)
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def say(text: str) -> None:
    print(text, flush=True)


def _json(info: dict[str, str], cold: coldstart.ColdStart | None, results: list[SizeResult], verdicts: list) -> dict:
    return {
        "machine": info,
        "coldstart": coldstart.as_json(cold) if cold else None,
        "sizes": [asdict(r) for r in results],
        "targets": [{**asdict(t), "verdict": t.verdict} for t in verdicts],
    }


if __name__ == "__main__":
    sys.exit(main())
