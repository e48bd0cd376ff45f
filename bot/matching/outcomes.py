"""How an outcome is put to the user: the canned texts, and replies made from scored entries.

Canned texts are data: front ends show `Reply.text` as it is, so every wording the user sees
for a choice or a decline is here. A choice between facts is worded by the fact's first
question that names its place, so the choices of a question fitting both places differ.
"""

from __future__ import annotations

from bot.index.search import Index
from bot.knowledge.model import Fact, Knowledge
from bot.matching.scoring import Scored
from bot.reply import Reply, Source, Suggestion
from bot.text.normalize import normalize

CLARIFY_PLACES = "这个问题两篇文章都有答案，您问的是哪个地方？"
#: The same, when three or more articles answer it.
CLARIFY_MANY_PLACES = "这个问题几篇文章都有答案，您问的是哪个地方？"
CLARIFY_LIST = "文章里有几处都说到了，您想先看哪一个？"
CLARIFY_FACTS = "这个问题有几种可能，您想问的是哪一个？"
DECLINED = "抱歉，现有的文章里找不到这个问题的可靠答案。"
#: A question naming the wrong person or figure for what a fact tells: the fact, with what the
#: article says instead.
WRONG_PREMISE = "文中说的是{instead}，不是{named}。"
#: A question about how a plan turned out, when the article only tells the plan.
PLAN_ONLY = "抱歉，文章只报道了当时的计划，没有写后来的结果。相关的内容见下面。"
#: What came of something by a month after the report was written (「9月份真的握手言和了吗」 of June).
AFTER_REPORT = "抱歉，这篇报道发表于{date}，写不到那以后的情况。相关的内容见下面。"
#: A count asked of a part of a whole the article gives only as a total (「那45个人里退伍军人有多少」).
PART_UNTOLD = "抱歉，文章只给出了总数（{whole}），没有分开说其中的数目。相关的内容见下面。"
#: A count of one kind the article names only among the rest, uncounted (「合同纠纷有多少件」).
KIND_UNTOLD = "抱歉，文章没有单独给出{kind}的数目。相关的内容见下面。"
#: A total asked of a sum the article gives only as a rate (「误工补贴一共多少钱」 of 每件50元).
RATE_ONLY = "抱歉，文章只说了{rate}，没有给出总数。相关的内容见下面。"
#: A count in one place the article names only in a list (「鲦溪社区建了几个充电棚」).
ONE_OF_LIST = "抱歉，文章只给出了几处合在一起的数目（{told}），没有单独说{place}的。相关的内容见下面。"
#: One item of a list counted as a whole (「挂历发了多少份」 of 「发放宣传折页、挂历、围裙等宣传品2.8万余份」).
ITEM_OF_LIST = "抱歉，文章只给出了几样合在一起的数目（{told}），没有单独说{item}的。相关的内容见下面。"
#: Which members of a counted group, when the article gives only the count (「18座公厕分别建在哪几个村」).
LIST_UNTOLD = "抱歉，文章只给出了数量（{count}），没有列出具体是哪些。相关的内容见下面。"
#: The others beside the one the article names (「除了郗小雨，其他几个徒弟都叫什么」).
OTHERS_UNTOLD = "抱歉，文章只提到了{named}，没有说其他的是哪些。相关的内容见下面。"
#: A thing's name the article never gives (「直播账号叫什么名字」 of 「…，账号粉丝达到41万」).
NAME_UNTOLD = "抱歉，文章提到了{thing}，但没有写它叫什么。相关的内容见下面。"
#: Which sort of a thing, asked of a fact that calls it only in general (「哪种骗局」 of 常见骗局).
SORT_UNTOLD = "抱歉，文章只笼统地提到了{thing}，没有写是哪一种。相关的内容见下面。"
#: A person's name the article never gives, naming only others (「那个最小的徒弟叫什么名字」).
PERSON_UNTOLD = "抱歉，文章提到了{who}，但没有写出其姓名。相关的内容见下面。"
#: Last year's figure, of a fact that only compares with it (「去年同期的管理率是多少」).
LAST_YEAR_UNTOLD = "抱歉，文章只给出了今年的数和与去年的比较，没有直接给出去年的数。相关的内容见下面。"
UNSAID = "抱歉，文章没有写到这一点（{note}）。相关的内容见下面。"
DECLINED_NEAR = "抱歉，我没有把握回答这个问题。"
EMPTY = "请输入一个问题，例如：嘉兴科技城有多少名党员？"
NO_SOURCE = "还没有上一条回答，请先问一个问题。"
NO_MORE = "关于这个话题，我没有更多的内容了。"
NO_CHOICES = "现在没有可选的选项；数字用来选择「您是不是想问」里的问题。请直接输入您的问题。"
NO_CHOICE = "请输入 1 到 {count} 之间的数字来选择，或者直接输入新的问题。"
#: 「出处呢？」 while a choice is open: the source is of the choice, not of an older answer.
CHOOSE_FIRST = "请先输入 1 到 {count} 之间的数字选一个问题，我再给出它的出处。"
STALE = "这个选项已经过期了（知识库已更新），请重新提问。"
TOO_MANY = "这条消息里的问题太多了：我回答了前 {answered} 个，另外 {rest} 个请分开再发。"


