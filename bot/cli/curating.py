"""The curator's commands: `faqbot check`, `draft`, `eval`, `unanswered`, `stats`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CommandError, count, load_engine
from bot.config import Settings


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate the knowledge: YAML, fields, ids, verbatim sources, numbers, coverage.

    Prints every problem as file:line: message. Exits 0 when there are no errors (warnings
    do not fail), 1 otherwise. With --coverage, also lists the article sentences no fact
    cites and prints the coverage percentage.

    With --replay, asks the bot every curated wording and lists each that does not return its
    own fact (what it got instead: another fact, a choice or a decline), and each wording of
    another article whose answer changed since the last replay of this folder (or compared
    with --against DIR, the knowledge before your edit); a wording that already asked which one
    and now offers the new article's fact too, or a wording of an article's document facts (its
    title, outlet, date, author) that now asks which article, is listed as "one more choice". --strict exits 1
    if a wording misses its fact or another article's answer changed otherwise.
    """
    from bot.knowledge.check import check

    report = check(settings.knowledge_dir)
    for problem in report.problems:
        print(problem)
    knowledge = report.knowledge
    curated = [f for f in knowledge.facts if f.origin == "curated"]
    questions = sum(len(f.questions) for f in curated)
    if args.coverage:
        for doc_id, sentence in report.coverage.uncovered:
            print(f"uncovered: {doc_id}: {sentence}")
        if len(report.coverage.sentences) > 1:
            for doc_id, total in report.coverage.sentences.items():
                print(f"coverage: {doc_id}: {report.coverage.percent_of(doc_id):.1f}% of {total} sentences")
        print(f"coverage: {report.coverage.percent:.1f}% of {report.coverage.total} sentences")
    errors = len(report.errors)
    print(
        f"{count(len(knowledge.documents), 'article')}, {count(len(curated), 'fact')}, "
        f"{count(questions, 'question')}: " + ("ok" if errors == 0 else f"{errors} error(s)")
    )
    if errors:
        if args.replay:
            print("replay: skipped until the errors above are fixed.")
        return EXIT_PROBLEMS
    if args.replay and not _replay(args, settings, knowledge):
        return EXIT_PROBLEMS
    return EXIT_OK


def check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coverage", action="store_true", help="list uncovered sentences and the coverage percentage")
    parser.add_argument(
        "--replay",
        action="store_true",
        help="ask every wording: list those that miss their fact, and changed answers of other articles",
    )
    parser.add_argument(
        "--against", metavar="DIR", help="with --replay: compare with this knowledge folder (before the edit)"
    )
    parser.add_argument("--strict", action="store_true", help="with --replay: exit 1 if anything is listed")


def _replay(args: argparse.Namespace, settings: Settings, knowledge) -> bool:
    """Print what `check --replay` found; False when --strict and something was found."""
    from bot.curation.replay import against_folder, against_record, record, replay
    from bot.index.cache import load_index
    from bot.matching.engine import Engine

    engine = Engine(knowledge, load_index(knowledge, settings.cache_path), settings.matching)
    result = replay(engine, [f for f in knowledge.facts if f.origin == "curated"])
    if args.against:
        against_folder(result, engine, Engine.load(Path(args.against), settings))
        record(result, knowledge, settings.cache_path)
    else:
        against_record(result, knowledge, settings.cache_path)
    for miss in result.misses:
        print(miss.shown(knowledge))
    for change in result.changes:
        print(change.shown(knowledge))
    found = result.total - len(result.misses)
    since = f"than in {args.against}" if args.against else "since the last replay"
    more = len(result.changes) - len(result.breaking)
    changed = (
        f"{len(result.breaking)} answer(s) of other articles changed {since}"
        + (f", {more} choice(s) now offer the new article's fact too" if more else "")
        if result.compared
        else "nothing to compare with yet"
    )
    print(f"replay: {found} of {count(result.total, 'wording')} find their fact ({result.percent:.1f}%); {changed}")
    return not (args.strict and (result.misses or result.breaking))


