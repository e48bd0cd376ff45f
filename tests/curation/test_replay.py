"""`faqbot check --replay`: every curated wording through the engine, and what an edit changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.matching.engine import Engine
from tests.knowledge_helpers import mutate, write_knowledge

#: Wordings of article b given to a fact of article a: b's own questions now get a choice.
_STEALS_B = "  - 党员人数是多少\n  - 外地镇党支部数量是多少\n  - 外地一共多少个支部\n  - 外地镇有几个支部\n"
#: A wording of fa-money that asks for fa-members' answer.
_ASKS_MEMBERS = "  - 投资额是多少\n  - 测试镇有多少名党员\n"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config whose cache folder (where the previous replay is recorded) is the test's own."""
    path = tmp_path / "config.yaml"
    path.write_text(f"cache_dir: {json.dumps(str(tmp_path / 'cache'))}\n", encoding="utf-8")
    return path


def _check(root: Path, config: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, list[str]]:
    code = main(["--config", str(config), "--knowledge", str(root), "check", "--replay", *flags])
    return code, capsys.readouterr().out.splitlines()


def test_a_clean_knowledge_replays_clean(tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(write_knowledge(tmp_path / "kb", second=True), config, capsys, "--strict")
    assert code == 0
    assert lines[-1] == "replay: 12 of 12 wordings find their fact (100.0%); nothing to compare with yet"


@pytest.mark.parametrize("strict", [False, True])
def test_a_wording_that_misses_its_fact_is_listed_with_what_it_got(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str], strict: bool
) -> None:
    root = mutate(write_knowledge(tmp_path / "kb"), "a.yaml", "  - 投资额是多少\n", _ASKS_MEMBERS).parent.parent
    code, lines = _check(root, config, capsys, *(["--strict"] if strict else []))
    assert code == (1 if strict else 0)
    # 多少名 counts people, and only fa-members gives a figure in 名: it is what the wording gets.
    assert "replay: kb/facts/a.yaml:20: fa-money: 「测试镇有多少名党员」 → fa-members" in lines
    assert lines[-1].startswith("replay: 8 of 10 wordings find their fact")


def test_answers_of_another_article_changed_by_an_edit_are_listed(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = write_knowledge(tmp_path / "before", second=True)
    after = shutil.copytree(before, tmp_path / "kb")
    mutate(after, "a.yaml", "  - 党员人数是多少\n", _STEALS_B)
    code, lines = _check(after, config, capsys, "--against", str(before), "--strict")
    assert code == 1
    changed = [line for line in lines if line.startswith("changed: ")]
    assert any(
        line.startswith("changed: kb/facts/b.yaml:8: fb-branches: 「外地镇党支部数量」 was fb-branches, now a choice")
        for line in changed
    ), lines
    # Article a's own wordings are the edit itself: they are replayed, not reported as changes.
    assert not any("kb/facts/a.yaml" in line for line in changed)


def test_without_against_the_previous_replay_is_the_baseline(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge(tmp_path / "kb", second=True)
    assert _check(root, config, capsys)[0] == 0  # records the answers of this knowledge
    mutate(root, "a.yaml", "  - 党员人数是多少\n", _STEALS_B)
    code, lines = _check(root, config, capsys, "--strict")
    assert code == 1
    assert any(
        line.startswith("changed: kb/facts/b.yaml:8: fb-branches: 「外地镇党支部数量」 was fb-branches")
        for line in lines
    )


def test_a_replay_against_a_copy_is_the_baseline_of_the_next_plain_one(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = write_knowledge(tmp_path / "before", second=True)
    after = shutil.copytree(before, tmp_path / "kb")
    assert _check(after, config, capsys, "--against", str(before))[0] == 0
    lines = _check(after, config, capsys)[1]
    assert lines[-1].endswith("0 answer(s) of other articles changed since the last replay"), (
        lines
    )  # not "nothing to compare with yet"


def test_replay_waits_for_errors_to_be_fixed(tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = mutate(
        write_knowledge(tmp_path / "kb"), "a.yaml", "  source: 测试镇有1200名党员。\n", "  source: 不在文中。\n"
    )
    code, lines = _check(root, config, capsys)
    assert code == 1
    assert lines[-1] == "replay: skipped until the errors above are fixed."


def test_a_replay_shared_among_processes_is_the_replay_asked_in_one(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.curation import replay as replaying

    facts = [f for f in engine.knowledge.facts if f.origin == "curated"][:60]
    monkeypatch.setattr(replaying, "PARALLEL_FROM", 10**9)
    alone = replaying.replay(engine, facts)
    monkeypatch.setattr(replaying, "PARALLEL_FROM", 1)
    monkeypatch.setattr(replaying.threading, "active_count", lambda: 1)  # pytest's own threads aside
    monkeypatch.setattr(replaying.os, "cpu_count", lambda: 2)
    shared = replaying.replay(engine, facts)
    assert shared.answers == alone.answers and shared.total == alone.total > 100
    assert [(m.fact.id, m.question, m.got) for m in shared.misses] == [
        (m.fact.id, m.question, m.got) for m in alone.misses
    ]


@pytest.mark.parametrize(
    ("before", "after", "more"),
    [
        ("a choice: jx-title, wj-title", "a choice: jx-title, new-title, wj-title", True),  # one more offered
        ("a choice: jx-title, wj-title", "a choice: jx-title, new-title", False),  # wj-title no longer
        ("jx-title", "a choice: jx-title, new-title", False),  # an answer became a choice
        ("a choice: jx-title, wj-title", "jx-title", False),
    ],
)
def test_a_choice_that_only_offers_the_new_article_too_is_one_more_choice(before: str, after: str, more: bool) -> None:
    from bot.curation.replay import Change
    from bot.knowledge.model import Fact

    fact = Fact(id="jx-title", doc_id="doc-a", questions=["标题是什么"], answer="…", source="…")
    assert Change(fact, "标题是什么", before, after).one_more_choice is more


@pytest.mark.parametrize(("origin", "more"), [("document", True), ("curated", False)])
def test_a_question_about_the_article_itself_that_now_asks_which_is_one_more_choice(origin: str, more: bool) -> None:
    # Both curators of stop 27 found eight such lines for any article added: an article's title,
    # outlet, date or author asked of no article in particular is every article's to answer.
    from dataclasses import replace

    from bot.curation.replay import Change
    from bot.knowledge.model import Fact

    fact = replace(Fact(id="jx-title", doc_id="doc-a", questions=["标题是什么"], answer="…", source="…"), origin=origin)
    assert Change(fact, "标题是什么", "jx-title", "a choice: jx-title, new-title").one_more_choice is more
    assert not Change(fact, "标题是什么", "jx-title", "a choice: new-title, wj-title").one_more_choice