class Replies:
    """Makes `Reply` objects for one knowledge base and its index."""

    def __init__(self, knowledge: Knowledge, index: Index) -> None:
        self.knowledge = knowledge
        self.index = index
        self._wordings: dict[str, str] = {}  # fact id → how a choice of it is worded
        self._named: dict[str, tuple[str, bool]] = {}  # fact id → (its place, whether its choice wording names it)

    def source(self, doc_id: str, sentence: str) -> Source:
        """Where `sentence` was published: the article's title, outlet and date."""
        doc = self.knowledge.documents[doc_id]
        return Source(doc=doc.id, title=doc.title, outlet=doc.outlet, date=doc.date, sentence=sentence)

    def fact(self, question: str, fact: Fact, score: float, resolved: str) -> Reply:
        """The fact's answer, quoting its source sentence."""
        return Reply(
            question=question,
            status="answered",
            answer=fact.answer,
            fact_id=fact.id,
            score=score,
            source=self.source(fact.doc_id, fact.source),
            resolved=resolved,
        )

    def sentence(self, question: str, scored: Scored, resolved: str, sentence: str | None = None) -> Reply:
        """An article sentence as the answer: the scored entry's own, or `sentence` of its article."""
        entry = self.index.entries[scored.position]
        sentence = sentence or entry.sentence
        return Reply(
            question=question,
            status="answered",
            answer=sentence,
            score=scored.score,
            source=self.source(entry.doc_id, sentence),
            resolved=resolved,
        )

    def fact_of(self, scored: Scored) -> Fact | None:
        """The curated fact of a scored entry (None for an article sentence)."""
        return self.knowledge.fact(self.index.entries[scored.position].fact_id or "")

    def suggestions(self, scored: list[Scored]) -> tuple[Suggestion, ...]:
        """The facts of `scored` as choices for the user."""
        result = []
        for s in scored:
            fact = self.fact_of(s)
            if fact is not None:
                wording = self.choice_wording(fact)
                where, named = self._where(fact, wording)
                result.append(Suggestion(fact.id, wording, fact.answer, place=None if named else where))
        return tuple(result)

    def _where(self, fact: Fact, wording: str) -> tuple[str, bool]:
        """The place a choice is about, and whether its wording names it already (worked out
        once a fact: choices are shown again and again)."""
        if fact.id not in self._named:
            doc = self.knowledge.documents[fact.doc_id]
            where = doc.place or doc.title
            named = normalize(where, self.index.aliases) in normalize(wording, self.index.aliases)
            self._named[fact.id] = (where, named)
        return self._named[fact.id]

    def choice_wording(self, fact: Fact) -> str:
        """The fact's first question that names its place, so choices between places differ."""
        if fact.id not in self._wordings:
            self._wordings[fact.id] = self._place_wording(fact)
        return self._wordings[fact.id]

    def _place_wording(self, fact: Fact) -> str:
        place = self.knowledge.documents[fact.doc_id].place
        if not place:
            return fact.questions[0]
        canonical = normalize(place, self.index.aliases)
        for question in fact.questions:
            if canonical in normalize(question, self.index.aliases):
                return question
        return f"{place}：{fact.questions[0]}"

    def clarify(self, question: str, resolved: str, choices: list[Scored], text: str) -> Reply:
        """Ask the user to choose between `choices`."""
        places = [self.knowledge.documents[self.index.entries[c.position].doc_id].place for c in choices]
        if text == CLARIFY_PLACES and len(set(places)) < 2:
            text = CLARIFY_FACTS  # 「哪个地方？」 only when the choices really are places apart
        elif text == CLARIFY_PLACES and len(set(places)) > 2:
            text = CLARIFY_MANY_PLACES
        return Reply(
            question=question,
            status="clarify",
            score=choices[0].score,
            suggestions=self.suggestions(choices),
            resolved=resolved,
            text=text,
        )

    def declined(self, question: str, resolved: str, near: list[Scored], text: str) -> Reply:
        """Decline with `text`, offering the near misses."""
        return Reply(
            question=question,
            status="declined",
            score=near[0].score if near else 0.0,
            suggestions=self.suggestions(near),
            resolved=resolved,
            text=text,
        )
