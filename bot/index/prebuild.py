"""Reading the knowledge and building its index in a child process, bounded in time and memory.

A reload must not stall the chats: reading a large knowledge folder and building its index is
pure Python, and in a thread of the serving process it holds the interpreter (the GIL) for
seconds, long C calls (pickling the index, jieba's dictionary) for whole stretches. So the
running bot starts `python -m bot.index.prebuild ROOT CACHE_DIR` instead. The child reads and
checks the knowledge, stores the knowledge and its index in the cache folder (the files
`load_knowledge_cached` and `load_index` read), and prints one JSON line: the fingerprint of
the files it read and the problems found. The parent then only unpickles the two files.

The child's memory is capped with `RLIMIT_AS` (its address space) and its CPU time with
`RLIMIT_CPU`, so even a child whose parent died ends by itself; the parent waits at most
`reload_time_limit` seconds, then kills it. Every way the child can fail becomes `BuildFailed`,
with a sentence an admin can act on.

Why the cache folder carries the result: the index is tens of megabytes of Python objects plus
a jieba dictionary file; the cache already keeps both keyed by the knowledge's hash, so the
hand-over costs no new format, and a restart afterwards finds the index ready.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from pathlib import Path

import bot
from bot.index.cache import cached_index, load_index
from bot.index.search import Index
from bot.knowledge.cache import cached_knowledge, store_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.read import read_knowledge
from bot.yamlfile import Problem

#: The child's exit status when it ran out of memory (a MemoryError under RLIMIT_AS).
EXIT_MEMORY = 3
#: ... and when the cache folder could not take the result (say, the disk is full).
EXIT_UNSTORED = 4
#: Extra CPU seconds the child may use beyond the parent's wall-clock limit: RLIMIT_CPU only
#: ends an orphaned child (the parent kills a live one at the limit).
CPU_SLACK = 10
MEGABYTE = 1 << 20
#: What the child has no use for: it reads files, it never talks to Telegram.
SECRETS = frozenset({"TELEGRAM_BOT_TOKEN"})


class BuildFailed(Exception):
    """The child building the index failed, took too long or ran out of memory (a sentence)."""


class BuildCancelled(Exception):
    """The build was stopped by `Prebuilder.close` (the bot is shutting down)."""


class Prebuilder:
    """Runs one child build at a time for a knowledge folder; `close` stops the running one."""

    def __init__(self, root: Path, cache_dir: Path, seconds: float, megabytes: int) -> None:
        self.root = Path(root)
        self.cache_dir = Path(cache_dir)
        self.seconds = seconds
        self.megabytes = megabytes
        self._child: subprocess.Popen[str] | None = None
        self._cancelled = False
        self._lock = threading.Lock()

    def build(self) -> tuple[str, list[Problem]]:
        """Read and index the folder in a child: (the files' fingerprint, every problem found).

        With errors among the problems nothing was stored. Raises `BuildFailed`, or
        `BuildCancelled` when `close()` stopped it (or had been called before).
        """
        command = [sys.executable, "-m", "bot.index.prebuild", str(self.root), str(self.cache_dir)]
        command += ["--seconds", str(self.seconds), "--megabytes", str(self.megabytes)]
        # The child must run this very code (the cache is keyed by the code's hash), installed or not.
        env = {name: value for name, value in os.environ.items() if name not in SECRETS}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_source_root(), os.environ.get("PYTHONPATH")]))
        with self._lock:
            if self._cancelled:
                raise BuildCancelled
            child = self._child = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
            )
        try:
            out, err = child.communicate(timeout=self.seconds)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            self._remove_leftovers(child.pid)
            raise BuildFailed(
                f"building the index of this folder took longer than {self.seconds:g} s (reload_time_limit); "
                "the previous knowledge keeps serving."
            ) from None
        finally:
            with self._lock:
                self._child = None
        if self._cancelled:
            self._remove_leftovers(child.pid)
            raise BuildCancelled
        if child.returncode != 0:
            self._remove_leftovers(child.pid)
        return _result(child.returncode, out, err, self.megabytes)

    def _remove_leftovers(self, pid: int) -> None:
        """The half-written cache files of a child stopped while writing (`NAME.PID.tmp`)."""
        for leftover in self.cache_dir.glob(f"*.{pid}.tmp"):
            leftover.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop the running build, and refuse any later one (the bot is stopping)."""
        with self._lock:
            self._cancelled = True
            if self._child is not None:
                self._child.kill()

    def load(self, files: str) -> tuple[Knowledge, Index]:
        """The knowledge and index the child stored for the files that hash to `files`."""
        knowledge = cached_knowledge(self.root, self.cache_dir, files)
        index = cached_index(knowledge, self.cache_dir) if knowledge is not None else None
        if knowledge is None or index is None:
            raise BuildFailed(
                f"the index built for this folder could not be read back from {self.cache_dir}; "
                "the previous knowledge keeps serving."
            )
        return knowledge, index


def _source_root() -> str:
    return str(Path(bot.__file__).resolve().parent.parent)


def _result(code: int, out: str, err: str, megabytes: int) -> tuple[str, list[Problem]]:
    """What the child said: its JSON line, or why it failed, as `BuildFailed`."""
    said = err.strip().splitlines()[-1] if err.strip() else ""
    if code == EXIT_MEMORY or "MemoryError" in said:
        raise BuildFailed(
            f"building the index of this folder needed more than {megabytes} MB of memory (reload_memory_limit); "
            "the previous knowledge keeps serving."
        )
    if code == EXIT_UNSTORED:
        raise BuildFailed(f"{said}; the previous knowledge keeps serving.")
    if code == -signal.SIGXCPU:
        raise BuildFailed(
            "building the index of this folder used up its CPU time; the previous knowledge keeps serving."
        )
    if code != 0:
        how = f"was stopped by signal {-code}" if code < 0 else f"failed ({said or f'exit status {code}'})"
        raise BuildFailed(f"building the index of this folder {how}; the previous knowledge keeps serving.")
    try:
        data = json.loads(out.strip().splitlines()[-1])
        return str(data["fingerprint"]), [Problem(**problem) for problem in data["problems"]]
    except (IndexError, KeyError, TypeError, ValueError):
        raise BuildFailed(
            f"building the index of this folder gave no result ({said or 'no output'}); "
            "the previous knowledge keeps serving."
        ) from None


# -- the child ----------------------------------------------------------------------------------


def _limit(seconds: float, megabytes: int) -> None:
    cpu = int(seconds) + CPU_SLACK
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    if megabytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes * MEGABYTE, megabytes * MEGABYTE))


def _build(root: Path, cache_dir: Path) -> dict[str, object]:
    knowledge, problems = read_knowledge(root)
    if not any(p.severity == "error" for p in problems):
        store_knowledge(knowledge, cache_dir)
        load_index(knowledge, cache_dir)
        if (
            cached_knowledge(root, cache_dir, knowledge.fingerprint) is None
            or cached_index(knowledge, cache_dir) is None
        ):
            print(f"its index could not be stored in {cache_dir} (is that disk full?)", file=sys.stderr)
            sys.exit(EXIT_UNSTORED)
    return {"fingerprint": knowledge.fingerprint, "problems": [asdict(p) for p in problems]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.index.prebuild", description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the knowledge folder")
    parser.add_argument("cache_dir", type=Path, help="where the knowledge and its index are stored")
    parser.add_argument("--seconds", type=float, default=300.0, help="CPU time limit (plus a margin)")
    parser.add_argument("--megabytes", type=int, default=0, help="memory limit (0: none)")
    args = parser.parse_args(argv)
    _limit(args.seconds, args.megabytes)
    try:
        result = _build(args.root, args.cache_dir)
    except MemoryError:
        # Little memory is left to say more: the exit status carries the reason.
        os._exit(EXIT_MEMORY)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
