"""The loader and every rule of `faqbot check`, one mutation of a valid knowledge folder per row.

Each row breaks the minimal folder of knowledge_helpers in one place and names the message
fragment and the `file:line` the problem must carry. The baseline folder is clean (first test), so
a row passes only because its rule fired; removing the rule makes the row fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.check import check
from bot.knowledge.model import InvalidKnowledge
from bot.knowledge.read import fingerprint, load_knowledge, read_knowledge
from bot.yamlfile import Problem
from tests.knowledge_helpers import FACTS, FILES, mutate, shown, write_knowledge


def _matching(problems: list[Problem], root: Path, where: str, fragment: str) -> list[Problem]:
    name, line = where.rsplit(":", 1)
    return [p for p in problems if fragment in p.message and p.path == shown(root, name) and p.line == int(line)]


def _assert_problem(problems: list[Problem], root: Path, where: str, fragment: str, severity: str) -> None:
    found = _matching(problems, root, where, fragment)
    listing = "\n".join(str(p) for p in problems) or "(no problems)"
    assert found, f"expected {where}: …{fragment}… ({severity}); got:\n{listing}"
    assert all(p.severity == severity for p in found), listing


def _broken(tmp_path: Path, name: str, old: str | None, new: str | bytes) -> Path:
    root = write_knowledge(tmp_path / "kb", second=name.startswith("b."))
    mutate(root, name, old, new)
    return root


def test_the_minimal_folder_is_clean_and_fully_covered(tmp_path: Path) -> None:
    report = check(write_knowledge(tmp_path / "kb", second=True))
    assert report.problems == []
    assert report.ok
    assert report.coverage.total == 4
    assert report.coverage.percent == 100.0


# --- Reading the files: YAML syntax, encoding, shape -------------------------------------------

_BEFORE_FACTS = FACTS[: FACTS.index("facts:")]
_MONEY_QUESTIONS = "  questions:\n  - 测试镇投入了多少资金？\n  - 全镇花了多少钱\n  - 投资额是多少\n"
_MEMBERS_ANSWER = "  answer: 截至2014年6月，测试镇有1200名党员。\n"
_MONEY_ANSWER = "  answer: 测试镇全镇投入资金1.56亿元。\n"
_MONEY_SOURCE = "  source: 全镇投入资金1.56亿元。\n"

FILE_ROWS = [
    pytest.param(
        "a.yaml",
        "  outlet: 测试日报\n",
        "  outlet: 测试日报: 第5版\n",
        "YAML syntax error",
        "a.yaml:4",
        id="syntax-error",
    ),
    pytest.param(
        "a.yaml",
        "  answer: 测试镇全镇投入资金1.56亿元。\n",
        "  answer: 测试镇: 全镇投入资金1.56亿元。\n",
        "YAML syntax error",
        "a.yaml:25",
        id="syntax-error-deep-in-the-file",
    ),
    pytest.param(
        "a.yaml",
        "  outlet: 测试日报\n",
        "\toutlet: 测试日报\n",
        "YAML indents with spaces, not tabs",
        "a.yaml:4",
        id="tab-indent",
    ),
    pytest.param(
        "a.yaml",
        "  outlet: 测试日报\n",
        "  outlet: 测试日报\n  title: 另一个标题\n",
        "the key 'title' appears twice",
        "a.yaml:5",
        id="duplicate-key-in-document",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_SOURCE,
        _MONEY_SOURCE + "  answer: 另一个答案。\n",
        "the key 'answer' appears twice",
        "a.yaml:27",
        id="duplicate-key-in-fact",
    ),
    pytest.param("a.yaml", "测试日报", b"\xff\xfe", "not valid UTF-8", "a.yaml:4", id="facts-file-not-utf8"),
    pytest.param("aliases.yaml", "动员会", b"\xc3\x28", "not valid UTF-8", "aliases.yaml:4", id="aliases-not-utf8"),
    pytest.param("a.yaml", None, "", "must be a mapping with `document:` and `facts:`", "a.yaml:1", id="empty-file"),
    pytest.param(
        "a.yaml",
        None,
        "- 一\n- 二\n",
        "must be a mapping with `document:` and `facts:`",
        "a.yaml:1",
        id="file-is-a-list",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "fragment", "where"), FILE_ROWS)
def test_unreadable_file_is_an_error_at_its_line(
    tmp_path: Path, name: str, old: str | None, new: str | bytes, fragment: str, where: str
) -> None:
    root = _broken(tmp_path, name, old, new)
    report = check(root)
    assert not report.ok
    _assert_problem(report.problems, root, where, fragment, "error")


# --- The document: metadata of one article -------------------------------------------------------

DOCUMENT_ROWS = [
    # A missing key is reported at the document mapping's first line: line 2 once it is gone.
    pytest.param("a.yaml", "  id: doc-a\n", "", "the document has no `id`", "a.yaml:2", id="missing-id"),
    pytest.param(
        "a.yaml", "  title: 测试镇召开动员大会\n", "", "the document has no `title`", "a.yaml:2", id="missing-title"
    ),
    pytest.param("a.yaml", "  outlet: 测试日报\n", "", "the document has no `outlet`", "a.yaml:2", id="missing-outlet"),
    pytest.param("a.yaml", "  date: '2014-06-30'\n", "", "the document has no `date`", "a.yaml:2", id="missing-date"),
    pytest.param("a.yaml", "  text: articles/a.txt\n", "", "the document has no `text`", "a.yaml:2", id="missing-text"),
    pytest.param(
        "a.yaml",
        "  title: 测试镇召开动员大会\n",
        "  title: [测试镇, 动员大会]\n",
        "`title` of the document must be text, not a list",
        "a.yaml:3",
        id="title-is-a-list",
    ),
    pytest.param(
        "a.yaml",
        "  outlet: 测试日报\n",
        "  outlet: {name: 测试日报}\n",
        "`outlet` of the document must be text, not a mapping",
        "a.yaml:4",
        id="outlet-is-a-mapping",
    ),
    pytest.param(
        "a.yaml",
        "  author: 张三\n",
        "  author: true\n",
        "`author` of the document must be text, not true/false",
        "a.yaml:6",
        id="author-is-a-boolean",
    ),
    pytest.param(
        "a.yaml",
        "  title: 测试镇召开动员大会\n",
        "  title: ''\n",
        "`title` of the document is empty",
        "a.yaml:3",
        id="empty-title",
    ),
    pytest.param("a.yaml", "  id: doc-a\n", "  id: '  '\n", "`id` of the document is empty", "a.yaml:2", id="blank-id"),
    pytest.param(
        "a.yaml",
        "  title: 测试镇召开动员大会\n",
        "  title:\n",
        "the document has no `title`",
        "a.yaml:3",
        id="title-key-without-value",
    ),
    pytest.param(
        "a.yaml",
        "  date: '2014-06-30'\n",
        "  date: '2014/06/30'\n",
        "`date` must be YYYY-MM-DD, not '2014/06/30'",
        "a.yaml:5",
        id="date-with-slashes",
    ),
    pytest.param(
        "a.yaml",
        "  date: '2014-06-30'\n",
        "  date: '2014-06'\n",
        "`date` must be YYYY-MM-DD, not '2014-06'",
        "a.yaml:5",
        id="date-without-day",
    ),
    pytest.param(
        "a.yaml",
        "  date: '2014-06-30'\n",
        "  date: '20140630'\n",
        "`date` must be YYYY-MM-DD",
        "a.yaml:5",
        id="date-without-dashes",
    ),
    pytest.param(
        "a.yaml",
        "  date: '2014-06-30'\n",
        "  date: 2014-13-01\n",
        "`date` must be YYYY-MM-DD, not '2014-13-01'",
        "a.yaml:5",
        id="unquoted-impossible-date",
    ),
    pytest.param(
        "a.yaml",
        "  text: articles/a.txt\n",
        "  text: articles/none.txt\n",
        "the article kb/articles/none.txt: the file does not exist",
        "a.yaml:8",
        id="article-missing",
    ),
    pytest.param(
        "a.yaml",
        "  text: articles/a.txt\n",
        "  text: articles\n",
        "the file cannot be read",
        "a.yaml:8",
        id="article-is-a-folder",
    ),
    pytest.param(
        "a.txt",
        "3月4日",
        b"3\xff4",
        "the article kb/articles/a.txt:3: the file is not valid UTF-8",
        "a.yaml:8",
        id="article-not-utf8",
    ),
    pytest.param(
        "a.yaml", "document:\n", "doc:\n", "the file needs a `document:` mapping", "a.yaml:1", id="no-document"
    ),
    pytest.param(
        "a.yaml",
        "  chrome:\n  - 首页 > 新闻\n",
        "  chrome: 首页 > 新闻\n",
        "`chrome` must be a list of article lines",
        "a.yaml:9",
        id="chrome-not-a-list",
    ),
    pytest.param(
        "a.yaml",
        None,
        _BEFORE_FACTS + "facts: []\n",
        "`facts` must be a non-empty list of facts",
        "a.yaml:11",
        id="facts-empty",
    ),
    pytest.param(
        "a.yaml", None, _BEFORE_FACTS, "`facts` must be a non-empty list of facts", "a.yaml:1", id="facts-missing"
    ),
    pytest.param(
        "b.yaml",
        "  id: doc-b\n",
        "  id: doc-a\n",
        "the document id 'doc-a' is already used by kb/facts/a.yaml",
        "b.yaml:2",
        id="document-id-used-by-another-file",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "fragment", "where"), DOCUMENT_ROWS)
def test_document_problem_is_an_error_at_its_line(
    tmp_path: Path, name: str, old: str | None, new: str | bytes, fragment: str, where: str
) -> None:
    root = _broken(tmp_path, name, old, new)
    report = check(root)
    assert not report.ok
    _assert_problem(report.problems, root, where, fragment, "error")


def test_article_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    root = _broken(tmp_path, "a.txt", "3月4日", b"3\xff4")  # line 3 of the article
    problems = [str(p) for p in check(root).problems]
    assert any("articles/a.txt:3" in p or "line 3" in p for p in problems), problems


def test_unknown_document_key_is_reported(tmp_path: Path) -> None:
    root = _broken(tmp_path, "a.yaml", "  author: 张三\n", "  autor: 张三\n")
    problems = check(root).problems
    assert any("autor" in p.message and p.line == 6 for p in problems), [str(p) for p in problems]


# --- Facts -----------------------------------------------------------------------------------

FACT_ROWS = [
    pytest.param(
        "a.yaml", "- id: fa-money\n  questions:\n", "- questions:\n", "a fact has no `id`", "a.yaml:20", id="missing-id"
    ),
    pytest.param("a.yaml", "- id: fa-money\n", "- id: ''\n", "`id` of a fact is empty", "a.yaml:20", id="empty-id"),
    pytest.param("a.yaml", _MONEY_ANSWER, "", "the fact 'fa-money' has no `answer`", "a.yaml:20", id="missing-answer"),
    pytest.param("a.yaml", _MONEY_SOURCE, "", "the fact 'fa-money' has no `source`", "a.yaml:20", id="missing-source"),
    pytest.param(
        "a.yaml",
        _MONEY_ANSWER,
        "  answer: ''\n",
        "`answer` of the fact 'fa-money' is empty",
        "a.yaml:25",
        id="empty-answer",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_SOURCE,
        "  source: ' '\n",
        "`source` of the fact 'fa-money' is empty",
        "a.yaml:26",
        id="blank-source",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_ANSWER,
        "  answer: [一, 二]\n",
        "`answer` of the fact 'fa-money' must be text, not a list",
        "a.yaml:25",
        id="answer-is-a-list",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_QUESTIONS,
        "",
        "`questions` of the fact 'fa-money' must be a list of non-empty texts",
        "a.yaml:20",
        id="missing-questions",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_QUESTIONS,
        "  questions: 投资额是多少\n",
        "`questions` of the fact 'fa-money' must be a list of non-empty texts",
        "a.yaml:21",
        id="questions-not-a-list",
    ),
    pytest.param(
        "a.yaml",
        "  - 全镇花了多少钱\n",
        "  - ''\n",
        "`questions` of the fact 'fa-money' must be a list of non-empty texts",
        "a.yaml:21",
        id="empty-question",
    ),
    pytest.param(
        "a.yaml",
        "  - 全镇花了多少钱\n",
        "  - 42\n",
        "`questions` of the fact 'fa-money' must be a list of non-empty texts",
        "a.yaml:21",
        id="question-is-a-number",
    ),
    pytest.param(
        "a.yaml",
        "  - 投资额是多少\n",
        "",
        "the fact 'fa-money' has 2 question(s); write at least 3",
        "a.yaml:21",
        id="two-questions",
    ),
    pytest.param(
        "a.yaml",
        "  - 全镇花了多少钱\n  - 投资额是多少\n",
        "",
        "the fact 'fa-money' has 1 question(s); write at least 3",
        "a.yaml:21",
        id="one-question",
    ),
    pytest.param(
        "a.yaml",
        None,
        FACTS + "- 只是一句话\n",
        "each fact must be a mapping, not str",
        "a.yaml:11",
        id="fact-not-a-mapping",
    ),
    pytest.param(
        "a.yaml",
        "- id: fa-money\n",
        "- id: fa-members\n",
        "the fact id 'fa-members' is already used at kb/facts/a.yaml:12",
        "a.yaml:20",
        id="duplicate-fact-id",
    ),
    pytest.param(
        "b.yaml",
        "- id: fb-branches\n",
        "- id: fa-members\n",
        "the fact id 'fa-members' is already used at kb/facts/a.yaml:12",
        "b.yaml:8",
        id="duplicate-fact-id-across-files",
    ),
    pytest.param(
        "a.yaml",
        "  - 投资额是多少\n",
        "  - 党员人数是多少\n",
        "the question '党员人数是多少' of 'fa-money' is also a question of 'fa-members'",
        "a.yaml:20",
        id="shared-question",
    ),
    pytest.param(
        "a.yaml",
        "  - 投资额是多少\n",
        "  - 党员人数 是多少？\n",
        "is also a question of 'fa-members'",
        "a.yaml:20",
        id="shared-question-up-to-spaces-and-punctuation",
    ),
    pytest.param(
        "b.yaml",
        "  - 外地镇党支部数量\n",
        "  - 测试镇有多少党员？\n",
        "the question '测试镇有多少党员？' of 'fb-branches' is also a question of 'fa-members'",
        "b.yaml:8",
        id="shared-question-across-files",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_SOURCE,
        "  source: 全镇投资1.56亿元。\n",
        "the source of the fact 'fa-money' is not verbatim in the article doc-a",
        "a.yaml:26",
        id="source-reworded",
    ),
    pytest.param(
        "a.yaml",
        "  source: 3月4日，测试镇召开动员大会。\n",
        "  source: 3月4日,测试镇召开动员大会。\n",
        "the source of the fact 'fa-meeting' is not verbatim",
        "a.yaml:34",
        id="source-with-ascii-comma",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_SOURCE,
        '  source: "全镇投入资金1.56亿元。\\n3月4日，测试镇召开动员大会。"\n',
        "the source of the fact 'fa-money' spans more than one paragraph",
        "a.yaml:26",
        id="source-spans-paragraphs",
    ),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年6月，测试镇有1300名党员。\n",
        "the answer of the fact 'fa-members' says 1300, a number not in its source "
        "(the document's date 2014-06-30 excuses only its own year, month or day written as a date)",
        "a.yaml:17",
        id="number-not-in-source",
    ),
    # The date excuses only its own parts written as a date: 「6个村」 is not the month of 2014-06-30.
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年6月，测试镇6个村有1200名党员。\n",
        "says 6",
        "a.yaml:17",
        id="date-number-not-as-a-date",
    ),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年30月，测试镇有1200名党员。\n",
        "says 30",
        "a.yaml:17",
        id="date-day-as-a-month",
    ),
    # Chinese numerals are read like digits: 一条 is 1, 十二个 is 12, neither in the source.
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年6月，测试镇有1200名党员，建了一条街。\n",
        "says 1",
        "a.yaml:17",
        id="chinese-numeral-one",
    ),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年6月，测试镇十二个村有1200名党员。\n",
        "says 12",
        "a.yaml:17",
        id="chinese-numeral-twelve",
    ),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2015年6月，测试镇有1200名党员。\n",
        "says 2015",
        "a.yaml:17",
        id="year-not-the-documents",
    ),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年7月，测试镇有1200名党员。\n",
        "says 7",
        "a.yaml:17",
        id="month-not-the-documents",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_ANSWER,
        "  answer: 测试镇全镇投入资金1.5亿元。\n",
        "says 1.5,",
        "a.yaml:25",
        id="decimal-cut-short",
    ),
    pytest.param(
        "a.yaml",
        _MONEY_ANSWER,
        "  answer: 测试镇全镇投入资金1.57亿元。\n",
        "says 1.57,",
        "a.yaml:25",
        id="decimal-changed",
    ),
    pytest.param(
        "a.yaml",
        "  tags: [党建]\n",
        "  tags: 5\n",
        "`tags` of the fact 'fa-members' must be a list of texts",
        "a.yaml:19",
        id="tags-a-number",
    ),
    pytest.param(
        "a.yaml",
        "  tags: [党建]\n",
        "  tags: [党建, 2]\n",
        "`tags` of the fact 'fa-members' must be a list of texts",
        "a.yaml:19",
        id="tag-a-number",
    ),
    pytest.param(
        "a.yaml",
        "  tags: [党建]\n",
        "  tags: {党建: 1}\n",
        "`tags` of the fact 'fa-members' must be a list of texts",
        "a.yaml:19",
        id="tags-a-mapping",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "fragment", "where"), FACT_ROWS)
def test_fact_problem_is_an_error_at_its_line(
    tmp_path: Path, name: str, old: str | None, new: str | bytes, fragment: str, where: str
) -> None:
    root = _broken(tmp_path, name, old, new)
    report = check(root)
    assert not report.ok
    _assert_problem(report.problems, root, where, fragment, "error")


# What a curator may write: each row is an edit the rules must accept without any problem.
ALLOWED_ROWS = [
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年6月30日，测试镇有1200名党员。\n",
        id="year-month-day-of-the-date",
    ),
    pytest.param(
        "a.yaml", _MEMBERS_ANSWER, "  answer: 截至2014年06月，测试镇有1200名党员。\n", id="month-with-leading-zero"
    ),
    pytest.param(
        "a.yaml", _MEMBERS_ANSWER, "  answer: 测试镇有1200名党员（2014年6月报道）。\n", id="month-without-leading-zero"
    ),
    pytest.param("a.yaml", _MONEY_ANSWER, "  answer: 测试镇全镇投入资金1.56亿元（2014年）。\n", id="decimal-and-year"),
    pytest.param(
        "a.yaml",
        "  answer: 2014年3月4日，测试镇召开动员大会。\n",
        "  answer: 3月4日，测试镇召开了动员大会。\n",
        id="numbers-from-the-source",
    ),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 截至2014年6月，测试镇有一千二百名党员。\n",
        id="chinese-numeral-of-the-source",
    ),
    pytest.param(
        "a.yaml", _MEMBERS_ANSWER, "  answer: 据2014-06-30报道，测试镇有1200名党员。\n", id="the-date-written-iso"
    ),
    pytest.param(
        "a.yaml", _MEMBERS_ANSWER, "  answer: 截至2014年6月30号，测试镇有1200名党员。\n", id="day-written-hao"
    ),
    pytest.param("a.yaml", "  tags: [党建]\n", "  tags: 党建\n", id="one-tag-as-text"),
    pytest.param("a.yaml", "  tags: [党建]\n", "", id="no-tags"),
    pytest.param("a.yaml", "  date: '2014-06-30'\n", "  date: 2014-06-30\n", id="unquoted-date"),
    pytest.param("a.yaml", "  author: 张三\n", "", id="no-author"),
    pytest.param("a.yaml", "  place: 测试镇\n", "", id="no-place"),
    pytest.param("a.yaml", "  outlet: 测试日报\n", "  outlet: 2014\n", id="number-as-text"),
]


@pytest.mark.parametrize(("name", "old", "new"), ALLOWED_ROWS)
def test_allowed_edit_raises_no_problem(tmp_path: Path, name: str, old: str | None, new: str) -> None:
    report = check(_broken(tmp_path, name, old, new))
    assert [str(p) for p in report.problems] == []


@pytest.mark.parametrize("empty", [False, True], ids=["missing", "empty"])
def test_aliases_file_is_optional(tmp_path: Path, empty: bool) -> None:
    # Without aliases there are no places, so the document must not name one (that warns).
    root = _broken(tmp_path, "a.yaml", "  place: 测试镇\n", "")
    if empty:
        mutate(root, "aliases.yaml", None, "")
    else:
        (root / FILES["aliases.yaml"]).unlink()
    assert check(root).problems == []


# --- Warnings: reported, but the knowledge still passes ----------------------------------------

WARNING_ROWS = [
    pytest.param(
        "a.yaml",
        "  - 首页 > 新闻\n",
        "  - 首页 > 旧闻\n",
        "the chrome line '首页 > 旧闻' is not a whole line of the article",
        "a.yaml:9",
        id="chrome-line-not-in-article",
    ),
    pytest.param(
        "a.yaml",
        "  - 党员人数是多少\n",
        "  - 测试镇有多少党员？\n",
        "the fact 'fa-members' lists the question '测试镇有多少党员？' twice",
        "a.yaml:12",
        id="question-repeated-in-one-fact",
    ),
    pytest.param(
        "a.yaml",
        "  place: 测试镇\n",
        "  place: 火星镇\n",
        "the place '火星镇' of document 'doc-a' is not a place in aliases.yaml",
        "a.yaml:7",
        id="place-not-in-aliases",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "fragment", "where"), WARNING_ROWS)
def test_warning_is_reported_but_does_not_fail(
    tmp_path: Path, name: str, old: str, new: str, fragment: str, where: str
) -> None:
    root = _broken(tmp_path, name, old, new)
    report = check(root)
    assert report.ok
    assert report.errors == []
    _assert_problem(report.problems, root, where, fragment, "warning")


def test_unknown_place_is_a_warning(tmp_path: Path) -> None:
    # The line is checked by WARNING_ROWS; this checks the rule itself.
    report = check(_broken(tmp_path, "a.yaml", "  place: 测试镇\n", "  place: 火星镇\n"))
    assert report.ok
    assert [(p.severity, p.path) for p in report.problems] == [("warning", "kb/facts/a.yaml")]
    assert "the place '火星镇' of document 'doc-a' is not a place" in report.problems[0].message


# --- aliases.yaml ------------------------------------------------------------------------------

ALIAS_ROWS = [
    pytest.param("names:\n", "names: a: b\n", "YAML syntax error", "aliases.yaml:3", id="syntax-error"),
    pytest.param(None, "- 测试镇\n", "aliases.yaml must be a mapping", "aliases.yaml:1", id="a-list"),
    pytest.param(
        "places:\n  测试镇: [测试, 本镇]\n",
        "places: [测试镇]\n",
        "`places` must map a canonical name to a list of aliases",
        "aliases.yaml:1",
        id="places-a-list",
    ),
    pytest.param(
        "  测试镇: [测试, 本镇]\n",
        "  测试镇: 本镇\n",
        "the aliases of '测试镇' must be a list of texts",
        "aliases.yaml:2",
        id="aliases-as-text",
    ),
    pytest.param(
        "  测试镇: [测试, 本镇]\n",
        "  测试镇: [测试, 本镇]\n  外地镇: [外地, 本镇]\n",
        "the alias '本镇' is given to both '测试镇' and '外地镇'",
        "aliases.yaml:3",
        id="alias-of-two-places",
    ),
    pytest.param(
        "  动员大会: [动员会]\n",
        "  动员大会: [动员会, 测试]\n",
        "the alias '测试' is given to both '测试镇' and '动员大会'",
        "aliases.yaml:4",
        id="alias-of-a-place-and-a-name",
    ),
    pytest.param(
        "terms:\n  - 党员人数\n",
        "terms: 党员人数\n",
        "`terms` must be a list of words",
        "aliases.yaml:5",
        id="terms-as-text",
    ),
]


@pytest.mark.parametrize(("old", "new", "fragment", "where"), ALIAS_ROWS)
def test_aliases_problem_is_an_error_at_its_line(
    tmp_path: Path, old: str | None, new: str, fragment: str, where: str
) -> None:
    root = _broken(tmp_path, "aliases.yaml", old, new)
    report = check(root)
    assert not report.ok
    _assert_problem(report.problems, root, where, fragment, "error")


# --- Coverage -----------------------------------------------------------------------------------

COVERAGE_ROWS = [
    pytest.param(
        "a.txt",
        "3月4日，测试镇召开动员大会。\n",
        "3月4日，测试镇召开动员大会。会上没有事实。\n",
        [("doc-a", "会上没有事实。")],
        75.0,
        id="sentence-no-fact-cites",
    ),
    pytest.param(
        "a.yaml",
        "- id: fa-meeting\n" + FACTS.split("- id: fa-meeting\n")[1],
        "",
        [("doc-a", "3月4日，测试镇召开动员大会。")],
        200 / 3,
        id="fact-removed",
    ),
    pytest.param(
        "a.yaml", "  chrome:\n  - 首页 > 新闻\n", "", [("doc-a", "首页 > 新闻")], 75.0, id="chrome-not-declared"
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "uncovered", "percent"), COVERAGE_ROWS)
def test_coverage_lists_sentences_no_fact_cites(
    tmp_path: Path, name: str, old: str, new: str, uncovered: list[tuple[str, str]], percent: float
) -> None:
    report = check(_broken(tmp_path, name, old, new))
    assert report.ok  # coverage informs; it never fails the check
    assert report.coverage.uncovered == uncovered
    assert report.coverage.percent == pytest.approx(percent)


def test_chrome_lines_are_not_sentences(tmp_path: Path) -> None:
    knowledge = load_knowledge(write_knowledge(tmp_path / "kb"))
    sentences = knowledge.documents["doc-a"].sentences()
    assert sentences == ["测试镇有1200名党员。", "全镇投入资金1.56亿元。", "3月4日，测试镇召开动员大会。"]


# --- The loader ---------------------------------------------------------------------------------


def test_load_knowledge_reads_documents_facts_and_aliases(tmp_path: Path) -> None:
    knowledge = load_knowledge(write_knowledge(tmp_path / "kb"))
    doc = knowledge.documents["doc-a"]
    assert (doc.title, doc.outlet, doc.date, doc.author, doc.place) == (
        "测试镇召开动员大会",
        "测试日报",
        "2014-06-30",
        "张三",
        "测试镇",
    )
    assert doc.chrome == ("首页 > 新闻",)
    assert [(f.id, f.line) for f in knowledge.facts if f.origin == "curated"] == [
        ("fa-members", 12),
        ("fa-money", 20),
        ("fa-meeting", 28),
    ]
    money = knowledge.fact("fa-money")
    assert money is not None
    assert money.questions == ("测试镇投入了多少资金？", "全镇花了多少钱", "投资额是多少")
    assert (money.source, money.tags, money.doc_id) == ("全镇投入资金1.56亿元。", ("经济",), "doc-a")
    assert knowledge.aliases.places == {"测试镇": "测试镇", "测试": "测试镇", "本镇": "测试镇"}
    assert knowledge.aliases.names["动员会"] == "动员大会"
    assert knowledge.aliases.terms == ("党员人数",)
    assert list(knowledge.topics()) == ["党建", "经济", "活动", "文章信息"]  # the last: made from `document:`


def test_load_knowledge_raises_listing_every_error(tmp_path: Path) -> None:
    root = write_knowledge(tmp_path / "kb")
    mutate(root, "a.yaml", _MONEY_SOURCE, "  source: 全镇投资1.56亿元。\n")
    mutate(root, "a.yaml", "  - 党员人数是多少\n", "")
    with pytest.raises(InvalidKnowledge) as caught:
        load_knowledge(root)
    # fa-members now has 2 questions (line 13); fa-money's reworded source moved up to line 25.
    assert sorted(p.line for p in caught.value.problems) == [13, 25]
    assert str(caught.value).startswith("The knowledge has 2 error(s); the first: kb/facts/a.yaml:")


def test_load_knowledge_accepts_warnings(tmp_path: Path) -> None:
    root = _broken(tmp_path, "a.yaml", "  - 首页 > 新闻\n", "  - 首页 > 旧闻\n")
    assert load_knowledge(root).fact("fa-money") is not None


def test_read_knowledge_keeps_the_good_facts_of_a_broken_file(tmp_path: Path) -> None:
    root = _broken(tmp_path, "a.yaml", _MONEY_ANSWER, "")
    knowledge, problems = read_knowledge(root)
    assert [f.id for f in knowledge.facts if f.origin == "curated"] == ["fa-members", "fa-meeting"]
    assert len(problems) == 1


@pytest.mark.parametrize(
    ("create", "fragment"),
    [
        pytest.param(False, "the knowledge folder does not exist", id="no-folder"),
        pytest.param(True, "there are no facts/*.yaml files", id="no-facts"),
    ],
)
def test_read_knowledge_reports_an_empty_or_missing_folder(tmp_path: Path, create: bool, fragment: str) -> None:
    root = tmp_path / "kb"
    if create:
        root.mkdir()
    _, problems = read_knowledge(root)
    assert len(problems) == 1
    assert fragment in problems[0].message


@pytest.mark.parametrize("name", ["a.yaml", "a.txt", "aliases.yaml"])
def test_fingerprint_changes_with_any_knowledge_file(tmp_path: Path, name: str) -> None:
    root = write_knowledge(tmp_path / "kb")
    before = fingerprint(root)
    assert fingerprint(root) == before
    with (root / FILES[name]).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert fingerprint(root) != before


def test_a_place_alias_naming_something_of_the_place_is_found() -> None:
    from bot.knowledge.aliases import Aliases

    forms = "洞溪镇 洞溪 洞溪镇党委 岑川县洞溪镇 洞溪镇青岗村 洞溪街道 洞溪镇(岑川)".split()
    places = dict.fromkeys(forms, "洞溪镇")
    assert Aliases(places=places).of_the_place() == {"洞溪镇党委": "党委"}
