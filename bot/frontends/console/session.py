"""What one console chat does with each line, whatever the screen looks like.

`ChatSession.handle(line)` turns a line into its `Turn`s: the engine's `Reply` to each question
(a pasted list of questions gets one reply per question, in order), or a `CommandResult` for
/help, /topics, /about, /source, /quit and for numbers picked from a /topics menu. The
interactive terminal and the line-by-line (piped) mode share this class and differ only in how
they show a turn (bot/frontends/console/render.py), so a piped session behaves exactly like a
person at the prompt.

Numbers: while a /topics menu is on screen, a bare number picks from it; otherwise the number
goes to the engine, which answers the matching 「您是不是想问」 choice of the previous reply.
Matching and follow-ups (「那吴江开发区呢？」, 「出处呢？」, 「还有呢？」) live in the engine only;
what a control input is, bot.question.controls alone decides.
"""

from __future__ import annotations

import getpass
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from bot.matching.conversation import Conversation
from bot.matching.engine import Engine
from bot.matching.outcomes import CHOOSE_FIRST, NO_SOURCE
from bot.question.controls import choice_number
from bot.reply import Reply, Source, Suggestion

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.matching.reload import LiveEngine
    from bot.questionlog import QuestionLog
    from bot.yamlfile import Problem

#: The channel name under which console questions are logged.
CHANNEL = "console"

HELP_LINES = (
    "直接输入问题，例如「嘉兴科技城有多少名党员？」。",
    "追问：「那吴江开发区呢？」换个地方再问一遍，「出处呢？」看原文段落，「还有呢？」看同一话题的下一条。",
    "回答下面列出「您是不是想问」时，输入编号即可选择。",
    "/topics   按主题浏览（/topics 编号 或 /topics 主题名 直接打开一个主题）",
    "/source   上一条回答的原文段落",
    "/about    回答依据的文章",
    "/help     显示本帮助",
    "/quit     退出（也可以按 Ctrl-D；Ctrl-C 清空正在输入的一行，空行时退出）",
)

NO_QUOTE = "上一条回复没有引用文章，所以没有出处可看。"
TOPICS_AGAIN = "输入 /topics 查看全部主题。"
ABOUT_HEAD = "我的回答都来自下面这些文章："
ABOUT_FACTS = "共 {facts} 条整理好的问答。输入 /topics 按主题浏览。"

#: Command names, including short and Chinese forms, → the canonical name.
COMMANDS = {
    "help": "help", "h": "help", "?": "help", "帮助": "help",
    "topics": "topics", "topic": "topics", "t": "topics", "主题": "topics",
    "source": "source", "s": "source", "出处": "source", "原文": "source",
    "about": "about", "a": "about", "关于": "about", "文章": "about",
    "quit": "quit", "exit": "quit", "q": "quit", "退出": "quit",
}  # fmt: skip


@dataclass(frozen=True)
class CommandResult:
    """The outcome of a command or of picking from a menu.

    `choices` are numbered and the next bare number picks one of them; `lines` are not.
    """

    command: str  # help | topics | about | source | quit | unknown | choice
    heading: str
    lines: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    paragraph: str | None = None  # /source: the paragraph around the last source sentence
    source: Source | None = None
    quit: bool = False

    @property
    def text(self) -> str:
        """The plain-text form, as printed in piped mode and put in the JSON "text"."""
        parts = [self.heading] if self.heading else []
        if self.paragraph:
            parts.append(self.paragraph)
        if self.source:
            parts.append(f"—— {self.source.citation()}")
        parts.extend(self.lines)
        parts.extend(f"  {number}. {choice}" for number, choice in enumerate(self.choices, 1))
        return "\n".join(parts)

    def to_json(self) -> dict[str, Any]:
        """The --json form of a command: {"command", "text", "choices"}."""
        return {"command": self.command, "text": self.text, "choices": list(self.choices)}


Turn = Reply | CommandResult


