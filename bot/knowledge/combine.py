"""A knowledge folder made of the bundled one plus extra articles, for evaluating new articles.

An extra article is a folder holding `article.txt`, `facts.yaml` (whose document's `text:` names
the article file under `articles/`) and optionally `aliases.yaml` with only that article's
places, names and terms — the layout of `tests/eval/newarticles/*/`. `combine` copies the base
folder and adds each extra, merging the alias tables, so nothing in the base folder changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from bot.errors import UserError


class BadExtraArticle(UserError):
    """An extra article folder lacks a file it needs, or its facts name no article file."""


def combine(base: Path, extras: list[Path], into: Path) -> Path:
    """Copy `base` to `into` and add every extra article folder; return `into`."""
    shutil.copytree(base, into, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    aliases = _read_yaml(into / "aliases.yaml") or {}
    for folder in extras:
        facts_file, article = folder / "facts.yaml", folder / "article.txt"
        for needed in (facts_file, article):
            if not needed.is_file():
                raise BadExtraArticle(f"{needed} is missing: an extra article folder needs article.txt and facts.yaml.")
        facts = _read_yaml(facts_file) or {}
        document = facts.get("document") if isinstance(facts, dict) else None
        text = document.get("text") if isinstance(document, dict) else None
        if not isinstance(text, str) or not text.startswith("articles/"):
            raise BadExtraArticle(f"{facts_file}: document.text must name the article as articles/NAME.txt.")
        shutil.copyfile(article, into / text)
        shutil.copyfile(facts_file, into / "facts" / f"{folder.name}.yaml")
        _merge_aliases(aliases, _read_yaml(folder / "aliases.yaml") or {})
    (into / "aliases.yaml").write_text(yaml.safe_dump(aliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return into


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _merge_aliases(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key in ("places", "names"):
        table = into.setdefault(key, {}) or {}
        into[key] = table
        for name, forms in (extra.get(key) or {}).items():
            known = table.setdefault(name, []) or []
            table[name] = known + [f for f in forms or [] if f not in known]
    terms = into.setdefault("terms", []) or []
    into["terms"] = terms + [t for t in extra.get("terms") or [] if t not in terms]
