"""The one engine behind every front end: a question in, a `Reply` out.

    question ─► conversation context ─► Query ─► recall + re-rank ─► decide ─► Reply

Decisions, on the calibrated score (thresholds in `config.Matching`):

- answered: the best fact scores ≥ `answer` (≥ `long_answer` for a long question) and no
  different fact is within `margin`; as a fallback, one article sentence that scores ≥ `answer`
  when no fact comes close, or a clear winner below it (`bot.matching.confidence`).
- clarify: a question that names no place fits both places, or two different facts are
  within `margin` of each other above `suggest`; the choices go in `suggestions`.
- declined: nothing scores ≥ `answer`; near misses (≥ `suggest`) are offered as suggestions.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.config import Matching, Settings
from bot.index.cache import load_index
from bot.index.search import Index
from bot.knowledge.cache import load_knowledge_cached
from bot.knowledge.model import Fact, Knowledge
from bot.matching.confidence import Confidence
from bot.matching.conversation import Conversation, resolve
from bot.matching.decide import Decider, Decision
from bot.matching.declines import Declines
from bot.matching.examples import example_questions, follow_up_example
from bot.matching.followups import follow_up
from bot.matching.outcomes import (
    STALE,
    TOO_MANY,
    Replies,
)
from bot.matching.places import Places
from bot.matching.scoring import Question, rank
from bot.matching.sentences import Sentences
from bot.matching.terms import coverage
from bot.question.controls import follow_up_place
from bot.question.parts import MAX_QUESTION, MAX_QUESTIONS, question_parts, questions_of
from bot.reply import Reply, Suggestion
from bot.text.normalize import normalize


def _chosen(outcomes: list[Decision], whole: bool = False) -> Decision:
    """The reply to a message from its parts' replies: the best answer, else the best choice or
    decline. (Preferring the question sentence to a better-scoring story clause was tried: it
    traded one set's adversarial message for another's, so the score decides.) A short message
    declined whole for what its fact leaves untold (「除了郗小雨，其他几个徒弟都叫什么」) stays
    declined: a clause alone (「其他几个徒弟都叫什么」) has lost what made it unanswerable."""
    if whole and (outcomes[0].reply.status != "declined" or outcomes[0].untold):
        # A short message is tried whole first; its clauses (「她说村里有几个能人……，还说什么三小
        # 组长，到底是什么机制啊」) only when the whole finds nothing: a clause alone loses the
        # context the others give (「“立刻办”的二十七件里，已经办完了多少」).
        return outcomes[0]
    return max(outcomes, key=lambda o: (o.reply.status == "answered", o.reply.score))


class Engine:
    """Answers questions from one loaded knowledge base."""

    def __init__(self, knowledge: Knowledge, index: Index, matching: Matching | None = None) -> None:
        self.knowledge = knowledge
        self.index = index
        self.places = Places(knowledge, index, matching or Matching())
        self.confidence = Confidence(index, self.places.matching)
        self.replies = Replies(knowledge, index)
        self.sentences = Sentences(knowledge, index)
        self.decider = Decider(knowledge, index, self.places, self.confidence, self.replies, self.sentences)
        self._positions: dict[str, int] = {}  # fact id → its index entry, made when first needed
        self._examples: list[str] | None = None
        self.declines = Declines(knowledge, index, self.examples)

    @property
    def matching(self) -> Matching:
        """The decision thresholds (shared with `self.places` and `self.confidence`)."""
        return self.places.matching

    @matching.setter
    def matching(self, matching: Matching) -> None:
        self.places.matching = self.confidence.matching = matching

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
            special = follow_up(self, question, conversation)
            if special is not None:
                return special
        talk = self.declines.small_talk(question)
        if talk is not None:
            # Small talk leaves the thread alone: 「谢谢」 then 「出处呢？」 still finds the answer.
            return talk
        resolved = resolve(
            question, conversation, self.index.aliases, self.index.places, lambda text: self.index.query(text).foreign
        )
        parts = self._parts(resolved)
        outcomes = [self.decider.decide(question, part, conversation) for part in parts]
        whole = parts[0] == resolved  # a short message: tried whole, then clause by clause
        chosen = _chosen(outcomes, whole)
        reply, place, candidates = chosen.reply, chosen.place, chosen.candidates
        if reply.status == "clarify" and len(parts) > 1 and not (whole and chosen is outcomes[0]):
            reply, place = self._told_by_story(resolved, reply, place)
        followed = follow_up_place(question, self.index.aliases, self.index.places) if resolved != question else None
        reply = self.declines.explain(reply, self.index.query(resolved[:MAX_QUESTION]), followed)
        reply = replace(reply, suggestions=reply.suggestions[: self.matching.suggestions])
        if conversation is not None:
            conversation.remember(reply, place=place, candidates=candidates)
        return reply

    def answer_all(self, message: str, conversation: Conversation | None = None) -> list[Reply]:
        """One reply per question of a message, in order (a pasted list of questions)."""
        questions = questions_of(message)
        replies = [self.answer(q, conversation) for q in questions[:MAX_QUESTIONS]]
        if len(questions) > MAX_QUESTIONS:
            rest = len(questions) - MAX_QUESTIONS
            text = TOO_MANY.format(answered=MAX_QUESTIONS, rest=rest)
            replies.append(Reply(question=message, status="declined", text=text, resolved=message))
        return replies

    def answer_fact(self, fact_id: str, question: str | None = None, conversation: Conversation | None = None) -> Reply:
        """The reply for a fact the user picked from suggestions (a button or a number)."""
        fact = self.knowledge.fact(fact_id)
        if fact is None:
            return Reply(question=question or fact_id, status="declined", text=STALE)
        reply = self.replies.fact(question or fact.questions[0], fact, 1.0, fact.questions[0])
        if conversation is not None:
            # 「还有呢？」 after a pick goes on as after the question that offered the choice.
            last = conversation.last
            offered = last is not None and any(s.fact_id == fact_id for s in last.suggestions)
            asked = (last.resolved or last.question) if offered and last is not None else fact.questions[0]
            doc = self.knowledge.documents[fact.doc_id]
            conversation.remember(reply, place=doc.place, candidates=self.candidates(asked))
        return reply

    def examples(self, count: int = 3) -> list[str]:
        """Questions this knowledge answers well, for welcomes, /start and the bot's own words."""
        if self._examples is None:
            self._examples = []  # while they are found, a decline cites none (no recursion)
            self._examples = example_questions(self.knowledge, self.index, lambda q: self.answer(q).fact_id, 4)
        return self._examples[:count]

    def follow_up_example(self) -> str | None:
        """「那吴江开发区呢？」 naming a place other than the first example's, if there are two."""
        return follow_up_example(self.knowledge, self.index, self.examples())

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
        for scored in rank(self.index, query, self.decider.scope(query)):
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
        for scored in rank(self.index, query, self.decider.scope(query))[:limit]:
            entry = self.index.entries[scored.position]
            rows.append({"fact_id": entry.fact_id, "doc": entry.doc_id, "score": scored.score, **scored.signals})
        return rows

    def _parts(self, message: str) -> list[str]:
        """`question_parts`, each naming the place the whole message is about, if only one: a place
        it names, or the place that alone has a name it uses (眭溪村).

        「……他说嘉兴科技城那边……我就想问问，科技城为了解决融资难，正在筹备设立的是个啥？」: the
        story names the place, the question sentence does not; it is asked about that place.
        """
        parts = question_parts(message)
        if len(parts) == 1 and parts[0] == message:
            return parts
        named = self._places_in(message)
        if not named and (owner := self.places.owned_by(self.index.query(message[:MAX_QUESTION]))):
            # 「眭溪村的鲜花兑换点在哪儿，几点开门？」: a name only one article has places the whole
            # message, so 「几点开门」 is not asked of another town's hall.
            named = {owner}
        if len(named) != 1:
            return parts
        place = named.pop()
        return [p if p == message or self._places_in(p) else f"{place}{p}" for p in parts]

    def _told_by_story(self, message: str, reply: Reply, place: str | None) -> tuple[Reply, str | None]:
        """A question part left open between facts, settled by the rest of the message.

        「我刚入职嘉兴水务集团……说科技城跟我们签过一个全市第一的协议……签的是什么协议？」: the
        question alone fits two agreements; the story names the water company and 全市第一, which
        only one of them mentions. The choice that covers clearly more of the whole message's
        key terms is the answer; otherwise the user is still asked.
        """
        question = Question.of(self.index, self.index.query(message[:MAX_QUESTION]))
        covered = sorted(
            ((coverage(question.terms, self.index.entries[p]), p) for p in self._positions_of(reply.suggestions)),
            reverse=True,
        )
        if len(covered) < 2 or covered[0][0] - covered[1][0] < self.matching.story_margin:
            return reply, place
        entry = self.index.entries[covered[0][1]]
        fact = self.knowledge.fact(entry.fact_id or "")
        if fact is None:
            return reply, place
        return self.replies.fact(reply.question, fact, reply.score, reply.resolved), entry.place

    def _positions_of(self, suggestions: tuple[Suggestion, ...]) -> list[int]:
        if not self._positions:
            # Read from the table's column: materialising every entry took seconds at ×1000.
            self._positions = {f: i for i, f in enumerate(self.index.entries.fact_ids) if f}
        return [self._positions[s.fact_id] for s in suggestions if s.fact_id in self._positions]

    def _places_in(self, text: str) -> set[str]:
        normal = normalize(text[: MAX_QUESTION * 8], self.index.aliases)
        return {p for p in self.index.places if p in normal}

    # -- context ----------------------------------------------------------------------------

    def candidates(self, question: str) -> list[str]:
        """The facts a question ranks, best first: what 「还有呢？」 goes on with."""
        query = self.index.query(question[:MAX_QUESTION])
        return [
            self.index.entries[s.position].fact_id or ""
            for s in self.decider.distinct_facts(rank(self.index, query, self.decider.scope(query)))
        ]
