"""Measurements that need a fresh process: `python -m benchmarks.probe COMMAND …`.

    load   KNOWLEDGE                 load and validate the knowledge only
    build  KNOWLEDGE CACHE           load the knowledge and build its index into an empty cache
    serve  KNOWLEDGE CACHE FILE…     load from the cache, answer every question file, time answers
    stages KNOWLEDGE CACHE QUESTION  where a `faqbot ask` start-up goes, stage by stage

Each prints one JSON object as its last line. `peak_mb` is the peak resident set of the
process (ru_maxrss), which includes the interpreter and every imported library.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

START = time.perf_counter()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def load(knowledge_dir: Path) -> dict[str, Any]:
    from bot.knowledge.read import load_knowledge

    start = time.perf_counter()
    knowledge = load_knowledge(knowledge_dir)
    return {
        "load_knowledge_s": time.perf_counter() - start,
        "documents": len(knowledge.documents),
        "facts": len(knowledge.facts),
        "questions": sum(len(f.questions) for f in knowledge.facts),
        "peak_mb": peak_mb(),
    }


def build(knowledge_dir: Path, cache: Path) -> dict[str, Any]:
    from bot.index.cache import load_index
    from bot.knowledge.cache import store_knowledge
    from bot.knowledge.read import load_knowledge

    if cache.exists() and any(cache.iterdir()):
        raise SystemExit(f"The cache folder {cache} is not empty; a build must start from an empty one.")
    start = time.perf_counter()
    knowledge = load_knowledge(knowledge_dir)
    loaded = time.perf_counter()
    index = load_index(knowledge, cache)
    built = time.perf_counter()
    entries = len(index.entries)
    del index
    # The parsed knowledge too, as `Engine.load` keeps it, so that the serve probe's load is the
    # everyday warm restart. Stored once the index is built: it is not part of building it.
    store_knowledge(knowledge, cache)
    files = [p for p in cache.iterdir() if p.is_file()]
    return {
        "load_knowledge_s": loaded - start,
        "build_index_s": built - loaded,
        "documents": len(knowledge.documents),
        "facts": len(knowledge.facts),
        "questions": sum(len(f.questions) for f in knowledge.facts),
        "entries": entries,
        "cache_mb": sum(p.stat().st_size for p in files if not p.name.startswith("knowledge-")) / 2**20,
        "knowledge_cache_mb": sum(p.stat().st_size for p in files if p.name.startswith("knowledge-")) / 2**20,
        "peak_mb": peak_mb(),
    }


def serve(knowledge_dir: Path, cache: Path, files: list[Path], rounds: int, limit: int | None) -> dict[str, Any]:
    """Answer every question of `files` `rounds` times; the first round gives the accuracy."""
    from bot.config import Settings
    from bot.curation.evaluate import evaluate, load_questions
    from bot.matching.engine import Engine

    settings = Settings(knowledge_dir=knowledge_dir, log_db="", cache_dir=str(cache))
    cached = set(cache.iterdir()) if cache.is_dir() else set()
    start = time.perf_counter()
    engine = Engine.load(knowledge_dir, settings)
    loaded = time.perf_counter()
    # New files in the cache mean the index was built again, not loaded: the engine's code
    # (its index version) changed since the build probe ran, and "warm load" is no such thing.
    rebuilt = any(p.name.startswith("index-") for p in set(cache.iterdir()) - cached) if cache.is_dir() else True
    engine.answer("大桥镇讲了多少堂党课")  # the first answer also loads the segmenter: not a latency
    first = time.perf_counter()
    results: dict[str, Any] = {}
    for path in files:
        items = load_questions(path)[:limit]
        seconds: list[float] = []
        passed: list[bool] = []
        for number in range(rounds):
            result = evaluate(engine, items)
            seconds += [o.seconds for o in result.outcomes]
            if number == 0:
                passed = [o.passed for o in result.outcomes]
                statuses = [o.status for o in result.outcomes]
            if sum(o.seconds for o in result.outcomes) > 60:
                break  # one slow round is enough to see the latency; keep the run bounded
        results[path.name] = {"seconds": seconds, "passed": passed, "statuses": statuses}
    return {
        "engine_load_s": loaded - start,
        "rebuilt": rebuilt,
        "first_answer_s": first - loaded,
        "files": results,
        "peak_mb": peak_mb(),
    }


def stages(knowledge_dir: Path, cache: Path, question: str) -> dict[str, Any]:
    """The path of `faqbot ask QUESTION`, timed step by step (the index cache is warm)."""
    marks: list[tuple[str, float]] = [("start", START)]
    import bot.cli  # noqa: F401 - the CLI module, as the console script imports it

    marks.append(("import bot.cli", time.perf_counter()))
    from bot.frontends.console.plain import render_text
    from bot.matching.engine import Engine

    marks.append(("import bot.matching.engine (jieba, rapidfuzz, opencc, pypinyin)", time.perf_counter()))
    from bot.config import Settings
    from bot.index.cache import load_index
    from bot.knowledge.read import load_knowledge

    settings = Settings(knowledge_dir=knowledge_dir, log_db="", cache_dir=str(cache))
    knowledge = load_knowledge(knowledge_dir)
    marks.append(("load_knowledge (YAML, checks, fingerprint)", time.perf_counter()))
    index = load_index(knowledge, settings.cache_path)
    marks.append(("load_index from the cache (pickle)", time.perf_counter()))
    engine = Engine(knowledge, index, settings.matching)
    reply = engine.answer(question)
    marks.append(("first answer (segmenter load + match)", time.perf_counter()))
    text = render_text(reply)
    marks.append(("render", time.perf_counter()))
    engine.answer(question)
    second = time.perf_counter() - marks[-1][1]
    steps = [(name, end - begin) for (_, begin), (name, end) in itertools.pairwise(marks)]
    return {"steps": steps, "second_answer_s": second, "answered": bool(text), "peak_mb": peak_mb()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.probe", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("load").add_argument("knowledge", type=Path)
    for name in ("build", "serve", "stages"):
        command = sub.add_parser(name)
        command.add_argument("knowledge", type=Path)
        command.add_argument("cache", type=Path)
        if name == "serve":
            command.add_argument("files", type=Path, nargs="+")
            command.add_argument("--rounds", type=int, default=1)
            command.add_argument("--limit", type=int)
        if name == "stages":
            command.add_argument("question")
    args = parser.parse_args(argv)
    if args.command == "load":
        result = load(args.knowledge)
    elif args.command == "build":
        result = build(args.knowledge, args.cache)
    elif args.command == "serve":
        result = serve(args.knowledge, args.cache, args.files, args.rounds, args.limit)
    else:
        result = stages(args.knowledge, args.cache, args.question)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
