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
with every key term present, ~0.6 a confident paraphrase, and ≤ 0.5 a guess not to be shown as
an answer (README, "How matching works").
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.index import Entry, Index
from bot.knowledge import NUMBER
from bot.query import Query
from bot.text import pinyin, syllables

WEIGHTS = {"coverage": 0.55, "wording": 0.25, "sound": 0.20}
#: Score multiplier for an entry that cannot supply the kind of answer asked for.
WRONG_KIND = 0.6
#: Score multiplier when the question names a place the knowledge does not cover.
OTHER_PLACE = 0.35
#: Score multiplier when the fact never mentions the focus of the question (多少名**志愿者**).
FOCUS_MISS = 0.7
#: Score multiplier when the question gives a number the fact does not contain (2020年…).
NUMBER_MISS = 0.75
#: Article sentences have no curated questions; they answer only as a fallback.
SENTENCE = 0.85


@dataclass(frozen=True)
class Scored:
    position: int
    score: float
    signals: dict[str, float]


def term_match(index: Index, term: str, entry: Entry) -> float:
    """How well `entry` contains one key term: 1 same word, 0.9 homophone, less for typos."""
    if term in entry.words:
        return 1.0
    if len(term) > 1 and "".join(syllables(term)) in entry.pinyin_words:
        return 0.9
    if len(term) == 1:
        return 0.8 if term in entry.chars else 0.0
    if _is_number(term):
        # A number the question gives as context (「162次专题教育有多少人参加」) may sit elsewhere
        # in the fact's paragraph; any other number is a different fact.
        return 0.8 if term in entry.context_numbers else 0.0
    if index.neighbours(term) & entry.words:  # one character mistyped: 教肓 for 教育
        return 0.75 if len(term) >= 3 else 0.6
    if f" {pinyin(term)} " in entry.sound_text:  # a word broken by a homophone: 党史记念馆
        return 0.8
    present = sum(1 for ch in term if ch in entry.chars)
    share = present / len(term)
    return 0.7 * share if share >= 0.5 else 0.0


def coverage(index: Index, query: Query, entry: Entry) -> float:
    if not query.terms:
        return 0.0
    total = matched = 0.0
    for term in query.terms:
        weight = index.weight(term)
        if term in query.foreign:
            weight *= 2
        total += weight
        matched += weight * term_match(index, term, entry)
    return matched / total if total else 0.0


def wording(query: Query, entry: Entry) -> float:
    if not entry.questions:
        return fuzz.partial_ratio(query.compact, entry.body) / 100 * 0.8 if query.compact else 0.0
    words = " ".join(query.terms)
    best = 0.0
    for compact, qwords in zip(entry.questions, entry.question_words, strict=True):
        chars = fuzz.ratio(query.compact, compact)
        tokens = fuzz.token_sort_ratio(words, qwords) if words and qwords else 0.0
        best = max(best, 0.5 * chars + 0.5 * tokens)
    return best / 100


def sound(query: Query, entry: Entry) -> float:
    if not entry.question_pinyin or not query.pinyin:
        return 0.0
    return max(fuzz.ratio(query.pinyin, p) for p in entry.question_pinyin) / 100


def _is_number(term: str) -> bool:
    return bool(NUMBER.fullmatch(term))


def _only_given(query: Query, entry: Entry) -> bool:
    """「162次专题教育有多少人参加」: a fact whose only numbers are the ones the question gives
    cannot tell how many — the asked number must be another one."""
    if query.asks not in ("number", "money", "duration") or not entry.numbers or query.yes_no:
        return False
    given = {t for t in query.terms if _is_number(t)}
    return bool(given) and entry.numbers <= given


def score(index: Index, query: Query, position: int) -> Scored:
    entry = index.entries[position]
    signals = {
        "coverage": coverage(index, query, entry),
        "wording": wording(query, entry),
        "sound": sound(query, entry),
    }
    if not entry.questions:  # an article sentence: no curated wording to compare sounds with
        blended = (WEIGHTS["coverage"] + WEIGHTS["sound"]) * signals["coverage"] + WEIGHTS["wording"] * signals[
            "wording"
        ]
        blended *= SENTENCE
    else:
        blended = sum(WEIGHTS[name] * value for name, value in signals.items())
    signals["subject"] = round(blended, 4)  # how well it matches, whatever is asked about it
    kind = 1.0 if entry.supplies(query.asks) and not _only_given(query, entry) else WRONG_KIND
    signals["kind"] = kind
    blended *= kind
    if query.focus and term_match(index, query.focus, entry) < 0.5:
        blended *= FOCUS_MISS
        signals["focus_miss"] = FOCUS_MISS
    if any(_is_number(t) and t not in entry.context_numbers for t in query.terms):
        blended *= NUMBER_MISS
        signals["number_miss"] = NUMBER_MISS
    if query.foreign and not any(f in entry.words for f in query.foreign):
        blended *= OTHER_PLACE
        signals["other_place"] = OTHER_PLACE
    return Scored(position, round(min(1.0, max(0.0, blended)), 4), signals)


def rank(index: Index, query: Query, docs: set[str] | None) -> list[Scored]:
    """Recall, then re-rank; best first."""
    scored = [score(index, query, p) for p in index.recall(query, docs)]
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored
