"""What the on-disk caches (the index, the parsed knowledge) share: a key for the code that made
a cached file, and the removal of cached files no longer used."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

#: Cached files of other versions unused for this long (seconds) are removed.
UNUSED_FOR = 86_400


@lru_cache(maxsize=8)
def code_version(packages: tuple[str, ...]) -> str:
    """A short hash of every source and data file of the bot's `packages` (names under bot/, a
    folder or a module): a cached file made by other code is never read back, and a new module
    counts without anyone remembering to list it."""
    bot = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for name in packages:
        where = bot / name
        files = sorted(where.rglob("*")) if where.is_dir() else [where]
        for path in files:
            if path.suffix not in {".py", ".txt"} or "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(bot)).encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<unreadable>")
    return digest.hexdigest()[:8]


def prune(files: Iterable[Path], keep: Callable[[str], bool], age: float = UNUSED_FOR) -> None:
    """Remove each of `files` whose name `keep` refuses and that has not been read for `age` s."""
    now = time.time()
    for old in files:
        if keep(old.name):
            continue
        try:
            if now - old.stat().st_atime > age:
                old.unlink()
        except OSError:
            pass
