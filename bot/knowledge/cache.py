"""The parsed knowledge kept on disk beside the index, so a restart skips reading the YAML.

Parsing and checking 2 000 facts files (×1000) takes about half a minute, far longer than
loading the index; unchanged files parse to the same `Knowledge`. It is pickled under a key made
of the files' content hash (`knowledge.fingerprint`), the folder (documents record the paths
shown in problems) and the code that reads them. Only knowledge without errors is ever stored,
so a cached load raises exactly when a fresh one would: never.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from bot.knowledge.cachefiles import code_version, prune
from bot.knowledge.model import Knowledge
from bot.knowledge.read import fingerprint, load_knowledge

#: The modules whose code shapes a parsed `Knowledge`.
#: What the cached knowledge is made by: a change to any of it makes the cache unreadable.
_SOURCES = ("knowledge", "yamlfile.py")


def load_knowledge_cached(root: Path, cache_dir: Path | None) -> Knowledge:
    """`load_knowledge(root)`, from the cache when the files are unchanged."""
    if cache_dir is None:
        return load_knowledge(root)
    root = Path(root)
    knowledge = cached_knowledge(root, cache_dir, fingerprint(root))
    if knowledge is not None:
        return knowledge
    knowledge = load_knowledge(root)  # raises InvalidKnowledge: then nothing is stored
    store_knowledge(knowledge, cache_dir)
    return knowledge


def cached_knowledge(root: Path, cache_dir: Path, files: str) -> Knowledge | None:
    """The knowledge of `root` whose files hash to `files` (a fingerprint), if it was stored."""
    try:
        with _path(cache_dir, root, files).open("rb") as handle:
            knowledge = pickle.load(handle)
        if isinstance(knowledge, Knowledge):
            knowledge.root = root
            return knowledge
    except Exception:  # missing, stale or foreign: read the files
        pass
    return None


def store_knowledge(knowledge: Knowledge, cache_dir: Path) -> None:
    """Keep `knowledge` (loaded without errors from `knowledge.root`) for `load_knowledge_cached`."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = _path(cache_dir, Path(knowledge.root), knowledge.fingerprint)  # the files as read
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(knowledge, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        prune(cache_dir.glob("knowledge-*.pickle"), keep=lambda name: name == path.name)
    except OSError:
        pass


def _path(cache_dir: Path, root: Path, files: str) -> Path:
    where = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:8]
    return cache_dir / f"knowledge-{code_version(_SOURCES)}-{where}-{files}.pickle"
