"""Declines that help: what the bot covers, which place it does not know, small talk.

A bare 「找不到答案」 leaves a user guessing what to ask instead. Every decline the engine gives
for want of an answer says why, in one of four ways (the `reason` of `faqbot ask --json`):

    smalltalk          「你好」「谢谢」: answered warmly from bot/matching/data/smalltalk.yaml
                       (and 「我想问两件事：」 alone, by its `announce` reply)
    place_not_covered  「北京有多少党员」: names the place, and the places the articles are about
    not_in_article     「那吴江开发区呢？」 after a subject that article lacks: says so, by name
    off_topic          anything else: names the articles' places and dates and a few examples

Near misses are offered under a decline only when they share a key term with the question
(「云创小镇有多少家企业」 → the fact about 云创小镇); 「今天天气怎么样」 shares nothing but
「怎么样」 with any fact, and gets no suggestions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.index.search import Index
from bot.knowledge.model import Knowledge
from bot.matching.outcomes import DECLINED, DECLINED_NEAR
from bot.matching.smalltalk import Intent, SmallTalk
from bot.question.kinds import Query
from bot.question.parts import announces_questions
from bot.question.units import VILLAGE_ENDINGS
from bot.reply import Reply, Suggestion
from bot.text.normalize import normalize

OFF_TOPIC = "抱歉，现有的文章里找不到这个问题的答案。我只读过{coverage}，回答都来自这些文章。可以试试问{examples}"
PLACE_NOT_COVERED = "抱歉，我读过的文章没有讲到{place}，只讲到{places}。可以试试问{examples}"
NOT_IN_ARTICLE = "{place}的报道里没有说到这一点（{question}）。"
#: The small-talk intent that answers a message announcing questions to come (「我有两个问题」).
ANNOUNCE = "announce"


def quoted(questions: list[str]) -> str:
    return "".join(f"「{q}」" for q in questions)


class Declines:
    """Words the declines and small-talk replies of one knowledge base."""

    def __init__(self, knowledge: Knowledge, index: Index, examples: Callable[[], list[str]]) -> None:
        self.knowledge = knowledge
        self.index = index
        self.smalltalk = SmallTalk()
        self._examples = examples
        self._texts: dict[str, str | None] = {}  # fact id → its text as `close` compares it

    def places(self) -> str:
        """The places the articles are about: 嘉兴科技城和吴江开发区."""
        names = list(dict.fromkeys(d.place or d.title for d in self.knowledge.documents.values()))
        return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1] if names else "几篇文章"

    def coverage(self) -> str:
        """The articles, by place and date: 嘉兴科技城（2019年12月，南湖新闻网）…的报道."""
        items = []
        for doc in sorted(self.knowledge.documents.values(), key=lambda d: d.date):
            year, _, rest = doc.date.partition("-")
            month = rest.split("-")[0].lstrip("0")
            items.append(f"{doc.place or doc.title}（{doc.outlet}，{year}年{month}月）")
        joined = items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1] if items else "几篇文章"
        return f"关于{joined}的报道"

    def values(self) -> dict[str, str]:
        """The placeholders of small-talk replies and declines."""
        examples = self._examples()
        places = [d.place for d in self.knowledge.documents.values() if d.place]
        return {
            "places": self.places(),
            "articles": str(len(self.knowledge.documents)),
            "examples": quoted(examples[:3]) or "一个完整的问题",
            "example": quoted(examples[:1]) or "一个完整的问题",
            "other": places[-1] if places else "另一个地方",
            "coverage": self.coverage(),
        }

    def small_talk(self, question: str) -> Reply | None:
        """The reply to small talk, or None when `question` is not small talk."""
        intent: Intent | None = self.smalltalk.intent_of(question)
        if intent is None and announces_questions(question):
            # 「我想问两件事：」 sent on its own line: the questions come next; nothing to decline.
            intent = self.smalltalk.intents.get(ANNOUNCE)
        if intent is None:
            return None
        text = self.smalltalk.say(intent, self.values())
        return Reply(question=question, status="declined", text=text, resolved=question, reason="smalltalk")

    def explain(self, reply: Reply, query: Query, follow_up: str | None) -> Reply:
        """A decline for want of an answer, saying why (see the module doc); others unchanged."""
        if reply.status != "declined" or reply.reason is not None or reply.text not in (DECLINED, DECLINED_NEAR):
            return reply  # small talk, a curator's note (UNSAID), an empty message…
        if follow_up is not None:
            asked = reply.resolved or reply.question
            text = NOT_IN_ARTICLE.format(place=follow_up, question=asked)
            # The article lacks the subject just asked about, so a suggestion from it is only
            # close if it has that whole subject: 「吴江开发区有多少家重点企业」 is not helped by
            # 「开发区的工作重点是什么」, which shares 重点 and nothing of 重点企业.
            suggestions = self.close(reply, query, every_term=True)
            return replace(reply, text=text, reason="not_in_article", suggestions=suggestions)
        # Not a village of the articles' towns (青岗 of their 青岗村, which jieba cut apart): the
        # question is declined for another reason than its place.
        foreign = [
            p
            for p in query.foreign
            if p not in self.index.places and not any(self.index.written(p + end) for end in VILLAGE_ENDINGS)
        ]
        if foreign and not query.places:
            values = self.values()
            text = PLACE_NOT_COVERED.format(
                place="、".join(foreign), places=values["places"], examples=values["examples"]
            )
            return replace(reply, text=text, reason="place_not_covered", suggestions=())
        close = self.close(reply, query)
        if close:
            return replace(reply, text=DECLINED_NEAR, suggestions=close)
        values = self.values()
        text = OFF_TOPIC.format(coverage=values["coverage"], examples=values["examples"])
        return replace(reply, text=text, reason="off_topic", suggestions=())

    def _text(self, fact_id: str) -> str | None:
        """A fact's wordings, answer and source, normalised (once a fact)."""
        if fact_id not in self._texts:
            fact = self.knowledge.fact(fact_id)
            parts = [*fact.questions, fact.answer, fact.source] if fact is not None else None
            self._texts[fact_id] = normalize(" ".join(parts), self.index.aliases) if parts else None
        return self._texts[fact_id]

    def close(self, reply: Reply, query: Query, *, every_term: bool = False) -> tuple[Suggestion, ...]:
        """The suggestions that share a key term with the question (genuinely close ones); with
        `every_term`, only those that have every key term of it (its whole subject)."""
        terms = [t for t in query.terms if t not in self.index.places]
        if not terms:
            return ()
        shares = all if every_term else any
        kept = []
        for suggestion in reply.suggestions:
            text = self._text(suggestion.fact_id)
            if text is not None and shares(t in text for t in terms):
                kept.append(suggestion)
        return tuple(kept)
