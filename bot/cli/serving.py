"""The commands that answer: `faqbot ask`, `faqbot chat`, `faqbot telegram`."""

from __future__ import annotations

import argparse
import io
import json
import sys

from bot.cli.common import EXIT_OK, load_engine
from bot.config import Settings


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
      uncounted    0.75 penalty: a count is asked (多少党员) and the fact names the thing
                   but gives no figure in the same clause
      number_miss  0.75 penalty: the question gives a number the fact's paragraph lacks
      number_aside 0.92 penalty: ...the paragraph has it, the fact's answer does not
      unit_miss    0.75 penalty: the number is asked in a unit the fact never uses (多高, 多少亩);
                   such a fact never answers
      year_miss    0.6 penalty: the question asks about another year (去年) the fact never names
      plan_only    0.85 penalty: it asks what has been done (建了多少) and the fact tells a plan
      name_miss    0.6 penalty: a name in the question is not in the fact
      grade_miss   0.6 penalty: it names a grade (四星庭院, 二期) the fact names with another numeral
      other_place  0.35 penalty: the question names a place the knowledge does not cover
      level_miss   0.35 penalty: it asks of a whole county (全县) with no town, the fact names none
    fact_id=None is an article sentence. See docs/curating.md.
    """
    from bot.frontends.console.plain import render_text

    engine = load_engine(settings)
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


def ask_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", metavar="QUESTION", help="the question, or - to read one per line from stdin")
    parser.add_argument("--json", action="store_true", help="print the JSON contract")
    parser.add_argument("--explain", action="store_true", help="show the top candidates and their signals")


def json_line(data: object) -> str:
    """One JSON Lines record. U+2028 and U+2029 are escaped: JSON allows them raw, but many
    line readers (Python's str.splitlines, JavaScript) take them for line ends and split a record."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Chat with the bot in the terminal (the main job; no token needed).

    On a terminal: a prompt with history, formatted replies, numbered choices, follow-ups
    (「那吴江开发区呢？」, 「出处呢？」, 「还有呢？」) and /help, /topics, /source, /quit. With stdin
    not a terminal: one plain reply per input line; --json prints one JSON object per line
    with the ask schema plus "resolved".
    """
    from bot.frontends.console.chat import run_chat

    return run_chat(settings, as_json=args.json)


def chat_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per reply (for pipes)")


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Telegram bot (long polling; --webhook URL for a reverse-proxy deployment).

    The token comes from TELEGRAM_BOT_TOKEN or the config file; TELEGRAM_API_BASE_URL points
    the bot at a self-hosted Bot API server.
    """
    from bot.frontends.telegram.app import run_telegram

    return run_telegram(settings, webhook=args.webhook)


def telegram_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--webhook", metavar="URL", help="serve a webhook at this public URL instead of polling")
