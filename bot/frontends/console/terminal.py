"""The interactive `faqbot chat`: prompt_toolkit reads the line, rich draws the reply.

Keys: Ctrl-D ends the chat; Ctrl-C clears a half-typed line and, on an empty line, ends the
chat like Ctrl-D (status 0); Ctrl-C while an answer or a reload is being worked out ends the
chat with status 130. ↑/↓ walk the history, kept in ~/.local/share/faqbot/history.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.styles import Style

from bot.frontends.console.render import RichView
from bot.frontends.console.session import (
    COMMANDS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ChatSession,
    CommandResult,
    close_session,
    open_session,
)

if TYPE_CHECKING:
    from rich.status import Status

    from bot.config import Settings

#: Where the prompt keeps what was typed, so ↑ recalls questions from earlier chats.
HISTORY_FILE = "~/.local/share/faqbot/history"
LOADING = "正在加载知识库…"
#: Shown while the search index is built: on the first run, and after the knowledge changed.
BUILDING = "正在为 {facts} 条事实建立搜索索引（首次运行或知识库有改动时才需要，约需几秒）…"
BUILT = "搜索索引已建好（{seconds:.1f} 秒），已缓存，下次启动会更快。"


def run_terminal(settings: Settings) -> int:
    """Chat on the terminal until /quit, Ctrl-D or Ctrl-C; the exit status."""
    view = RichView()
    # The view shows reloads and refused edits itself (RichView.problems); bot.matching.reload's own log
    # of them would print the same problems a second time, unformatted, on the same screen.
    logging.getLogger("bot.matching.reload").setLevel(logging.CRITICAL)
    with view.console.status(LOADING) as status, _build_progress(view, status):
        session = open_session(settings)
        examples = session.engine.examples()
    try:
        view.welcome(session.engine, examples, session.engine.follow_up_example())
        prompt = _prompt_session()
        while True:
            try:
                line = prompt.prompt(_prompt_message(session))
            except EOFError:  # Ctrl-D, or Ctrl-C on an empty line
                view.console.print("再见！", style="dim")
                return EXIT_OK
            if not line.strip():
                continue
            problems = session.refresh()
            if problems:
                view.problems(problems)
            elif problems is not None:
                view.reloaded(session.engine)
            turns = session.handle(line)  # a pasted block of questions: one turn each, in order
            for turn in turns:
                view.turn(turn, session.engine)
            if any(isinstance(turn, CommandResult) and turn.quit for turn in turns):
                return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C while an answer or a reload was in progress
        view.console.print("\n已中断，再见！", style="dim")
        return EXIT_INTERRUPTED
    finally:
        close_session(session)


@contextmanager
def _build_progress(view: RichView, status: Status) -> Iterator[None]:
    """While the chat starts, an index build (the first run, or after an edit) is shown in the
    spinner and its time printed above it; the build's own English log line is not shown."""
    handler = BuildProgress(view, status)
    logger = logging.getLogger("bot.index.build")
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class BuildProgress(logging.Handler):
    """Turns bot.index.build's records (their `facts` and `seconds` fields) into the chat's words."""

    def __init__(self, view: RichView, status: Status) -> None:
        super().__init__(logging.INFO)
        self.view = view
        self.status = status

    def emit(self, record: logging.LogRecord) -> None:
        facts = getattr(record, "facts", None)
        seconds = getattr(record, "seconds", None)
        if facts is not None:
            self.status.update(BUILDING.format(facts=facts))
        elif seconds is not None:
            self.view.console.print(BUILT.format(seconds=seconds), style="dim")
            self.status.update(LOADING)


def _prompt_session() -> PromptSession[str]:
    bindings = KeyBindings()

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        # A half-typed line is cleared; on an empty line Ctrl-C leaves, as most REPLs do.
        buffer = event.app.current_buffer
        if buffer.text:
            buffer.reset()
        else:
            event.app.exit(exception=EOFError)

    return PromptSession(
        history=_history(),
        auto_suggest=AutoSuggestFromHistory(),
        # Tab completes /commands. No menu while typing: prompt_toolkit would keep blank rows
        # under every prompt free for it.
        completer=CommandCompleter(),
        complete_while_typing=False,
        reserve_space_for_menu=0,
        key_bindings=bindings,
        style=Style.from_dict({"prompt": "ansicyan bold", "menu": "ansiyellow bold"}),
    )


def _history() -> History:
    try:
        path = Path(os.path.expanduser(HISTORY_FILE))
        path.parent.mkdir(parents=True, exist_ok=True)
        return FileHistory(str(path))
    except OSError:  # a read-only home: history for this chat only
        return InMemoryHistory()


def _prompt_message(session: ChatSession) -> list[tuple[str, str]]:
    if session.menu_open:
        return [("class:menu", "编号 › ")]
    return [("class:prompt", "问 › ")]


class CommandCompleter(Completer):
    """Completes /commands; questions are never completed."""

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        text = document.text_before_cursor
        if not text.startswith("/") or " " in text:
            return
        for name in COMMANDS:
            if name.isascii() and len(name) > 2 and name.startswith(text[1:]):
                yield Completion(f"/{name}", start_position=-len(text))
