"""The `faqbot` command. Each subcommand's docstring is its --help.

Library errors become one line on stderr and a non-zero exit here, at the boundary; nothing
below this module prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings
from bot.errors import UserError
from bot.knowledge.model import InvalidKnowledge

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CommandError(UserError):
    """A failure to report as one line on stderr; `code` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate the knowledge: YAML, fields, ids, verbatim sources, numbers, coverage.

    Prints every problem as file:line: message. Exits 0 when there are no errors (warnings
    do not fail), 1 otherwise. With --coverage, also lists the article sentences no fact
    cites and prints the coverage percentage.

    With --replay, asks the bot every curated wording and lists each that does not return its
    own fact (what it got instead: another fact, a choice or a decline), and each wording of
    another article whose answer changed since the last replay of this folder (or compared
    with --against DIR, the knowledge before your edit). --strict exits 1 if any is listed.
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
        print(f"coverage: {report.coverage.percent:.1f}% of {report.coverage.total} sentences")
    errors = len(report.errors)
    print(
        f"{_count(len(knowledge.documents), 'article')}, {_count(len(curated), 'fact')}, "
        f"{_count(questions, 'question')}: " + ("ok" if errors == 0 else f"{errors} error(s)")
    )
    if errors:
        if args.replay:
            print("replay: skipped until the errors above are fixed.")
        return EXIT_PROBLEMS
    if args.replay and not _replay(args, settings, knowledge):
        return EXIT_PROBLEMS
    return EXIT_OK


