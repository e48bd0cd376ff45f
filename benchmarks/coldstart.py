"""Cold start of `faqbot ask "…"`: a whole process, from exec to the printed answer.

Measured with the real console script (`.venv/bin/faqbot`, or `python -m bot` when it is not
installed), HOME and the index cache in a temporary folder:

- warm cache: the index of the knowledge is already on disk (the everyday case);
- cold cache: an empty cache folder each run, so the index and the compact jieba dictionary
  are built first (the first run after a knowledge edit).

The operating system's file cache is warm in both (the runs follow each other). Then, for the
warm case, where the time goes: a stage-by-stage probe (`benchmarks.probe stages`) and the
slowest imports from `python -X importtime`.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import PYTHON, ROOT, ChildFailed, child_env, markdown, run_child

QUESTION = "大桥镇讲了多少堂党课"


@dataclass
class ColdStart:
    warm: list[float]  # seconds per run, index cache warm
    cold: list[float]  # seconds per run, index cache empty
    python: float  # `python -c pass`, the floor no Python program goes below
    stages: list[tuple[str, float]]
    second_answer: float
    imports: list[tuple[str, float]]  # top-level package, cumulative import seconds
    output: str  # first line the command printed

    @property
    def warm_median(self) -> float:
        return statistics.median(self.warm)

    @property
    def cold_median(self) -> float:
        return statistics.median(self.cold)


def faqbot_command() -> list[str]:
    script = Path(PYTHON).with_name("faqbot")
    return [str(script)] if script.exists() else [PYTHON, "-m", "bot"]


def time_process(command: Sequence[str], env: dict[str, str], timeout: float = 300) -> tuple[float, str]:
    """Wall-clock seconds from start to exit of `command`, and the first line it printed."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        failed = " ".join(command[:3])
        raise ChildFailed(f"{failed} failed with exit status {done.returncode}: {done.stderr.strip()[-300:]}")
    return seconds, (done.stdout.strip().splitlines() or [""])[0]


def measure(knowledge: Path, runs: int, work: Path) -> ColdStart:
    """Time `faqbot ask` `runs` times with a warm and with a cold cache, plus the breakdown."""
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    cache = work / "cache-warm"

    def env_for(cache_dir: Path) -> dict[str, str]:
        config = work / f"{cache_dir.name}.yaml"
        config.write_text(f'cache_dir: "{cache_dir}"\nlog_db: ""\n', encoding="utf-8")
        env = child_env(home)
        env["FAQBOT_CONFIG"] = str(config)
        return env

    command = [*faqbot_command(), "--knowledge", str(knowledge), "ask", QUESTION]
    time_process(command, env_for(cache))  # fills the cache
    warm, output = [], ""
    for _ in range(runs):
        seconds, output = time_process(command, env_for(cache))
        warm.append(seconds)
    cold = []
    for number in range(runs):
        empty = work / f"cache-cold-{number}"
        cold.append(time_process(command, env_for(empty))[0])
        shutil.rmtree(empty, ignore_errors=True)
    python = statistics.median(time_process([PYTHON, "-c", "pass"], child_env(home))[0] for _ in range(runs))
    staged = run_child(["benchmarks.probe", "stages", str(knowledge), str(cache), QUESTION], timeout=300)
    return ColdStart(
        warm=warm,
        cold=cold,
        python=python,
        stages=[(name, seconds) for name, seconds in staged["steps"]],
        second_answer=staged["second_answer_s"],
        imports=slowest_imports(home),
        output=output,
    )


def slowest_imports(home: Path, top: int = 8) -> list[tuple[str, float]]:
    """Packages by cumulative import time when the CLI and the engine are imported.

    A package's own line in `-X importtime` carries the time of everything it imported, at
    whatever depth it was first imported (jieba is first imported by bot.text.segment).
    """
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", "import bot.cli, bot.matching.engine"],
        cwd=ROOT,
        env=child_env(home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    totals: dict[str, float] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$", line)
        if match and "." not in match.group(2):
            name = match.group(2)
            totals[name] = max(totals.get(name, 0.0), int(match.group(1)) / 1e6)
    return sorted(totals.items(), key=lambda kv: kv[1], reverse=True)[:top]


def report(result: ColdStart) -> str:
    lines = [
        markdown(
            ["faqbot ask (whole process)", "median", "min", "max", "runs"],
            [
                ["warm index cache", *_spread(result.warm)],
                ["cold index cache", *_spread(result.cold)],
                ["`python -c pass` (floor)", _ms(result.python), "", "", len(result.warm)],
            ],
        ),
        "",
        f"It printed: {result.output}",
        "",
        "Where a warm start goes (one probe process):",
        "",
        markdown(["stage", "time"], [[name, _ms(s)] for name, s in result.stages]),
        "",
        f"A second answer in the same process takes {_ms(result.second_answer)}.",
        "",
        "Slowest imports (`python -X importtime -c 'import bot.cli, bot.matching.engine'`, cumulative,",
        "so a package includes what it imports):",
        "",
        markdown(["package", "import time"], [[name, _ms(s)] for name, s in result.imports]),
    ]
    return "\n".join(lines)


def _spread(runs: list[float]) -> list[object]:
    return [_ms(statistics.median(runs)), _ms(min(runs)), _ms(max(runs)), len(runs)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main(argv: list[str] | None = None) -> int:
    import argparse

    from bot.config import bundled_knowledge_dir

    parser = argparse.ArgumentParser(prog="python -m benchmarks.coldstart", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case; the median is reported (default 7)")
    parser.add_argument("--knowledge", type=Path, default=bundled_knowledge_dir())
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="faqbot-coldstart-"))
    try:
        print(report(measure(args.knowledge, args.runs, work)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def as_json(result: ColdStart) -> dict[str, Any]:
    return {**result.__dict__, "warm_median": result.warm_median, "cold_median": result.cold_median}


if __name__ == "__main__":
    sys.exit(main())
