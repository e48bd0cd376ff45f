"""The `faqbot` command line: the parser, made from each command's docstring (its --help) and
its options (beside it, in `bot.cli.serving` and `bot.cli.curating`), and `main`.

Library errors become one line on stderr and a non-zero exit here, at the boundary; nothing
below this module prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from bot.cli import curating, serving
from bot.cli.common import EXIT_OK, EXIT_PROBLEMS
from bot.config import ConfigError, Settings, load_settings
from bot.errors import UserError
from bot.knowledge.model import InvalidKnowledge

Run = Callable[[argparse.Namespace, Settings], int]
Options = Callable[[argparse.ArgumentParser], None]

#: Every subcommand: what runs it and what options it takes. Its docstring is its --help.
COMMANDS: dict[str, Run] = {
    "chat": serving.cmd_chat,
    "ask": serving.cmd_ask,
    "check": curating.cmd_check,
    "draft": curating.cmd_draft,
    "eval": curating.cmd_eval,
    "telegram": serving.cmd_telegram,
    "unanswered": curating.cmd_unanswered,
    "stats": curating.cmd_stats,
}
OPTIONS: dict[str, Options] = {
    "chat": serving.chat_options,
    "ask": serving.ask_options,
    "check": curating.check_options,
    "draft": curating.draft_options,
    "eval": curating.eval_options,
    "telegram": serving.telegram_options,
    "unanswered": curating.unanswered_options,
    "stats": curating.stats_options,
}


def _common(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        default=default,
        help="the knowledge folder (default: FAQBOT_KNOWLEDGE, else the knowledge/ folder the bot was installed from)",
    )
    parser.add_argument("--config", metavar="FILE", default=default, help="a YAML config file (or FAQBOT_CONFIG)")


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
        OPTIONS[name](command)
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