def _replay(args: argparse.Namespace, settings: Settings, knowledge) -> bool:
    """Print what `check --replay` found; False when --strict and something was found."""
    from bot.curation.replay import against_folder, against_record, replay
    from bot.index.cache import load_index
    from bot.matching.engine import Engine

    engine = Engine(knowledge, load_index(knowledge, settings.cache_path), settings.matching)
    result = replay(engine, [f for f in knowledge.facts if f.origin == "curated"])
    if args.against:
        against_folder(result, engine, Engine.load(Path(args.against), settings))
    else:
        against_record(result, knowledge, settings.cache_path)
    for miss in result.misses:
        print(miss.shown(knowledge))
    for change in result.changes:
        print(change.shown(knowledge))
    found = result.total - len(result.misses)
    changed = (
        f"{len(result.changes)} answer(s) of other articles changed"
        if result.compared
        else "nothing to compare with yet"
    )
    print(f"replay: {found} of {_count(result.total, 'wording')} find their fact ({result.percent:.1f}%); {changed}")
    return not (args.strict and (result.misses or result.changes))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or one per line of stdin with '-'.

    Plain output shows the answer, the quoted source sentence, 《title》, outlet and date.
    --json prints the contract's JSON object (JSON Lines for '-', one object per input line,
    in order). --explain also shows the top candidates with each signal's score:

      score        the final 0-1 score (>= 0.60 answers; a close rival makes the bot ask)
      coverage     share of the question's key terms found in the fact
      wording      closeness to the fact's nearest curated wording
      sound        the same by pinyin (typos, homophones)
      subject      the blend of the three: how well the fact matches the subject
      kind         1.000 if the fact can give the kind of answer asked (number, person,
                   date...), 0.600 (a penalty factor) if it cannot
      focus_miss   0.7 penalty: the thing asked about is not in the fact as a word
      number_miss  0.75 penalty: the question gives a number the fact's paragraph lacks
      name_miss    0.6 penalty: a name in the question is not in the fact
      other_place  0.35 penalty: the question names a place the knowledge does not cover
    fact_id=None is an article sentence. See docs/curating.md.
    """
    from bot.frontends.console.render import render_text

    engine = _engine(settings)
    # Read stdin as UTF-8 whatever the locale, a bad byte becoming U+FFFD: one stray byte must
    # not cost the lines around it (a strict decoder raised before any answer was printed).
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace") if args.question == "-" else None
    lines = (line.rstrip("\r\n") for line in stdin) if stdin is not None else iter([args.question])
    for line in lines:
        reply = engine.answer(line)
        if args.json:
            print(json_line(reply.to_json()), flush=True)
        else:
            print(render_text(reply), flush=True)
        if args.explain:
            for row in engine.explain(line):
                cells = "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items())
                print(f"  · {cells}", file=sys.stderr if args.json else sys.stdout)
        if args.question == "-" and not args.json:
            print()
    return EXIT_OK


def json_line(data: object) -> str:
    """One JSON Lines record. U+2028 and U+2029 are escaped: JSON allows them raw, but many
    line readers (Python's str.splitlines, JavaScript) take them for line ends and split a record."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


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
    engine = _engine(settings)
    result = evaluate(engine, items, progress=sys.stderr.isatty())
    baseline = None
    if args.baseline:
        from bot.curation.baseline import evaluate_baseline

        baseline = evaluate_baseline(engine.knowledge, items)
    print(format_report(result, failures=not args.quiet, baseline=baseline))
    if args.json:
        Path(args.json).write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return EXIT_OK


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Chat with the bot in the terminal (the main job; no token needed).

    On a terminal: a prompt with history, formatted replies, numbered choices, follow-ups
    (「那吴江开发区呢？」, 「出处呢？」, 「还有呢？」) and /help, /topics, /source, /quit. With stdin
    not a terminal: one plain reply per input line; --json prints one JSON object per line
    with the ask schema plus "resolved".
    """
    from bot.frontends.console.chat import run_chat

    return run_chat(settings, as_json=args.json)


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Telegram bot (long polling; --webhook URL for a reverse-proxy deployment).

    The token comes from TELEGRAM_BOT_TOKEN or the config file; TELEGRAM_API_BASE_URL points
    the bot at a self-hosted Bot API server.
    """
    from bot.frontends.telegram.app import run_telegram

    return run_telegram(settings, webhook=args.webhook)


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
    from bot.curation.draft import aliases_yaml, draft, to_yaml

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
        print(f"wrote {args.output}: {_count(len(result.facts), 'fact')}", file=sys.stderr)
    else:
        print(output, end="")
    return EXIT_OK


def cmd_unanswered(args: argparse.Namespace, settings: Settings) -> int:
    """List what users asked that the bot could not answer, grouped, most frequent first.

    Each group shows its count and the nearest fact. --yaml prints ready-to-paste YAML: new
    fact stubs, and extra questions for facts users picked from the suggestions.
    """
    from bot.curation.unanswered import unanswered_text

    print(unanswered_text(settings, since=args.since, limit=args.limit, as_yaml=args.yaml))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Answered / clarify / declined rates, most asked facts, feedback, per channel."""
    from bot.curation.stats import stats_text

    print(stats_text(settings, since=args.since))
    return EXIT_OK


def _engine(settings: Settings):
    from bot.matching.engine import Engine

    return Engine.load(settings.knowledge_dir, settings)


def _common(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--knowledge", metavar="DIR", default=default, help="the knowledge folder (default: the bundled one)"
    )
    parser.add_argument("--config", metavar="FILE", default=default, help="a YAML config file (or FAQBOT_CONFIG)")


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "chat": cmd_chat,
    "ask": cmd_ask,
    "check": cmd_check,
    "draft": cmd_draft,
    "eval": cmd_eval,
    "telegram": cmd_telegram,
    "unanswered": cmd_unanswered,
    "stats": cmd_stats,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="faqbot", description="A Chinese FAQ bot over curated news-article facts.")
    _common(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, function in COMMANDS.items():
        doc = (function.__doc__ or "").strip()
        command = sub.add_parser(
            name,
            help=doc.splitlines()[0] if doc else None,
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        # Flags accepted after the subcommand too; SUPPRESS keeps the global value when absent.
        _common(command, default=argparse.SUPPRESS)
        command.set_defaults(function=function)
        if name == "check":
            command.add_argument(
                "--coverage", action="store_true", help="list uncovered sentences and the coverage percentage"
            )
            command.add_argument(
                "--replay",
                action="store_true",
                help="ask every wording: list those that miss their fact, and changed answers of other articles",
            )
            command.add_argument(
                "--against", metavar="DIR", help="with --replay: compare with this knowledge folder (before the edit)"
            )
            command.add_argument("--strict", action="store_true", help="with --replay: exit 1 if anything is listed")
        elif name == "draft":
            command.add_argument("article", metavar="ARTICLE.txt", help="the article, verbatim, UTF-8")
            command.add_argument("--id", help="the document id (default: the file name)")
            command.add_argument("--place", help="the place the article is about (as in aliases.yaml places)")
            command.add_argument("--date", metavar="YYYY-MM-DD", help="the report's date, if the text lacks it")
            command.add_argument("--outlet", help="the outlet, if the text lacks it")
            command.add_argument("--title", help="the title, if the text lacks it")
            command.add_argument("--author", help="the author(s), if the text lacks them")
            command.add_argument("-o", "--output", metavar="FILE", help="write the YAML to FILE instead of stdout")
            command.add_argument(
                "--aliases", metavar="FILE", help="also write the proposed aliases.yaml (place forms, names, terms)"
            )
            command.add_argument(
                "--split",
                action="store_true",
                help="one fact per figure: cut a sentence with several into clause groups",
            )
        elif name == "ask":
            command.add_argument(
                "question", metavar="QUESTION", help="the question, or - to read one per line from stdin"
            )
            command.add_argument("--json", action="store_true", help="print the JSON contract")
            command.add_argument("--explain", action="store_true", help="show the top candidates and their signals")
        elif name == "eval":
            command.add_argument("file", metavar="FILE", help="a YAML question file")
            command.add_argument("--json", metavar="OUT", help="also write every result as JSON to OUT")
            command.add_argument("--quiet", action="store_true", help="do not list the failures")
            command.add_argument("--baseline", action="store_true", help="also run BM25 over the same wordings")
            command.add_argument(
                "--article",
                metavar="DIR",
                action="append",
                default=[],
                help="add this article folder to a copy of the knowledge",
            )
        elif name == "chat":
            command.add_argument("--json", action="store_true", help="one JSON object per reply (for pipes)")
        elif name == "telegram":
            command.add_argument(
                "--webhook", metavar="URL", help="serve a webhook at this public URL instead of polling"
            )
        elif name in ("unanswered", "stats"):
            command.add_argument("--since", metavar="DATE", help="only questions asked on or after DATE (YYYY-MM-DD)")
            if name == "unanswered":
                command.add_argument("--limit", type=int, default=20, metavar="N", help="at most N groups (default 20)")
                command.add_argument("--yaml", action="store_true", help="print ready-to-paste YAML")
    return parser


#: Commands whose index build is announced on stderr by `_show_progress`. The console chat
#: shows it in its own window (bot.frontends.console.terminal) and stays quiet when piped;
#: the Telegram bot logs it with everything else.
ANNOUNCES_BUILD = frozenset({"ask", "check", "eval"})


def _show_progress(command: str) -> None:
    """On a terminal, say what a long wait is for (an index build); a pipe stays quiet."""
    if command not in ANNOUNCES_BUILD or not sys.stderr.isatty():
        return
    progress = logging.getLogger("bot.index.build")
    if not progress.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("faqbot: %(message)s"))
        progress.addHandler(handler)
        progress.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _show_progress(args.command)
    try:
        settings = load_settings(config_file=args.config, knowledge_dir=args.knowledge)
        return args.function(args, settings)
    except (ConfigError, UserError) as exc:
        print(f"faqbot: {exc}", file=sys.stderr)
        return getattr(exc, "code", EXIT_PROBLEMS)
    except InvalidKnowledge as exc:
        errors = [p for p in exc.problems if p.severity == "error"]
        for problem in errors:
            print(f"faqbot: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
