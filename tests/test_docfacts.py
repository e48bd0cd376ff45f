"""Questions about an article itself (title, outlet, date, author) answered from `document:`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.knowledge.docfacts import byline
from bot.knowledge.read import read_knowledge
from bot.matching.engine import Engine
from tests.knowledge_helpers import mutate, write_knowledge


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root = write_knowledge(tmp_path_factory.mktemp("docfacts") / "kb")
    settings = Settings(knowledge_dir=root)
    settings.cache_dir = str(tmp_path_factory.mktemp("docfacts-cache"))
    return Engine.load(root, settings)


@pytest.mark.parametrize(
    ("question", "fact_id", "told"),
    [
        ("这篇报道的标题是什么", "doc-a.title", "《测试镇召开动员大会》"),
        ("测试镇这篇文章是谁写的", "doc-a.author", "张三"),
        ("这篇报道的作者是谁", "doc-a.author", "张三"),
        ("测试镇的报道是哪家媒体发的", "doc-a.outlet", "测试日报"),
        ("这篇新闻哪天发的", "doc-a.date", "2014年6月30日"),
        ("测试日报是哪天发的", "doc-a.date", "2014年6月30日"),  # naming the outlet, asking the day
    ],
)
def test_document_questions_are_answered_from_the_document_block(
    small: Engine, question: str, fact_id: str, told: str
) -> None:
    reply = small.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)
    assert told in (reply.answer or "")
    # The quoted source is the byline made of the block: the article text is not edited.
    assert reply.source is not None and reply.source.sentence == "《测试镇召开动员大会》，测试日报，2014年6月30日，张三"


def test_a_field_the_curator_wrote_a_fact_for_gets_no_second_one(tmp_path: Path) -> None:
    root = write_knowledge(tmp_path / "kb")
    # The article now carries its title line, and a curated fact cites it.
    mutate(root, "a.txt", "首页 > 新闻\n", "首页 > 新闻\n测试镇召开动员大会\n")
    mutate(
        root,
        "a.yaml",
        "facts:\n",
        "facts:\n- id: fa-title\n  questions: [标题是什么, 文章叫什么, 报道的题目]\n"
        "  answer: 标题是《测试镇召开动员大会》。\n  source: 测试镇召开动员大会\n",
    )
    knowledge, problems = read_knowledge(root)
    assert [str(p) for p in problems if p.severity == "error"] == []
    made = sorted(f.id for f in knowledge.facts if f.origin == "document")
    assert made == ["doc-a.author", "doc-a.date", "doc-a.outlet"]


def test_no_author_no_author_fact(tmp_path: Path) -> None:
    root = mutate(write_knowledge(tmp_path / "kb"), "a.yaml", "  author: 张三\n", "").parent.parent
    knowledge, _ = read_knowledge(root)
    doc = knowledge.documents["doc-a"]
    assert "doc-a.author" not in {f.id for f in knowledge.facts}
    assert byline(doc) == "《测试镇召开动员大会》，测试日报，2014年6月30日"
