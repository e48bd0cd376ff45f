"""What the engine remembers between questions changes nothing it answers."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from bot.index.build import _INDEX_SOURCES
from bot.knowledge.cachefiles import code_version
from bot.matching.engine import Engine
from bot.text import segment as segment
from bot.text.normalize import AliasTable, normalize

TEXTS = [
    "嘉兴科技城 一共有多少个党组织",
    "我是在吴江一家电子厂做行政的 平时负责对接园区和供电这些杂七杂八的事 想问一下 开发区有几个网格",
    "zhao qing 赵青 works in which department",
    "2019年12月 194堂党课 凌雪华",
]


def test_segmenting_chunk_by_chunk_is_segmenting_the_text(engine: Engine) -> None:
    segmenter = engine.index.segmenter
    for text in TEXTS:
        whole = [w for w in segmenter._tokenizer.lcut(text) if w.strip()]
        assert segmenter.words(text) == whole
        assert segmenter.words(text) == whole  # the second time from the chunks kept


def test_the_chunk_cache_is_bounded(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "CACHED_CHUNKS", 3)
    segmenter = engine.index.segmenter
    segmenter.words("一 二 三 四 五")
    assert len(segmenter._chunks) <= 3


def test_misspelt_names_are_found_alike_the_second_time() -> None:
    table = AliasTable({"大桥镇": "嘉兴科技城", "嘉兴科技城": "嘉兴科技城", "吴江开发区": "吴江开发区"})
    for text in ["大挢镇有多少党员", "嘉兴科枝城的网格", "吴江开发去在哪"]:
        first = normalize(text, table, typos=True)
        assert normalize(text, table, typos=True) == first
    assert table._windows
    assert pickle.loads(pickle.dumps(table))._windows == {}


def test_a_question_is_analysed_once(engine: Engine) -> None:
    index = engine.index
    first = index.query("科技城党员有多少？")
    assert index.query("科技城党员有多少？") is first
    assert index._analyse("科技城党员有多少？") == first
    assert pickle.loads(pickle.dumps(index))._queries == {}


def test_the_segmenter_dictionary_is_named_for_the_code_that_wrote_it(engine: Engine) -> None:
    """An index cached by other code (an older release, a reverted change) must not read a
    dictionary this code rewrote: both are keyed by the code's hash."""
    assert code_version(_INDEX_SOURCES) in engine.index.dictionary.name


def test_cc_cedict_is_read_once_then_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.text import cedict

    monkeypatch.setattr(cedict, "_TABLES", {})
    cedict.use_cedict_cache(tmp_path)
    glossed = cedict._dictionary().get("民宿")
    assert glossed and list(tmp_path.glob("cedict-*.marshal"))

    def read_again() -> dict:
        raise AssertionError("read again although the cache holds it")

    monkeypatch.setattr(cedict, "_TABLES", {})
    monkeypatch.setattr(cedict, "_read_dictionary", read_again)
    cedict.use_cedict_cache(tmp_path)
    assert cedict._dictionary().get("民宿") == glossed


def test_a_key_term_is_worked_out_once_an_index_and_not_pickled(engine: Engine) -> None:
    from bot.matching.terms import Term

    first = Term.of(engine.index, "党员")
    assert Term.of(engine.index, "党员") is first
    assert Term.of(engine.index, "党员", foreign=True) is not first  # a foreign term weighs double
    assert pickle.loads(pickle.dumps(engine.index)).memo == {}
