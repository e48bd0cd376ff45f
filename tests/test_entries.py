"""The compact entry table: what goes in comes out as the same `Entry`, shared and pickled."""

from __future__ import annotations

import pickle

import pytest

from bot.index import entries as entries
from bot.index.entries import Entry, EntryTable
from bot.text.sound import pinyin


def _fields(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "fact_id": "jx-members",
        "doc_id": "doc-jx",
        "place": "嘉兴科技城",
        "sentence": "嘉兴科技城共有党员2893名。",
        "questions": ["嘉兴科技城有多少党员", "党员人数"],
        "question_words": ["嘉兴科技城 党员", "党员 人数"],
        "question_pinyin": ["jia xin ke ji cen dan yuan", "dan yuan ren su"],
        "words": {"嘉兴科技城", "党员", "人数", "2893"},
        "pinyin_words": {"jiaxinkejicen", "danyuan", "rensu"},
        "kinds": frozenset({"number", "other"}),
        "numbers": frozenset({"2893"}),
        "context": frozenset({"2893", "89"}),
        "body": "嘉兴科技城共有党员2893名",
        "tags": ("党建",),
    }
    fields.update(changes)
    return fields


def test_an_entry_comes_back_with_every_field() -> None:
    table = EntryTable()
    table.add(**_fields())
    entry = table[0]
    assert isinstance(entry, Entry)
    assert (entry.fact_id, entry.doc_id, entry.place) == ("jx-members", "doc-jx", "嘉兴科技城")
    assert entry.questions == ["嘉兴科技城有多少党员", "党员人数"]
    assert entry.question_words == ["嘉兴科技城 党员", "党员 人数"]
    assert entry.words == frozenset({"嘉兴科技城", "党员", "人数", "2893"})
    assert "党员" in entry.words and "党" not in entry.words
    assert entry.pinyin_words == frozenset({"jiaxinkejicen", "danyuan", "rensu"})
    assert entry.numbers == frozenset({"2893"}) and entry.tags == ("党建",)
    assert entry.supplies("number") and not entry.supplies("date")


def test_derived_fields_are_those_of_the_texts() -> None:
    table = EntryTable()
    table.add(**_fields())
    entry = table[0]
    assert entry.chars == frozenset("嘉兴科技城共有党员2893名" + "嘉兴科技城有多少党员党员人数")
    assert entry.sound_text == f" {pinyin('嘉兴科技城有多少党员党员人数嘉兴科技城共有党员2893名')} "


def test_empty_lists_and_a_sentence_entry_stay_apart() -> None:
    table = EntryTable()
    table.add(**_fields(fact_id=None, questions=[], question_words=[], question_pinyin=[], words=set()))
    table.add(**_fields(questions=[""], question_words=[""], question_pinyin=[""]))
    sentence, odd = table[0], table[1]
    assert sentence.fact_id is None and sentence.questions == [] and sentence.words == frozenset()
    assert odd.questions == [""]
    assert list(table.is_fact) == [0, 1]


def test_documents_and_equal_sets_are_stored_once() -> None:
    table = EntryTable()
    table.add(**_fields())
    table.add(**_fields(fact_id="jx-other", kinds=frozenset({"other", "number"})))
    table.add(**_fields(fact_id="wj-x", doc_id="doc-wj", place="吴江开发区"))
    assert table.doc_ids == ["doc-jx", "doc-wj"]
    assert table.kinds[0] is table.kinds[1]
    assert table[2].place == "吴江开发区"


def test_positions_out_of_range_and_negative() -> None:
    table = EntryTable()
    table.add(**_fields())
    table.add(**_fields(fact_id="second"))
    assert table[-1].fact_id == "second"
    assert len(table) == 2 and [e.fact_id for e in table] == ["jx-members", "second"]
    with pytest.raises(IndexError):
        table[2]


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entries, "CACHED_ENTRIES", 2)
    table = EntryTable()
    for number in range(3):
        table.add(**_fields(fact_id=f"f{number}"))
    first = table[0]
    assert table[0] is first  # kept while there is room
    table[1]
    table[2]
    assert len(table._cache) == 2
    assert table[0] is not first and table[0] == first  # dropped, then built again alike


def test_a_pickled_table_leaves_its_cache_behind_and_keeps_sets_shared() -> None:
    table = EntryTable()
    table.add(**_fields())
    table.add(**_fields(fact_id="jx-other"))
    table[0]
    copy = pickle.loads(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy._cache == {}
    assert copy.kinds[0] is copy.kinds[1]
    assert copy[1] == table[1]
