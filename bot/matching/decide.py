"""The decision for one question part: answer, ask which, or decline — and why.

    Query ─► rank (recall + re-rank) ─► distinct facts ─► place rival? ─► confident? ─► ties?
                                                                         └─ unsure: sentence,
                                                                            choice or decline

Thresholds are `config.Matching` (see `bot.matching.engine` for what each outcome means).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.config import Matching
from bot.index.search import Index
from bot.knowledge.docfacts import chinese_date
from bot.knowledge.model import Knowledge
from bot.matching.confidence import Confidence, clean
from bot.matching.conversation import Conversation
from bot.matching.outcomes import (
    AFTER_REPORT,
    CLARIFY_FACTS,
    CLARIFY_LIST,
    CLARIFY_PLACES,
    DECLINED,
    DECLINED_NEAR,
    EMPTY,
    PLAN_ONLY,
    UNSAID,
    WRONG_PREMISE,
    Replies,
)
from bot.matching.places import Places
from bot.matching.readings import Readings
from bot.matching.scoring import Scored, is_village, rank
from bot.matching.sentences import Sentences
from bot.matching.untold import untold_reason
from bot.question.kinds import Query
from bot.question.parts import MAX_QUESTION
from bot.question.people import POST_QUESTIONS
from bot.question.timeframe import asks_after, asks_now_or_done, asks_outcome, tells_plan_only
from bot.question.units import rough_ranges, tells_in, tells_unit, units_after
from bot.question.unsaid import asks_unsaid
from bot.reply import Reply
from bot.text.normalize import normal_form, normalize

#: How a question speaks of the report itself (这篇报道, 哪家媒体发的, 记者是谁, 标题).
_ABOUT_REPORT = re.compile(
    r"报道|文章|新闻|稿|发布|发表|刊发|刊登|发的|记者|作者|撰稿|署名|标题|题目|来源|出处|媒体|报纸|报社|写的"
)


@dataclass(frozen=True)
class Decision:
    """What was decided for one part of a message: the reply, the place it settles the
    conversation on (None when it asks or declines), the facts considered, best first (what
    「还有呢？」 goes on with), and whether it declines for what its fact leaves untold."""

    reply: Reply
    place: str | None = None
    candidates: list[str] = field(default_factory=list)
    untold: bool = False  # declined for what the matching fact leaves untold, not for doubt


class Decider:
    """Decides each question part against one index (the engine owns one)."""

    def __init__(
        self,
        knowledge: Knowledge,
        index: Index,
        places: Places,
        confidence: Confidence,
        replies: Replies,
        sentences: Sentences,
    ) -> None:
        self.knowledge = knowledge
        self.index = index
        self.places = places
        self.confidence = confidence
        self.replies = replies
        self.sentences = sentences
        self.readings = Readings(index, places.matching, sentences, self._plan_only)

    @property
    def matching(self) -> Matching:
        return self.places.matching

    def scope(self, query: Query) -> set[str] | None:
        if not query.places:
            return None
        docs = {d for p in query.places for d in self.index.places.get(p, [])}
        return docs

    def decide(self, question: str, resolved: str, conversation: Conversation | None) -> Decision:
        shown_resolved = resolved if resolved != question else ""
        query = self.index.query(resolved[:MAX_QUESTION])
        if not query.text.strip():
            return Decision(Reply(question=question, status="declined", text=EMPTY, resolved=resolved))
        docs = self.scope(query)
        if query.places and not docs:  # a place that has no article
            return Decision(self.replies.declined(question, resolved, [], DECLINED))
        if query.after and (step := self._next_step(question, shown_resolved, query, docs)) is not None:
            return Decision(step)
        ranked = rank(self.index, query, docs)
        if docs is None and conversation is not None and conversation.place and query.asks:
            ranked = self._prefer_place(ranked, conversation.place)
        facts = self.distinct_facts(ranked)
        candidates = [self.index.entries[s.position].fact_id or "" for s in facts]
        m = self.matching
        best = facts[0] if facts else None
        place = self.places.of(best) if best else None
        if best is None:
            return Decision(self.replies.declined(question, shown_resolved, [], DECLINED), None, candidates)
        if docs is None:
            other_places = self.places.others(query, facts, best)
            if other_places:
                choices = self.places.per_place(facts, [best, *other_places])
                return Decision(
                    self.replies.clarify(question, shown_resolved, choices, CLARIFY_PLACES), None, candidates
                )
        sure = self.confidence.sure(query, facts) and self._about_the_article(query, best)
        instead = (
            () if sure else self.confidence.wrong_person(query, best) or self.confidence.wrong_village(query, best)
        )
        if not sure and not instead and (around := self._said_around(query, best)) is not None:
            sure, instead = True, around  # 「镇长眭立新说…」 of a fact that names no one
        if sure and query.strangers:
            # 「乡长郦昀涛…」: answered only by a fact naming who the article says holds the post.
            instead = self.confidence.post_holders(query, best)
            sure = bool(instead)
        if (not sure and not instead) or self.confidence.unconfirmed(query, best):
            return Decision(
                self._unsure(question, shown_resolved, query, ranked, facts, docs is None), None, candidates
            )
        noted = self.replies.fact_of(best)
        # The curator's own note of what the article leaves out (文中未列出…名称) says it better.
        if noted is not None and asks_unsaid(query, noted.unsaid):
            untold = None
        else:
            untold = untold_reason(question, query, self.index.entries[best.position].sentence, self.index.people)
        if untold:
            declined = self.replies.declined(question, shown_resolved, [best], untold)
            return Decision(replace(declined, score=best.score), place, candidates, untold=True)
        if query.plural and len(parts := self._list_parts(facts)) >= 2:
            # The parts of a list cut from one sentence (卫星石化、加西贝拉、闻泰通讯…) are that sentence.
            joint = self.sentences.joint(parts[0], parts[1])
            if joint and all(self.index.entries[p.position].sentence in joint for p in parts):
                return Decision(self.replies.sentence(question, best, shown_resolved, joint), place, candidates)
            return Decision(self.replies.clarify(question, shown_resolved, parts, CLARIFY_LIST), None, candidates)
        close = [s for s in facts[1:] if best.score - s.score < m.margin and s.score >= m.suggest]
        close += self.readings.alike(query, best, facts[1:4], close)
        if close and (joint := self.sentences.joint(best, close[0])) is not None:
            return Decision(self.replies.sentence(question, best, shown_resolved, joint), place, candidates)
        if query.counts > 1 and (joint := self.sentences.counts_together(best, facts, m.suggest)) is not None:
            return Decision(self.replies.sentence(question, best, shown_resolved, joint), place, candidates)
        close = [
            s for s in close if not self.sentences.same_answer(best, s) and not self.readings.agree(query, best, s)
        ]
        if query.asks in ("person", "named") or POST_QUESTIONS & set(query.words):
            # 「…的总经理是谁」, 「程慕言担任什么职务」: facts naming the same one person tell the same.
            close = [s for s in close if not self.sentences.same_person(best, s)]
        if close and asks_now_or_done(query.text):
            # 「现在到底有多少名反诈志愿者」, 「卫生厕所普及率达到多少了」: what there is now or was
            # reached, not what a plan will add or aims at (力争…97%).
            plans = [s for s in [best, *close] if self._plan_only(s)]
            if len(plans) <= len(close):
                kept = [s for s in [best, *close] if s not in plans]
                best, close = kept[0], kept[1:]
                place = self.places.of(best)
        if close and len(giving := self._giving_checked(query, [best, *close])) == 1:
            # 「党建联盟有二十五家吗」: the fact that tells 25 is the one asked about.
            best, close = giving[0], []
            place = self.places.of(best)
        if close:
            choices = [best, *close][: m.suggestions]
            return Decision(self.replies.clarify(question, shown_resolved, choices, CLARIFY_FACTS), None, candidates)
        fact = self.replies.fact_of(best)
        assert fact is not None
        if asks_unsaid(query, fact.unsaid):
            # The curator noted the article does not say this (「机器人研究所叫什么名字」); the fact
            # is offered for what it does say.
            text = UNSAID.format(note=fact.unsaid)
            declined = self.replies.declined(question, shown_resolved, [best], text)
            return Decision(replace(declined, score=best.score), place, candidates, untold=True)
        told = f"{self.index.entries[best.position].sentence} {fact.answer}"
        report = self.knowledge.documents.get(fact.doc_id)
        if report is not None and asks_after(query.text, report.date):
            # 「8月底真的都完工了吗」 of a report of June: what came later the article cannot know.
            text = AFTER_REPORT.format(date=chinese_date(report.date))
            declined = self.replies.declined(question, shown_resolved, [best], text)
            return Decision(replace(declined, score=best.score), place, candidates, untold=True)
        if asks_outcome(query.text, told) and not any(
            asks_outcome(q, told) for q in self.index.entries[best.position].questions
        ):
            # 「后来建完了吗」 of a plan: the article cannot tell; the plan is offered for what it says.
            # Unless the curator asks the fact just that (「全年目标完成了吗」 of 提前完成全年目标).
            declined = self.replies.declined(question, shown_resolved, [best], PLAN_ONLY)
            return Decision(replace(declined, score=best.score), place, candidates, untold=True)
        reply = self.replies.fact(question, fact, best.score, shown_resolved)
        if instead:
            named = (
                list(query.strangers)
                or [t for t in query.terms if self.index.names_someone(t)]
                or [t for t in query.terms if is_village(self.index, t)]  # 「冠军是甪岭村代表队吧」
            )
            reply = replace(reply, text=WRONG_PREMISE.format(instead="、".join(instead), named="、".join(named)))
        elif wrong := self.confidence.corrections(query, best, question):
            # 「派出所所长仉海燕说…达到了99%」: the post's holder and the figure may both be wrong.
            reply = replace(reply, text="".join(WRONG_PREMISE.format(instead=i, named=n) for i, n in wrong))
        return Decision(reply, place, candidates)

    def _plan_only(self, scored: Scored) -> bool:
        """Whether a fact tells a plan: its source, or its answer when a curator cut the source
        short (「新增反诈志愿者100名以上」 of 「下一步，厍岭镇计划…」)."""
        fact = self.replies.fact_of(scored)
        told = (self.index.entries[scored.position].sentence, fact.answer if fact else "")
        return any(tells_plan_only(text) for text in told)

    def _about_the_article(self, query: Query, best: Scored) -> bool:
        """Whether a fact about the article itself (its title, outlet, date, author) is what the
        question asks about: it must speak of the report, its outlet or its author. Its answer
        quotes the title, so 「便民服务中心是哪天投用的」 would otherwise get the report's date
        because the title says 便民服务中心投用."""
        fact = self.replies.fact_of(best)
        if fact is None or fact.origin != "document":
            return True
        doc = self.knowledge.documents.get(fact.doc_id)
        named = [part for part in (doc.outlet, doc.author) if part] if doc else []
        return bool(_ABOUT_REPORT.search(query.text)) or any(
            word in query.text for part in named for word in re.split(r"[\s、，,]+", part) if len(word) >= 2
        )

    def _said_around(self, query: Query, best: Scored) -> tuple[str, ...] | None:
        """`Confidence.said_around`, read in the article's words around the best fact's source."""
        entry = self.index.entries[best.position]
        doc = self.knowledge.documents.get(entry.doc_id)
        paragraph = (doc.paragraph_of(entry.sentence) if doc else None) or entry.sentence
        # The article's sentence holding the source first: who said it is told there (镇长厍海峰表示，…).
        return self.confidence.said_around(query, best, self.sentences.holding(best) or paragraph)

    def _unsure(
        self, question: str, resolved: str, query: Query, ranked: list[Scored], facts: list[Scored], unscoped: bool
    ) -> Reply:
        """No fact scores high enough: an article sentence, a choice, or an honest decline.

        When the best facts contain every key term of the question but none is worded like it,
        the question is vague (「为老百姓办了哪些实事」): the user is offered the candidates.
        When a key term is missing from every candidate, the article does not say what was
        asked, and near misses are shown only as suggestions under a decline.
        """
        m = self.matching
        best = facts[0]
        sentence = next((s for s in ranked if self.index.entries[s.position].fact_id is None), None)
        if (
            sentence is not None
            and sentence.score >= m.answer
            and sentence.score - best.score >= m.margin
            and not self.confidence.unconfirmed(query, sentence)  # 「绿道骑行要收费吗」: no sentence says 收费
            and not untold_reason(question, query, self.index.entries[sentence.position].sentence, self.index.people)
            and not self._told_not_in_unit(best, sentence)
        ):
            if unscoped and (others := self.places.others(query, facts, sentence, loosely=True)):
                # The sentence itself cannot be a choice (a choice is a fact): its place's best fact is.
                leader = next((s for s in facts if self.places.of(s) == self.places.of(sentence)), None)
                choices = self.places.per_place(facts, others if leader is None else [leader, *others])
                return self.replies.clarify(question, resolved, choices, CLARIFY_PLACES)
            return self.replies.sentence(question, sentence, resolved)
        counted = self.confidence.sole_count(query, facts) and not untold_reason(
            question, query, self.index.entries[best.position].sentence, self.index.people
        )
        if self.confidence.clear_winner(query, facts) or counted:
            fact = self.replies.fact_of(best)
            if fact is not None:
                return self.replies.fact(question, fact, best.score, resolved)
        # Near misses are ranked by how well they match the subject, not by what they can
        # supply: for 「云创小镇有多少家企业」 the fact about 云创小镇 is the useful suggestion.
        near = sorted((s for s in facts if s.signals["subject"] >= m.suggest), key=lambda s: -s.signals["subject"])[
            : m.suggestions
        ]
        vague = [s for s in near if s.signals["coverage"] >= m.vague_coverage and s.signals["kind"] == 1.0]
        if len(vague) >= 2 and best.score - vague[1].score < m.margin:
            return self.replies.clarify(question, resolved, vague, CLARIFY_FACTS)
        if best.score >= m.suggest and clean(best) and (alike := self.readings.alike(query, best, facts[1:4], [])):
            # 「文章里那位老人家今年多大岁数」: two people's ages fit alike, neither well enough.
            return self.replies.clarify(question, resolved, [best, *alike], CLARIFY_FACTS)
        noted = self.replies.fact_of(best)
        if noted is not None and best.score >= m.suggest and asks_unsaid(query, noted.unsaid):
            # 「有多少名网格员」 of a fact noting 「文中未写明网格员人数」: the note says why, even
            # when no figure in the unit asked kept the fact from answering.
            return replace(
                self.replies.declined(question, resolved, [best], UNSAID.format(note=noted.unsaid)), score=best.score
            )
        if len(leaders := self.readings.leaders(query, facts)) > 1:
            return self.replies.clarify(question, resolved, leaders, CLARIFY_FACTS)
        if leaders:
            # 「这个产粮大乡的党委一把手叫什么」 names no place, and every town has a 党委: one article's
            # 党委书记 is a guess at the article, unless the body named is in that article alone.
            guessed = (
                unscoped
                and len(self.knowledge.documents) > 1
                and not self.readings.one_article_has(self.readings.bodies_headed(query, leaders[0]))
            )
            if not guessed and (head := self.replies.fact_of(leaders[0])) is not None:
                return self.replies.fact(question, head, leaders[0].score, resolved)
        reply = self.replies.declined(question, resolved, near, DECLINED_NEAR if near else DECLINED)
        return replace(reply, score=best.score)

    def _told_not_in_unit(self, best: Scored, sentence: Scored) -> bool:
        """Whether the best fact, cut from `sentence`, holds what is asked but gives no figure in the
        unit asked (「诉讼案件多少件」 of 「诉讼案件数同比下降18.3%」): the sentence's other clauses'
        figures (412件) are not its answer either."""
        entries = self.index.entries
        return "unit_miss" in best.signals and entries[best.position].sentence in entries[sentence.position].sentence

    def _next_step(self, question: str, resolved: str, query: Query, docs: set[str] | None) -> Reply | None:
        """「成立领导小组之后又做了什么」: the fact the article tells right after the step named, in
        each place that confidently has that step (both: the user picks the place)."""
        m = self.matching
        facts = self.distinct_facts(rank(self.index, self.index.query(query.after), docs))
        # Per place, its best match for the step — of near-tied ones, the first the article tells
        # (组建起领导小组 before the units that 也纷纷建起领导小组).
        tied: dict[str | None, list[Scored]] = {}
        for scored in facts:
            if scored.score >= m.answer and facts[0].score - scored.score <= m.place_margin:
                group = tied.setdefault(self.places.of(scored), [])
                if not group or group[0].score - scored.score < m.margin:
                    group.append(scored)
        steps = {place: min(group, key=lambda s: self.sentences.order(s.position)) for place, group in tied.items()}
        following = [
            Scored(position, step.score, step.signals)
            for step in steps.values()
            if (position := self.sentences.next_fact(step.position)) is not None
        ]
        if not following:
            return None
        if len(following) == 1:
            fact = self.replies.fact_of(following[0])
            return self.replies.fact(question, fact, following[0].score, resolved) if fact else None
        return self.replies.clarify(question, resolved, following, CLARIFY_PLACES)

    def _giving_checked(self, query: Query, facts: list[Scored]) -> list[Scored]:
        """Of near-tied facts, those whose answer tells a number the question offers to confirm —
        or, when none does, those telling a figure in that number's unit (the one to correct it)."""
        if not query.checked:
            return []
        if rough := self._roughly_giving(query, facts):
            return rough  # 「有三十几名队员，具体是多少」: the fact whose figure is in the thirties
        giving = [s for s in facts if query.checked & self.index.entries[s.position].numbers]
        if giving:
            return giving
        # 「仉大满干保洁已经十年了吧」: no fact says 10; the one telling years (第五个年头) corrects it.
        units = tuple(sorted({u for n in query.checked for u in units_after(query.text, n)}))
        return [s for s in facts if units and tells_unit(self.index.entries[s.position].measured, units)]

    def _roughly_giving(self, query: Query, facts: list[Scored]) -> list[Scored]:
        """Of `facts`, those whose source gives a figure in the range of a rough one the question
        gives (30几 → 30–39, 2万多 → 2–3万): the source, not the answer, which cites the year."""
        ranges = rough_ranges(query.text)
        return [s for s in facts if ranges and tells_in(normal_form(self.index.entries[s.position].sentence), ranges)]

    def _list_parts(self, facts: list[Scored]) -> list[Scored]:
        """For a question asking for a list, the facts that each give a part of it: every key
        term present, the kind asked for given, and scoring close to the best."""
        m = self.matching
        best = facts[0]
        return [
            s
            for s in facts
            if s.signals["coverage"] >= m.vague_coverage
            and s.signals["kind"] == 1.0
            and best.score - s.score <= m.list_margin
        ][: m.suggestions]

    def _prefer_place(self, ranked: list[Scored], place: str) -> list[Scored]:
        """With no place named, a follow-up stays where the conversation was, unless the
        question plainly belongs elsewhere: after an answer about 嘉兴科技城, 「李磊是谁」 asks
        about a man only the 吴江 article names, whose fact outscores any of 科技城 by more than
        `place_margin` (within it, the place the conversation is about decides)."""
        canonical = normalize(place, self.index.aliases)
        docs = set(self.index.places.get(canonical, []))
        kept = [s for s in ranked if self.index.entries[s.position].doc_id in docs]
        if not kept or ranked[0].score - kept[0].score > self.matching.place_margin:
            return ranked
        return kept

    def distinct_facts(self, ranked: list[Scored]) -> list[Scored]:
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
