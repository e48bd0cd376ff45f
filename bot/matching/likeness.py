"""How alike a question is to each candidate's curated wordings: by characters, words and sound.

The `wording` signal of an entry is the best of its curated questions, half character ratio, half
word ratio (both sides' key words sorted, so word order does not count); `sound` is the best
ratio of the question's pinyin to theirs, so 党组只有几个 still resembles 党组织有几个. Every
curated question of every candidate is compared with the question in one rapidfuzz call per
signal: a question has some twenty candidates of about seven wordings each, and one call over all
of them costs half of a call per entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.index.entries import Entry
from bot.question.kinds import Query


@dataclass(frozen=True)
class Likeness:
    """One entry's `wording` and `sound` signals, each in 0–1."""

    wording: float
    sound: float


def likeness(query: Query, entries: Sequence[Entry]) -> list[Likeness]:
    """The likeness of `query` to each of `entries`, in their order."""
    asked, words, pinyin = query.compact, query.term_words, query.pinyin
    owners: list[int] = []
    questions: list[str] = []
    question_words: list[str] = []
    sounds: list[str] = []
    sound_owners: list[int] = []
    for number, entry in enumerate(entries):
        owners += [number] * len(entry.questions)
        questions += entry.questions
        question_words += entry.question_words
        sounds += entry.question_pinyin
        sound_owners += [number] * len(entry.question_pinyin)
    both = [0.0] * len(questions)  # character ratio + word ratio, 0–200, per curated question
    if asked:
        for _, ratio, i in process.extract(asked, questions, scorer=fuzz.ratio, limit=None):
            both[i] = ratio
    if words:
        for _, ratio, i in process.extract(words, question_words, scorer=fuzz.ratio, limit=None):
            if question_words[i]:  # two empty strings are equal, and say nothing alike
                both[i] += ratio
    best = [0.0] * len(entries)
    for i, value in enumerate(both):
        if value > best[owners[i]]:
            best[owners[i]] = value
    heard = [0.0] * len(entries)
    if pinyin:
        for _, ratio, i in process.extract(pinyin, sounds, scorer=fuzz.ratio, limit=None):
            if ratio > heard[sound_owners[i]]:
                heard[sound_owners[i]] = ratio
    found = []
    for number, entry in enumerate(entries):
        if entry.questions:
            wording = best[number] / 200
        else:  # an article sentence: how much of it the question is, a little discounted
            wording = fuzz.partial_ratio(asked, entry.body) / 100 * 0.8 if asked else 0.0
        found.append(Likeness(wording, heard[number] / 100 if entry.question_pinyin else 0.0))
    return found
