"""Tables worked out from a library's data once, then kept marshalled in the cache folder.

Building them (pypinyin's readings folded, CC-CEDICT's glosses parsed) takes from half a second
to a few seconds — more than a `faqbot ask` may take, and a good part of every index build. Read
back with `marshal`, they load in a fraction of that. A missing, unreadable or older file is
built again; a cache folder that cannot be written only costs the time.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path


def load_tables(path: Path, names: frozenset[str], build: Callable[[], dict]) -> dict:
    """The tables `names` from the marshalled `path`, or `build()` — written to `path` unless a
    table came out empty (its data missing, such as an uninstalled package: it may come later)."""
    try:
        tables = marshal.loads(path.read_bytes())
        if not isinstance(tables, dict) or set(tables) != names:
            raise ValueError("an older table")
        return tables
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tables = build()
    if all(tables.values()):
        try:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(tables))
            tmp.replace(path)
        except OSError:
            pass
    return tables
