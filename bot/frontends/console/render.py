"""How console turns look: rich formatting on a terminal, plain text or JSON Lines in a pipe.

Terminal layout of an answer: the answer in bold, then the source sentence quoted in a dim
frame whose lower edge carries 《title》· outlet · date. Choices (「您是不是想问」 and /topics)
are numbered, the number in colour, with the article's place beside each suggestion so that a
question the two articles share (「有多少党员参加？」) can still be told apart.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from bot.frontends.console.plain import render_text
from bot.frontends.console.session import CommandResult, Turn
from bot.reply import CLARIFY_TEXT, DECLINED_TEXT, SUGGEST_TEXT, Reply, Source

if TYPE_CHECKING:
    from bot.matching.engine import Engine
    from bot.yamlfile import Problem

ANSWER = "bold green"
NUMBER = "bold cyan"
QUOTE = "italic"
HINT = "dim"
WARNING = "yellow"


def plain(turn: Turn) -> str:
    """A turn as plain text: what piped mode prints, followed by a blank line."""
    return turn.text if isinstance(turn, CommandResult) else render_text(turn)


def json_line(turn: Turn) -> str:
    """A turn as one JSON Lines record.

    A reply is the `faqbot ask --json` object plus "resolved" (and "paragraph" when the turn
    showed one, e.g. 「出处呢？」); a command is {"command", "text", "choices"}.
    """
    if isinstance(turn, CommandResult):
        data: dict[str, Any] = turn.to_json()
    else:
        data = turn.to_json(resolved=True)
        if turn.paragraph:
            data["paragraph"] = turn.paragraph
    return json.dumps(data, ensure_ascii=False)


class RichView:
    """Draws turns, the welcome and reload notices on a terminal."""

    def __init__(self, console: Console | None = None, errors: Console | None = None) -> None:
        self.console = console or Console(highlight=False)
        self.errors = errors or Console(stderr=True, highlight=False)

    def welcome(self, engine: Engine, examples: Sequence[str], follow_up: str | None) -> None:
        knowledge = engine.knowledge
        lines = [
            Text.assemble(
                ("faqbot", "bold"),
                (f" · {len(knowledge.documents)} 篇文章 · {len(knowledge.facts)} 条事实", HINT),
            ),
            Text("可以这样问："),
            *(Text.assemble(("  · ", HINT), question) for question in examples),
        ]
        follow = ["「出处呢？」", "「还有呢？」"]
        if follow_up:
            follow.insert(0, f"「{follow_up}」")
        lines.append(Text(f"答完可以追问：{''.join(follow)}", style=HINT))
        lines.append(Text("输入 /help 查看命令，/topics 按主题浏览，Ctrl-D 退出。", style=HINT))
        self.console.print(Panel(Group(*lines), border_style="cyan", expand=False))

    def turn(self, turn: Turn, engine: Engine) -> None:
        if isinstance(turn, CommandResult):
            self.command(turn)
        else:
            self.reply(turn, engine)
        self.console.print()

    def reply(self, reply: Reply, engine: Engine) -> None:
        out = self.console
        if reply.status == "answered" and reply.answer:
            if reply.text:  # a correction of the question's premise, before the answer
                out.print(Text(reply.text, style="bold"))
            out.print(Text(reply.answer, style=ANSWER))
            if reply.source:
                out.print(_quote(reply.source, reply.paragraph, out.width))
        elif reply.status == "clarify":
            out.print(Text(reply.text or CLARIFY_TEXT, style="bold"))
        else:
            out.print(Text(reply.text or DECLINED_TEXT, style=WARNING))
            if reply.suggestions:
                out.print(Text(SUGGEST_TEXT, style="bold"))
        for number, suggestion in enumerate(reply.suggestions, 1):
            # The place beside a choice only when its wording does not name it already.
            out.print(_numbered(number, suggestion.question, suggestion.place))
        if reply.suggestions:
            out.print(Text("输入编号即可选择。", style=HINT))

    def command(self, result: CommandResult) -> None:
        out = self.console
        if result.heading and not result.source:  # /source: the frame is titled 原文 already
            out.print(Text(result.heading, style="bold"))
        if result.source:
            out.print(_quote(result.source, result.paragraph, out.width))
        for line in result.lines:
            out.print(Text(f"  {line}"))
        for number, choice in enumerate(result.choices, 1):
            out.print(_numbered(number, choice, None))

    def problems(self, problems: Sequence[Problem]) -> None:
        self.errors.print(Text("知识库的修改有错误，仍在使用修改之前的版本：", style=f"bold {WARNING}"))
        for problem in problems:
            self.errors.print(Text(f"  {problem}", style=WARNING))

    def reloaded(self, engine: Engine) -> None:
        facts = len(engine.knowledge.facts)
        self.console.print(Text(f"（知识库已更新：{facts} 条事实）", style=HINT))


def _quote(source: Source, paragraph: str | None, width: int) -> RenderableType:
    """The source sentence in a dim frame; inside its paragraph, the sentence stands out.

    The frame is as wide as the text, but never narrower than the citation on its lower edge
    (rich would cut the citation short) and never wider than the terminal; on a terminal too
    narrow for the citation, it goes on its own line under the frame.
    """
    if paragraph and source.sentence in paragraph:
        before, _, after = paragraph.partition(source.sentence)
        body = Text.assemble((before, HINT), (source.sentence, QUOTE), (after, HINT))
    else:
        body = Text(paragraph or source.sentence, style=QUOTE)
    citation = Text(source.citation(), style=HINT)
    below = citation.cell_len + 6 > width  # borders, padding, ╰─ … ─╯
    wanted = body.cell_len + 4 if below else max(body.cell_len + 4, citation.cell_len + 6)
    frame = Panel(
        body,
        width=min(wanted, width),
        title="原文" if paragraph else None,
        title_align="left",
        subtitle=None if below else citation,
        subtitle_align="right",
        border_style=HINT,
    )
    return Group(frame, citation) if below else frame


def _numbered(number: int, label: str, where: str | None) -> RenderableType:
    text = Text.assemble((f"  {number}. ", NUMBER), label)
    if where:
        text.append(f"  · {where}", style=HINT)
    return text
