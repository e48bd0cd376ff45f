"""`faqbot draft`: a new article's facts YAML that passes `faqbot check` as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.knowledge.check import check
from tests.knowledge_helpers import write_knowledge

#: A new article as a curator pastes it: header, story with a section heading, footer.
ARTICLE = """\
新河镇：小网格撬动大治理
2022-03-18 10:05  来源：新河日报
记者 王小明  通讯员 李红

今年以来，新河镇把全镇12个村划分为58个网格，组织326名党员联系群众。
网格成了解民忧的窗口

3月5日，新河镇召开网格工作推进会。镇党委书记赵立新说，网格员每天巡查不少于2小时。
“有事找网格员，一找一个准。”村民孙大海说。

责任编辑：周一
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    root = write_knowledge(tmp_path / "kb")
    (root / "articles" / "xinhe.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _draft(knowledge: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    code = main(["--knowledge", str(knowledge), "draft", str(knowledge / "articles" / "xinhe.txt"), *flags])
    return code, capsys.readouterr().out


def test_the_draft_passes_check_as_written(knowledge: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _draft(knowledge, capsys, "--place", "测试镇", "--id", "xinhe")
    assert code == 0
    (knowledge / "facts" / "xinhe.yaml").write_text(out, encoding="utf-8")
    report = check(knowledge)
    assert [str(p) for p in report.errors] == []
    assert report.coverage.uncovered == []
    data = yaml.safe_load(out)
    assert data["document"] == {
        "id": "xinhe",
        "title": "新河镇：小网格撬动大治理",
        "outlet": "新河日报",
        "date": "2022-03-18",
        "author": "王小明 李红",
        "place": "测试镇",
        "text": "articles/xinhe.txt",
        "chrome": [
            "新河镇：小网格撬动大治理",
            "2022-03-18 10:05  来源：新河日报",
            "记者 王小明  通讯员 李红",
            "网格成了解民忧的窗口",
            "责任编辑：周一",
        ],
    }
    facts = {f["source"]: f for f in data["facts"]}
    members = facts["今年以来，新河镇把全镇12个村划分为58个网格，组织326名党员联系群众。"]
    assert members["answer"].startswith("据2022年3月18日报道，")
    assert any("多少个网格" in q for q in members["questions"])
    meeting = facts["3月5日，新河镇召开网格工作推进会。"]
    assert any("什么时候" in q for q in meeting["questions"])
    secretary = facts["镇党委书记赵立新说，网格员每天巡查不少于2小时。"]
    assert any(q.endswith("是谁？") for q in secretary["questions"])
    assert secretary["tags"] == ["网格成了解民忧的窗口"]
    assert all(len(f["questions"]) >= 3 for f in data["facts"])
    assert "#   赵立新  (person, 镇党委书记)" in out


@pytest.mark.parametrize(
    ("flags", "todo_line"),
    [
        (("--id", "xinhe"), "`place` of the document is still TODO"),
    ],
)
def test_what_the_draft_cannot_know_is_a_todo_check_points_at(
    knowledge: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...], todo_line: str
) -> None:
    code, out = _draft(knowledge, capsys, *flags)
    assert code == 0 and "place: TODO" in out
    (knowledge / "facts" / "xinhe.yaml").write_text(out, encoding="utf-8")
    problems = [str(p) for p in check(knowledge).errors]
    assert any(p.startswith("kb/facts/xinhe.yaml:") and todo_line in p for p in problems), problems


def test_flags_fill_what_the_text_lacks(knowledge: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\n".join(ARTICLE.splitlines()[4:])
    (knowledge / "articles" / "xinhe.txt").write_text(body, encoding="utf-8")
    code, out = _draft(
        knowledge, capsys, "--place", "测试镇", "--date", "2022-03-18", "--outlet", "新河日报", "--title", "新河镇网格"
    )
    assert code == 0
    document = yaml.safe_load(out)["document"]
    assert (document["title"], document["outlet"], document["date"]) == ("新河镇网格", "新河日报", "2022-03-18")


def test_a_missing_article_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    assert "the article" in capsys.readouterr().err
