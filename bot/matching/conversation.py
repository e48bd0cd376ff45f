"""What one chat remembers between turns, so that follow-ups can lean on the previous one.

One `Conversation` per console session or Telegram chat. The engine reads and updates it;
front ends only create it and pass it along.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.reply import Reply
from bot.text.normalize import AliasTable, normalize

#: 「出处呢？」「原文呢？」: the user wants the paragraph around the last source.
SOURCE_REQUEST = re.compile(
    r"^(那)?(它的|这个的|这条的|这)?(出处|原文|来源|原话|出自哪|哪篇文章|哪里说的|在哪说的|证据|依据|全文|上下文)"
    r"(是什么|在哪里?|在哪儿?|是哪|呢|吗|啊|呀|$)"
)
#: 「还有呢？」: the next best fact on the same subject.
MORE_REQUEST = re.compile(
    r"^(那)?(还有|还有别的|还有其他|其他|别的|另外|再来|更多|下一个|换一个)(的|呢|吗|吧|呀|啊|么|没|没有)*$"
)
#: Words around a bare place in 「那吴江开发区呢？」, 「同里镇的情况呢」.
FOLLOW_UP_FILLER = re.compile(
    r"^(那么?|那边|那个|换成|如果是|要是|改成|再问|问下|问一下)?(.+?)(的情况|情况|的话|那边|这边|怎么样|如何|又如何|呢|吗|呀|啊|的)*$"
)


@dataclass
class Conversation:
    """The last turn of one chat: what was asked, what was replied, which facts were shown."""

    last: Reply | None = None
    last_question: str = ""  # the resolved question of the last answered or clarified turn
    place: str | None = None  # the place the last answered turn was about
    shown: list[str] = field(default_factory=list)  # fact ids shown on the current subject
    remaining: list[str] = field(default_factory=list)  # candidate fact ids for 「还有呢？」
    turns: int = 0

    def remember(self, reply: Reply, *, place: str | None, candidates: list[str]) -> None:
        """Record a turn; a new full question resets the subject."""
        self.turns += 1
        self.last = reply
        if reply.status in ("answered", "clarify"):
            self.last_question = reply.resolved or reply.question
        if reply.status == "answered":
            self.place = place
            if reply.fact_id:
                self.shown = [reply.fact_id]
        self.remaining = [c for c in candidates if c not in self.shown]


def resolve(question: str, conversation: Conversation | None, aliases: AliasTable, places: Iterable[str]) -> str:
    """「那吴江开发区呢？」 → the previous question, asked about 吴江开发区."""
    if conversation is None or not conversation.last_question:
        return question
    text = normalize(question, aliases, typos=True).replace(" ", "")
    match = FOLLOW_UP_FILLER.match(text)
    place = match.group(2) if match else None
    if place not in places:
        return question
    previous = normalize(conversation.last_question, aliases).replace(" ", "")
    named = [p for p in places if p in previous]
    if named:
        for old in named:
            previous = previous.replace(old, place)
        return previous
    return f"{place}{previous}"
