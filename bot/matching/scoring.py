"""Re-ranking: how well one entry answers one question, as a calibrated score in 0–1.

Four signals, each in 0–1:

- `coverage`: the share of the question's key terms (weighted by rarity) that the entry
  contains — as the same word, as a homophone (same pinyin), or, for typos, mostly the same
  characters. A question about something the fact never mentions cannot score high.
- `wording`: rapidfuzz similarity of the question to the entry's closest curated question,
  character-level and word-level.
- `sound`: the same on pinyin, so 党组只有几个 still resembles 党组织有几个.
- `kind`: 1 when the entry can give what is asked (a number for 多少, a date for 什么时候),
  otherwise a penalty: a near miss, not an answer.

The blend is calibrated so that ≥ 0.9 means an answer worded almost like a curated question
with every key term present, ~0.6 a confident paraphrase (0.5 for a long one), and below 0.5
a guess not to be shown as an answer (README, "How matching works").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.index.search import Entry, Index
from bot.knowledge.model import NUMBER
from bot.matching.likeness import Likeness, likeness
from bot.matching.terms import KIN, ORDINAL, Term, coverage, term_match
from bot.question.focus import GENERIC
from bot.question.kinds import Query, described_ages, years_named
from bot.question.timeframe import (
    asks_done,
    inherits_year,
    names_a_plan,
    of_another_year,
    other_year,
    tells_plan_only,
    tells_year,
    tells_year_named,
    year_words,
)
from bot.question.units import COUNT, VILLAGE_ENDINGS, figure_units, tells_unit
from bot.question.untold import clauses, counted_kind
from bot.text.numerals import NUMBER_CHARS

WEIGHTS = {"coverage": 0.55, "wording": 0.25, "sound": 0.20}
#: Score multiplier for an entry that cannot supply the kind of answer asked for.
WRONG_KIND = 0.6
#: Score multiplier when the question names a place the knowledge does not cover.
OTHER_PLACE = 0.35
#: Score multiplier when the fact never mentions the focus of the question (多少名**志愿者**).
FOCUS_MISS = 0.7
#: Score multiplier when the fact names none of the names the question uses: 「杰必机电项目总投资
#:是多少」 is not answered by the 25亿元 of the 氮化镓 project.
NAME_MISS = 0.6
#: Score multiplier when a fact names what a count asks about but gives no figure beside it:
#: 「蘩岙乡有多少党员」 is not answered by 「…干部、党员、志愿者和群众一起上阵」.
UNCOUNTED = 0.75
#: Score multiplier when the question gives a number the fact does not contain (2020年…).
NUMBER_ASIDE = 0.92
NUMBER_MISS = 0.75
#: Score multiplier when the question asks a number in a unit the fact gives none in (多高, 多少亩).
UNIT_MISS = 0.75
#: Score multiplier when the question asks about another year (去年) and the fact speaks of none.
YEAR_MISS = 0.6
#: Score multiplier when a question asks what has been done (加装了多少部) and the fact tells only
#: a plan (计划…力争加装电梯不少于30部).
PLAN_ONLY = 0.85
#: Article sentences have no curated questions; they answer only as a fallback.
SENTENCE = 0.85


@dataclass(frozen=True)
class Scored:
    position: int
    score: float
    signals: dict[str, float]


def _said(query: Query, entry: Entry) -> float:
    """A question with no key term left once its place and asking words are gone (「涟禾乡在哪里」)
    covers an entry only by being one of its curated wordings, word for word: anything looser
    would let the place alone pick a fact."""
    return 1.0 if query.compact and query.compact in entry.questions else 0.0


@dataclass(frozen=True)
class Question:
    """A query with its terms prepared for scoring against many entries."""

    query: Query
    terms: list[Term]
    focus: tuple[Term, ...]  # the thing asked about and its alternatives: a fact must name one
    given: frozenset[str]  # the numbers the question gives, but calendar years
    years: frozenset[str]  # the calendar years it names (2024年)
    ordinals: frozenset[str]  # 第二, 第3: like a number, the fact must say the same
    numbered: tuple[tuple[str, re.Pattern[str]], ...]  # 四星庭院, 二期: a fact telling 五星庭院 tells another
    names: tuple[Term, ...]  # names of the knowledge it uses (杰必机电): the fact must name them
    units: tuple[str, ...]  # the units the number asked is in (多高 → 米, 公里…): the fact must use one
    year: re.Pattern[str] | None  # how a fact speaks of the other year asked about (去年 → 去年, 同期…)
    year_terms: frozenset[str]  # the key terms naming it (明年): held by a fact that tells that year
    counts: bool  # asks how many of its focus (多少党员): the fact's figure must stand beside it
    kind_of: str | None = None  # the word right before a counted focus (**合同**纠纷): the figure must count it
    done: bool = False  # asks what has been done (加装了多少部): a plan is no answer
    this_year: bool = False  # names 今年: a fact of another year written out is no answer
    whole: str = ""  # the level of 全县, 全市 it asks of: a fact never naming that level is of a town

    @classmethod
    def of(cls, index: Index, query: Query) -> Question:
        units = figure_units(query)
        years = years_named(query.words)
        return cls(
            query=query,
            terms=[Term.of(index, t, t in query.foreign) for t in query.terms],
            focus=tuple(Term.of(index, f) for f in query.focus),
            given=frozenset(t for t in query.terms if NUMBER.fullmatch(t)) - described_ages(query.words) - years,
            years=years,
            ordinals=frozenset(t for t in query.terms if ORDINAL.fullmatch(t)),
            numbered=tuple((t, _numbered(t)) for t in dict.fromkeys(query.terms) if _GRADED.match(t)),
            names=tuple(
                Term.of(index, t)
                for t in dict.fromkeys(query.terms)
                if index.names_someone(t) or is_village(index, t) or t in _village_stems(query.words)
            ),
            units=units,
            year=other_year(query.words),
            year_terms=year_words(query.terms),
            counts=query.asks == "number" and bool(query.focus) and not query.yes_no and not units,
            kind_of=counted_kind(query),
            done=asks_done(query.text),
            this_year="今年" in query.words or "本年" in query.words,
            # 「澥湄镇在全县排第几」 asks of the town, within the county; only with no place named is
            # the whole county asked about.
            whole="" if query.places else next((w[1] for w in query.words if w in _WHOLE_LEVELS), ""),
        )


#: A whole above a town (全县, 全市…), as a question asks of it; not 全区, which a zone calls itself.
_WHOLE_LEVELS = frozenset({"全县", "全市", "全省", "全国"})


#: A grade or rank named with a numeral (四星庭院, 一等奖, 二期工程, 三级): the numeral names which one.
_GRADED = re.compile(r"[一二三四五六七八九十两]+[星等级期届档]")


def _numbered(term: str) -> re.Pattern[str]:
    """The words that are `term` with other numerals (四星庭院 → 五星庭院, 三星庭院 …): another thing."""
    numeral = "[零〇一二两三四五六七八九十百千万亿0-9]"
    return re.compile("".join(numeral if c in NUMBER_CHARS else re.escape(c) for c in term))


def is_village(index: Index, term: str) -> bool:
    """A village or community the knowledge names (箬塘村): a fact about the town as a whole
    does not tell what 「箬塘村有没有建污水处理站」 asks."""
    return len(term) >= 3 and term.endswith(VILLAGE_ENDINGS) and term in index.vocabulary


def _names(name: Term, entry: Entry, asked: str) -> bool:
    """Whether `entry` names `name` (or its paragraph gave it just before: 眭家岗村…。经调解，三人…) —
    not a village as one example of several (「已在苜湾村等地建成收储点9个」): the figures are then the
    whole's, and a question of 苜湾村 alone is not told them, unless it says 等 too."""
    if term_match(name, entry) < 0.5 and name.text not in entry.context:
        return False
    if not name.text.endswith(VILLAGE_ENDINGS):
        return True  # 「封小平等人」: a person before 等 is one of those who did it
    example = name.text + "等"
    return example not in entry.body or example in asked or entry.body.count(name.text) > entry.body.count(example)


