"""Example questions, taken from the knowledge so they never go stale.

One source for every front end: the console's welcome, Telegram's /start buttons, and the
bot's own words (small talk and declines name a few questions it answers well).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.index.search import Index
from bot.knowledge.model import NUMBER, Fact, Knowledge
from bot.text.normalize import normalize

#: A question asking for a count or an amount.
ASKS_FIGURE = re.compile(r"多少|几")


def example_questions(
    knowledge: Knowledge, index: Index, answers: Callable[[str], str | None], count: int
) -> list[str]:
    """Up to `count` questions, one per tag, alternating between articles.

    A question that names its place and asks for a figure (多少, 几) the source states is
    preferred: it shows best what the bot is for, and makes sense to a newcomer. Only questions
    that are answered with their own fact when asked cold (`answers` gives the fact id) are kept.
    """
    aliases = index.aliases

    def merit(fact: Fact) -> int:
        document = knowledge.documents.get(fact.doc_id)
        if document is None:
            return 0
        question = fact.questions[0]
        figures = [n for n in NUMBER.findall(fact.source) if n not in document.date_numbers()]
        asks_figure = bool(figures) and bool(ASKS_FIGURE.search(question))
        place = normalize(document.place, aliases) if document.place else None
        names_place = bool(place) and place in normalize(question, aliases)
        return 2 * names_place + asks_figure

    firsts = [max(facts, key=merit) for facts in knowledge.topics().values()]  # first of the best
    firsts.sort(key=merit, reverse=True)  # stable: keeps the tag order among equals
    by_doc: dict[str, list[Fact]] = {}
    for fact in firsts:
        by_doc.setdefault(fact.doc_id, []).append(fact)
    rows = list(by_doc.values())
    width = max((len(r) for r in rows), default=0)
    interleaved = [r[i] for i in range(width) for r in rows if i < len(r)]  # one per article in turn
    examples: list[str] = []
    for fact in interleaved[: count * 4]:  # bounded: a check costs one answer each
        question = fact.questions[0]
        if answers(question) == fact.id:
            examples.append(question)
        if len(examples) == count:
            break
    return examples


def follow_up_example(knowledge: Knowledge, index: Index, examples: list[str]) -> str | None:
    """「那吴江开发区呢？」 with a place other than the first example's, if there are two places."""
    places = list(dict.fromkeys(d.place for d in knowledge.documents.values() if d.place))
    if len(places) < 2:
        return None
    first = normalize(examples[0], index.aliases) if examples else ""
    other = next((p for p in places if normalize(p, index.aliases) not in first), places[-1])
    return f"那{other}呢？"
