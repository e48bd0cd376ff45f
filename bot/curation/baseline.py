"""A plain BM25 ranker over the same curated wordings, as the baseline `faqbot eval --baseline`
prints beside the engine.

Each curated question is a document labelled with its fact; a question's answer is the fact of
the best-scoring wording. Words are jieba's (its own dictionary, nothing from the bot), scoring
is Okapi BM25 (k1 1.5, b 0.75). It has no threshold, so it answers every question — out-of-scope
ones too — and no normalising, so traditional characters and Chinese numerals stay as typed.
That is the point: the engine's rules must earn their keep against it.
"""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from bot.curation.evaluate import Item, Outcome, Result, passes
from bot.knowledge.model import Fact, Knowledge
from bot.reply import Reply

K1 = 1.5
B = 0.75


def _words(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(text) if w.strip() and any(ch.isalnum() for ch in w)]


@dataclass
class BM25:
    """Okapi BM25 over the curated questions of a knowledge base."""

    facts: list[Fact]  # the fact of each document (curated wording)
    postings: dict[str, list[tuple[int, int]]]
    lengths: list[int]

    @classmethod
    def of(cls, knowledge: Knowledge) -> BM25:
        """Over every curated question of `knowledge`."""
        pairs = [(question, fact) for fact in knowledge.facts for question in fact.questions]
        return cls.of_wordings([q for q, _ in pairs], [f for _, f in pairs])

    @classmethod
    def of_wordings(cls, wordings: list[str], facts: list[Fact]) -> BM25:
        """Over `wordings`, the i-th one a question of `facts[i]`."""
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths: list[int] = []
        for wording in wordings:
            words = _words(wording)
            for word, count in Counter(words).items():
                postings[word].append((len(lengths), count))
            lengths.append(len(words))
        return cls(list(facts), dict(postings), lengths)

    def best(self, question: str) -> Fact | None:
        """The fact of the best-scoring curated wording, or None when no word is shared."""
        count = len(self.lengths) or 1
        average = sum(self.lengths) / count
        scores: dict[int, float] = defaultdict(float)
        for word in set(_words(question)):
            found = self.postings.get(word, [])
            if not found:
                continue
            idf = math.log(1 + (count - len(found) + 0.5) / (len(found) + 0.5))
            for document, tf in found:
                norm = K1 * (1 - B + B * self.lengths[document] / average)
                scores[document] += idf * tf * (K1 + 1) / (tf + norm)
        if not scores:
            return None
        return self.facts[max(scores, key=scores.__getitem__)]


def evaluate_baseline(knowledge: Knowledge, items: list[Item]) -> Result:
    """Run `items` through BM25: every question is answered with the best wording's fact."""
    ranker = BM25.of(knowledge)
    result = Result()
    for item in items:
        start = time.perf_counter()
        fact = ranker.best(item.question)
        seconds = time.perf_counter() - start
        if fact is None:
            reply = Reply(question=item.question, status="declined")
        else:
            reply = Reply(question=item.question, status="answered", answer=fact.answer, fact_id=fact.id, score=1.0)
        result.outcomes.append(
            Outcome(item, reply.status, reply.answer, reply.fact_id, reply.score, seconds, passes(item, reply))
        )
    return result