def _village_stems(words: tuple[str, ...]) -> set[str]:
    """The names jieba cut from their 村 or 社区 (东新/社区): the village is named all the same."""
    return {w for w, after in itertools.pairwise(words) if after in VILLAGE_ENDINGS and len(w) >= 2}


#: Generic words that name no thing a fact tells (数量, 情况, 时间) — not the ones for who leads
#: (领导, 负责人): 「中方的头儿」 is told by a fact naming the 负责人.
_NO_THING = GENERIC - {"领导", "负责人", "同志", "人员", "成员", "人家", "人"}


def _names_focus(focus: Term, entry: Entry) -> bool:
    """Whether `entry` names the focus as a word, or a long one's characters scattered over it
    with its head kept whole: Chinese compounds end in what they are, so 在校学生 is found in
    「在校…学生」 but not in 「住校…中学…寄宿生」, which has every character and no 学生."""
    matched = term_match(focus, entry, scattered=False)
    if matched == KIN and not focus.kin & entry.words - _NO_THING and focus.text[:-1] not in entry.words:
        return False  # 容量 is akin to 数量 in the thesaurus, and 数量 names no thing a fact tells
    if matched >= 0.5:
        return True
    # A compound whose head is of like meaning: a word akin to 儿童 is named by 留守儿童, which ends
    # in it. Not a word of near meaning only: Cilin's word groups file 机制 with 组织 and 支部.
    if any(word.endswith(kin) for kin in focus.kin - _NO_THING for word in entry.words):
        return True
    if len(focus.text) < 3 or term_match(focus, entry) < 0.5:
        return False
    head = focus.text[-2:]
    return len(focus.text) < 4 or head in entry.body or any(head in q for q in entry.questions)


