"""`faqbot chat`: a conversation with the bot in a terminal, or line by line through a pipe.

On a terminal (stdin and stdout both a TTY, no --json): a prompt_toolkit prompt with line
editing and history (~/.local/share/faqbot/history), a welcome with example questions taken
from the knowledge, and rich-formatted replies. Keys: Ctrl-D ends the chat; Ctrl-C clears a
half-typed line and, on an empty line, ends the chat like Ctrl-D (exit status 0). Ctrl-C
while an answer is being worked out ends the chat with status 130.

Otherwise (a pipe or --json) every non-empty input line gets exactly one output, flushed at
once so a script can talk to a running process: plain text followed by a blank line, or with
--json one JSON object per line — a reply is the `faqbot ask --json` object plus "resolved"
(and "paragraph" for 「出处呢？」), a command is {"command", "text", "choices"}. Blank lines
are skipped. Commands (/help, /topics, /about, /source, /quit) work the same in both modes.

Before each line the knowledge folder is checked for edits (bot.matching.reload): a good edit is served
from that line on; a broken one prints every problem as file:line: message on stderr (bot.matching.reload
logs them; this module only gives the log a plain format) and the previous knowledge keeps
answering.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from bot.frontends.console.render import json_line, plain
from bot.frontends.console.session import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandResult,
    close_session,
    open_session,
)

if TYPE_CHECKING:
    from bot.config import Settings


def run_chat(settings: Settings, as_json: bool = False) -> int:
    """Run the chat until /quit or end of input; the exit status."""
    interactive = not as_json and sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        from bot.frontends.console.terminal import run_terminal

        return run_terminal(settings)
    return _run_lines(settings, as_json)


# -- piped: one output per line -------------------------------------------------------------


def _run_lines(settings: Settings, as_json: bool) -> int:
    # JSON Lines and scripts expect UTF-8 whatever the locale says.
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    # Reloads and refused edits (with every problem as file:line: message) and log-write
    # failures reach stderr as bare lines; stdout stays one output per input line.
    logging.basicConfig(stream=sys.stderr, format="%(message)s")
    logging.getLogger("bot.matching.reload").setLevel(logging.INFO)
    session = open_session(settings)
    try:
        for line in _lines(sys.stdin):
            if not line.strip():
                continue
            session.refresh()
            turns = session.handle(line)
            for turn in turns:
                print(json_line(turn) if as_json else plain(turn) + "\n", flush=True)
            if any(isinstance(turn, CommandResult) and turn.quit for turn in turns):
                break
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`faqbot chat | head`); silence the final flush as well.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process exits
    finally:
        close_session(session)
    return EXIT_OK


def _lines(stream: TextIO) -> Iterator[str]:
    """Lines as they arrive: readline() returns as soon as a line is complete on a pipe."""
    while line := stream.readline():
        yield line