def cmd_draft(args: argparse.Namespace, settings: Settings) -> int:
    """Draft the facts YAML of a new article, for you to review instead of writing it.

    Reads the article's header into `document:` (title, outlet, date, author; the flags win,
    and what neither gives is a TODO that `faqbot check` points at), and makes one fact per
    sentence (--split: per figure): its source verbatim, an answer with the report's date, 3-7
    wordings made from the sentence, a tag from its section heading. A title that leads with
    the place (「洞溪镇：…」) gives --place. The names found are listed as comments; --aliases
    FILE writes the aliases.yaml they suggest (the place's short and long forms, organisations'
    short forms, every name as a term) to merge into the knowledge's aliases.yaml. The
    article's `text:` is relative to the knowledge folder (articles/NAME.txt). Then edit, run
    `faqbot check --replay`, and save. See docs/curating.md.
    """
    import jieba

    from bot.curation.draft import aliases_yaml, draft, to_yaml

    if settings.cache_path is not None:  # jieba's own dictionary cache, with ours, not in /tmp
        settings.cache_path.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(settings.cache_path)
    article = Path(args.article)
    if not article.is_file():
        raise CommandError(f"the article {article} does not exist.", EXIT_USAGE)
    try:
        text_path = str(article.resolve().relative_to(Path(settings.knowledge_dir).resolve()))
    except ValueError:
        text_path = f"articles/{article.name}"
    result = draft(
        article,
        doc_id=args.id,
        place=args.place,
        date=args.date,
        outlet=args.outlet,
        title=args.title,
        author=args.author,
        text_path=text_path,
        split=args.split,
    )
    output = to_yaml(result)
    if args.aliases:
        Path(args.aliases).write_text(aliases_yaml(result), encoding="utf-8")
        print(f"wrote {args.aliases}: the place, names and terms found", file=sys.stderr)
    if args.output:
        Path(args.output).write_text(output, encoding="utf-8")
        print(f"wrote {args.output}: {count(len(result.facts), 'fact')}", file=sys.stderr)
    else:
        print(output, end="")
    return EXIT_OK


def draft_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE.txt", help="the article, verbatim, UTF-8")
    parser.add_argument("--id", help="the document id (default: the file name)")
    parser.add_argument("--place", help="the place the article is about (as in aliases.yaml places)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the report's date, if the text lacks it")
    parser.add_argument("--outlet", help="the outlet, if the text lacks it")
    parser.add_argument("--title", help="the title, if the text lacks it")
    parser.add_argument("--author", help="the author(s), if the text lacks them")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the YAML to FILE instead of stdout")
    parser.add_argument(
        "--aliases", metavar="FILE", help="also write the proposed aliases.yaml (place forms, names, terms)"
    )
    parser.add_argument(
        "--split",
        action="store_true",
        help="one fact per figure: cut a sentence with several into clause groups",
    )


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Run a question file and report accuracy per kind, failures and latency p50/p99.

    The file is a YAML list of {question, kind, status (answered|clarify|declined),
    expect [strings]}. --json OUT also writes every result as JSON. --article DIR (repeatable)
    adds an article folder (article.txt, facts.yaml, aliases.yaml) to a copy of the knowledge
    first, e.g. tests/eval/newarticles/*/ for a new article's blind questions. --baseline also
    runs a plain BM25 ranker over the same curated wordings and prints its accuracy beside.
    """
    import tempfile

    from bot.curation.evaluate import evaluate, format_report, load_questions
    from bot.knowledge.combine import combine

    items = load_questions(Path(args.file))
    if args.article:
        workdir = tempfile.TemporaryDirectory(prefix="faqbot-eval-")
        settings.knowledge_dir = combine(
            settings.knowledge_dir, [Path(a) for a in args.article], Path(workdir.name) / "k"
        )
    engine = load_engine(settings)
    result = evaluate(engine, items, progress=sys.stderr.isatty())
    baseline = None
    if args.baseline:
        from bot.curation.baseline import evaluate_baseline

        baseline = evaluate_baseline(engine.knowledge, items)
    print(format_report(result, failures=not args.quiet, baseline=baseline))
    if args.json:
        Path(args.json).write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return EXIT_OK


def eval_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a YAML question file")
    parser.add_argument("--json", metavar="OUT", help="also write every result as JSON to OUT")
    parser.add_argument("--quiet", action="store_true", help="do not list the failures")
    parser.add_argument("--baseline", action="store_true", help="also run BM25 over the same wordings")
    parser.add_argument(
        "--article",
        metavar="DIR",
        action="append",
        default=[],
        help="add this article folder to a copy of the knowledge",
    )


def cmd_unanswered(args: argparse.Namespace, settings: Settings) -> int:
    """List what users asked that the bot could not answer, grouped, most frequent first.

    Each group shows its count and the nearest fact. --yaml prints ready-to-paste YAML: new
    fact stubs, and extra questions for facts users picked from the suggestions.
    """
    from bot.curation.unanswered import unanswered_text

    print(unanswered_text(settings, since=args.since, limit=args.limit, as_yaml=args.yaml))
    return EXIT_OK


def unanswered_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="only questions asked on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N groups (default 20)")
    parser.add_argument("--yaml", action="store_true", help="print ready-to-paste YAML")


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Answered / clarify / declined rates, most asked facts, feedback, per channel."""
    from bot.curation.stats import stats_text

    print(stats_text(settings, since=args.since))
    return EXIT_OK


def stats_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="only questions asked on or after DATE (YYYY-MM-DD)")
