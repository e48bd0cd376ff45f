"""One key term of a question, worked out once per index, and how well an entry holds it
(`term_match`): as the same word, a homophone, a typo one character off, a word broken by a
slip, a synonym or word of near meaning (Cilin), a level of government (县里), or its characters
scattered; `coverage` weighs the terms by rarity. The first of the scoring signals
(`bot.matching.scoring`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.index.search import Entry, Index
from bot.knowledge.model import NUMBER
from bot.matching.named import named_after
from bot.question.units import count_word, counts_in
from bot.text.sound import syllables

#: How much a synonym of a key term (Cilin, bot.text.thesaurus) counts for, against 1 for the word itself.
KIN = 0.6
#: A word of near meaning (one Cilin group, bot.text.thesaurus.cousins_of) counts for less.
COUSIN = 0.45
#: An ordinal (第二, 第3): like a number, a fact must say the same one.
ORDINAL = re.compile(r"第[\d一二三四五六七八九十百]+")
#: How many key terms an index remembers (`Term.of`) before it starts afresh.
CACHED_TERMS = 20_000

#: The levels of government a place word names (县里 is the county's).
_LEVELS = frozenset("省市县区镇乡村")


@dataclass(frozen=True)
class Term:
    """A key term of the question with what matching needs of it, worked out once per question."""

    text: str
    weight: float
    sound: str  # folded pinyin, syllables joined: matches an entry's pinyin words
    spaced: str  # " syllable syllable ": found inside an entry's running pinyin
    number: bool
    ordinal: bool  # 第二, 第3
    near: frozenset[str]  # knowledge words one character away (typo candidates)
    kin: frozenset[str]  # knowledge words of like meaning (bot.text.thesaurus): 治疗 for 医疗
    cousins: frozenset[str]  # …of near meaning, one Cilin group: 读物 for 图书
    level: str  # 县 of 县里: the level of government a place word names, or ""
    counted: str | None  # 架 of 几架: the measure a word of asking counts in

    @classmethod
    def of(cls, index: Index, text: str, foreign: bool = False) -> Term:
        """The term, worked out once an index: people ask the same words (党员, 多少) again and again."""
        known = index.memo.setdefault("terms", {})
        term = known.get((text, foreign))
        if term is None:
            if len(known) >= CACHED_TERMS:
                known.clear()
            term = known[(text, foreign)] = cls._of(index, text, foreign)
        return term

    @classmethod
    def _of(cls, index: Index, text: str, foreign: bool) -> Term:
        sounds = syllables(text)
        return cls(
            text=text,
            weight=index.weight(text) * (2 if foreign else 1),
            sound="".join(sounds),
            spaced=f" {' '.join(sounds)} ",
            number=bool(NUMBER.fullmatch(text)),
            ordinal=bool(ORDINAL.fullmatch(text)),
            # A real word one character from a knowledge word is another word (关门, 开门), not a typo.
            near=frozenset() if text in index.general else index.neighbours(text),
            kin=index.kin.get(text, frozenset()) | named_after(index).get(text, frozenset()),
            cousins=index.cousins.get(text, frozenset()),
            level=text[0] if len(text) == 2 and text[1] == "里" and text[0] in _LEVELS else "",
            counted=count_word(text),
        )


def term_match(term: Term, entry: Entry, scattered: bool = True) -> float:
    """How well `entry` contains one key term: 1 same word, 0.9 homophone, less for typos;
    with `scattered`, also its characters found apart (a word broken by an unknown slip)."""
    text = term.text
    if text in entry.words:
        return 1.0
    if len(text) == 1:
        return 0.8 if text in entry.chars else 0.0
    if term.counted:
        # 「有几架无人机」 of 「植保无人机11架」: the words of asking are no word of the fact; its count
        # in the measure asked is what they stand for.
        return 1.0 if counts_in(entry.body, term.counted) else 0.0
    if term.ordinal:
        return 0.0  # 第二环节 is not 第一环节, however alike they look and sound
    if term.sound in entry.pinyin_words:
        return 0.9
    if term.number:
        # A number the question gives as context (「162次专题教育有多少人参加」) may sit elsewhere
        # in the fact's paragraph; any other number is a different fact.
        return 0.8 if text in entry.context else 0.0
    if term.near and term.near & entry.words:  # one character mistyped: 教肓 for 教育
        return 0.75 if len(text) >= 3 else 0.6
    if term.spaced in entry.sound_text:  # a word broken by a homophone: 党史记念馆
        return 0.8
    if term.kin and not term.kin.isdisjoint(entry.words):  # a synonym: 联系 for 沟通
        return KIN
    if len(text) >= 3 and text[:-1] in entry.words:  # 总产量 for the article's 总产: the word cut short
        return KIN
    if term.cousins and not term.cousins.isdisjoint(entry.words):  # near in meaning: 读物 for 图书
        return COUSIN
    if term.level:  # 县里, 镇里: the county or the town, as a fact's 县应急管理局 or 全镇 names it
        return 0.8 if term.level in entry.chars else 0.0
    if not scattered:
        return 0.0
    share = sum(map(entry.chars.__contains__, text)) / len(text)
    return 0.7 * share if share >= 0.5 else 0.0


def coverage(terms: list[Term], entry: Entry, held: frozenset[str] = frozenset()) -> float:
    """The weighted share of `terms` that `entry` holds; `held` are terms known to be there in
    another form (明年 of a fact that says 2025年)."""
    total = found = 0.0
    words = entry.words
    for term in terms:
        total += term.weight
        # The same word is by far the commonest match: counted here without a call.
        found += term.weight if term.text in words or term.text in held else term.weight * term_match(term, entry)
    return found / total if total else 0.0