def os_user() -> str:
    """The OS user name, which the question log stores only as a salted hash."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return CHANNEL


@dataclass(frozen=True)
class _Menu:
    """A numbered list on screen: tags of /topics, or the facts of one tag."""

    kind: Literal["tags", "facts"]
    keys: tuple[str, ...]  # tag names or fact ids, in the order shown


@dataclass
class ChatSession:
    """One person's chat: the live engine, the conversation, an open menu, the question log."""

    live: LiveEngine
    log: QuestionLog | None = None
    user: str = field(default_factory=os_user)
    conversation: Conversation = field(default_factory=Conversation)
    _menu: _Menu | None = field(default=None, init=False, repr=False)

    @property
    def engine(self) -> Engine:
        return self.live.engine

    @property
    def menu_open(self) -> bool:
        """True while a bare number picks from a /topics list rather than from suggestions."""
        return self._menu is not None

    def refresh(self) -> list[Problem] | None:
        """Pick up knowledge edits: None if nothing changed, [] if reloaded, else the problems.

        A broken edit leaves the previous knowledge serving; the caller shows the problems.
        """
        return self.live.poll()

    def handle(self, line: str) -> list[Turn]:
        """The turns for one input (a line, or a pasted block of lines); none for a blank one."""
        text = line.strip()
        if not text:
            return []
        wide = unicodedata.normalize("NFKC", text)  # ／ｈｅｌｐ from a full-width keyboard
        if wide.startswith("/"):
            return [self._command(wide[1:].strip())]
        number = choice_number(text)
        if self._menu is not None and number is not None:
            return [self._pick(number)]
        self._menu = None
        return list(self._ask(text))

    # -- questions --------------------------------------------------------------------------

    def _ask(self, text: str) -> list[Reply]:
        last = self.conversation.last
        picked = self._suggestion_picked(text)
        replies = self.engine.answer_all(text, self.conversation)
        for reply in replies:
            self._record(reply)
        if self.log and picked and last and replies[0].fact_id == picked.fact_id:
            # What the user asked before choosing: the wording curators add to that fact.
            self.log.picked(CHANNEL, self.user, last.resolved or last.question, picked.fact_id)
        return replies

    def _suggestion_picked(self, text: str) -> Suggestion | None:
        """The 「您是不是想问」 choice a bare number names, so the pick can be logged."""
        last = self.conversation.last
        number = choice_number(text)
        if last is None or number is None:
            return None
        return last.suggestions[number - 1] if 1 <= number <= len(last.suggestions) else None

    def _answer_fact(self, fact_id: str) -> Reply:
        fact = self.engine.knowledge.fact(fact_id)
        question = fact.questions[0] if fact else None
        reply = self.engine.answer_fact(fact_id, question, self.conversation)
        self._record(reply)
        return reply

    def _record(self, reply: Reply) -> None:
        if self.log is not None:
            self.log.record(CHANNEL, self.user, reply)

    # -- commands and menus -----------------------------------------------------------------

    def _command(self, text: str) -> CommandResult:
        word, _, argument = text.partition(" ")
        name = COMMANDS.get(word.lower())
        if name != "topics":
            self._menu = None
        if name == "help":
            return CommandResult("help", "怎么用：", lines=HELP_LINES)
        if name == "topics":
            return self._topics(argument.strip())
        if name == "source":
            return self._source()
        if name == "about":
            return self._about()
        if name == "quit":
            return CommandResult("quit", "再见！", quit=True)
        return CommandResult("unknown", f"没有 /{word} 这个命令。输入 /help 查看可用的命令。")

    def _topics(self, argument: str) -> CommandResult:
        topics = self.engine.knowledge.topics()
        if argument:
            tags = list(topics)
            if argument.isdigit() and 1 <= int(argument) <= len(tags):
                return self._tag(tags[int(argument) - 1])
            if argument in topics:
                return self._tag(argument)
            self._menu = None
            return CommandResult("topics", f"没有「{argument}」这个主题。{TOPICS_AGAIN}")
        self._menu = _Menu("tags", tuple(topics))
        return CommandResult(
            "topics",
            "主题（输入编号查看其中的问题）：",
            choices=tuple(f"{tag}（{len(facts)}）" for tag, facts in topics.items()),
        )

    def _tag(self, tag: str) -> CommandResult:
        facts = self.engine.knowledge.topics().get(tag)
        if not facts:  # the knowledge was reloaded without this tag
            self._menu = None
            return CommandResult("topics", f"主题「{tag}」已经不在知识库里了。{TOPICS_AGAIN}")
        self._menu = _Menu("facts", tuple(f.id for f in facts))
        return CommandResult(
            "topics",
            f"「{tag}」的问题（输入编号查看答案）：",
            choices=tuple(f.questions[0] for f in facts),
        )

    def _pick(self, number: int) -> Turn:
        menu = self._menu
        assert menu is not None
        if not 1 <= number <= len(menu.keys):
            return CommandResult("choice", f"请输入 1–{len(menu.keys)} 之间的编号，或者直接提问。")
        key = menu.keys[number - 1]
        if menu.kind == "tags":
            return self._tag(key)
        self._menu = None
        return self._answer_fact(key)

    def _source(self) -> CommandResult:
        # The last answer that quoted a source, as 「出处呢？」 finds it.
        if count := self.conversation.open_choices:
            return CommandResult("source", CHOOSE_FIRST.format(count=count))
        last = self.conversation.answered
        if last is None or last.source is None:
            return CommandResult("source", NO_SOURCE if self.conversation.last is None else NO_QUOTE)
        paragraph = self.engine.paragraph(last) or last.source.sentence
        return CommandResult("source", "原文：", paragraph=paragraph, source=last.source)

    def _about(self) -> CommandResult:
        knowledge = self.engine.knowledge
        lines = []
        for doc in sorted(knowledge.documents.values(), key=lambda d: d.date, reverse=True):
            author = f"（{doc.author}）" if doc.author else ""
            lines.append(f"《{doc.title}》· {doc.outlet} · {doc.date}{author}")
        lines.append(ABOUT_FACTS.format(facts=len(knowledge.facts)))
        return CommandResult("about", ABOUT_HEAD, lines=tuple(lines))


#: Exit statuses of `faqbot chat`: ended normally, or by Ctrl-C on an empty line.
EXIT_OK, EXIT_INTERRUPTED = 0, 130


def open_session(settings: Settings) -> ChatSession:
    """Load the knowledge (watched for edits) and open the question log."""
    from bot.matching.reload import LiveEngine
    from bot.questionlog import open_log

    live = LiveEngine(settings)
    return ChatSession(live=live, log=open_log(settings))


def close_session(session: ChatSession) -> None:
    session.live.close()  # a reload under way is not waited for
    close = getattr(session.log, "close", None)
    if close is not None:
        close()
