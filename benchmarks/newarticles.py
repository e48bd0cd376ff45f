"""The new-article evaluation in one command: every article of `tests/eval/newarticles/` (issue 15).

    .venv/bin/python -m benchmarks.newarticles                 # curated facts, all articles
    .venv/bin/python -m benchmarks.newarticles --drafts        # unedited `faqbot draft` output instead
    .venv/bin/python -m benchmarks.newarticles --failures      # and each development failure
    .venv/bin/python -m benchmarks.newarticles jiegan-straw-2024 laji-sorting-2025

Each article is added alone to a copy of the bundled knowledge (its curated `facts.yaml` and
`aliases.yaml`, or with `--drafts` what `faqbot draft --aliases` makes of its `article.txt`), and
its blind `questions.yaml` and `out_of_scope.yaml` are asked of that knowledge. The articles
listed in `tests/eval/newarticles/unread.txt` are the blind ones nobody developing the bot has
read the failures of: only their totals are printed, never a question. The figures are those of
docs/accuracy.md: questions answered right, answered wrongly (an answer that fails: the
confident mistakes), out-of-scope questions of `out_of_scope.yaml` answered, and each kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "eval" / "newarticles"
FILES = ("questions.yaml", "out_of_scope.yaml")


@dataclass(frozen=True)
class Row:
    """One question's outcome; an unread article's question is kept as its number only."""

    article: str
    file: str
    question: str
    kind: str
    expected: str
    status: str
    passed: bool
    fact_id: str | None


def unread() -> frozenset[str]:
    """The blind articles: one name a line of unread.txt, `#` starting a comment."""
    lines = (ARTICLES / "unread.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


def drafted(folder: Path, into: Path) -> Path:
    """An article folder of the unedited draft of `folder`'s article, as a curator runs it."""
    from bot.curation.draft import aliases_yaml, draft, to_yaml

    name = folder.name
    into.mkdir(parents=True)
    result = draft(folder / "article.txt", doc_id=name, text_path=f"articles/{name}.txt")
    (into / "facts.yaml").write_text(to_yaml(result), encoding="utf-8")
    (into / "aliases.yaml").write_text(aliases_yaml(result), encoding="utf-8")
    (into / "article.txt").write_bytes((folder / "article.txt").read_bytes())
    return into


def measure(job: tuple[str, bool, bool]) -> list[Row]:
    """Every question of one article asked of the bundled knowledge plus that article."""
    from bot.config import Settings, bundled_knowledge_dir
    from bot.curation.evaluate import evaluate, load_questions
    from bot.knowledge.combine import combine
    from bot.matching.engine import Engine

    name, drafts, blind = job
    folder = ARTICLES / name
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        added = drafted(folder, Path(tmp) / name) if drafts else folder
        knowledge = combine(bundled_knowledge_dir(), [added], Path(tmp) / "knowledge")
        engine = Engine.load(knowledge, Settings(knowledge_dir=knowledge, log_db="", cache_dir=""))
        for file in FILES:
            if not (folder / file).is_file():
                continue
            result = evaluate(engine, load_questions(folder / file))
            for number, o in enumerate(result.outcomes, 1):
                question = f"#{number}" if blind else o.item.question
                rows.append(Row(name, file, question, o.item.kind, o.item.status, o.status, o.passed, o.fact_id))
    return rows


def summary(label: str, rows: list[Row]) -> str:
    """Totals of one group of articles, as docs/accuracy.md gives them."""
    asked = [r for r in rows if r.file == "questions.yaml"]
    outside = [r for r in rows if r.file == "out_of_scope.yaml"]
    right = sum(r.passed for r in asked)
    wrong = sum(r.status == "answered" and not r.passed for r in asked)
    answered_outside = sum(r.status == "answered" for r in outside)
    kinds: dict[str, list[bool]] = {}
    for r in asked:
        kinds.setdefault(r.kind, []).append(r.passed)
    by_kind = sorted(((100 * sum(v) / len(v), k) for k, v in kinds.items()), reverse=True)
    articles = len({r.article for r in rows})
    return (
        f"{label} ({articles} articles): {right} of {len(asked)} = {100 * right / max(1, len(asked)):.1f}%, "
        f"answered wrongly {wrong}, out-of-scope answered {answered_outside} of {len(outside)}\n"
        f"  by kind: {', '.join(f'{k} {p:.0f}%' for p, k in by_kind)}"
    )


def failures(rows: Iterable[Row]) -> str:
    return "\n".join(
        f"  {r.article} [{r.kind}] expected {r.expected}, got {r.status} ({r.fact_id}): {r.question}"
        for r in rows
        if not r.passed or (r.file == "out_of_scope.yaml" and r.status == "answered")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.newarticles", description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", help="article folders of tests/eval/newarticles (default: all)")
    parser.add_argument("--drafts", action="store_true", help="ask the unedited drafts instead of the curated facts")
    parser.add_argument("--failures", action="store_true", help="list each failure of a development article")
    parser.add_argument("--json", metavar="OUT", help="write every row as JSON (an unread question as its number)")
    parser.add_argument("--processes", type=int, default=2, help="articles measured at once (default 2)")
    args = parser.parse_args(argv)
    names = args.articles or sorted(p.name for p in ARTICLES.iterdir() if (p / "questions.yaml").is_file())
    if missing := [n for n in names if not (ARTICLES / n / "questions.yaml").is_file()]:
        parser.error(f"no article folder with questions.yaml: {', '.join(missing)}")
    blind = unread()
    jobs = [(name, args.drafts, name in blind) for name in names]
    with Pool(max(1, args.processes)) as pool:
        rows = [row for found in pool.map(measure, jobs) for row in found]
    development = [r for r in rows if r.article not in blind]
    read_none = [r for r in rows if r.article in blind]
    what = "unedited drafts" if args.drafts else "curated facts"
    for label, group in ((f"development, {what}", development), (f"unread, {what}", read_none)):
        if group:
            print(summary(label, group))
    if args.failures and development:
        print("development failures:\n" + failures(development))
    if args.json:
        Path(args.json).write_text(
            json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=0), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
