"""Facts cut from one article sentence, and the sentence that answers for them together.

Curators split a sentence into several facts (收集问题191个 | 已办结175个). When a question fits
two of them alike, or asks for both (「收集了多少问题，办结了多少」), the sentence they came from
answers every reading at once, quoted as the article has it.
"""

from __future__ import annotations

import re

from bot.index.search import Index
from bot.knowledge.model import NUMBER, Knowledge
from bot.matching.scoring import Scored


def _overlap(a: str, b: str) -> bool:
    """Two source quotes overlap: one holds the other, or they share a clause."""
    if a in b or b in a:
        return True
    clauses = {c for c in re.split(r"[,，;；、]", a) if len(c) >= 4}
    return any(c in clauses for c in re.split(r"[,，;；、]", b))


def _covering(sentences: list[str], *quotes: str) -> str | None:
    """The fewest consecutive sentences whose text holds every quote, joined as in the article."""
    for size in (2, 3):
        for i in range(len(sentences) - size + 1):
            joined = "".join(sentences[i : i + size])
            if all(q in joined for q in quotes):
                return joined
    return None


class Sentences:
    """The article sentences behind one knowledge base's facts."""

    def __init__(self, knowledge: Knowledge, index: Index) -> None:
        self.knowledge = knowledge
        self.index = index
        self._articles: dict[str, str] = {}

    def counts_together(self, best: Scored, facts: list[Scored], suggest: float) -> str | None:
        """For a question asking two counts, the article sentence giving the best fact's count and
        another's: 「收集了多少问题，办结了多少」 is answered by 收集问题191个,已办结175个."""
        for other in facts[1:6]:
            if other.score < suggest:
                break
            if self.index.entries[other.position].numbers and (joint := self.joint(best, other)):
                return joint
        return None

    def same_answer(self, best: Scored, other: Scored) -> bool:
        """Two facts cut from one clause, or giving the same figures, are one answer."""
        a, b = self.index.entries[best.position], self.index.entries[other.position]
        if a.sentence == b.sentence:
            return True
        numbers_a, numbers_b = set(NUMBER.findall(a.sentence)), set(NUMBER.findall(b.sentence))
        return (bool(numbers_a) and numbers_a <= numbers_b) or (bool(numbers_b) and numbers_b <= numbers_a)

    def same_person(self, best: Scored, other: Scored) -> bool:
        """Two facts naming the same one person: to 「…的总经理是谁」 both answer 宋佳怡."""
        a, b = self.index.entries[best.position], self.index.entries[other.position]
        people_a, people_b = a.words & self.index.people, b.words & self.index.people
        return len(people_a) == 1 and people_a == people_b

    def holding(self, scored: Scored) -> str | None:
        """The article sentence the entry's source was cut from (None when it spans several)."""
        entry = self.index.entries[scored.position]
        doc = self.knowledge.documents.get(entry.doc_id)
        return next((s for s in doc.sentences() if entry.sentence in s), None) if doc else None

    def joint(self, best: Scored, other: Scored) -> str | None:
        """The article sentence two near-tied facts were both cut from.

        「封小平 调解 医疗费」 fits the fact about who 封小平 is and the one about the 7万元 he
        won, both cut from one sentence: that sentence answers every reading at once, where
        choosing one fact would drop what the other says and asking would be pedantic. Quoted
        speech can hold a 。, so two overlapping quotes may span two sentences; then both are
        quoted.
        """
        a, b = self.index.entries[best.position], self.index.entries[other.position]
        doc = self.knowledge.documents.get(a.doc_id)
        if doc is None or a.doc_id != b.doc_id:
            return None
        found = next((s for s in doc.sentences() if a.sentence in s and b.sentence in s), None)
        if found is None and _overlap(a.sentence, b.sentence):
            found = _covering(doc.sentences(), a.sentence, b.sentence)
        # A sentence listing many things between semicolons is quoted only in the part that
        # holds both facts: 「…讲党课194堂;…收集问题191个,已办结175个」 → the last part.
        part = next((p for p in re.split(r"(?<=[;；])", found or "") if a.sentence in p and b.sentence in p), None)
        return part.rstrip(";；") if part else found

    def order(self, position: int) -> int:
        """Where the entry's source stands in its article (characters from the start; -1: not found)."""
        return self._article(self.index.entries.doc_ids[self.index.entries.doc_of[position]]).find(
            self.index.entries.sentences[position]
        )

    def next_fact(self, position: int) -> int | None:
        """The fact entry whose source comes next in the article after this entry's source: what
        was done after 成立领导小组 is what the article tells next (制定《实施方案》)."""
        table = self.index.entries
        doc_id = table.doc_ids[table.doc_of[position]]
        text = self._article(doc_id)
        source = table.sentences[position]
        start = text.find(source)
        if start < 0:
            return None
        end = start + len(source) - 1  # a source may end on the comma the next one follows
        first, last = self.index.spans.get(doc_id, (0, len(table)))
        following = [
            (at, other)
            for other in range(first, last)
            if table.is_fact[other] and (at := text.find(table.sentences[other], end)) >= 0
        ]
        return min(following)[1] if following else None

    def _article(self, doc_id: str) -> str:
        """The article's sentences joined, as positions in it are counted (made once per article)."""
        text = self._articles.get(doc_id)
        if text is None:
            doc = self.knowledge.documents.get(doc_id)
            text = self._articles[doc_id] = "".join(doc.sentences()) if doc else ""
        return text
