"""The other readings a question has inside one article, when it says less than the article does.

「岩汐镇造林造了多少亩」 fits the 1.85万亩 since 2023 and the 6200亩 of this year; 「涟禾乡的书记是谁」
fits the town's 党委书记 and a village's 党支部书记; 「蘩岙乡投入的资金是多少」 fits two sums. A
fact of the same article that covers the question as fully as the best one, and gives another
figure in the unit or measure asked (「婚姻家庭纠纷有多少件」: 97件 and 43件, `Readings.even`) or
another holder of the post asked, is a reading the user must choose between — however much closer
the best one's wording is. 「村里的林地面积有多少公顷」 names no
village: every village's figure close behind is a reading, however worded; 「全镇的…」 asks the
town's, and a village's is none. 「工坊今年培训了多少人次」 names neither of the two villages whose
workshops each give a count: both are readings. Two facts giving the same figure agree and leave
nothing to choose.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.config import Matching
from bot.index.search import Index
from bot.matching.confidence import clean, held_after
from bot.matching.scoring import Scored, is_village
from bot.matching.sentences import Sentences
from bot.question.kinds import Query
from bot.question.people import posts
from bot.question.timeframe import speaks_of_now_or_done
from bot.question.units import (
    CLAUSE_END,
    asked_units,
    asks_whole,
    figures_after,
    figures_counted,
    figures_in,
    measure_asked,
    tells_unit,
    told_of_parts,
    units_of,
    verb_asked,
)
from bot.text.lexicon import STOPWORDS, is_noise
from bot.text.normalize import normal_form

#: A village asked of without its name: 村里, 那个村, 哪个社区 (not 农村 or 村民).
_SOME_VILLAGE = re.compile(r"(?:[那这哪每各]个?)(?:村|社区)|(?:村|社区)里")
#: Words for whoever leads, naming no post: 「镇领导是谁」, 「经开区的负责人是谁」.
_LEADER = re.compile(r"领导|负责人|一把手|当家人|掌舵人")
#: A name asked without a word for a person (「一把手叫什么」).
_NAME_ASKED = re.compile(r"叫什么|叫啥|是谁|是哪一?位")
#: The kinds of answer a figure gives.
_FIGURES = ("number", "money", "duration", "age")
#: A figure told per head (每名党员联系10至15户, 户均, 人均): no reading of a total, unless asked so.
_EACH = re.compile(r"每(?![\d隔])|人均|户均|平均")
#: A figure told of a whole above the town (今年全县新建高标准农田6.8万亩).
_ABOVE_TOWN = re.compile(r"全[县市省国]")
#: How much less of the question another holder of the post asked may cover.
POST_SLACK = 0.15
#: …and another fact giving a figure in the unit asked (「郗泉村那起纠纷闹了多少年」: 三年 of the ridge,
#: 五年 of the homestead, the second a word short of the first).
UNIT_SLACK = 0.06
#: …and another village's or person's figure, the question naming neither (亓山村's workshop trained
#: 138人次, 厍口村's 96人次: the first names 竹编 too, and covers 「工坊培训了多少人次」 more).
OTHER_SLACK = 0.25
#: …as long as it covers most of the question itself.
OTHER_COVERAGE = 0.7


class Readings:
    """Facts of one article that a question fits alike (the decider owns one)."""

    def __init__(
        self, index: Index, matching: Matching, sentences: Sentences, plan_only: Callable[[Scored], bool]
    ) -> None:
        self.index = index
        self.matching = matching
        self.sentences = sentences
        self._plan = plan_only  # whether a fact tells a plan only (the decider's: source or answer)

    def alike(self, query: Query, best: Scored, others: list[Scored], close: list[Scored]) -> list[Scored]:
        """The facts among `others` (not already `close`) that are another reading of `query`:
        another figure a figure question fits evenly (`even`), another figure in the unit asked,
        another village's or person's count, or another holder of the post asked."""
        even = self.even(query, best, others, close)
        return even + [s for s in self._alike(query, best, others, close) if s not in even]

    def even(self, query: Query, best: Scored, others: list[Scored], close: list[Scored]) -> list[Scored]:
        """The facts among `others` that a question asking a figure fits as evenly as the best one:
        covering all it covers (at least `vague_coverage`), of the kind asked, close behind, and
        counting another figure in the unit or measure asked. 「婚姻家庭纠纷有多少件」 fits the
        township's 97件 and the 老娘舅 team's 43件 alike: the best one's closer wording is nothing
        the question says.

        No reading: a figure the best one's includes (or that includes it), a fact naming a village
        or person other than the question names, a village's figure when the whole is asked (全镇), a
        plan's figure when what there is or what was done is asked (现在, 已, 了), a figure per head
        (每名党员联系10至15户) when none is asked."""
        counting = self._counting(query)
        if counting is None or best.signals["coverage"] < self.matching.vague_coverage:
            return []
        named = {w for w in query.words if is_village(self.index, w) or w in self.index.people}
        whole = asked_units(query.text) if asks_whole(query.text) else ()  # 全镇…多少公顷
        mine, found = self._figures(counting, best), []
        for other in others:
            if other in close or not self._as_full(best, other):
                continue
            theirs, entry = self._figures(counting, other), self.index.entries[other.position]
            source = normal_form(entry.sentence)
            if (
                not theirs
                or mine <= theirs
                or theirs <= mine
                or (named and self._subjects(other) - named)
                or self._above(query, other)
                or (whole and told_of_parts(entry.measured, whole))
                or (speaks_of_now_or_done(query.text) and self._plan(other) and not self._plan(best))
            ):
                continue
            clauses = [c for c in CLAUSE_END.split(source) if counting(c)]
            if not _EACH.search(query.text) and clauses and all(_EACH.search(c) for c in clauses):
                continue  # 每名党员联系10至15户 is no reading of 「党员联系群众多少户」
            found.append(other)
        return found

    def _counting(self, query: Query) -> Callable[[str], frozenset[str]] | None:
        """How the figures a question asks for are read off a text: in the unit it asks (公里, 元),
        else in the measure word it counts in (册, 座, 人); None for a question asking no figure."""
        if query.asks not in _FIGURES or query.yes_no:
            return None
        if units := asked_units(query.text):
            return lambda text: figures_in(text, units)
        if measure := measure_asked(query.text):
            return lambda text: figures_counted(text, measure)
        if verb := verb_asked(query.words, query.terms):  # 「同比增长了多少」: what follows 增长
            return lambda text: figures_after(text, verb)
        return None

    def _figures(self, counting: Callable[[str], frozenset[str]], scored: Scored) -> frozenset[str]:
        """The figures a fact's source gives as `counting` reads them (as written, or normalised)."""
        entry = self.index.entries[scored.position]
        return counting(normal_form(entry.sentence)) or counting(entry.measured)

    def _alike(self, query: Query, best: Scored, others: list[Scored], close: list[Scored]) -> list[Scored]:
        units = units_of(query)
        villages = bool(units) and self._some_village(query)
        # Each village's figure is a reading however worded (「村里的林地面积有多少公顷」); another
        # holder of the post, or figure in the unit asked, may match a little less (县里 is half of
        # 县应急管理局副局长).
        slack = 1.0 if villages else UNIT_SLACK if units else POST_SLACK
        found = [s for s in others if s not in close and self._as_full(best, s, slack)]
        if villages:
            return [s for s in found if self._of_a_village(s, units) and not self.sentences.same_answer(best, s)]
        if units:
            # 「全镇的林地面积有多少公顷」 asks the town's figure: a village's is no other reading.
            whole = asks_whole(query.text) and not told_of_parts(self.index.entries[best.position].measured, units)
            return [
                s
                for s in found
                if not self._above(query, s)
                and tells_unit(measured := self.index.entries[s.position].measured, units)
                and not (whole and told_of_parts(measured, units))
                and not self.sentences.same_answer(best, s)
            ]
        if query.asks in ("number", "money") and not query.yes_no:
            # 「工坊今年培训了多少人次」: 亓山村's workshop and 厍口村's, the question naming neither.
            found = [
                s
                for s in others
                if s not in close and self._as_full(best, s, OTHER_SLACK) and s.signals["coverage"] >= OTHER_COVERAGE
            ]
            return [s for s in found if self._of_another(query, best, s) and not self.sentences.same_answer(best, s)]
        asked = self._posts_asked(query)
        if query.asks not in ("person", "named") or not asked or not (holders := held_after(self.index, best, asked)):
            return []
        # 「中心小学的校长叫啥」: the 初级中学's 校长 is no reading of a question naming the school.
        said = {t for t in query.terms if len(t) >= 3 and t not in asked and t not in self.index.places}
        told = [t for t in said if t in self.index.entries[best.position].body]
        return [
            s
            for s in found
            if (others_held := held_after(self.index, s, asked))
            and not others_held & holders
            and all(t in self.index.entries[s.position].body for t in told)
        ]

    def leaders(self, query: Query, facts: list[Scored]) -> list[Scored]:
        """For 「洞溪镇的领导是谁」, which names no post: the facts of the best one's article naming
        different people right after a post (the 党委书记, the 镇长) — each is a reading; the
        user says which. One alone is the answer when its post is of the body the question names
        (「派出所的一把手」: 派出所所长)."""
        who = query.asks in ("person", "named") or _NAME_ASKED.search(query.text)  # 一把手叫什么
        # 负责人 ends like a post, but names none: 「经开区的负责人是谁」 asks whoever leads.
        if (
            not who
            or not _LEADER.search(query.text)
            or {p for p in self._posts_asked(query) if not _LEADER.fullmatch(p)}
        ):
            return []
        doc = self.index.entries[facts[0].position].doc_id
        found: list[Scored] = []
        named: set[str] = set()
        for scored in facts[: self.matching.suggestions * 2]:
            entry = self.index.entries[scored.position]
            # Half the suggestion floor: a post-holder's fact seldom has the question's 领导.
            if entry.doc_id != doc or scored.score < self.matching.suggest / 2:
                continue
            held = held_after(self.index, scored, posts(entry.words))
            if held and not held & named:
                found.append(scored)
                named |= held
        if len(found) == 1 and not self._heads(query, found[0]):
            return []  # one post-holder, of no body the question names: no answer to 「领导是谁」
        return found

    def _heads(self, query: Query, scored: Scored) -> bool:
        """Whether the one person a fact names after a post heads the body the question names:
        「派出所的一把手叫什么」 of 「厍岭派出所所长鄢志强」 — a word of the question other than the
        place and the leader word, in the post before the name."""
        return bool(self.bodies_headed(query, scored))

    def bodies_headed(self, query: Query, scored: Scored) -> list[str]:
        """The words of the question naming the body whose head the fact names (派出所, 党委)."""
        entry = self.index.entries[scored.position]
        named = [t for t in query.terms if t not in self.index.places and not _LEADER.search(t) and len(t) >= 2]
        named_posts = posts(entry.words)
        held = held_after(self.index, scored, named_posts)
        return [
            t
            for t in named
            if any(
                re.search(rf"{re.escape(t)}[\u4e00-\u9fff]{{0,6}}{re.escape(post)}{re.escape(person)}", entry.body)
                for post in named_posts
                for person in held
            )
        ]

    def one_article_has(self, words: list[str]) -> bool:
        """Whether some of `words` are written in one article alone (派出所 of the anti-fraud story), so
        a question naming no place still says which article; 党委 is in every town's."""
        return any(len(self.index.documents_writing(word)) == 1 for word in words)

    def _above(self, query: Query, scored: Scored) -> bool:
        """Whether a fact tells figures of the whole county (or city) where the question names its
        town and not the county: 「据农业农村局统计，今年全县新建高标准农田6.8万亩，累计建成41.3万亩」 is
        no reading of 「岽畈乡今年新建高标准农田多少亩」 — the town's figure is asked."""
        if not query.places or _ABOVE_TOWN.search(query.text):
            return False
        entry = self.index.entries[scored.position]
        return bool(_ABOVE_TOWN.search(entry.sentence)) and not any(p in entry.body for p in query.places)

    def _some_village(self, query: Query) -> bool:
        """Whether a question asks of a village without naming one (村里, 那个村)."""
        asked = _SOME_VILLAGE.search(query.text) is not None
        return asked and not any(is_village(self.index, w) for w in query.words)

    def _of_another(self, query: Query, best: Scored, other: Scored) -> bool:
        """Whether `other` gives a figure of another village or person than the best fact does, and
        the question names neither: it says less than the article, and either is meant. Each must
        name someone the other does not; one may name the other's village too (下槲村's secretary
        led 73 out 「几乎同一时间」 as 石楠坳村's led 96: 「村支书那晚带队转移了多少人」)."""
        mine, theirs = self._subjects(best), self._subjects(other)
        asked = set(query.words) | set(query.terms)
        return (
            bool(mine - theirs)
            and bool(theirs - mine)
            and asked.isdisjoint(mine | theirs)
            and bool(self.index.entries[other.position].numbers)
        )

    def _subjects(self, scored: Scored) -> frozenset[str]:
        """The villages and people a fact names (a person of a rare surname may be cut apart in its
        words: 厍/秀芝, so people are looked for in its text)."""
        entry = self.index.entries[scored.position]
        villages = {w for w in entry.words if is_village(self.index, w)}
        return frozenset(villages | {p for p in self.index.people if p in entry.body})

    def _of_a_village(self, scored: Scored, units: tuple[str, ...]) -> bool:
        """Whether the entry gives its figures in `units` of a named village (仉家坳村林地2100公顷)."""
        return told_of_parts(self.index.entries[scored.position].measured, units)

    def agree(self, query: Query, best: Scored, other: Scored) -> bool:
        """Whether two facts give the same figures in the unit the question asks: 「铺设污水管网
        多少公里」 is 38.6公里 in the summary that opens the story and in the paragraph that tells
        it, so there is nothing to choose; 「建成村级污水处理站多少座」 is 12座 in both."""
        counting = self._counting(query)
        if counting is None:
            return False
        told = self._figures(counting, best)
        return bool(told) and told == self._figures(counting, other)

    def _as_full(self, best: Scored, other: Scored, slack: float = 0.0) -> bool:
        """`other` is of the best one's article, close behind it, of the kind asked, and covers
        the question as fully (within `slack`)."""
        return (
            self.index.entries[other.position].doc_id == self.index.entries[best.position].doc_id
            and clean(other)
            and other.signals["kind"] == 1.0
            and best.score - other.score < self.matching.unit_margin
            and other.signals["coverage"] >= best.signals["coverage"] - slack
        )

    def _posts_asked(self, query: Query) -> frozenset[str]:
        """The posts a question names, with the words that qualify them: 党工委/书记 asks the
        党工委书记, whom a 党委书记 is not. A place, a stopword such as 的, or punctuation ends
        the qualifier."""
        words, found = query.words, set()
        for i, word in enumerate(words):
            if not posts([word]):
                continue
            start = i
            while start > max(0, i - 2) and not self._ends_qualifier(words[start - 1]):
                start -= 1
            found.add("".join(words[start : i + 1]))
        return frozenset(found)

    def _ends_qualifier(self, word: str) -> bool:
        return word in self.index.places or word in STOPWORDS or is_noise(word)
