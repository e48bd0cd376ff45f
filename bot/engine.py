"""The one engine behind every front end: a question in, a `Reply` out.

    question ─► conversation context ─► Query ─► recall + re-rank ─► decide ─► Reply

Decisions, on the calibrated score (thresholds in `config.Matching`):

- answered: the best fact scores ≥ `answer` and no different fact is within `margin`;
  as a fallback, one article sentence that scores ≥ `answer` when no fact comes close.
- clarify: a question that names no place fits both places, or two different facts are
  within `margin` of each other above `suggest`; the choices go in `suggestions`.
- declined: nothing scores ≥ `answer`; near misses (≥ `suggest`) are offered as suggestions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path

from bot.config import Matching, Settings
from bot.conversation import FOLLOW_UP_FILLER, MORE_REQUEST, SOURCE_REQUEST, Conversation
from bot.index import Index
from bot.indexing import load_index
from bot.knowledge import NUMBER, Fact, Knowledge
from bot.knowledge_cache import load_knowledge_cached
from bot.query import Query
from bot.reply import Reply, Source, Suggestion
from bot.scoring import Scored, rank
from bot.text import normalize

#: Longer messages are cut to this many characters before matching: Telegram allows 4096, and
#: a real question is never that long; the cut keeps the cost of one message bounded.
MAX_QUESTION = 300

#: A message longer than this is searched for the question(s) it contains.
LONG_MESSAGE = 60
_SENTENCES = re.compile(r"(?<=[。！？!?；;\n])")
_CLAUSES = re.compile(r"(?<=[，,：:])")
_ASKING = re.compile(r"[?？]|吗|多少|几|什么|啥|谁|哪|怎么|如何|为什么|请问|想问|想知道|确认")
#: At most this many parts of one long message are matched, to bound its cost.
MAX_PARTS = 8

CLARIFY_PLACES = "这个问题两篇文章都有答案，您问的是哪个地方？"
CLARIFY_FACTS = "这个问题有几种可能，您想问的是哪一个？"
DECLINED = "抱歉，现有的文章里找不到这个问题的可靠答案。"
DECLINED_NEAR = "抱歉，我没有把握回答这个问题。"
EMPTY = "请输入一个问题，例如：嘉兴科技城有多少名党员？"
NO_SOURCE = "还没有上一条回答，请先问一个问题。"
NO_MORE = "关于这个话题，我没有更多的内容了。"
NO_CHOICES = "现在没有可选的选项；数字用来选择「您是不是想问」里的问题。请直接输入您的问题。"
NO_CHOICE = "请输入 1 到 {count} 之间的数字来选择，或者直接输入新的问题。"
STALE = "这个选项已经过期了（知识库已更新），请重新提问。"


def question_parts(question: str) -> list[str]:
    """The parts of a message worth matching: all of a short one; the questions of a long one.

    People wrap a question in a story (「我老婆在南湖区上班……所以想问一下，中医馆几点开门？」);
    the story's words would drown the question's, so each sentence that asks something is tried
    alone, with the sentence before it (which a 这位/那个 may point back to), and its asking clause
    with the clause before it.
    """
    if len(question) <= LONG_MESSAGE:
        return [question]
    parts: list[str] = []
    sentences = _SENTENCES.split(question[: MAX_QUESTION * 8])
    for number, sentence in enumerate(sentences):
        if not _ASKING.search(sentence):
            continue
        parts.append(sentence.strip()[:MAX_QUESTION])
        if number:  # 「…有一位党员带领团队…。我想确认一下这位党员叫什么名字？」
            parts.append((sentences[number - 1] + sentence).strip()[-MAX_QUESTION:])
        clauses = [c for c in _CLAUSES.split(sentence) if c.strip()]
        for i, clause in enumerate(clauses):
            if len(clauses) > 1 and _ASKING.search(clause):
                parts.append("".join(clauses[max(0, i - 1) : i + 1]).strip())
    parts = [p for p in dict.fromkeys(parts) if len(p) >= 4][:MAX_PARTS]
    return parts or [question[:MAX_QUESTION]]


class Engine:
    """Answers questions from one loaded knowledge base."""

    def __init__(self, knowledge: Knowledge, index: Index, matching: Matching | None = None) -> None:
        self.knowledge = knowledge
        self.index = index
        self.matching = matching or Matching()
        self._wordings: dict[str, str] = {}  # fact id → how a choice of it is worded

    @classmethod
    def load(cls, knowledge_dir: Path, settings: Settings | None = None) -> Engine:
        """Load and index a knowledge folder (raises `InvalidKnowledge` listing every error)."""
        settings = settings or Settings()
        knowledge = load_knowledge_cached(Path(knowledge_dir), settings.cache_path)
        return cls(knowledge, load_index(knowledge, settings.cache_path), settings.matching)

    # -- public API -------------------------------------------------------------------------

    def answer(self, question: str, conversation: Conversation | None = None) -> Reply:
        """The reply to `question`, using and updating `conversation` when given."""
        question = question if isinstance(question, str) else str(question)
        question = question.encode("utf-8", "replace").decode("utf-8")  # lone surrogates
        if conversation is not None:
            special = self._follow_up(question, conversation)
            if special is not None:
                return special
        resolved = self._resolve(question, conversation)
        reply, place, candidates = max(
            (self._decide(question, part, conversation) for part in self._parts(resolved)),
            key=lambda outcome: (outcome[0].status == "answered", outcome[0].score),
        )
        if conversation is not None:
            conversation.remember(reply, place=place, candidates=candidates)
        return reply

    def answer_fact(self, fact_id: str, question: str | None = None, conversation: Conversation | None = None) -> Reply:
        """The reply for a fact the user picked from suggestions (a button or a number)."""
        fact = self.knowledge.fact(fact_id)
        if fact is None:
            return Reply(question=question or fact_id, status="declined", text=STALE)
        reply = self._fact_reply(question or fact.questions[0], fact, 1.0, fact.questions[0])
        if conversation is not None:
            doc = self.knowledge.documents[fact.doc_id]
            conversation.remember(reply, place=doc.place, candidates=[])
        return reply

    def paragraph(self, reply: Reply) -> str | None:
        """The article paragraph around the reply's source sentence (📖 原文, 「出处呢？」)."""
        if reply.source is None:
            return None
        doc = self.knowledge.documents.get(reply.source.doc)
        return doc.paragraph_of(reply.source.sentence) if doc else None

    def search(self, text: str, limit: int = 10) -> list[Fact]:
        """Facts for a short query, best first (Telegram inline mode)."""
        query = self.index.query(text[:MAX_QUESTION])
        facts: list[Fact] = []
        for scored in rank(self.index, query, self._scope(query)):
            fact_id = self.index.entries[scored.position].fact_id
            fact = self.knowledge.fact(fact_id) if fact_id else None
            if fact is not None and scored.score >= self.matching.suggest and fact not in facts:
                facts.append(fact)
            if len(facts) >= limit:
                break
        return facts

    def explain(self, question: str, limit: int = 5) -> list[dict[str, object]]:
        """The top candidates with every signal, for `faqbot ask --explain`."""
        query = self.index.query(question[:MAX_QUESTION])
        rows: list[dict[str, object]] = []
        for scored in rank(self.index, query, self._scope(query))[:limit]:
            entry = self.index.entries[scored.position]
            rows.append({"fact_id": entry.fact_id, "doc": entry.doc_id, "score": scored.score, **scored.signals})
        return rows

    def _parts(self, message: str) -> list[str]:
        """`question_parts`, each naming the place the whole message is about, if only one.

        「……他说嘉兴科技城那边……我就想问问，科技城为了解决融资难，正在筹备设立的是个啥？」: the
        story names the place, the question sentence does not; it is asked about that place.
        """
        parts = question_parts(message)
        if len(parts) == 1 and parts[0] == message:
            return parts
        named = self._places_in(message)
        if len(named) != 1:
            return parts
        place = named.pop()
        return [p if self._places_in(p) else f"{place}{p}" for p in parts]

    def _places_in(self, text: str) -> set[str]:
        normal = normalize(text[: MAX_QUESTION * 8], self.index.aliases)
        return {p for p in self.index.places if p in normal}

    # -- context ----------------------------------------------------------------------------

    def _follow_up(self, question: str, conversation: Conversation) -> Reply | None:
        """Replies that depend only on the previous turn: a picked number, 出处呢, 还有呢."""
        text = normalize(question)
        last = conversation.last
        if re.fullmatch(r"\d{1,2}", text):
            # A bare small number picks a choice; with no choice on offer it is not a question.
            choices = last.suggestions if last is not None else ()
            number = int(text)
            if 1 <= number <= len(choices):
                return self.answer_fact(choices[number - 1].fact_id, question, conversation)
            message = NO_CHOICE.format(count=len(choices)) if choices else NO_CHOICES
            return Reply(question=question, status="declined", text=message, resolved=question)
        compact = text.replace(" ", "")
        if SOURCE_REQUEST.match(compact) and len(compact) <= 12:
            if last is None or last.source is None:
                return Reply(question=question, status="declined", text=NO_SOURCE, resolved=question)
            return Reply(
                question=question,
                status="answered",
                answer=last.answer,
                fact_id=last.fact_id,
                score=last.score,
                source=last.source,
                resolved=last.resolved,
                paragraph=self.paragraph(last),
            )
        if MORE_REQUEST.match(compact) and last is not None:
            while conversation.remaining:
                fact = self.knowledge.fact(conversation.remaining.pop(0))
                if fact is not None and fact.id not in conversation.shown:
                    conversation.shown.append(fact.id)
                    reply = self._fact_reply(question, fact, last.score, conversation.last_question)
                    conversation.last = reply
                    return reply
            return Reply(question=question, status="declined", text=NO_MORE, resolved=question)
        return None

    def _resolve(self, question: str, conversation: Conversation | None) -> str:
        """「那吴江开发区呢？」 → the previous question, asked about 吴江开发区."""
        if conversation is None or not conversation.last_question:
            return question
        text = normalize(question, self.index.aliases, typos=True).replace(" ", "")
        match = FOLLOW_UP_FILLER.match(text)
        place = match.group(2) if match else None
        if place not in self.index.places:
            return question
        previous = normalize(conversation.last_question, self.index.aliases).replace(" ", "")
        named = [p for p in self.index.places if p in previous]
        if named:
            for old in named:
                previous = previous.replace(old, place)
            return previous
        return f"{place}{previous}"

    # -- decision ---------------------------------------------------------------------------

    def _scope(self, query: Query) -> set[str] | None:
        if not query.places:
            return None
        docs = {d for p in query.places for d in self.index.places.get(p, [])}
        return docs

    def _decide(
        self, question: str, resolved: str, conversation: Conversation | None
    ) -> tuple[Reply, str | None, list[str]]:
        shown_resolved = resolved if resolved != question else ""
        query = self.index.query(resolved[:MAX_QUESTION])
        if not query.text.strip():
            return Reply(question=question, status="declined", text=EMPTY, resolved=resolved), None, []
        docs = self._scope(query)
        if query.places and not docs:  # a place that has no article
            return self._declined(question, resolved, [], DECLINED), None, []
        ranked = rank(self.index, query, docs)
        if docs is None and conversation is not None and conversation.place and query.asks:
            ranked = self._prefer_place(ranked, conversation.place)
        facts = self._distinct_facts(ranked)
        candidates = [self.index.entries[s.position].fact_id or "" for s in facts]
        m = self.matching
        best = facts[0] if facts else None
        place = self._place_of(best) if best else None
        if best is None:
            return self._declined(question, shown_resolved, [], DECLINED), None, candidates
        if docs is None:
            other_place = self._best_elsewhere(facts, best)
            if other_place is not None:
                choices = self._per_place(facts, [best, other_place])
                return self._clarify(question, shown_resolved, choices, CLARIFY_PLACES), None, candidates
        if best.score < m.answer:
            return self._unsure(question, shown_resolved, ranked, facts), None, candidates
        close = [s for s in facts[1:] if best.score - s.score < m.margin and s.score >= m.suggest]
        close = [s for s in close if not self._same_answer(best, s)]
        if close:
            choices = [best, *close][: m.suggestions]
            return self._clarify(question, shown_resolved, choices, CLARIFY_FACTS), None, candidates
        fact = self.knowledge.fact(candidates[0])
        assert fact is not None
        return self._fact_reply(question, fact, best.score, shown_resolved), place, candidates

    def _unsure(self, question: str, resolved: str, ranked: list[Scored], facts: list[Scored]) -> Reply:
        """No fact scores high enough: an article sentence, a choice, or an honest decline.

        When the best facts contain every key term of the question but none is worded like it,
        the question is vague (「为老百姓办了哪些实事」): the user is offered the candidates.
        When a key term is missing from every candidate, the article does not say what was
        asked, and near misses are shown only as suggestions under a decline.
        """
        m = self.matching
        best = facts[0]
        sentence = next((s for s in ranked if self.index.entries[s.position].fact_id is None), None)
        if sentence is not None and sentence.score >= m.answer and sentence.score - best.score >= m.margin:
            return self._sentence_reply(question, sentence, resolved)
        # Near misses are ranked by how well they match the subject, not by what they can
        # supply: for 「云创小镇有多少家企业」 the fact about 云创小镇 is the useful suggestion.
        near = sorted((s for s in facts if s.signals["subject"] >= m.suggest), key=lambda s: -s.signals["subject"])[
            : m.suggestions
        ]
        vague = [s for s in near if s.signals["coverage"] >= m.vague_coverage and s.signals["kind"] == 1.0]
        if len(vague) >= 2 and best.score - vague[1].score < m.margin:
            return self._clarify(question, resolved, vague, CLARIFY_FACTS)
        reply = self._declined(question, resolved, near, DECLINED_NEAR if near else DECLINED)
        return replace(reply, score=best.score)

    def _same_answer(self, best: Scored, other: Scored) -> bool:
        """Two facts cut from one clause, or giving the same figures, are one answer."""
        a, b = self.index.entries[best.position], self.index.entries[other.position]
        if a.sentence == b.sentence:
            return True
        numbers_a, numbers_b = set(NUMBER.findall(a.sentence)), set(NUMBER.findall(b.sentence))
        return (bool(numbers_a) and numbers_a <= numbers_b) or (bool(numbers_b) and numbers_b <= numbers_a)

    def _prefer_place(self, ranked: list[Scored], place: str) -> list[Scored]:
        """With no place named, a follow-up stays where the conversation was."""
        canonical = normalize(place, self.index.aliases)
        docs = set(self.index.places.get(canonical, []))
        return [s for s in ranked if self.index.entries[s.position].doc_id in docs] or ranked

    def _distinct_facts(self, ranked: list[Scored]) -> list[Scored]:
        """Fact entries only, one per distinct answer (two facts saying the same count once)."""
        seen: set[str] = set()
        result: list[Scored] = []
        for scored in ranked:
            entry = self.index.entries[scored.position]
            if entry.fact_id is None:
                continue
            fact = self.knowledge.fact(entry.fact_id)
            key = fact.answer if fact else entry.fact_id
            if key in seen:
                continue
            seen.add(key)
            result.append(scored)
        return result

    def _best_elsewhere(self, facts: list[Scored], best: Scored) -> Scored | None:
        """The best fact of another place, if it answers the question about as well.

        "About as well": the other place's best fact is itself a plausible answer (it scores
        `place_floor` and covers `place_coverage` of the key terms) and is within
        `place_margin` of the best. Then the question fits both places and only the user can
        say which.
        """
        place = self._place_of(best)
        m = self.matching
        for scored in facts[1:]:
            if self._place_of(scored) == place:
                continue
            if (
                scored.score >= m.place_floor
                and best.score - scored.score <= m.place_margin
                and scored.signals["coverage"] >= m.place_coverage
            ):
                return scored
            return None
        return None

    def _per_place(self, facts: list[Scored], leaders: list[Scored]) -> list[Scored]:
        """Choices for a question that fits two places: each place's best facts, alternating.

        Two per place when the runner-up is close to its place's best, since a vague question
        (「收集到多少意见和问题」) often has two candidate answers in each article.
        """
        columns: list[list[Scored]] = []
        for leader in leaders:
            place = self._place_of(leader)
            column = [leader]
            for scored in facts:
                if (
                    scored is not leader
                    and self._place_of(scored) == place
                    and leader.score - scored.score < self.matching.place_margin / 2
                ):
                    column.append(scored)
                    break
            columns.append(column)
        return [s for row in zip_longest(*columns) for s in row if s is not None]

    def _place_of(self, scored: Scored) -> str | None:
        doc = self.knowledge.documents.get(self.index.entries[scored.position].doc_id)
        return doc.place if doc else None

    # -- replies ----------------------------------------------------------------------------

    def _source(self, doc_id: str, sentence: str) -> Source:
        doc = self.knowledge.documents[doc_id]
        return Source(doc=doc.id, title=doc.title, outlet=doc.outlet, date=doc.date, sentence=sentence)

    def _fact_reply(self, question: str, fact: Fact, score: float, resolved: str) -> Reply:
        return Reply(
            question=question,
            status="answered",
            answer=fact.answer,
            fact_id=fact.id,
            score=score,
            source=self._source(fact.doc_id, fact.source),
            resolved=resolved,
        )

    def _sentence_reply(self, question: str, scored: Scored, resolved: str) -> Reply:
        entry = self.index.entries[scored.position]
        return Reply(
            question=question,
            status="answered",
            answer=entry.sentence,
            score=scored.score,
            source=self._source(entry.doc_id, entry.sentence),
            resolved=resolved,
        )

    def _suggestions(self, scored: list[Scored]) -> tuple[Suggestion, ...]:
        result = []
        for s in scored:
            fact = self.knowledge.fact(self.index.entries[s.position].fact_id or "")
            if fact is not None:
                result.append(Suggestion(fact_id=fact.id, question=self._choice_wording(fact), answer=fact.answer))
        return tuple(result)

    def _choice_wording(self, fact: Fact) -> str:
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

    def _clarify(self, question: str, resolved: str, choices: list[Scored], text: str) -> Reply:
        return Reply(
            question=question,
            status="clarify",
            score=choices[0].score,
            suggestions=self._suggestions(choices),
            resolved=resolved,
            text=text,
        )

    def _declined(self, question: str, resolved: str, near: list[Scored], text: str) -> Reply:
        return Reply(
            question=question,
            status="declined",
            score=near[0].score if near else 0.0,
            suggestions=self._suggestions(near),
            resolved=resolved,
            text=text,
        )
