"""Whether the best fact is sure enough to be given as the answer.

The score threshold (`Matching.answer`) decides most questions. Four things move it:

- a long question carries its own story, so its wording can never be close to a short curated
  one: it answers at `long_answer` when its best fact lacks nothing it names (`clean`) and gives
  the kind of answer asked;
- a what/how question whose best fact is far ahead of every other, missing only words common in
  Chinese at large (机会, 加强), answers below the threshold (`clear_winner`);
- a question that names the wrong person for what a fact tells (「镇长林卫东说办结率要稳定在98%以上吧」,
  where the article quotes 杨海鸥) is answered with that fact, naming who the article says it was
  (`wrong_person`; a claim naming the wrong village of the article too, `wrong_village`);
- a yes/no question checks a claim: when the best fact lacks a word of the claim that the
  knowledge never uses (「人才公园门票要钱吗」: 门票), the article cannot confirm it, whatever the
  score (`unconfirmed`).

An answer carries a correction of each false premise of its question (`corrections`): a post given
to someone else of the article, a village the fact does not name, a change claimed the other way,
a figure got wrong in the unit its fact uses. The count below the threshold that one fact alone
gives answers too (`sole_count`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from bot.config import Matching
from bot.index.search import Entry, Index
from bot.matching.premises import wrong_age, wrong_count
from bot.matching.scoring import WEIGHTS, Question, Scored, is_village
from bot.matching.terms import Term, coverage, term_match
from bot.question.kinds import Query
from bot.question.people import posts
from bot.question.units import COUNT, counted_in, figure_units, figures_in, units_after
from bot.text.normalize import normalize
from bot.text.numerals import ABOUT

#: The signals every entry has; any other is a penalty for something the question names that the
#: entry lacks (its focus, a number, a name, a place). The kind signal is a value, read apart.
CLEAN_SIGNALS = frozenset(("coverage", "wording", "sound", "subject", "kind", "number_aside"))
#: A word this frequent in jieba's general dictionary is a way of speaking (机会, 加强), not a
#: subject the knowledge could be missing (房价 655, 门票 653, GDP none).
SPEECH_FREQ = 5000
#: A figure with the unit it counts in, as normalised text writes it: 96人, 1.85万亩, 87%.
_FIGURE = re.compile(
    rf"(?<![\d.])(\d+(?:\.\d+)?{ABOUT}?(?:万|亿)?{ABOUT}?)"
    r"(人次|人|名|户|家|项|件|座|条|所|次|场|处|支|台|套|批|期|张|份|间|辆|万元|亿元|元|吨|亩|公里|千米|米|公斤|斤|岁|天|年|小时|分钟|%)"
)


#: Words of a change up and down: a claim of one, of a fact telling the other, is corrected.
_UP = frozenset("提高 提升 增长 增加 上升 上涨 增多 扩大".split())
_DOWN = frozenset("下降 降低 减少 下滑 回落 缩小 减小".split())


def clean(scored: Scored) -> bool:
    """Whether the entry lacks nothing the question names (no focus, number, name or place miss)."""
    return not scored.signals.keys() - CLEAN_SIGNALS


def held_after(index: Index, scored: Scored, posts: Iterable[str]) -> set[str]:
    """The people the entry of `scored` names right after one of `posts` (乡长邰素珩, 书记万国强)."""
    return held_in(index, index.entries[scored.position], posts)


def held_in(index: Index, entry: Entry, posts: Iterable[str]) -> set[str]:
    """The people `entry` names right after one of `posts`."""
    return {p for p in entry.words & index.people if any(f"{post}{p}" in entry.body for post in posts)}


class Confidence:
    """Threshold decisions over one index; `matching` is the engine's, kept in step by it."""

    def __init__(self, index: Index, matching: Matching) -> None:
        self.index = index
        self.matching = matching

    def sure(self, query: Query, facts: list[Scored]) -> bool:
        """Whether the best of `facts` is sure enough to answer: its score at `threshold`.

        A gate learned from labelled questions was measured in its place and not adopted
        (`python -m benchmarks.learnedgate`, docs/accuracy.md)."""
        return facts[0].score >= self.threshold(query, facts[0]) and "unit_miss" not in facts[0].signals

    def threshold(self, query: Query, best: Scored) -> float:
        """The score `best` must reach to answer: `answer`, or `long_answer` for a question of
        `long_terms` key terms or more, when `best` lacks nothing the question names and gives the
        kind of answer asked (「…生产线投资了多少钱」 of a fact telling no sum is no answer at all).

        A long question carries its own story (「为了不打扰企业，吴江开发区平时靠哪些网上渠道和
        企业沟通？」): it can never be worded like a short curated question, so its wording score
        stays low even when every word of the fact is in it.
        """
        m = self.matching
        told = clean(best) and best.signals["kind"] == 1.0
        return m.long_answer if told and len(set(query.terms)) >= m.long_terms else m.answer

    def clear_winner(self, query: Query, facts: list[Scored]) -> bool:
        """A fact below `answer` that still answers: well ahead of every other, and missing only
        words that are common in Chinese at large — ways of speaking, not subjects.

        「开发区招商局借着实践活动的机会重点在加强什么」 misses 机会, 重点 and 加强 (the fact says
        以实践活动为契机, 加快) and so scores low, yet nothing else comes near. Only for questions
        asking what or how: for 多大, 几号 or 谁 the kind check is coarse (any number passes for
        an age), so a low score there means the asked detail is missing, not the words.
        """
        m = self.matching
        best = facts[0]
        if best.score < m.clear_floor or query.asks is not None or not clean(best):
            return False
        if len(facts) > 1 and best.score - facts[1].score < m.clear_margin:
            return False
        entry = self.index.entries[best.position]
        if not any(term_match(t, entry) >= 0.9 for t in Question.of(self.index, query).terms):
            return False  # 「有没有奖励」 of a fact that only says 动员, a word akin: nothing it asks is there
        return all(self.index.general.get(t.text, 0) >= SPEECH_FREQ for t in self._missing(query, best))

    def sole_count(self, query: Query, facts: list[Scored]) -> bool:
        """Below the threshold, a count asked in its measure word (多少户农户入社) that the best fact
        alone of those near gives (鲜岙合作社吸纳农户412户): the article's one answer to it."""
        units = figure_units(query)
        best = facts[0]
        if units[:1] != (COUNT,) or not units[2] or best.score < self.matching.clear_floor or not clean(best):
            return False
        measured = counted_in(units[2])
        near = [s for s in facts[1:6] if s.score >= self.matching.suggest]
        entries = self.index.entries
        if self._other_subject(query, best):
            return False
        return bool(measured.search(normalize(entries[best.position].sentence))) and not any(
            measured.search(normalize(entries[s.position].sentence)) for s in near
        )

    def _other_subject(self, query: Query, best: Scored) -> bool:
        """Whether the question names a thing its best fact's article tells elsewhere but the fact
        does not (「蕰埼城市书房有多少个阅览座位」 of 「槲林村农家书屋…新增阅览座位32个」): it asks
        about another subject of that article, whose figure the fact is not."""
        doc = self.index.entries[best.position].doc_id
        # Only a name or term of the knowledge's own (埼阳路, 城市书房: the segmenter keeps them whole):
        # a common word the fact lacks (工人, 地方) is the asker's wording, not a subject.
        missing = [t.text for t in self._missing(query, best) if self.index.own_term(t.text)]
        return any(doc in self._articles_using(word) for word in missing)

    def _articles_using(self, word: str) -> set[str]:
        """The articles whose entries hold `word`, read from its postings."""
        entries = self.index.entries
        return {entries[p].doc_id for p in self.index.postings.get(f"w:{word}", ())}

    def wrong_person(self, query: Query, best: Scored) -> tuple[str, ...]:
        """The people `best` names instead of the person the question names, when that is all
        that keeps it from answering: a false premise to correct, not a question to decline.

        Only people: a company or a project the fact lacks is another subject (「远舟储能的项目哪天
        开工」 is not answered by 锐拓's project). The fact must name a person of its own, give
        the kind of answer asked, and score an answer without the name penalty.
        """
        if best.signals.keys() - CLEAN_SIGNALS != {"name_miss"} or best.signals["kind"] != 1.0:
            return ()
        index = self.index
        named = [t for t in query.terms if index.names_someone(t)]
        if not named or not all(t in index.people for t in named):
            return ()
        doc = index.entries[best.position].doc_id
        if any(self._of_another_article(t, doc) for t in named):
            return ()  # 「盛红明今年多大年纪」: a person of another article is asked about, not mistaken
        instead = tuple(sorted(index.entries[best.position].words & index.people))
        if not instead or self._subject_without(query, best, named) < self.threshold(query, best):
            return ()
        return instead

    def wrong_village(self, query: Query, best: Scored) -> tuple[str, ...]:
        """The villages `best` names instead of the one a yes/no question names, when that is all
        that keeps it from answering: 「冠军是甪岭村代表队吧」 of 「郄家畈村代表队夺得冠军」 is a false
        premise to correct. Only a claim checked (吧, 吗), and only a village of the same article:
        「甪岭村的篮球场有多大」 asks of another subject."""
        if not query.yes_no or best.signals.keys() - CLEAN_SIGNALS != {"name_miss"} or best.signals["kind"] != 1.0:
            return ()
        if any(self.index.names_someone(t) for t in query.terms):
            return ()
        # Under a name miss no village the question names is in the fact: the two lists are whole.
        instead, named = self._villages_instead(query, best)
        if not instead or not named or self._subject_without(query, best, named) < self.threshold(query, best):
            return ()
        return tuple(instead)

    def village_given_another(self, query: Query, best: Scored) -> tuple[str, str] | None:
        """(the villages the fact names, the one the claim names) when a yes/no question, answered
        by `best`, names a village of the article the fact does not: 「检查的是芰塘村工业集中区吧」
        of 「…检查了桧湾村工业集中区」."""
        if not query.yes_no:
            return None
        instead, named = self._villages_instead(query, best)
        return ("、".join(instead), "、".join(named)) if named and instead else None

    def _villages_instead(self, query: Query, best: Scored) -> tuple[list[str], list[str]]:
        """(the villages `best` names that the question does not, the ones the question names that
        `best` does not)."""
        words = self.index.entries[best.position].words
        named = [t for t in query.terms if is_village(self.index, t) and t not in words]
        instead = sorted(w for w in words if is_village(self.index, w) and w not in query.terms)
        return instead, named

    def said_around(self, query: Query, best: Scored, paragraph: str) -> tuple[str, ...] | None:
        """For a fact that names no one, asked with a person of its article (「镇长眭立新说要把达标率
        提高到多少」 of 「推动…达标率提高到100%」): the people `paragraph` (the article's words around
        its source) names instead, () when it names the one asked (or no one) — None when the name
        is not all that keeps it from answering. Who said a thing is context the curator left out,
        not another subject."""
        if best.signals.keys() - CLEAN_SIGNALS != {"name_miss"} or best.signals["kind"] != 1.0:
            return None
        index = self.index
        entry = index.entries[best.position]
        named = [t for t in query.terms if index.names_someone(t)]
        if not named or not all(t in index.people for t in named) or entry.words & index.people:
            return None
        if any(self._of_another_article(t, entry.doc_id) for t in named):
            return None
        if self._subject_without(query, best, named) < self.threshold(query, best):
            return None
        if all(t in paragraph for t in named):
            return ()
        people = (p for p in index.people if p in paragraph)
        return tuple(sorted(p for p in people if entry.doc_id in self._articles_using(p)))

    def _of_another_article(self, person: str, doc: str) -> bool:
        """Whether only articles other than `doc` name `person`: then the question is about
        someone of theirs, not a slip for someone of `doc`'s."""
        named_in = self._articles_using(person)
        return bool(named_in) and doc not in named_in

    def post_holders(self, query: Query, best: Scored) -> tuple[str, ...]:
        """The people `best` names right after the post the question gives a stranger
        (「乡长郦昀涛…」 of a fact saying 乡长邰素珩): whom the article says holds it."""
        words = query.words
        posts = {
            words[i - 1]
            for i in range(1, len(words))
            if any(stranger.startswith(words[i]) for stranger in query.strangers)  # 李/建华 too
        }
        return tuple(sorted(held_after(self.index, best, posts)))

    def corrections(self, query: Query, best: Scored, message: str = "") -> list[tuple[str, str]]:
        """(what the article has, what the question said) for each false premise of a question
        that `best` answers: a post given to someone else, a village the fact does not name, a
        change claimed the other way, a figure got wrong, an age got wrong anywhere in the
        `message` (the part answered may leave it out) — several may be wrong at once."""
        checks = (self.post_given_another, self.village_given_another, self.wrong_direction, self.wrong_figure)
        found = [wrong for check in checks if (wrong := check(query, best))]
        found += [wrong for check in (wrong_age, wrong_count) if (wrong := check(self.index, query, best, message))]
        return found

    def post_given_another(self, query: Query, best: Scored) -> tuple[str, str] | None:
        """(whom the article names after the post, whom the question does) when the question gives
        a post to a person of the article who does not hold it there: 「派出所所长仉海燕说…」 of an
        article whose 派出所所长 is 鄢志强 and whose 仉海燕 is someone else."""
        words, people = query.words, self.index.people
        doc = self.index.entries[best.position].doc_id
        start, end = self.index.spans.get(doc, (0, 0))
        for post, person in itertools.pairwise(words):
            if person not in people or not posts([post]):
                continue
            holders = {
                p for position in range(start, end) for p in held_in(self.index, self.index.entries[position], [post])
            }
            if holders and person not in holders:
                return "、".join(sorted(holders)), person
        return None

    def _subject_without(self, query: Query, best: Scored, names: list[str]) -> float:
        """How well `best` matches the question's subject with `names` left out: a wrong name
        weighs like the rarest word of all and must not hide how well the rest fits
        (「傩面雕刻传承人訾念宁带出了多少个徒弟」 of 禤守砚's 31 apprentices)."""
        entry = self.index.entries[best.position]
        terms = Question.of(self.index, query).terms
        rest = [t for t in terms if t.text not in names]
        if not rest:
            return best.signals["subject"]
        gained = coverage(rest, entry) - best.signals["coverage"]
        return best.signals["subject"] + WEIGHTS["coverage"] * max(0.0, gained)

    def wrong_figure(self, query: Query, best: Scored) -> tuple[str, str] | None:
        """(the article's figure, the question's) when a yes/no question checks a figure that the
        fact answering it tells otherwise, in the same unit: 「听说石楠坳村那晚转移了100人，对吧？」
        of a fact that says 96人 gets the fact, and 「文中说的是96人，不是100人。」.

        The unit ties the two figures to one measure; a fact giving several figures in that
        unit cannot say which the question got wrong, and corrects nothing.
        """
        if not query.yes_no or not query.checked:
            return None
        entry = self.index.entries[best.position]
        body = entry.body
        # Normalising drops the % (见面劝阻率达到了99%): a share is read as the user wrote it, and
        # told as the source writes it.
        shares = [(given, unit) for given, unit in _FIGURE.findall(query.raw) if unit == "%"]
        for given, unit in dict.fromkeys([*_FIGURE.findall(query.text), *shares]):
            if unit == "%":
                told = {f"{n}{u}" for n, u in _FIGURE.findall(entry.sentence) if u == "%"}
                if given in query.checked and f"{given}%" not in told and len(told) == 1:
                    return told.pop(), f"{given}%"
                continue
            if given not in query.checked or f"{given}{unit}" in body:
                continue
            # A measure the fact may write otherwise (10年 as 第5个年头), never the report's year.
            kinds = units_after(query.text, given)
            told = set(figures_in(body, kinds)) if kinds else {f"{n}{u}" for n, u in _FIGURE.findall(body) if u == unit}
            if len(told) == 1:
                return told.pop(), f"{given}{unit}"
        return None

    def wrong_direction(self, query: Query, best: Scored) -> tuple[str, str] | None:
        """(the fact's word, the question's) when a yes/no question claims a change the other way
        (「优良率比去年下降了4.5个百分点，是吗」 of 「…提高4.5个百分点」): a false premise to correct."""
        if not query.yes_no:
            return None
        words = self.index.entries[best.position].words
        for term in query.terms:
            if (term in _UP or term in _DOWN) and term not in words:
                told = sorted((_DOWN if term in _UP else _UP) & words)
                if told:
                    return told[0], term
        return None

    def unconfirmed(self, query: Query, best: Scored) -> bool:
        """Whether the best fact cannot confirm what is asked, whatever its score: it gives no
        figure in the unit asked (「得了多少分」 of a ranking), or a yes/no question's best fact
        lacks a subject word the knowledge never uses.

        「嘉兴人才公园门票要钱吗」 matches the fact that the 文明实践所 is in the 人才公园 closely
        enough to answer, but the claim checked is about 门票, which no article mentions: a yes
        or a no would be a guess. Words common in Chinese at large (好玩, 这边) are talk, not
        the claim; a number is checked by the number rules.
        """
        if "unit_miss" in best.signals:
            return True  # 「得了多少分」 of a fact that gives no score in 分: no figure it has is the answer
        if not query.yes_no:
            return False
        frequency, general = self.index.frequency, self.index.general
        return any(
            t.text not in frequency
            and len(t.text) >= 2
            and not t.number
            and general.get(t.text, 0) < SPEECH_FREQ
            and t.text not in self.index.function  # 全都, 真的: ways of speaking, no claim
            and not (t.text in _UP | _DOWN and self.wrong_direction(query, best))  # the other way: corrected
            for t in self._missing(query, best)
        )

    def _missing(self, query: Query, best: Scored) -> list[Term]:
        """The key terms of `query` that the entry of `best` does not contain."""
        entry = self.index.entries[best.position]
        return [t for t in Question.of(self.index, query).terms if term_match(t, entry) < 0.5]
