"""The parsed knowledge cached on disk: the same knowledge back, never a stale or broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import cache as knowledge_cache
from bot.knowledge.cache import load_knowledge_cached
from bot.knowledge.model import InvalidKnowledge, Knowledge
from bot.knowledge.read import load_knowledge
from tests.knowledge_helpers import mutate, write_knowledge


def _same(a: Knowledge, b: Knowledge) -> bool:
    return (a.documents, a.facts, a.aliases, a.fingerprint, a.root) == (
        b.documents,
        b.facts,
        b.aliases,
        b.fingerprint,
        b.root,
    )


def test_the_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = write_knowledge(tmp_path / "kb", second=True), tmp_path / "cache"
    first = load_knowledge_cached(root, cache)
    assert _same(first, load_knowledge(root))
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1

    def no_parsing(path: Path) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(knowledge_cache, "load_knowledge", no_parsing)
    again = load_knowledge_cached(root, cache)
    assert _same(again, first)
    assert again.fact("fa-members") == first.fact("fa-members")


def test_an_edit_is_read_afresh(tmp_path: Path) -> None:
    root, cache = write_knowledge(tmp_path / "kb"), tmp_path / "cache"
    load_knowledge_cached(root, cache)
    mutate(root, "a.yaml", "  - 党员人数是多少\n", "  - 党员总数是多少\n")
    edited = load_knowledge_cached(root, cache)
    assert "党员总数是多少" in edited.fact("fa-members").questions
    assert _same(edited, load_knowledge(root))


def test_broken_knowledge_raises_and_is_not_stored(tmp_path: Path) -> None:
    root, cache = write_knowledge(tmp_path / "kb"), tmp_path / "cache"
    mutate(root, "a.yaml", "- id: fa-money\n", "- id: fa-members\n")
    with pytest.raises(InvalidKnowledge):
        load_knowledge_cached(root, cache)
    assert not list(cache.glob("knowledge-*.pickle"))


def test_an_unreadable_cache_file_is_replaced(tmp_path: Path) -> None:
    root, cache = write_knowledge(tmp_path / "kb"), tmp_path / "cache"
    load_knowledge_cached(root, cache)
    (stored,) = cache.glob("knowledge-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert _same(load_knowledge_cached(root, cache), load_knowledge(root))


def test_without_a_cache_folder_it_just_loads(tmp_path: Path) -> None:
    root = write_knowledge(tmp_path / "kb")
    assert _same(load_knowledge_cached(root, None), load_knowledge(root))
