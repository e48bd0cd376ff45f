"""What one chat remembers between turns, so that follow-ups can lean on the previous one.

One `Conversation` per console session or Telegram chat. The engine reads and updates it;
front ends only create it and pass it along.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.question.controls import follow_up_place
from bot.reply import Reply
from bot.text.normalize import AliasTable, normalize


@dataclass
class Conversation:
    """The last turn of one chat: what was asked, what was replied, which facts were shown."""

    last: Reply | None = None
    answered: Reply | None = None  # the last turn that quoted a source (「出处呢？」 after a decline)
    last_question: str = ""  # the resolved question of the last turn (small talk is never a turn)
    place: str | None = None  # the place the last answered turn was about
    shown: list[str] = field(default_factory=list)  # fact ids shown on the current subject
    remaining: list[str] = field(default_factory=list)  # candidate fact ids for 「还有呢？」

    @property
    def open_choices(self) -> int:
        """How many choices the last turn offered and still await a pick (0: none open)."""
        last = self.last
        return len(last.suggestions) if last is not None and last.status == "clarify" else 0

    def remember(self, reply: Reply, *, place: str | None, candidates: list[str]) -> None:
        """Record a turn; a new full question resets the subject."""
        self.last = reply
        if reply.source is not None:
            self.answered = reply
        # Declined questions too: after 「科技城有多少名志愿者」 goes unanswered, 「那吴江开发区呢？」
        # asks about 志愿者 in 吴江开发区, not about whatever was answered before it.
        self.last_question = reply.resolved or reply.question
        if reply.status == "answered":
            self.place = place
            if reply.fact_id:
                self.shown = [reply.fact_id]
        self.remaining = [c for c in candidates if c not in self.shown]


def resolve(
    question: str,
    conversation: Conversation | None,
    aliases: AliasTable,
    places: Iterable[str],
    foreign: Callable[[str], Iterable[str]] = lambda _: (),
) -> str:
    """「那吴江开发区呢？」 → the previous question, asked about 吴江开发区.

    `foreign` gives the places a question names that the knowledge does not cover: after
    「北京有多少党员」, 「那科技城呢？」 asks 「嘉兴科技城有多少党员」, 北京 replaced too."""
    if conversation is None or not conversation.last_question:
        return question
    place = follow_up_place(question, aliases, places)
    if place is None:
        return question
    previous = normalize(conversation.last_question, aliases).replace(" ", "")
    named = [p for p in places if p in previous] or [p for p in foreign(previous) if p in previous]
    if named:
        for old in named:
            previous = previous.replace(old, place)
        return previous
    return f"{place}{previous}"
