"""Shared pieces of the benchmarks: percentiles, child processes, tables, targets, the machine.

Every figure that depends on memory or start-up is measured in a fresh child process
(`python -m benchmarks.probe …`), so one measurement never inherits another's imports, caches
or heap; the child prints one JSON object as its last line of output.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class ChildFailed(Exception):
    """A measuring child process crashed, printed no result, or ran out of time."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–1) of `values`; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q * len(ordered))))
    return ordered[rank - 1]


def run_child(args: Sequence[str], timeout: float, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `python -m benchmarks.<args>` from the repository root; return its JSON result."""
    command = [PYTHON, "-m", *args]
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env or child_env()
        )
    except subprocess.TimeoutExpired:
        raise ChildFailed(f"{' '.join(args[:2])} did not finish within {timeout:.0f} s.", timed_out=True) from None
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise ChildFailed(f"{' '.join(args[:2])} failed with exit status {done.returncode}: " + " | ".join(tail))
    return json.loads(lines[-1])


def child_env(home: Path | None = None) -> dict[str, str]:
    """The environment for children: no user config, no question log, optionally a fake HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAQBOT_", "TELEGRAM_"))}
    env["FAQBOT_LOG_DB"] = ""
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if home is not None:
        env["HOME"] = str(home)
    return env


def markdown(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table (readable as plain text too)."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


@dataclass(frozen=True)
class Target:
    """One goal from issue 7: `value` must be at most `limit` (lower is better)."""

    name: str
    limit: float
    unit: str
    value: float | None  # None: not measured in this run
    lower_bound: bool = False  # the value is only a lower bound (a build that timed out)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        return "PASS" if self.value <= self.limit and not self.lower_bound else "MISS"

    def row(self) -> list[object]:
        value = "–" if self.value is None else f"{'> ' if self.lower_bound else ''}{_number(self.value)} {self.unit}"
        ratio = "" if self.value is None or self.limit == 0 else f"{self.value / self.limit:.2f}×"
        return [self.name, f"≤ {self.limit:g} {self.unit}", value, ratio, self.verdict]


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def targets_table(targets: Sequence[Target]) -> str:
    return markdown(["target", "goal", "measured", "of goal", "verdict"], [t.row() for t in targets])


def commit() -> str:
    """The measured code: the checked-out commit, "+modified" when bot/ or knowledge/ differ from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "bot", "knowledge"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + ("+modified" if dirty.stdout.strip() else "")


def machine() -> dict[str, str]:
    """What the figures were measured on (README table header)."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": commit(),
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "python": platform.python_version(),
        "load": f"{load[0]:.2f}",
    }
