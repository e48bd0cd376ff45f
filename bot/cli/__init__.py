"""The `faqbot` command. Each subcommand's docstring is its --help; its options stand beside it.

main.py      the parser and `main` (errors → one line on stderr and an exit status)
serving.py   ask, chat, telegram
curating.py  check, draft, eval, unanswered, stats
common.py    exit statuses, CommandError, loading the engine
"""

from bot.cli.main import COMMANDS, build_parser, main

__all__ = ["COMMANDS", "build_parser", "main"]
