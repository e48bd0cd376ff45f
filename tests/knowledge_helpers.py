"""A minimal valid knowledge folder that tests copy into tmp_path and then break in one place.

The texts below are fixed so that line numbers in test tables stay readable: the numbers in the
right-hand margin of FACTS are the lines a problem must name. Mutations are plain text
replacements that must match exactly once, so a row whose `old` text drifts out of date fails
loudly instead of silently testing the untouched (valid) folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.config import Settings
from bot.knowledge.combine import combine
from bot.matching.engine import Engine

#: The knowledge every test reads: a copy of the bundled `knowledge/` frozen inside tests/, so a
#: curator's edit of `knowledge/` changes no test's expectations.
FIXTURE_KNOWLEDGE = Path(__file__).resolve().parent / "fixtures" / "knowledge"

#: articles/a.txt — line 1 is page chrome; lines 2–3 hold three sentences, one fact each.
ARTICLE = "首页 > 新闻\n测试镇有1200名党员。全镇投入资金1.56亿元。\n3月4日，测试镇召开动员大会。\n"

#: facts/a.yaml (line numbers on the right).
FACTS = """\
document:
  id: doc-a
  title: 测试镇召开动员大会
  outlet: 测试日报
  date: '2014-06-30'
  author: 张三
  place: 测试镇
  text: articles/a.txt
  chrome:
  - 首页 > 新闻
facts:
- id: fa-members
  questions:
  - 测试镇有多少党员？
  - 镇上一共几名党员
  - 党员人数是多少
  answer: 截至2014年6月，测试镇有1200名党员。
  source: 测试镇有1200名党员。
  tags: [党建]
- id: fa-money
  questions:
  - 测试镇投入了多少资金？
  - 全镇花了多少钱
  - 投资额是多少
  answer: 测试镇全镇投入资金1.56亿元。
  source: 全镇投入资金1.56亿元。
  tags: [经济]
- id: fa-meeting
  questions:
  - 动员大会哪天开的？
  - 测试镇什么时候召开动员大会
  - 动员会的日期
  answer: 2014年3月4日，测试镇召开动员大会。
  source: 3月4日，测试镇召开动员大会。
  tags: [活动]
"""
# Line map of FACTS, for the tables:
#  1 document:          9 chrome:            17 answer (fa-members)   25 answer (fa-money)
#  2 id                10 - 首页 > 新闻       18 source                26 source
#  3 title             11 facts:             19 tags                  27 tags
#  4 outlet            12 - id: fa-members   20 - id: fa-money        28 - id: fa-meeting
#  5 date              13 questions:         21 questions             33 answer (fa-meeting)
#  6 author            14-16 its questions   22-24 its questions      34 source
#  7 place                                                            35 tags
#  8 text

#: aliases.yaml: line 1 places, 2 测试镇, 3 names, 4 动员大会, 5 terms.
ALIASES = """\
places:
  测试镇: [测试, 本镇]
names:
  动员大会: [动员会]
terms:
  - 党员人数
"""

#: A second article and facts file (facts/b.yaml), for rules that work across files.
SECOND_ARTICLE = "外地镇有30个党支部。\n"
SECOND_FACTS = """\
document:
  id: doc-b
  title: 外地镇党建
  outlet: 外地日报
  date: '2019-12-11'
  text: articles/b.txt
facts:
- id: fb-branches
  questions:
  - 外地镇有几个党支部？
  - 外地镇党支部数量
  - 外地一共多少支部
  answer: 截至2019年12月，外地镇有30个党支部。
  source: 外地镇有30个党支部。
"""
# Line map of SECOND_FACTS: 2 id, 8 - id: fb-branches, 10-12 its questions.

#: Where each short file name used in test tables lives inside the knowledge folder.
FILES = {
    "a.yaml": "facts/a.yaml",
    "b.yaml": "facts/b.yaml",
    "a.txt": "articles/a.txt",
    "b.txt": "articles/b.txt",
    "aliases.yaml": "aliases.yaml",
}


def write_knowledge(root: Path, *, second: bool = False) -> Path:
    """Write the minimal valid knowledge folder at `root` (and facts/b.yaml if `second`)."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "facts").mkdir(exist_ok=True)
    (root / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "facts" / "a.yaml").write_text(FACTS, encoding="utf-8")
    (root / "aliases.yaml").write_text(ALIASES, encoding="utf-8")
    if second:
        (root / "articles" / "b.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
        (root / "facts" / "b.yaml").write_text(SECOND_FACTS, encoding="utf-8")
    return root


def mutate(root: Path, name: str, old: str | None, new: str | bytes) -> Path:
    """Replace `old` (which must occur exactly once) by `new` in the file `name` (see FILES).

    `old=None` replaces the whole file. `new` may be bytes, to write text that is not UTF-8.
    """
    path = root / FILES[name]
    replacement = new if isinstance(new, bytes) else new.encode("utf-8")
    if old is None:
        path.write_bytes(replacement)
        return path
    data = path.read_bytes()
    needle = old.encode("utf-8")
    count = data.count(needle)
    if count != 1:
        raise AssertionError(f"the text {old!r} occurs {count} times in {name}, not once.")
    path.write_bytes(data.replace(needle, replacement))
    return path


def shown(root: Path, name: str) -> str:
    """The path of `name` as problems show it: relative to the knowledge folder's parent."""
    return f"{root.name}/{FILES[name]}"


def with_article(folder: Path, doc_id: str, article: str, facts: str, aliases: str) -> Path:
    """The fixture knowledge with one article of a test's own added beside it, as `faqbot eval
    --article` adds one (`folder` is a fresh temporary folder); returns the combined knowledge."""
    extra = folder / "extra" / doc_id
    extra.mkdir(parents=True)
    (extra / "article.txt").write_text(article, encoding="utf-8")
    (extra / "facts.yaml").write_text(facts, encoding="utf-8")
    (extra / "aliases.yaml").write_text(aliases, encoding="utf-8")
    return combine(FIXTURE_KNOWLEDGE, [extra], folder / "knowledge")


def story(doc_id: str, title: str, date: str, outlet: str, author: str, place: str, body: str) -> tuple[str, str]:
    """A test's own short article, its header lines as news sites print them, and the `document:`
    block of its facts file (append `facts:`): the two always agree on title, date and byline."""
    dateline, byline = f"{date} 08:30  来源：{outlet}", f"记者 {author}"
    article = f"{title}\n{dateline}\n{byline}\n\n{body}"
    document = (
        f"document:\n  id: {doc_id}\n  title: {title}\n  outlet: {outlet}\n  date: '{date}'\n  author: {author}\n"
        f"  place: {place}\n  text: articles/{doc_id}.txt\n  chrome:\n  - {title}\n  - {dateline}\n  - {byline}\n"
    )
    return article, document


_STORIES: dict[str, Engine] = {}


def town_story(folder: Callable[[str], Path], doc_id: str, article: str, facts: str) -> Engine:
    """The fixture knowledge with one short story of 槿溪乡 added (`with_article`), loaded once for
    all the cases of a test; `folder` makes a fresh temporary folder (tmp_path_factory.mktemp)."""
    if doc_id not in _STORIES:
        root = with_article(folder(doc_id), doc_id, article, facts, "places:\n  槿溪乡: [槿溪]\n")
        _STORIES[doc_id] = Engine.load(root, Settings(knowledge_dir=root, cache_dir="", log_db=""))
    return _STORIES[doc_id]
