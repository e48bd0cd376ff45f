"""The one base class of errors that reach a user as one line, not a traceback, and the words
for one cause such a line must name: a full disk."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path


class UserError(Exception):
    """Bad input from a user or curator: `faqbot` prints the message and exits with `code`."""

    code = 1


#: SQLite's result code for "database or disk is full" (the low byte of an extended code).
SQLITE_FULL = 13
#: SQLite's "disk I/O error": on a full disk some writes fail with it instead of SQLITE_FULL.
SQLITE_IOERR = 10
#: With this little space left, a failed write is put down to the full disk.
NEARLY_FULL = 1 << 20


def full_disk(path: Path, error: BaseException) -> str | None:
    """'the disk holding FOLDER is full (N bytes free)' when `error` came from a full disk
    (or quota) under `path`, else None: a start-up error should name the cause, not only
    that a file "cannot be used"."""
    code = getattr(error, "sqlite_errorcode", None)
    sqlite_code = code & 0xFF if isinstance(code, int) else None
    free = _free_bytes(path)
    no_space = isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
    no_space = no_space or sqlite_code == SQLITE_FULL or "disk is full" in str(error)
    if not no_space and not (sqlite_code == SQLITE_IOERR and free is not None and free < NEARLY_FULL):
        return None
    folder = _existing(path.parent)
    return (
        f"the disk holding {folder} is full ({free:,} bytes free)"
        if free is not None
        else (f"the disk holding {folder} is full")
    )


def _existing(folder: Path) -> Path:
    """`folder`, or its nearest ancestor that exists (the log's folder may not be made yet)."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(_existing(Path(path).parent)).free
    except OSError:
        return None
