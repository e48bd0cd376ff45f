"""Keeping the index on disk while the knowledge is unchanged, and building it when it is not.

The cache is keyed by the version of the index format, the code that builds it and a hash of
every knowledge file, so a stale or foreign cache file is never read back.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import time
from pathlib import Path

from bot.index.build import _INDEX_SOURCES, build_index
from bot.index.search import INDEX_VERSION, Index
from bot.knowledge.cachefiles import code_version, prune
from bot.knowledge.model import Knowledge

# The build's own logger: bot.cli shows it on a terminal and the console draws it in its words.
log = logging.getLogger("bot.index.build")


def load_index(knowledge: Knowledge, cache_dir: Path | None) -> Index:
    """The index for `knowledge`, from the on-disk cache when the knowledge is unchanged.

    The cache is keyed by a hash of every knowledge file; a stale or unreadable cache is
    simply rebuilt, and files of other knowledge versions unused for a day are removed.
    Without a cache directory the index is built in a temporary folder, removed once loaded.
    """
    if cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            cache_dir = None
    if cache_dir is None:
        with tempfile.TemporaryDirectory(prefix="faqbot-") as folder:
            return build_index(knowledge, Path(folder))
    index = cached_index(knowledge, cache_dir)
    if index is not None:
        return index
    # Seen on a terminal only (bot.cli shows this logger there, the console chat draws it in its
    # own words from the `facts` and `seconds` fields): a pipe stays quiet.
    facts = len(knowledge.facts)
    log.info(
        "Building the search index for %d facts (a few seconds; cached afterwards)…", facts, extra={"facts": facts}
    )
    started = time.perf_counter()
    index = build_index(knowledge, cache_dir)
    seconds = time.perf_counter() - started
    log.info("Search index built in %.1f s.", seconds, extra={"seconds": seconds})
    path = index_path(knowledge, cache_dir)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    # Indexes and dictionaries of other knowledge versions.
    prune(
        [*cache_dir.glob("index-*.pickle"), *cache_dir.glob("dict-*")], keep=lambda name: knowledge.fingerprint in name
    )
    return index


def index_path(knowledge: Knowledge, cache_dir: Path) -> Path:
    """Where the index of `knowledge` is kept in `cache_dir`."""
    return cache_dir / f"index-v{INDEX_VERSION}-{code_version(_INDEX_SOURCES)}-{knowledge.fingerprint}.pickle"


def cached_index(knowledge: Knowledge, cache_dir: Path) -> Index | None:
    """The index of `knowledge` kept in `cache_dir`, its dictionary loaded; None if there is none."""
    path = index_path(knowledge, cache_dir)
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)
        if isinstance(index, Index) and index.dictionary.exists():
            index.segmenter  # noqa: B018 - load the dictionary now
            return index
    except Exception:  # a broken or foreign cache file is rebuilt, whatever the error
        pass
    return None
