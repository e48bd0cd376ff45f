"""False premises a message states beside what it asks, checked against the whole article: a
person's age (「今年74岁的厍秀芝…」 of 68岁的厍秀芝) and a count of a thing (「为民办实事项目有20项，
现在完工几项了」 of 12项). The answer then comes after the correction (`Confidence.corrections`
gathers these with the checks of the answering fact itself).
"""

from __future__ import annotations

import re

from bot.index.search import Index
from bot.matching.scoring import Scored
from bot.question.kinds import Query
from bot.question.people import ages_of
from bot.question.units import figure_value
from bot.text.normalize import normal_form, normalize

#: What may stand between a thing and its count (为民办实事项目**有**20项, 社员**共有**46名).
_LEADS = r"(?:有|达到?|为|共有?|是|约)?"
#: A count a clause gives of a thing (为民办实事项目有20项): the thing, the figure and its measure.
_PREMISE = re.compile(
    rf"(?P<thing>[\u4e00-\u9fff]{{2,12}}?){_LEADS}(?P<figure>\d+(?:\.\d+)?(?:万|亿)?)"
    r"(?P<unit>人次|人|名|户|家|项|件|座|条|所|场|处|支|台|套|批|间|辆|个)"
)
#: A clause that asks (多少, 几): its figure is the question, not a premise.
_ASKING = re.compile(r"多少|几|哪|吗|吧|什么|是否|有没有")


def wrong_age(index: Index, query: Query, best: Scored, message: str = "") -> tuple[str, str] | None:
    """(the article's age, the question's) when the question gives a person of the article an
    age the article gives otherwise, anywhere in it: 「今年74岁的厍秀芝…收入是多少」 of an article
    that says 68岁的剪纸传承人厍秀芝."""
    said = normal_form(message).replace(" ", "") or query.compact
    if "岁" not in said:
        return None
    sentences = _sentences(index, index.entries[best.position].doc_id)
    for person in sorted(p for p in index.people if p in said):
        given = ages_of(person, said)
        if len(given) != 1:
            continue
        told = frozenset().union(*(ages_of(person, text) for text in sentences if person in text))
        if len(told) == 1 and told != given:
            return next(iter(told)), next(iter(given))
    return None


def wrong_count(index: Index, query: Query, best: Scored, message: str = "") -> tuple[str, str] | None:
    """(the article's count, the message's) when a clause that asks nothing gives a count the
    article gives otherwise of the same thing: 「听说洞溪镇为民办实事项目有20项，现在完工几项了」
    of an article whose 为民办实事项目 are 12项. The thing is the longest run of words right
    before the count that the article also writes right before a count in that measure; the
    article must give it one count only."""
    for clause in (normal_form(message) if message else query.text).split():
        if _ASKING.search(clause):
            continue
        for found in _PREMISE.finditer(clause):
            if found.group("thing").endswith(("了", "过", "着")):
                continue  # 「转移了54人」: a count of what was done, of whom the clause may not say
            sentences = _sentences(index, index.entries[best.position].doc_id, compact=True)
            told = _counts_told(found.group("thing"), found.group("unit"), sentences)
            given = f"{found.group('figure')}{found.group('unit')}"
            if len(told) == 1 and figure_value(next(iter(told))) != figure_value(given):  # 3.2万 is 32000
                return next(iter(told)), given
    return None


def _sentences(index: Index, doc: str, compact: bool = False) -> tuple[str, ...]:
    """The article's entries' sentences, normalised (its clauses apart, or `compact`, joined):
    worked out once an index."""
    normalised = index.memo.setdefault("premise sentences", {})
    if (doc, compact) not in normalised:
        start, end = index.spans.get(doc, (0, 0))
        spaced = tuple(normalize(index.entries[p].sentence) for p in range(start, end))
        normalised[(doc, compact)] = tuple(text.replace(" ", "") for text in spaced) if compact else spaced
    return normalised[(doc, compact)]


def _counts_told(thing: str, unit: str, sentences: tuple[str, ...]) -> set[str]:
    """The counts in `unit` that `sentences` give right after the longest tail of `thing` (two
    characters or more) that any of them gives one after."""
    for size in range(len(thing), 1, -1):
        pattern = re.compile(rf"{re.escape(thing[-size:])}{_LEADS}(\d+(?:\.\d+)?(?:万|亿)?){re.escape(unit)}")
        told = {f"{m.group(1)}{unit}" for text in sentences for m in pattern.finditer(text)}
        if told:
            return told
    return set()