def _head_named(question: Question, entry: Entry) -> bool:
    """Whether `entry` names the compound a focus word only qualifies: 「多少古村落保护资金」 asks a sum
    of 保护资金, which 「累计争取各类保护资金3100万元」 gives — Chinese compounds end in what they
    are, and the last two words of the question (保护资金) are the thing counted."""
    terms = question.query.terms
    first = question.focus[0].text
    if not question.counts or first not in terms:
        return False
    after = terms[terms.index(first) + 1 :]
    return len(after) >= 2 and f"{after[-2]}{after[-1]}" in entry.body


def _counted(sentence: str, focus: tuple[Term, ...], kind_of: str | None = None) -> bool:
    """Whether the clause of `sentence` that names a focus word gives a figure (412名党员, 党员
    总数达412人, 小菜园、小果园、小游园等“三小园”58个), or no clause names one (that is a focus
    miss, not this). When a clause names the kind asked (合同纠纷), that clause must give it:
    「土地权属和邻里纠纷146件…其余为合同、损害赔偿等纠纷」 counts no 合同纠纷."""
    naming = [clause for clause in clauses(sentence) if any(term.text in clause for term in focus)]
    if kind_of and any(kind_of in clause for clause in naming):
        naming = [clause for clause in naming if kind_of in clause]
    return not naming or any(re.search(r"\d", clause) for clause in naming)


def _only_given(question: Question, entry: Entry) -> bool:
    """「162次专题教育有多少人参加」: a fact whose only numbers are the ones the question gives
    cannot tell how many — the asked number must be another one."""
    query = question.query
    if query.asks not in ("number", "money", "duration") or not entry.numbers or query.yes_no:
        return False
    if not question.given and not query.approximate:
        return False
    return all(n in question.given or any(_near(n, a) for a in query.approximate) for n in entry.numbers)


def _near(number: str, rough: str) -> bool:
    """Whether `number` is what a rough figure stands for: 5000多 → 5000–5999, 60几 → 60–69."""
    try:
        value, base = float(number), int(rough)
    except ValueError:
        return number == rough
    step = 10 ** (len(rough) - len(rough.rstrip("0"))) if base else 1
    step = max(step, 10 if base >= 10 else 1)
    return base <= value < base + step


