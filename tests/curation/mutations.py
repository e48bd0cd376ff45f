"""Ways a curator can break the bundled knowledge folder, one per function.

Each mutation edits a copy of the knowledge in place and returns where `faqbot check` and the
hot reload must point: the file (relative to the knowledge folder) and, where one line is
clearly to blame, that line. Edits find their place by content, not by line number, so the
table keeps working while the facts are being curated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

JIAXING = "facts/jiaxing-2019.yaml"
WUJIANG = "facts/wujiang-2014.yaml"

Mutation = Callable[[Path], tuple[str, int | None]]


def _lines(root: Path, name: str) -> list[str]:
    return (root / name).read_text(encoding="utf-8").split("\n")


def _write(root: Path, name: str, lines: list[str]) -> None:
    (root / name).write_text("\n".join(lines), encoding="utf-8")


def _first(lines: list[str], pattern: str, start: int = 0) -> int:
    """Index of the first line from `start` matching `pattern` (fails loudly if none does)."""
    for index in range(start, len(lines)):
        if re.match(pattern, lines[index]):
            return index
    raise AssertionError(f"no line matches {pattern!r}: the knowledge layout changed.")


def bad_yaml(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, JIAXING)
    index = _first(lines, r"^  questions:$")
    lines[index] = "  questions: [oops"
    _write(root, JIAXING, lines)
    return JIAXING, None


def source_not_verbatim(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, WUJIANG)
    index = _first(lines, r"^  source: [^'\"]")
    lines[index] += "（此句被改动）"
    _write(root, WUJIANG, lines)
    return WUJIANG, index + 1


def invalid_utf8(root: Path) -> tuple[str, int | None]:
    path = root / JIAXING
    lines = path.read_bytes().split(b"\n")
    index = _first([line.decode("utf-8") for line in lines], r"^  answer: ", 30)
    lines[index] = lines[index][:12] + b"\xff\xfe" + lines[index][12:]
    path.write_bytes(b"\n".join(lines))
    return JIAXING, index + 1


def missing_article(root: Path) -> tuple[str, int | None]:
    (root / "articles" / "wujiang-kaifaqu-2014.txt").unlink()
    return WUJIANG, _first(_lines(root, WUJIANG), r"^  text: ") + 1


def duplicate_key(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, JIAXING)
    index = _first(lines, r"^  answer: ")
    lines.insert(index + 1, "  answer: 粘贴时多出来的第二个答案。")
    _write(root, JIAXING, lines)
    return JIAXING, index + 2


def tab_indent(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, WUJIANG)
    index = _first(lines, r"^  answer: ", 20)
    lines[index] = "\t" + lines[index].lstrip()
    _write(root, WUJIANG, lines)
    return WUJIANG, None


def bad_indentation(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, JIAXING)
    index = _first(lines, r"^  source: ", 40)
    lines[index] = "     " + lines[index].lstrip()
    _write(root, JIAXING, lines)
    return JIAXING, None


def truncated(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, JIAXING)
    starts = [i for i, line in enumerate(lines) if line.startswith("- id: ")]
    cut = starts[len(starts) // 2]
    _write(root, JIAXING, lines[: cut + 1])  # the last fact keeps its id and nothing else
    return JIAXING, cut + 1


def wrong_type(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, WUJIANG)
    index = _first(lines, r"^  answer: ")
    lines[index] = "  answer: [1, 2]"
    _write(root, WUJIANG, lines)
    return WUJIANG, index + 1


def empty_file(root: Path) -> tuple[str, int | None]:
    (root / JIAXING).write_text("", encoding="utf-8")
    return JIAXING, 1


def duplicate_fact_id(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, WUJIANG)
    first = _first(lines, r"^- id: ")
    second = _first(lines, r"^- id: ", first + 1)
    lines[second] = lines[first]
    _write(root, WUJIANG, lines)
    return WUJIANG, second + 1


def huge_number(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, WUJIANG)
    index = _first(lines, r"^  answer: ", 30)
    lines[index] = "  answer: 共有" + "9" * 20000 + "名党员。"
    _write(root, WUJIANG, lines)
    return WUJIANG, index + 1


def broken_aliases(root: Path) -> tuple[str, int | None]:
    lines = _lines(root, "aliases.yaml")
    index = _first(lines, r"^places:")
    lines[index] = "places: ["
    _write(root, "aliases.yaml", lines)
    return "aliases.yaml", None


MUTATIONS: dict[str, Mutation] = {
    f.__name__: f
    for f in (
        bad_yaml,
        source_not_verbatim,
        invalid_utf8,
        missing_article,
        duplicate_key,
        tab_indent,
        bad_indentation,
        truncated,
        wrong_type,
        empty_file,
        duplicate_fact_id,
        huge_number,
        broken_aliases,
    )
}
