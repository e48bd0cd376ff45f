"""Which place a question naming none is about: one, or several (then the user is asked).

Two articles, two towns. 「动员大会是哪天开的」 names neither; if both towns' facts fit it about
alike, answering with one would be a guess, so the engine asks which place. A question using a
name only one article has (梁一波, 氮化镓) is about that article's place as surely as if it had
named the place.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import zip_longest

from bot.config import Matching
from bot.index.search import Index
from bot.knowledge.docfacts import missing_fields, told_fields
from bot.knowledge.model import Knowledge
from bot.matching.confidence import clean
from bot.matching.scoring import Scored, is_village
from bot.matching.terms import Term, term_match
from bot.question.kinds import Query
from bot.question.units import names_no_place
from bot.question.unsaid import asks_unsaid

#: Of a who question, what another place's fact may lack: a post is held in one firm or town
#: (无人机公司的经理), and another's holder is someone else.
PERSON_LACK = 0.2
#: A word of the question the other place's fact must hold, to be a rival, weighs at least this
#: share of the knowledge's top weight (`Index.max_idf`).
SUBJECT_SHARE = 0.5
#: A wording signal this high: the question is one of the fact's curated wordings, word for word.
EXACT = 0.999


class Places:
    """Place decisions over one knowledge base and its index."""

    def __init__(self, knowledge: Knowledge, index: Index, matching: Matching) -> None:
        self.knowledge = knowledge
        self.index = index
        self.matching = matching

    def others(self, query: Query, facts: list[Scored], best: Scored, loosely: bool = False) -> list[Scored]:
        """For a question naming no place, the other places' facts that make it ambiguous, one a
        place, best first (`loosely`: only rivals, for a best entry that is an article sentence,
        not a fact). With three articles, 「这篇报道是哪家媒体发的」 has three answers, not two.

        A question naming a place the knowledge does not cover (「周庄镇有多少个党组织」) is not
        unplaced: asking "吴江开发区 or 嘉兴科技城?" would offer two wrong towns.
        """
        if query.foreign or self.owned_by(query) == self.of(best):
            return []
        if (fields := self._asked(facts, self._fields(best))) and (telling := self._leaders(facts, best, fields)):
            # 「这篇报道是哪家报纸发的」: every article has an outlet; which one is meant, only the
            # user can say, however much closer one curator's wording is.
            return telling
        found = []
        for leader in self._leaders(facts, best):
            if self._foreign_topic(query, best, leader):
                continue
            if (not loosely and self._about_as_well(best, leader)) or self._rival(query, best, leader):
                found.append(leader)
        return found

    def _asked(self, facts: list[Scored], told: frozenset[str]) -> frozenset[str]:
        """The field of its article a question asks, when its best fact tells any (`told`): the
        field of the best-ranked fact made from a `document:` block (「作者是谁」 asks the author,
        though an article without one has its curator's fact about that cite the outlet and date)."""
        if not told:
            return told
        for scored in facts:
            fact_id = self.index.entries[scored.position].fact_id
            fact = self.knowledge.fact(fact_id) if fact_id else None
            if fact is not None and fact.origin == "document":
                return self._fields(scored)
        return told

    def _missing(self, scored: Scored) -> frozenset[str]:
        """The fields its article does not give (no author, say)."""
        doc = self.knowledge.documents.get(self.index.entries[scored.position].doc_id)
        return missing_fields(doc) if doc is not None else frozenset()

    def _fields(self, scored: Scored) -> frozenset[str]:
        """The fields of its article (title, outlet, date, author) the entry's fact tells."""
        entry = self.index.entries[scored.position]
        fact = self.knowledge.fact(entry.fact_id) if entry.fact_id else None
        doc = self.knowledge.documents.get(entry.doc_id)
        return told_fields(doc, fact) if fact is not None and doc is not None else frozenset()

    def _leaders(self, facts: list[Scored], best: Scored, fields: frozenset[str] = frozenset()) -> list[Scored]:
        """Each other place's best fact, in rank order; with `fields`, its best fact telling one of
        those fields of its own article — or, when its article gives none of them, its best fact
        (what its curator says of the missing author)."""
        seen, leaders = {self.of(best)}, []
        for scored in facts:
            if (place := self.of(scored)) not in seen and (
                not fields
                or self._fields(scored) & fields
                or (fields <= self._missing(scored) and scored.score >= self.matching.answer)
            ):
                seen.add(place)
                leaders.append(scored)
        return leaders

    def _rival(self, query: Query, best: Scored, leader: Scored) -> bool:
        """Whether another place's best fact (`leader`) too fits the subject of a question naming
        no place, whether or not either is a full answer, and however much better the best fact
        is worded.

        The two articles tell the same kind of campaign in two towns, so a question naming neither
        is about either: 「平时是怎么跟企业保持联系的」 fits the QQ groups of one and the grid of the
        other, 「动员大会是哪天开的」 the 动员大会 of 3月4日 word for word and the 动员部署 of 9月12日
        only in part. Answering with one town would be a guess; asking which is the useful reply.
        A list (「召开了哪些座谈会」) is gathered from both places this way too.

        The other fact must match the subject at `rival_floor`, give the kind of answer asked
        and lack nothing the question names (its focus, a number, a name, a place):
        「总投资1.56亿元的是哪个项目」 has no rival in a town whose projects cost other sums, nor
        「中医馆几点开门」 in a town whose officials 开门听 at no stated hour.
        It must also hold most of what the best fact holds of the question: 「区委书记是哪位」 has no
        rival in another town's 党委书记 — what the other place lacks (区委) may weigh at most
        `rival_lack` of the question's terms. And a question that is one of the best fact's
        curated wordings word for word (「东南片区党建有什么短板」) is that fact's, unless the other
        place's curated wordings come near it too (`rival_worded`) and it lacks little of the
        question (`exact_lack`: 集中学习 is no rival for 「集中清洁行动 场次」): a new article's fact
        sharing a word or two (片区) does not turn an old article's own question into a choice.
        """
        m = self.matching
        # Word for word: the ratio of sorted key words falls short of 1 when the curated wording
        # keeps a word the question's key terms drop (多久), so the wording itself is looked up.
        exact = best.signals["wording"] >= EXACT or query.compact in self.index.entries[best.position].questions
        if exact and leader.signals["wording"] < m.rival_worded:
            return False  # a curated wording, word for word, is its fact's question
        fits = min(best.signals["subject"], leader.signals["subject"]) >= m.rival_floor
        lack = min(m.exact_lack, m.rival_lack) if exact else m.rival_lack
        if query.asks in ("person", "named"):
            lack = min(lack, PERSON_LACK)  # 「那家无人机公司的经理」: another firm's 经理 is no rival
        return (
            fits
            and leader.signals["kind"] == 1.0
            and clean(leader)
            and not self._cannot_tell(query, leader)
            and self._lacks(query, best, leader) <= lack
            and self._shares_a_subject(query, leader)
        )

    def _shares_a_subject(self, query: Query, leader: Scored) -> bool:
        """Whether the other place's fact holds a word of the question that says what it is about,
        not only a common one: 「哪几个社区还没有托育点」 is no question for a town whose articles
        tell of its 社区 but never of a 托育点. A word of two characters or more, weighing at least
        `SUBJECT_SHARE` of the knowledge's top weight (or the question's mean, for a question of
        common words only), held as a word, a word of near meaning or a word opening alike (its
        动员部署 for 动员大会)."""
        terms = [Term.of(self.index, t) for t in query.terms if len(t) >= 2]
        if not terms:
            return True
        floor = min(SUBJECT_SHARE * self.index.max_idf, sum(t.weight for t in terms) / len(terms))
        entry = self.index.entries[leader.position]
        return any(
            t.weight >= floor
            and (term_match(t, entry, scattered=False) >= 0.45 or any(w.startswith(t.text[:2]) for w in entry.words))
            for t in terms
        )

    def _foreign_topic(self, query: Query, best: Scored, leader: Scored) -> bool:
        """Whether the question opens with a subject of the best fact's article that the other
        place's article never writes, not even in another form: 「防火期从什么时候开始」 is not
        asked of a town whose articles know no 防火 (its 活动开始 is no rival), while 「动员大会是
        哪天开的」 is of one that held a 动员部署."""
        if not query.terms or len(topic := query.terms[0]) < 2:
            return False
        table = self.index.entries
        if topic not in table[best.position].words:
            return False
        return topic[:2] not in self._openings(table.doc_of[leader.position])

    def _openings(self, doc: int) -> frozenset[str]:
        """The first two characters of every word of one article, worked out once an index (an
        article's entries are stored together: its positions are one run of `doc_of`)."""
        known = self.index.memo.setdefault("openings", {})
        if doc not in known:
            table = self.index.entries
            start, end = bisect_left(table.doc_of, doc), bisect_right(table.doc_of, doc)
            joined = (table.words[p] or "" for p in range(start, end))
            known[doc] = frozenset(w[:2] for words in joined for w in words.split("\n") if len(w) >= 2)
        return known[doc]

    def _cannot_tell(self, query: Query, scored: Scored) -> bool:
        """Whether its curator notes the article does not tell what the question asks (「文中未写明
        开门时间」 of 「中医馆开门时间」): another place's fact that cannot answer is no rival."""
        fact_id = self.index.entries[scored.position].fact_id
        fact = self.knowledge.fact(fact_id) if fact_id else None
        return fact is not None and asks_unsaid(query, fact.unsaid)

    def _lacks(self, query: Query, best: Scored, leader: Scored) -> float:
        """The share of the question's term weight the best entry holds and the leader does not."""
        terms = [Term.of(self.index, t) for t in query.terms]
        total = sum(t.weight for t in terms)
        best_entry, leader_entry = self.index.entries[best.position], self.index.entries[leader.position]
        lacking = sum(
            t.weight
            for t in terms
            if term_match(t, best_entry) >= 0.9 and term_match(t, leader_entry, scattered=False) < 0.5
        )
        return lacking / total if total else 0.0

    def owned_by(self, query: Query) -> str | None:
        """The one place whose articles alone hold a name the question uses (梁一波, 氮化镓): the
        question is about that place as surely as if it had named the place.

        Only names count — the curators' `names`, the names jieba found in the articles and the
        villages they name (眭溪村, not 行政村) — not
        common words: 奋斗目标 is in one article only, yet 「当地的奋斗目标是什么」 fits both towns.
        """
        owners: set[str | None] = set()
        for term in query.terms:
            named = self.index.is_name(term) or (is_village(self.index, term) and not names_no_place(term))
            if named and len(holders := self._holders(term)) == 1:
                owners |= holders
        return owners.pop() if len(owners) == 1 else None

    def _holders(self, word: str) -> set[str | None]:
        """The places whose entries use `word` (read from its posting list)."""
        table = self.index.entries
        return {table.doc_places[table.doc_of[p]] for p in self.index.postings.get(f"w:{word}", ())}

    def _about_as_well(self, best: Scored, leader: Scored) -> bool:
        """Whether another place's best fact (`leader`) answers the question about as well.

        "About as well": it is itself a plausible answer (it scores `place_floor` and covers
        `place_coverage` of the key terms) and is within `place_margin` of the best. Then the
        question fits both places and only the user can say which.
        """
        m = self.matching
        return (
            leader.score >= m.place_floor
            and best.score - leader.score <= m.place_margin
            and leader.signals["coverage"] >= m.place_coverage
        )

    def per_place(self, facts: list[Scored], leaders: list[Scored]) -> list[Scored]:
        """Choices for a question that fits two places: each place's best facts, alternating.

        Two per place when the runner-up is close to its place's best, since a vague question
        (「收集到多少意见和问题」) often has two candidate answers in each article.
        """
        columns: list[list[Scored]] = []
        for leader in leaders:
            place = self.of(leader)
            column = [leader]
            for scored in facts:
                if (
                    scored is not leader
                    and self.of(scored) == place
                    and leader.score - scored.score < self.matching.place_margin / 2
                    and (not (told := self._fields(leader)) or told & self._fields(scored))  # authors with authors
                ):
                    column.append(scored)
                    break
            columns.append(column)
        return [s for row in zip_longest(*columns) for s in row if s is not None]

    def of(self, scored: Scored) -> str | None:
        doc = self.knowledge.documents.get(self.index.entries[scored.position].doc_id)
        return doc.place if doc else None