def score(index: Index, question: Question, position: int, alike: Likeness) -> Scored:
    entry = index.entries[position]
    query = question.query
    reported = index.years.get(entry.doc_id)
    told_year = question.year is not None and (
        tells_year(question.year, entry.sentence, reported)
        or inherits_year(question.year, entry.sentence, entry.context, reported)
    )
    held = question.year_terms if told_year else frozenset()
    signals = {
        "coverage": coverage(question.terms, entry, held) if question.terms else _said(query, entry),
        "wording": alike.wording,
        "sound": alike.sound,
    }
    if not entry.questions:  # an article sentence: no curated wording to compare sounds with
        blended = (WEIGHTS["coverage"] + WEIGHTS["sound"]) * signals["coverage"] + WEIGHTS["wording"] * signals[
            "wording"
        ]
        blended *= SENTENCE
    else:
        blended = sum(WEIGHTS[name] * value for name, value in signals.items())
    signals["subject"] = round(blended, 4)  # how well it matches, whatever is asked about it
    kind = 1.0 if entry.supplies(query.asks) and not _only_given(question, entry) else WRONG_KIND
    signals["kind"] = kind
    blended *= kind
    # The focus must be there as a word, not as characters scattered over the entry: 院长 is not
    # in 卫生院…排长队.
    if (
        question.focus
        and not any(_names_focus(f, entry) or names_a_plan(f.text, entry.sentence) for f in question.focus)
        and not _head_named(question, entry)
    ):
        blended *= FOCUS_MISS
        signals["focus_miss"] = FOCUS_MISS
        if query.asks == "money" and len(question.focus[0].text) == 1:
            # A price (多少钱一件): the unit is the focus, and a sum in 元 (收入4.3万元) gives no price.
            blended *= UNIT_MISS
            signals["unit_miss"] = UNIT_MISS
    elif (question.counts or question.units[:1] == (COUNT,)) and not _counted(
        entry.sentence, question.focus, question.kind_of
    ):
        blended *= UNCOUNTED
        signals["uncounted"] = UNCOUNTED
    if (
        (question.given and not question.given <= entry.context)
        or any(t not in entry.words for t in question.ordinals)
        or not all(tells_year_named(int(year), entry.sentence, entry.context, reported) for year in question.years)
    ):
        blended *= NUMBER_MISS
        signals["number_miss"] = NUMBER_MISS
    elif question.given and not question.given <= entry.numbers:
        blended *= NUMBER_ASIDE
        signals["number_aside"] = NUMBER_ASIDE
    # A count is looked for in the source as written: the answer cites the report's date.
    measured = entry.sentence if question.units[:1] == (COUNT,) else entry.measured
    if question.units and not tells_unit(measured, question.units):
        blended *= UNIT_MISS
        signals["unit_miss"] = UNIT_MISS
    # The sentence, not the answer: the answer cites the report date.
    if question.year and not told_year:
        blended *= YEAR_MISS
        signals["year_miss"] = YEAR_MISS
    elif question.this_year and of_another_year(entry.sentence, reported):
        blended *= YEAR_MISS  # 「今年…达到多少」 of 「2025年…力争…稳定在97%以上」
        signals["year_miss"] = YEAR_MISS
    if question.done and tells_plan_only(entry.sentence):
        blended *= PLAN_ONLY
        signals["plan_only"] = PLAN_ONLY
    if any(t not in entry.body and other.search(entry.body) for t, other in question.numbered):
        # 「四星庭院每户奖励多少钱」 of 「每户“五星庭院”发放500元」: the numeral names another grade.
        blended *= NAME_MISS
        signals["grade_miss"] = NAME_MISS
    # A name its paragraph gave just before (眭家岗村…。经调解，三人每人每月…) is not missing.
    if question.names and not any(_names(n, entry, question.query.text) for n in question.names):
        blended *= NAME_MISS
        signals["name_miss"] = NAME_MISS
    if question.whole and question.whole not in entry.body:
        # 「鄣溪县全县今年发案多少起」: the county's figure, which no fact about the town gives.
        blended *= OTHER_PLACE
        signals["level_miss"] = OTHER_PLACE
    if query.foreign and not any(f in entry.words for f in query.foreign):
        blended *= OTHER_PLACE
        signals["other_place"] = OTHER_PLACE
    return Scored(position, round(min(1.0, max(0.0, blended)), 4), signals)


def rank(index: Index, query: Query, docs: set[str] | None) -> list[Scored]:
    """Recall, then re-rank; best first."""
    question = Question.of(index, query)
    positions = index.recall(query, docs)
    alike = likeness(query, [index.entries[p] for p in positions])
    scored = [score(index, question, p, a) for p, a in zip(positions, alike, strict=True)]
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored
