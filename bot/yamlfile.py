"""Read a curator's YAML file, keeping the line of every value so problems can name it.

PyYAML's safe loader forgets where a value came from and silently lets a later duplicate key
win. A curator who pastes a second `answer:` under a fact would lose the first one without a
word, so this loader refuses duplicate keys and remembers each mapping's lines.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge, as `file:line: message`."""

    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning": reported, but does not fail `faqbot check`

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else "warning: "
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: a folder
        return f"{where}: {tag}{self.message}"


class Mapping(dict):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int = 1
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class DuplicateKey(yaml.MarkedYAMLError):
    """A mapping names the same key twice."""


# libyaml's parser when PyYAML has it (several times faster); the construction, and so the line
# numbers and the duplicate-key check below, is ours either way.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise DuplicateKey(None, None, f"the key '{key}' appears twice in one mapping", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text: the checker validates them with a message, where PyYAML would raise a bare
# ValueError for an impossible date such as 2014-13-01.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


class UnreadableFile(Exception):
    """A knowledge file could not be read or parsed; `.problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


#: The largest file a knowledge folder may hold. The bundled facts files are under 100 KB and
#: a long news article under 50 KB; the bound keeps a stray dump or a link to a device from
#: filling the memory of a running bot.
MAX_FILE_BYTES = 4 * 1024 * 1024

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def read_bytes(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else `UnreadableFile`.

    Opened without blocking and checked on the open descriptor: a named pipe would otherwise
    hang the reader until someone writes to it, and a device such as /dev/zero never ends. The
    check is on the descriptor, not the name, so a file swapped between a look and the read
    cannot slip through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(Problem(shown, 0, "the file does not exist.")) from None
    except OSError as exc:
        raise UnreadableFile(Problem(shown, 0, f"the file cannot be read ({exc.strerror}).")) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            raise UnreadableFile(
                Problem(shown, 0, f"the file cannot be read (it is {kind}; knowledge files must be regular files).")
            )
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFile(
                Problem(
                    shown, 0, f"the file is larger than {limit // (1024 * 1024)} MB; a knowledge file must be smaller."
                )
            )
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(Problem(shown, 0, f"the file cannot be read ({exc.strerror}).")) from None
    finally:
        os.close(fd)


def read_text(path: Path, shown: str) -> str:
    """The file's text, or `UnreadableFile` naming the line of the first byte that is not UTF-8."""
    data = read_bytes(path, shown)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnreadableFile(
            Problem(shown, line, f"the file is not valid UTF-8 (byte {exc.start}); save it as UTF-8.")
        ) from None


def _refuse_aliases(text: str, shown: str) -> None:
    """An alias (`*name`) refers back to an anchored value; nested, a few lines of them expand
    to billions of values (the "billion laughs"), and as a mapping key they are hashed whole.
    Knowledge files never need them, so the first one is refused before anything is built."""
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise UnreadableFile(
                Problem(
                    shown,
                    event.start_mark.line + 1,
                    f"the YAML alias *{event.anchor} is not allowed here; write the value out in full.",
                )
            )


def load_yaml(path: Path, shown: str) -> Any:
    """Parse one YAML file; syntax errors and duplicate keys become `UnreadableFile`."""
    text = read_text(path, shown)
    try:
        _refuse_aliases(text, shown)
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        reason = exc.problem or str(exc)
        if "\t" in reason or "'\\t'" in reason or "tab character" in reason:
            reason += " (YAML indents with spaces, not tabs)"
        raise UnreadableFile(Problem(shown, line, f"YAML syntax error: {reason}.")) from None
    except yaml.YAMLError as exc:
        raise UnreadableFile(Problem(shown, 1, f"YAML error: {exc}.")) from None
    except RecursionError:
        raise UnreadableFile(Problem(shown, 1, "the YAML is nested too deeply.")) from None
