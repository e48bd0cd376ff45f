"""The entries of the index, stored compactly and handed out as ready-to-score `Entry` objects.

A thousand towns make some 300 000 entries. As objects, each holding frozensets of one- and
two-character strings (a CJK character is a 76-byte `str` of its own, a set table a few hundred
bytes more), they took about 27 KB apiece: 8 GB at ×1000, and a pickle that took over a minute
to load. Only the few dozen entries a question recalls are ever scored, so `EntryTable` keeps
every entry as a handful of plain strings in columns — its words joined by newlines, its
questions likewise — and builds the `Entry` scoring needs on first use, keeping the ones
built last (first in, first out). Forms that follow from others (the characters, the running pinyin) are not
stored at all.

Newlines are safe separators: normalised text has none (whitespace collapses to one space).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.text.sound import pinyin

#: How many materialised entries are kept. The bundled knowledge fits whole; at scale it holds
#: the entries of the last questions (a question scores about twenty).
CACHED_ENTRIES = 4096

T = TypeVar("T")


@dataclass
class Entry:
    """One searchable unit: a curated fact, or (fact_id None) an article sentence."""

    fact_id: str | None
    doc_id: str
    place: str | None
    sentence: str  # the verbatim source sentence
    questions: list[str]  # normalised, spaces removed
    question_words: list[str]  # words joined by spaces, for token-based ratios
    question_pinyin: list[str]
    words: frozenset[str]
    pinyin_words: frozenset[str]
    chars: frozenset[str]
    kinds: frozenset[str]  # the kinds of answer its source can give (bot.question.kinds.supplies)
    numbers: frozenset[str]  # the numbers its answer tells (the report date left out)
    context: frozenset[str]  # the numbers of its source's paragraph, and whom it names before the source
    body: str  # normalised answer and source, spaces removed
    tags: tuple[str, ...] = ()
    _sound_text: str | None = field(default=None, repr=False, compare=False)

    @property
    def measured(self) -> str:
        """The source as written and the normalised body: where a figure's unit is looked for
        (normalising drops the % of a share)."""
        return f"{self.sentence} {self.body}"

    def supplies(self, kind: str | None) -> bool:
        return kind is None or kind in self.kinds

    @property
    def sound_text(self) -> str:
        """ " " + the pinyin of the questions and the body + " ", worked out on first use.

        Scoring reads it only for a key term no other test matched (a word broken by a
        homophone: 党史记念馆), and it is the dearest form to make.
        """
        if self._sound_text is None:
            # pinyin() skips spaces, so the pinyin of the spaceless forms is that of the spaced.
            self._sound_text = f" {pinyin(''.join(self.questions) + self.body)} "
        return self._sound_text


def _join(items: Iterable[str]) -> str | None:
    """Strings as one newline-joined string; None for none (so [] and [""] stay apart)."""
    items = list(items)
    return "\n".join(items) if items else None


def _split(joined: str | None) -> list[str]:
    return [] if joined is None else joined.split("\n")


class EntryTable:
    """Every entry of the index, column by column; `table[i]` is the `Entry` at position i."""

    def __init__(self) -> None:
        self.fact_ids: list[str | None] = []
        self.is_fact = bytearray()  # 1 for a curated fact: recall sorts facts and sentences apart
        self.doc_of = array("i")  # position in doc_ids
        self.doc_ids: list[str] = []
        self.doc_places: list[str | None] = []
        self.sentences: list[str] = []
        self.questions: list[str | None] = []
        self.question_words: list[str | None] = []
        self.question_pinyin: list[str | None] = []
        self.words: list[str | None] = []
        self.pinyin_words: list[str | None] = []
        self.bodies: list[str] = []
        self.kinds: list[frozenset[str]] = []
        self.numbers: list[frozenset[str]] = []
        self.context: list[frozenset[str]] = []
        self.tags: list[tuple[str, ...]] = []
        self._docs: dict[str, int] = {}
        # Equal small sets (the kinds, the numbers of one paragraph) are stored once: the pickle
        # keeps shared objects shared.
        self._shared: dict[object, Any] = {}
        self._cache: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self.fact_ids)

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(len(self)))

    def __getitem__(self, position: int) -> Entry:
        entry = self._cache.get(position)
        if entry is None:
            if position < 0:
                position += len(self)
            if not 0 <= position < len(self):
                raise IndexError(position)
            if len(self._cache) >= CACHED_ENTRIES:
                del self._cache[next(iter(self._cache))]  # the oldest materialised entry
            entry = self._cache[position] = self._materialise(position)
        return entry

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_cache"] = {}
        state["_shared"] = {}
        state["_docs"] = {}
        return state

    def add(
        self,
        *,
        fact_id: str | None,
        doc_id: str,
        place: str | None,
        sentence: str,
        questions: list[str],
        question_words: list[str],
        question_pinyin: list[str],
        words: Iterable[str],
        pinyin_words: Iterable[str],
        kinds: frozenset[str],
        numbers: frozenset[str],
        context: frozenset[str],
        body: str,
        tags: tuple[str, ...],
    ) -> None:
        """Store one entry (the build's way in): the fields of `Entry` that are not derived."""
        doc = self._docs.get(doc_id)
        if doc is None:
            doc = self._docs[doc_id] = len(self.doc_ids)
            self.doc_ids.append(doc_id)
            self.doc_places.append(place)
        self.fact_ids.append(fact_id)
        self.is_fact.append(1 if fact_id else 0)
        self.doc_of.append(doc)
        self.sentences.append(sentence)
        self.questions.append(_join(questions))
        self.question_words.append(_join(question_words))
        self.question_pinyin.append(_join(question_pinyin))
        self.words.append(_join(sorted(words)))
        self.pinyin_words.append(_join(sorted(pinyin_words)))
        self.bodies.append(body)
        self.kinds.append(self._share(kinds))
        self.numbers.append(self._share(numbers))
        self.context.append(self._share(context))
        self.tags.append(self._share(tags))

    def _share(self, value: T) -> T:
        return self._shared.setdefault(value, value)

    def _materialise(self, position: int) -> Entry:
        questions = _split(self.questions[position])
        body = self.bodies[position]
        doc = self.doc_of[position]
        return Entry(
            fact_id=self.fact_ids[position],
            doc_id=self.doc_ids[doc],
            place=self.doc_places[doc],
            sentence=self.sentences[position],
            questions=questions,
            question_words=_split(self.question_words[position]),
            question_pinyin=_split(self.question_pinyin[position]),
            words=frozenset(_split(self.words[position])),
            pinyin_words=frozenset(_split(self.pinyin_words[position])),
            chars=frozenset(body + "".join(questions)),
            kinds=self.kinds[position],
            numbers=self.numbers[position],
            context=self.context[position],
            body=body,
            tags=self.tags[position],
        )
